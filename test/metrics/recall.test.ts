import { describe, expect, expectTypeOf, it } from 'vitest';
import { recall } from '../../src/metrics/recall';
import { accuracy } from '../../src/metrics/accuracy';
import { MetricInputError, UndefinedMetricError } from '../../src/core/errors';

describe('recall', () => {
  it('is tp / (tp + fn) for the positive class 1 by default', () => {
    // positives at indices 1, 2, 4; predicted 1 at 1 and 4
    expect(recall([0, 1, 1, 0, 1], [1, 1, 0, 0, 1])).toBe(2 / 3);
  });

  it('matches the scikit-learn recall_score docstring example', () => {
    const yTrue = [0, 1, 2, 0, 1, 2];
    const yPred = [0, 2, 1, 0, 0, 1];
    expect(recall(yTrue, yPred, { average: 'macro' })).toBeCloseTo(1 / 3, 15);
    expect(recall(yTrue, yPred, { average: 'micro' })).toBeCloseTo(1 / 3, 15);
    expect(recall(yTrue, yPred, { average: 'weighted' })).toBeCloseTo(1 / 3, 15);
    expect(Array.from(recall(yTrue, yPred, { average: 'none' }))).toEqual([1, 0, 0]);
  });

  it('equals accuracy when weighted over every class', () => {
    const yTrue = ['a', 'b', 'b', 'c', 'c', 'c'];
    const yPred = ['a', 'a', 'b', 'c', 'b', 'c'];
    expect(recall(yTrue, yPred, { average: 'weighted' })).toBeCloseTo(accuracy(yTrue, yPred), 15);
  });

  it('finds 1 in 10 of the positives of a rare-event detector that flags 1 case', () => {
    const yTrue = new Uint8Array(100_000);
    const yPred = new Uint8Array(100_000);
    for (let i = 0; i < 10; i++) yTrue[i * 997] = 1;
    yPred[0] = 1;
    expect(recall(yTrue, yPred)).toBe(0.1);
  });

  it('is NaN when there are no positive examples (scikit-learn returns 0), or zeroDivision', () => {
    expect(recall([0, 0, 0], [0, 1, 0])).toBeNaN();
    expect(recall([0, 0, 0], [0, 1, 0], { zeroDivision: 0.5 })).toBe(0.5);
    expect(() => recall([0, 0, 0], [0, 1, 0], { zeroDivision: 'error' })).toThrow(UndefinedMetricError);
    expect(() => recall([0, 0, 0], [0, 1, 0], { zeroDivision: 'error' })).toThrow(
      'recall: recall is undefined (no true examples, tp + fn = 0) for label 1',
    );
  });

  it('returns a number for averages and a Float64Array for average none (types follow average)', () => {
    expectTypeOf(recall([0, 1], [0, 1])).toEqualTypeOf<number>();
    expectTypeOf(recall([0, 1], [0, 1], { average: 'none' })).toEqualTypeOf<Float64Array>();
  });

  it('names itself in its errors', () => {
    expect(() => recall([0, 1], [0, 1], { average: 'avg' as 'macro' })).toThrow(MetricInputError);
    expect(() => recall([0, 1], [0, 1], { average: 'avg' as 'macro' })).toThrow('recall: average is "avg"');
  });
});
