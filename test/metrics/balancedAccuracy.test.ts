import { describe, expect, it } from 'vitest';
import { balancedAccuracy } from '../../src/metrics/balancedAccuracy';
import { MetricInputError, UndefinedMetricError } from '../../src/core/errors';

function throwsInput(f: () => unknown, message: string) {
  expect(f).toThrow(MetricInputError);
  expect(f).toThrow(message);
}

describe('balancedAccuracy', () => {
  it('is the mean recall over classes (scikit-learn docstring example)', () => {
    // recall of 0: 3/4, recall of 1: 1/2 → 0.625
    expect(balancedAccuracy([0, 1, 0, 0, 1, 0], [0, 1, 0, 0, 0, 1])).toBe(0.625);
  });

  it('scores a constant predictor 1/k whatever the class balance', () => {
    const yTrue = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
    expect(balancedAccuracy(yTrue, new Array(10).fill(0))).toBe(0.5);
    expect(balancedAccuracy(['a', 'a', 'a', 'b', 'c'], ['a', 'a', 'a', 'a', 'a'])).toBeCloseTo(1 / 3, 15);
  });

  it('ignores classes that occur only in yPred', () => {
    // classes in yTrue: 0 (recall 1/2) and 1 (recall 1); class 2 only predicted
    expect(balancedAccuracy([0, 0, 1], [0, 2, 1])).toBe(0.75);
  });

  it('rescales with adjusted so that chance is 0 and perfect is 1', () => {
    // (0.625 − 0.5) / (1 − 0.5)
    expect(balancedAccuracy([0, 1, 0, 0, 1, 0], [0, 1, 0, 0, 0, 1], { adjusted: true })).toBe(0.25);
    expect(balancedAccuracy([0, 1, 2], [0, 1, 2], { adjusted: true })).toBe(1);
    expect(balancedAccuracy([0, 1, 2], [1, 1, 1], { adjusted: true })).toBeCloseTo(0, 15);
  });

  it('uses sample weights in the per-class recalls', () => {
    // class 0: 3/(3+1); class 1: 2/2
    expect(balancedAccuracy([0, 0, 1], [0, 1, 1], { sampleWeight: [3, 1, 2] })).toBe(0.875);
    // a class whose examples all weigh 0 has no recall and is skipped
    expect(balancedAccuracy([0, 0, 1], [0, 1, 0], { sampleWeight: [1, 1, 0] })).toBe(0.5);
  });

  it('is NaN when undefined (all weights zero, or adjusted with one class), or zeroDivision', () => {
    expect(balancedAccuracy([0, 1], [0, 1], { sampleWeight: [0, 0] })).toBeNaN();
    expect(balancedAccuracy([1, 1], [1, 0])).toBe(0.5);
    expect(balancedAccuracy([1, 1], [1, 0], { adjusted: true })).toBeNaN();
    expect(balancedAccuracy([1, 1], [1, 0], { adjusted: true, zeroDivision: 0 })).toBe(0);
    expect(() => balancedAccuracy([1, 1], [1, 0], { adjusted: true, zeroDivision: 'error' })).toThrow(UndefinedMetricError);
    expect(() => balancedAccuracy([1, 1], [1, 0], { adjusted: true, zeroDivision: 'error' })).toThrow(
      'balancedAccuracy: adjusted balanced accuracy is undefined: yTrue holds a single class',
    );
  });

  it('rejects bad input with a message naming the argument, index and value', () => {
    throwsInput(() => balancedAccuracy([], []), 'balancedAccuracy: yTrue is empty');
    throwsInput(() => balancedAccuracy([0, 1], [0, -Infinity]), 'balancedAccuracy: yPred[1] is -Infinity, not a valid label');
    throwsInput(() => balancedAccuracy([0], [0], { sampleWeight: [1, 2] }), 'balancedAccuracy: yTrue has 1 entries but sampleWeight has 2');
    throwsInput(() => balancedAccuracy([0], [0], { adjusted: 1 as unknown as boolean }), 'balancedAccuracy: adjusted is 1, expected true or false');
  });
});
