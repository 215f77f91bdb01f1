import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { accuracy, errorRate } from '../../src/metrics/accuracy';
import { MetricInputError, UndefinedMetricError } from '../../src/core/errors';

function throwsInput(f: () => unknown, message: string) {
  expect(f).toThrow(MetricInputError);
  expect(f).toThrow(message);
}

describe('accuracy', () => {
  it('is the fraction of correct predictions (scikit-learn docstring example)', () => {
    expect(accuracy([0, 1, 2, 3], [0, 2, 1, 3])).toBe(0.5);
    expect(accuracy([0, 1, 2, 3], [0, 2, 1, 3], { normalize: false })).toBe(2);
  });

  it('compares string and boolean labels', () => {
    expect(accuracy(['cat', 'dog', 'cat'], ['cat', 'cat', 'cat'])).toBe(2 / 3);
    expect(accuracy([true, false, true, true], [true, true, true, false])).toBe(0.5);
    expect(accuracy([true, false], [1, 0])).toBe(1);
  });

  it('weights each example by sampleWeight', () => {
    // correct: weights 1 and 3; total 1 + 2 + 3 + 4 = 10
    expect(accuracy([0, 1, 1, 0], [0, 0, 1, 1], { sampleWeight: [1, 2, 3, 4] })).toBe(0.4);
    expect(accuracy([0, 1, 1, 0], [0, 0, 1, 1], { sampleWeight: [1, 2, 3, 4], normalize: false })).toBe(4);
  });

  it('is 0.999999 for the always-negative detector of a one-in-a-million condition', () => {
    const yTrue = new Uint8Array(1_000_000);
    yTrue[123_456] = 1;
    expect(accuracy(yTrue, new Uint8Array(1_000_000))).toBe(0.999999);
  });

  it('is NaN when every weight is zero, or zeroDivision', () => {
    expect(accuracy([0, 1], [0, 1], { sampleWeight: [0, 0] })).toBeNaN();
    expect(accuracy([0, 1], [0, 1], { sampleWeight: [0, 0], zeroDivision: 1 })).toBe(1);
    expect(accuracy([0, 1], [0, 1], { sampleWeight: [0, 0], normalize: false })).toBe(0);
    expect(() => accuracy([0, 1], [0, 1], { sampleWeight: [0, 0], zeroDivision: 'error' })).toThrow(UndefinedMetricError);
  });

  it('sums weights of very different size without losing the small ones', () => {
    // Naive left-to-right summation gives 1e16 + 1 + 1 = 1e16 (each 1 is lost).
    const r = accuracy([0, 1, 1], [0, 1, 1], { sampleWeight: [1e16, 1, 1], normalize: false });
    expect(r).toBe(1e16 + 2);
    expect(accuracy([0, 1, 1], [0, 1, 0], { sampleWeight: [1e16, 1, 1] })).toBe((1e16 + 1) / (1e16 + 2));
  });

  it('gives the same value for integer weights as for repeated examples', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 4 })), {
          minLength: 1,
          maxLength: 40,
        }),
        (examples) => {
          const rep: [number, number][] = examples.flatMap(([t, p, k]) => Array.from({ length: k }, () => [t, p] as [number, number]));
          const weighted = accuracy(
            examples.map((e) => e[0]),
            examples.map((e) => e[1]),
            { sampleWeight: examples.map((e) => e[2]) },
          );
          expect(weighted).toBeCloseTo(accuracy(rep.map((e) => e[0]), rep.map((e) => e[1])), 12);
        },
      ),
    );
  });

  it('rejects bad input with a message naming the argument, index and value', () => {
    throwsInput(() => accuracy([], []), 'accuracy: yTrue is empty');
    throwsInput(() => accuracy([0, 1, 1], [0, 1]), 'accuracy: yTrue has 3 entries but yPred has 2');
    throwsInput(() => accuracy([0, 1], [0, NaN]), 'accuracy: yPred[1] is NaN, not a valid label');
    throwsInput(() => accuracy(['a'], [1]), 'accuracy: yPred[0] is 1 but yTrue[0] is "a": labels must all be numbers or all strings');
    throwsInput(() => accuracy([0], [0], { sampleWeight: [NaN] }), 'accuracy: sampleWeight[0] is NaN: weights must be finite and non-negative');
    throwsInput(() => accuracy([0], [0], { normalize: 'yes' as unknown as boolean }), 'accuracy: normalize is "yes", expected true or false');
    throwsInput(() => accuracy([0], [0], { zeroDivision: 'warn' as 'error' }), 'accuracy: zeroDivision is "warn", expected a number or "error"');
  });
});

describe('errorRate', () => {
  it('is the fraction of wrong predictions, 1 − accuracy', () => {
    expect(errorRate([0, 1, 2, 3], [0, 2, 1, 3])).toBe(0.5);
    expect(errorRate([0, 1, 2, 3], [0, 2, 2, 3])).toBe(0.25);
    expect(errorRate([0, 1, 2, 3], [0, 2, 2, 3], { normalize: false })).toBe(1);
    expect(errorRate([0, 1, 1, 0], [0, 0, 1, 1], { sampleWeight: [1, 2, 3, 4] })).toBe(0.6);
  });

  it('keeps the relative precision of a tiny error rate', () => {
    // 1 − accuracy would give 1 − (1 − 1e-17) = 0 in float64.
    expect(errorRate([0, 1], [0, 0], { sampleWeight: [1, 1e-17] })).toBe(1e-17 / (1 + 1e-17));
  });

  it('equals 1 − accuracy up to rounding on random labels', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 50 }), (ex) => {
        const t = ex.map((e) => e[0]);
        const p = ex.map((e) => e[1]);
        expect(errorRate(t, p)).toBeCloseTo(1 - accuracy(t, p), 14);
      }),
    );
  });

  it('names itself in its errors', () => {
    throwsInput(() => errorRate([0], []), 'errorRate: yTrue has 1 entries but yPred has 0');
  });
});
