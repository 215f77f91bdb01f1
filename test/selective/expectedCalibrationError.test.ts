import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/core/errors';
import { expectedCalibrationError } from '../../src/selective/expectedCalibrationError';
import { expectError } from '../core/expectError';

describe('expectedCalibrationError', () => {
  it('weights each bin gap by its share of the examples, worked by hand', () => {
    // bins (0, 0.5], (0.5, 1]: conf 0.25 acc 1; conf 0.85 acc 0.5 → 0.5·0.75 + 0.5·0.35
    expect(expectedCalibrationError([1, 0, 1, 1], [0.9, 0.8, 0.3, 0.2], { bins: 2 })).toBeCloseTo(0.55, 15);
  });

  it('gives the maximum and the root-mean-square gap with norm max and l2', () => {
    const opts = { bins: 2 };
    expect(expectedCalibrationError([1, 0, 1, 1], [0.9, 0.8, 0.3, 0.2], { ...opts, norm: 'max' })).toBeCloseTo(0.75, 15);
    expect(expectedCalibrationError([1, 0, 1, 1], [0.9, 0.8, 0.3, 0.2], { ...opts, norm: 'l2' })).toBeCloseTo(
      Math.sqrt(0.5 * 0.75 ** 2 + 0.5 * 0.35 ** 2),
      15,
    );
  });

  it('is 0 when the accuracy in every bin equals its confidence', () => {
    const correct = [1, 1, 1, 0, 1, 0];
    const conf = [1, 1, 0.5, 0.5, 0.5, 0.5];
    expect(expectedCalibrationError(correct, conf)).toBe(0);
  });

  it('uses 15 bins by default', () => {
    // 0.5 and 0.52 share the bin (7/15, 8/15]; with 10 bins they would not.
    expect(expectedCalibrationError([1, 0], [0.5, 0.52])).toBeCloseTo(Math.abs(0.5 - 0.51), 15);
  });

  it('rejects confidences outside [0, 1] and NaN', () => {
    expectError(
      () => expectedCalibrationError([1, 0], [0.5, 1.2]),
      MetricInputError,
      'expectedCalibrationError: confidence[1] is 1.2, expected a probability in [0, 1]',
    );
    expectError(() => expectedCalibrationError([1, 0], [NaN, 0.2]), MetricInputError, 'expectedCalibrationError: confidence[0] is NaN');
  });

  it('rejects bad bins, strategy, norm and empty input', () => {
    expectError(() => expectedCalibrationError([1], [0.5], { bins: 0 }), MetricInputError, 'expectedCalibrationError: bins is 0, expected a finite integer >= 1');
    expectError(
      () => expectedCalibrationError([1], [0.5], { norm: 'l3' as 'l1' }),
      MetricInputError,
      'expectedCalibrationError: norm is "l3", expected one of "l1", "l2", "max"',
    );
    expectError(() => expectedCalibrationError([], []), MetricInputError, 'expectedCalibrationError: correct is empty');
  });
});
