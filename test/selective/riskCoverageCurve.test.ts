import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/core/errors';
import { riskCoverageCurve } from '../../src/selective/riskCoverageCurve';
import { expectError, tensorLike } from '../core/expectError';

const arr = (a: Float64Array) => Array.from(a);

describe('riskCoverageCurve', () => {
  it('gives one point per distinct confidence, thresholds increasing and coverage decreasing', () => {
    const c = riskCoverageCurve([1, 0, 1, 1], [0.9, 0.8, 0.7, 0.7]);
    expect(arr(c.thresholds)).toEqual([0.7, 0.8, 0.9]);
    expect(arr(c.coverage)).toEqual([1, 0.5, 0.25]);
    expect(arr(c.risk)).toEqual([0.25, 0.5, 0]);
  });

  it('accepts or rejects tied confidences together', () => {
    const c = riskCoverageCurve([0, 1, 1, 0], [0.5, 0.5, 0.9, 0.5]);
    expect(arr(c.thresholds)).toEqual([0.5, 0.9]);
    expect(arr(c.coverage)).toEqual([1, 0.25]);
    expect(arr(c.risk)).toEqual([0.5, 0]);
  });

  it('does not depend on the order of the examples', () => {
    const a = riskCoverageCurve([1, 0, 1, 0, 1], [0.1, 0.2, 0.3, 0.2, 0.9]);
    const b = riskCoverageCurve([1, 0, 0, 1, 1], [0.9, 0.2, 0.2, 0.3, 0.1]);
    expect(a).toEqual(b);
  });

  it('reads booleans, typed arrays and tensors', () => {
    const expected = riskCoverageCurve([1, 0, 1], [0.3, 0.2, 0.1]);
    expect(riskCoverageCurve([true, false, true], Float32Array.of(0.3, 0.2, 0.1))).toEqual(
      riskCoverageCurve([1, 0, 1], Float32Array.of(0.3, 0.2, 0.1)),
    );
    expect(riskCoverageCurve(Uint8Array.of(1, 0, 1), [0.3, 0.2, 0.1])).toEqual(expected);
    expect(riskCoverageCurve(tensorLike([1, 0, 1]), [0.3, 0.2, 0.1])).toEqual(expected);
  });

  it('has risk 0 everywhere when every prediction is right', () => {
    const c = riskCoverageCurve([1, 1, 1], [0.2, 0.5, 0.9]);
    expect(arr(c.risk)).toEqual([0, 0, 0]);
  });

  it('has risk 1 everywhere when every prediction is wrong', () => {
    const c = riskCoverageCurve([0, 0, 0], [0.2, 0.5, 0.9]);
    expect(arr(c.risk)).toEqual([1, 1, 1]);
    expect(arr(c.coverage)).toEqual([1, 2 / 3, 1 / 3]);
  });

  it('gives a single point for a constant confidence', () => {
    const c = riskCoverageCurve([1, 0, 1, 1], [0.6, 0.6, 0.6, 0.6]);
    expect(arr(c.thresholds)).toEqual([0.6]);
    expect(arr(c.coverage)).toEqual([1]);
    expect(arr(c.risk)).toEqual([0.25]);
  });

  it('takes real-valued losses with input: loss', () => {
    const c = riskCoverageCurve([0.5, 2, 0, 1], [0.9, 0.1, 0.9, 0.4], { input: 'loss' });
    expect(arr(c.thresholds)).toEqual([0.1, 0.4, 0.9]);
    expect(arr(c.coverage)).toEqual([1, 0.75, 0.5]);
    expect(arr(c.risk)).toEqual([3.5 / 4, 1.5 / 3, 0.25]);
  });

  it('treats 0/1 losses like correctness with the roles swapped', () => {
    const a = riskCoverageCurve([1, 0, 0, 1], [0.4, 0.3, 0.2, 0.1]);
    const b = riskCoverageCurve([0, 1, 1, 0], [0.4, 0.3, 0.2, 0.1], { input: 'loss' });
    expect(a).toEqual(b);
  });

  it('rejects NaN and infinite confidences', () => {
    expectError(() => riskCoverageCurve([1, 0, 1], [0.5, NaN, 0.1]), MetricInputError, 'riskCoverageCurve: confidence[1] is NaN');
    expectError(() => riskCoverageCurve([1, 0], [Infinity, 0.1]), MetricInputError, 'riskCoverageCurve: confidence[0] is Infinity');
  });

  it('rejects empty input and length mismatches', () => {
    expectError(() => riskCoverageCurve([], []), MetricInputError, 'riskCoverageCurve: correct is empty');
    expectError(
      () => riskCoverageCurve([1, 0], [0.5]),
      MetricInputError,
      'riskCoverageCurve: correct has 2 entries but confidence has 1',
    );
  });

  it('rejects correctness that is not 0, 1 or boolean, and negative losses', () => {
    expectError(() => riskCoverageCurve([1, 0.5], [0.5, 0.4]), MetricInputError, /^riskCoverageCurve: correct\[1\] is 0.5, expected 0, 1, false or true/);
    expectError(
      () => riskCoverageCurve([1, -1], [0.5, 0.4], { input: 'loss' }),
      MetricInputError,
      'riskCoverageCurve: correct[1] is -1, a loss must be a finite number >= 0',
    );
    expectError(
      () => riskCoverageCurve([1, 0], [0.5, 0.4], { input: 'losses' as 'loss' }),
      MetricInputError,
      'riskCoverageCurve: input is "losses", expected one of "correctness", "loss"',
    );
  });

  it('groups -0 and 0 as one confidence', () => {
    const c = riskCoverageCurve([1, 0, 1], [0, -0, 1]);
    expect(c.thresholds.length).toBe(2);
    expect(arr(c.coverage)).toEqual([1, 1 / 3]);
  });
});
