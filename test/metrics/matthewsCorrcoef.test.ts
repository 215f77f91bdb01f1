import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matthewsCorrcoef } from '../../src/metrics/matthewsCorrcoef';
import { MetricInputError, UndefinedMetricError } from '../../src/core/errors';

function throwsInput(f: () => unknown, message: string) {
  expect(f).toThrow(MetricInputError);
  expect(f).toThrow(message);
}

describe('matthewsCorrcoef', () => {
  it('matches the scikit-learn docstring example', () => {
    // tp 2, tn 0, fp 1, fn 1: (0 − 1) / √(3·3·1·1) = −1/3
    expect(matthewsCorrcoef([1, 1, 1, -1], [1, -1, 1, 1])).toBeCloseTo(-1 / 3, 15);
  });

  it('equals (tp·tn − fp·fn) / √((tp+fp)(tp+fn)(tn+fp)(tn+fn)) for binary labels', () => {
    // tp 3, tn 2, fp 1, fn 2: (6 − 2) / √(4·5·3·4) = 4 / √240
    const yTrue = [1, 1, 1, 1, 1, 0, 0, 0];
    const yPred = [1, 1, 1, 0, 0, 0, 0, 1];
    expect(matthewsCorrcoef(yTrue, yPred)).toBeCloseTo(4 / Math.sqrt(240), 15);
  });

  it('is 1 for perfect and −1 for inverted binary predictions', () => {
    expect(matthewsCorrcoef([0, 1, 1, 0], [0, 1, 1, 0])).toBe(1);
    expect(matthewsCorrcoef([0, 1, 1, 0], [1, 0, 0, 1])).toBe(-1);
    expect(matthewsCorrcoef(['x', 'y', 'z'], ['x', 'y', 'z'])).toBe(1);
  });

  it('uses Gorodkin\'s R_K for several classes', () => {
    // C = [[1,1,0],[0,1,0],[1,0,1]]: s 5, c 3, t (2,1,2), p (2,2,1)
    // cov(t,p) = 3·5 − (4+2+2) = 7; s² − Σp² = 25 − 9 = 16; s² − Σt² = 25 − 9 = 16 → 7/16
    expect(matthewsCorrcoef([0, 0, 1, 2, 2], [0, 1, 1, 0, 2])).toBe(7 / 16);
  });

  it('weights examples by sampleWeight like repetition', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 3 })), {
          minLength: 1,
          maxLength: 30,
        }),
        (ex) => {
          const rep = ex.flatMap(([t, p, k]) => Array.from({ length: k }, () => [t, p]));
          const a = matthewsCorrcoef(ex.map((e) => e[0]), ex.map((e) => e[1]), { sampleWeight: ex.map((e) => e[2]) });
          const b = matthewsCorrcoef(rep.map((e) => e[0]), rep.map((e) => e[1]));
          if (Number.isNaN(b)) expect(a).toBeNaN();
          else expect(a).toBeCloseTo(b, 12);
        },
      ),
    );
  });

  it('is NaN when yTrue or yPred holds a single class (scikit-learn returns 0), or zeroDivision', () => {
    expect(matthewsCorrcoef([1, 1, 1], [1, 0, 1])).toBeNaN();
    expect(matthewsCorrcoef([1, 0, 1], [1, 1, 1])).toBeNaN();
    expect(matthewsCorrcoef([1, 0, 1], [1, 1, 1], { zeroDivision: 0 })).toBe(0);
    expect(() => matthewsCorrcoef([1, 0, 1], [1, 1, 1], { zeroDivision: 'error' })).toThrow(UndefinedMetricError);
  });

  it('rejects bad input with a message naming the argument, index and value', () => {
    throwsInput(() => matthewsCorrcoef([], []), 'matthewsCorrcoef: yTrue is empty');
    throwsInput(() => matthewsCorrcoef([0, 1], [1]), 'matthewsCorrcoef: yTrue has 2 entries but yPred has 1');
    throwsInput(() => matthewsCorrcoef([0, {} as number], [0, 1]), 'matthewsCorrcoef: yTrue[1] is [object Object], not a number, boolean or string label');
    throwsInput(() => matthewsCorrcoef([0, 1], [0, 1], { sampleWeight: [1, Infinity] }), 'matthewsCorrcoef: sampleWeight[1] is Infinity: weights must be finite and non-negative');
  });
});
