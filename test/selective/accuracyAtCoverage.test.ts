import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/core/errors';
import { accuracyAtCoverage } from '../../src/selective/accuracyAtCoverage';
import { expectError } from '../core/expectError';

const correct = [1, 1, 0, 1, 0, 1, 1, 0, 1, 0];
const conf = [0.95, 0.9, 0.85, 0.8, 0.7, 0.65, 0.6, 0.5, 0.4, 0.3];

describe('accuracyAtCoverage', () => {
  it('is the accuracy of the most confident fraction, worked by hand', () => {
    expect(accuracyAtCoverage(correct, conf, 0.2)).toBe(1);
    expect(accuracyAtCoverage(correct, conf, 0.3)).toBeCloseTo(2 / 3, 15);
    expect(accuracyAtCoverage(correct, conf, 0.7)).toBeCloseTo(5 / 7, 15);
    expect(accuracyAtCoverage(correct, conf, 1)).toBeCloseTo(0.6, 15);
  });

  it('rounds the coverage up to the next threshold, 0.25 of 10 accepting 3', () => {
    expect(accuracyAtCoverage(correct, conf, 0.25)).toBeCloseTo(2 / 3, 15);
  });

  it('accepts a tie that straddles the target as a whole', () => {
    expect(accuracyAtCoverage([1, 0, 1, 1], [0.9, 0.5, 0.5, 0.5], 0.5)).toBeCloseTo(0.75, 15);
  });

  it('gives 1 − mean loss for losses', () => {
    expect(accuracyAtCoverage([0.2, 0.4, 1], [3, 2, 1], 2 / 3, { input: 'loss' })).toBeCloseTo(0.7, 15);
  });

  it('rejects a coverage outside (0, 1]', () => {
    expectError(() => accuracyAtCoverage(correct, conf, 0), MetricInputError, 'accuracyAtCoverage: coverage is 0, expected a finite number > 0 and <= 1');
    expectError(() => accuracyAtCoverage(correct, conf, 1.5), MetricInputError, 'accuracyAtCoverage: coverage is 1.5, expected a finite number > 0 and <= 1');
  });
});
