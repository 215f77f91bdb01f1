import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/core/errors';
import type { CorrectnessInput } from '../../src/core/readCorrectness';
import type { NumericInput } from '../../src/core/types';
import {
  accuracyAtCoverage,
  augrc,
  aurc,
  coverageAtRisk,
  eAurc,
  riskCoverageCurve,
  selectWithGuaranteedRisk,
} from '../../src/selective/index';
import { expectError, tensorLike } from '../core/expectError';

// The invariances every function of the risk–coverage family must share, in
// the manner of scikit-learn's test_common: one table, every function.
type RiskFn = (correct: CorrectnessInput, confidence: NumericInput, options?: { input?: 'correctness' | 'loss' }) => unknown;
const riskFunctions: [string, RiskFn][] = [
  ['riskCoverageCurve', (c, f, o) => riskCoverageCurve(c, f, o)],
  ['aurc', (c, f, o) => aurc(c, f, o)],
  ['eAurc', (c, f, o) => eAurc(c, f, o)],
  ['augrc', (c, f, o) => augrc(c, f, o)],
  ['accuracyAtCoverage', (c, f, o) => accuracyAtCoverage(c, f, 0.6, o)],
  ['coverageAtRisk', (c, f, o) => coverageAtRisk(c, f, 0.3, o)],
  ['selectWithGuaranteedRisk', (c, f, o) => selectWithGuaranteedRisk(c, f, { targetRisk: 0.6, delta: 0.2, ...o })],
];

const correct = [1, 0, 1, 1, 0, 1, 1, 1, 0, 1];
const conf = [0.9, 0.4, 0.8, 0.8, 0.3, 0.7, 0.95, 0.6, 0.65, 0.5];

describe.each(riskFunctions)('%s', (name, fn) => {
  it('throws a MetricInputError naming the function for a NaN confidence', () => {
    expectError(() => fn([1, 0, 1], [0.2, 0.1, NaN]), MetricInputError, `${name}: confidence[2] is NaN`);
  });

  it('throws for empty input and for a length mismatch', () => {
    expectError(() => fn([], []), MetricInputError, `${name}: correct is empty`);
    expectError(() => fn([1, 0], [0.5]), MetricInputError, `${name}: correct has 2 entries but confidence has 1`);
  });

  it('throws for correctness that is not 0, 1 or boolean', () => {
    expectError(() => fn([1, 2], [0.5, 0.4]), MetricInputError, new RegExp(`^${name}: correct\\[1\\] is 2, expected 0, 1, false or true`));
  });

  it('gives the same result for booleans, typed arrays and tensors', () => {
    const expected = fn(correct, conf);
    expect(fn(correct.map((c) => c === 1), conf)).toEqual(expected);
    expect(fn(Uint8Array.from(correct), Float64Array.from(conf))).toEqual(expected);
    expect(fn(tensorLike(correct), Float64Array.from(conf))).toEqual(expected);
  });

  it('does not depend on the order of the examples', () => {
    const order = [3, 7, 0, 9, 2, 5, 1, 8, 6, 4];
    expect(fn(order.map((i) => correct[i]), order.map((i) => conf[i]))).toEqual(fn(correct, conf));
  });

  it('treats 0/1 losses as the complement of correctness', () => {
    expect(fn(correct.map((c) => 1 - c), conf, { input: 'loss' })).toEqual(fn(correct, conf));
  });

  it('does not modify its inputs', () => {
    const c = Float64Array.from(correct);
    const f = Float64Array.from(conf);
    fn(c, f);
    expect(Array.from(c)).toEqual(correct);
    expect(Array.from(f)).toEqual(conf);
  });
});
