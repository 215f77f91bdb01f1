import { describe, expect, expectTypeOf, it } from 'vitest';
import fc from 'fast-check';
import { f1, fBeta } from '../../src/metrics/fBeta';
import { precision } from '../../src/metrics/precision';
import { recall } from '../../src/metrics/recall';
import { MetricInputError, UndefinedMetricError } from '../../src/core/errors';

describe('fBeta', () => {
  it('is (1+β²)·tp / ((1+β²)·tp + β²·fn + fp)', () => {
    // tp 1, fp 0, fn 2: β = 2 → 5 / 13; β = 0.5 → 1.25 / 1.75
    expect(fBeta([1, 1, 1, 0], [1, 0, 0, 0], { beta: 2 })).toBe(5 / 13);
    expect(fBeta([1, 1, 1, 0], [1, 0, 0, 0], { beta: 0.5 })).toBe(1.25 / 1.75);
  });

  it('matches the scikit-learn fbeta_score docstring example (β = 0.5)', () => {
    const yTrue = [0, 1, 2, 0, 1, 2];
    const yPred = [0, 2, 1, 0, 0, 1];
    // class 0: tp 2, fp 1, fn 0 → 2.5 / (2.5 + 1) = 0.714…; classes 1 and 2: 0
    expect(fBeta(yTrue, yPred, { average: 'macro', beta: 0.5 })).toBeCloseTo(2.5 / 3.5 / 3, 15);
    expect(fBeta(yTrue, yPred, { average: 'micro', beta: 0.5 })).toBeCloseTo(1 / 3, 15);
    expect(fBeta(yTrue, yPred, { average: 'weighted', beta: 0.5 })).toBeCloseTo(2.5 / 3.5 / 3, 15);
    const none = fBeta(yTrue, yPred, { average: 'none', beta: 0.5 });
    expect(Array.from(none)).toEqual([2.5 / 3.5, 0, 0]);
  });

  it('equals the weighted harmonic mean of precision and recall where both are defined', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 40 }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        (ex, beta) => {
          const t = ex.map((e) => e[0]);
          const p = ex.map((e) => e[1]);
          const P = precision(t, p);
          const R = recall(t, p);
          if (!(P + R > 0)) return;
          const b2 = beta * beta;
          expect(fBeta(t, p, { beta })).toBeCloseTo(((1 + b2) * P * R) / (b2 * P + R), 12);
        },
      ),
    );
  });

  it('is undefined only when tp + fp + fn = 0', () => {
    expect(fBeta([0, 0], [0, 0], { beta: 2 })).toBeNaN();
    expect(fBeta([0, 0], [0, 0], { beta: 2, zeroDivision: 1 })).toBe(1);
    expect(() => fBeta([0, 0], [0, 0], { beta: 2, zeroDivision: 'error' })).toThrow(UndefinedMetricError);
    expect(() => fBeta([0, 0], [0, 0], { beta: 2, zeroDivision: 'error' })).toThrow(
      'fBeta: F-score is undefined (no true nor predicted examples, tp + fp + fn = 0) for label 1',
    );
    expect(fBeta([0, 1], [0, 0], { beta: 2 })).toBe(0);
    expect(fBeta([0, 0], [1, 0], { beta: 2 })).toBe(0);
  });

  it('defaults beta to 1: without it, fBeta is f1', () => {
    // tp 2, fp 1, fn 1: F1 = 4/6
    expect(fBeta([0, 1, 1, 0, 1], [1, 1, 0, 0, 1])).toBe(4 / 6);
    expect(fBeta([0, 1, 1, 0, 1], [1, 1, 0, 0, 1], {})).toBe(f1([0, 1, 1, 0, 1], [1, 1, 0, 0, 1]));
    expect(fBeta(['a', 'b', 'c', 'a'], ['a', 'c', 'c', 'b'], { average: 'macro' })).toBe(f1(['a', 'b', 'c', 'a'], ['a', 'c', 'c', 'b'], { average: 'macro' }));
    expectTypeOf(fBeta([0, 1], [0, 1])).toEqualTypeOf<number>();
  });

  it('rejects a beta that is not a finite number > 0', () => {
    const call = (o: unknown) => () => fBeta([0, 1], [0, 1], o as { beta: number });
    expect(call({ beta: 0 })).toThrow(MetricInputError);
    expect(call({ beta: 0 })).toThrow('fBeta: beta is 0, expected a finite number > 0');
    expect(call({ beta: -0.5 })).toThrow('fBeta: beta is -0.5, expected a finite number > 0');
    expect(call({ beta: Infinity })).toThrow('fBeta: beta is Infinity, expected a finite number > 0');
  });

  it('returns a number for averages and a Float64Array for average none (types follow average)', () => {
    expectTypeOf(fBeta([0, 1], [0, 1], { beta: 2 })).toEqualTypeOf<number>();
    expectTypeOf(fBeta([0, 1], [0, 1], { beta: 2, average: 'none' })).toEqualTypeOf<Float64Array>();
  });
});

describe('f1', () => {
  it('is 2·tp / (2·tp + fn + fp)', () => {
    // tp 2, fp 1, fn 1
    expect(f1([0, 1, 1, 0, 1], [1, 1, 0, 0, 1])).toBe(4 / 6);
  });

  it('is 0, not NaN, when the only positive is missed and nothing is predicted positive', () => {
    expect(f1([0, 0, 1], [0, 0, 0])).toBe(0);
  });

  it('matches the scikit-learn f1_score docstring example', () => {
    const yTrue = [0, 1, 2, 0, 1, 2];
    const yPred = [0, 2, 1, 0, 0, 1];
    expect(f1(yTrue, yPred, { average: 'macro' })).toBeCloseTo(0.8 / 3, 15);
    expect(f1(yTrue, yPred, { average: 'micro' })).toBeCloseTo(1 / 3, 15);
    expect(f1(yTrue, yPred, { average: 'weighted' })).toBeCloseTo(0.8 / 3, 15);
    expect(Array.from(f1(yTrue, yPred, { average: 'none' }))).toEqual([0.8, 0, 0]);
    // class 0: tp 2, fn 1 → 4/5; class 1, predicted but never true: tp 0, fp 1 → 0 (defined, not NaN)
    expect(Array.from(f1([0, 0, 0], [0, 0, 1], { average: 'none' }))).toEqual([0.8, 0]);
  });

  it('equals fBeta with β = 1 for every average', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 40 }),
        fc.constantFrom('micro' as const, 'macro' as const, 'weighted' as const),
        (ex, average) => {
          const t = ex.map((e) => e[0]);
          const p = ex.map((e) => e[1]);
          expect(Object.is(f1(t, p, { average, zeroDivision: 0 }), fBeta(t, p, { average, beta: 1, zeroDivision: 0 }))).toBe(true);
        },
      ),
    );
  });

  it('names itself in its errors', () => {
    expect(() => f1([0, 1], [0, 1, 1])).toThrow('f1: yTrue has 2 entries but yPred has 3');
  });
});
