import { describe, expect, expectTypeOf, it } from 'vitest';
import { precision } from '../../src/metrics/precision';
import { MetricInputError, UndefinedMetricError } from '../../src/core/errors';

describe('precision', () => {
  it('is tp / (tp + fp) for the positive class 1 by default', () => {
    // predicted 1 at indices 0, 1, 4; of those, 1 and 4 are positive
    expect(precision([0, 1, 1, 0, 1], [1, 1, 0, 0, 1])).toBe(2 / 3);
  });

  it('matches the scikit-learn precision_score docstring example', () => {
    const yTrue = [0, 1, 2, 0, 1, 2];
    const yPred = [0, 2, 1, 0, 0, 1];
    // class 0: 2/3; classes 1 and 2: 0
    expect(precision(yTrue, yPred, { average: 'macro' })).toBeCloseTo(2 / 9, 15);
    expect(precision(yTrue, yPred, { average: 'micro' })).toBeCloseTo(1 / 3, 15);
    expect(precision(yTrue, yPred, { average: 'weighted' })).toBeCloseTo(2 / 9, 15);
    expect(Array.from(precision(yTrue, yPred, { average: 'none' }))).toEqual([2 / 3, 0, 0]);
  });

  it('is NaN when nothing is predicted positive (scikit-learn returns 0), or zeroDivision', () => {
    expect(precision([0, 0, 1], [0, 0, 0])).toBeNaN();
    expect(precision([0, 0, 1], [0, 0, 0], { zeroDivision: 0 })).toBe(0);
    expect(precision([0, 0, 1], [0, 0, 0], { zeroDivision: 1 })).toBe(1);
    expect(() => precision([0, 0, 1], [0, 0, 0], { zeroDivision: 'error' })).toThrow(UndefinedMetricError);
  });

  it('does not fail on an undefined recall when only precision is asked for', () => {
    // no positives at all: recall undefined, precision 0
    expect(precision([0, 0], [1, 0], { zeroDivision: 'error' })).toBe(0);
  });

  it('returns a number for averages and a Float64Array for average none (types follow average)', () => {
    expectTypeOf(precision([0, 1], [0, 1])).toEqualTypeOf<number>();
    expectTypeOf(precision([0, 1], [0, 1], { average: 'macro' })).toEqualTypeOf<number>();
    expectTypeOf(precision([0, 1], [0, 1], { average: 'none' })).toEqualTypeOf<Float64Array>();
    expect(precision([0, 1], [0, 1], { average: 'none' })).toBeInstanceOf(Float64Array);
  });

  it('names itself and the argument in its errors', () => {
    expect(() => precision([0, 1, 2], [0, 1, 2])).toThrow(MetricInputError);
    expect(() => precision([0, 1, 2], [0, 1, 2])).toThrow(
      'precision: average is "binary" but yTrue and yPred hold 3 classes (0, 1, 2): pass average "micro", "macro", "weighted" or "none"',
    );
    expect(() => precision(['a', 'b'], ['a', 'b'])).toThrow('precision: yTrue[0] is "a": with average "binary"');
  });
});
