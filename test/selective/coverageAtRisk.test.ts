import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/core/errors';
import { coverageAtRisk } from '../../src/selective/coverageAtRisk';
import { expectError } from '../core/expectError';

const correct = [1, 1, 0, 1, 0, 1, 1, 0, 1, 0];
const conf = [0.95, 0.9, 0.85, 0.8, 0.7, 0.65, 0.6, 0.5, 0.4, 0.3];

describe('coverageAtRisk', () => {
  it('finds the largest coverage with risk at most maxRisk, worked by hand', () => {
    // risks by coverage: 1:0, 2:0, 3:1/3, 4:1/4, 5:2/5, 6:2/6, 7:2/7, 8:3/8, 9:3/9, 10:4/10
    expect(coverageAtRisk(correct, conf, 0.3)).toEqual({ coverage: 0.7, threshold: 0.6, risk: 2 / 7 });
    expect(coverageAtRisk(correct, conf, 0.25)).toEqual({ coverage: 0.4, threshold: 0.8, risk: 0.25 });
    expect(coverageAtRisk(correct, conf, 0)).toEqual({ coverage: 0.2, threshold: 0.9, risk: 0 });
    expect(coverageAtRisk(correct, conf, 0.4)).toEqual({ coverage: 1, threshold: 0.3, risk: 0.4 });
  });

  it('looks past a first crossing: the risk need not be monotone', () => {
    // risk by coverage: 1, 1/2, 1/3, 1/4 → at maxRisk 0.3 the answer is coverage 1
    expect(coverageAtRisk([0, 1, 1, 1], [4, 3, 2, 1], 0.3)).toEqual({ coverage: 1, threshold: 1, risk: 0.25 });
  });

  it('accepts nothing when no threshold is good enough', () => {
    expect(coverageAtRisk([0, 0, 1], [0.9, 0.8, 0.1], 0.1)).toEqual({ coverage: 0, threshold: Infinity, risk: NaN });
  });

  it('rejects a negative maxRisk', () => {
    expectError(() => coverageAtRisk(correct, conf, -0.1), MetricInputError, 'coverageAtRisk: maxRisk is -0.1, expected a finite number >= 0');
  });
});
