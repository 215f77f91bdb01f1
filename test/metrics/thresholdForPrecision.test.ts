import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MetricInputError, UndefinedMetricError } from '../../src/core/errors';
import { thresholdForPrecision } from '../../src/metrics/thresholdForPrecision';
import { binaryData, brutePoints } from './internal/bruteForceThresholds';

const Y = [0, 0, 1, 1, 0, 1];
const S = [0.1, 0.4, 0.35, 0.8, 0.7, 0.9];

describe('thresholdForPrecision', () => {
  it('returns the highest-recall threshold whose precision reaches the target (worked example)', () => {
    // thresholds 0.9 (1/1), 0.8 (2/2), 0.7 (2/3), 0.4 (2/4), 0.35 (3/5), 0.1 (3/6)
    expect(thresholdForPrecision(Y, S, { minPrecision: 0.6 })).toEqual({
      threshold: 0.35,
      precision: 0.6,
      recall: 1,
      tp: 3,
      fp: 2,
      fn: 0,
      tn: 1,
    });
    expect(thresholdForPrecision(Y, S, { minPrecision: 0.7 }).threshold).toBe(0.8);
    expect(thresholdForPrecision(Y, S, { minPrecision: 1 }).threshold).toBe(0.8);
    expect(thresholdForPrecision(Y, S, { minPrecision: 0 }).threshold).toBe(0.35);
  });

  it('prefers the higher threshold between two of equal recall', () => {
    // 0.8 and 0.7 both have recall 2/3; 0.8 has the higher precision
    expect(thresholdForPrecision(Y, S, { minPrecision: 0.65 })).toMatchObject({ threshold: 0.8, precision: 1 });
  });

  it('returns NaN fields, not an error, when no threshold reaches the precision', () => {
    const r = thresholdForPrecision([1, 0, 0], [0.2, 0.9, 0.5], { minPrecision: 0.5 });
    expect(r.threshold).toBeNaN();
    expect(r.precision).toBeNaN();
    expect(r.recall).toBeNaN();
  });

  it('returns NaN fields when there is no positive example', () => {
    expect(thresholdForPrecision([0, 0], [0.2, 0.9], { minPrecision: 0 }).threshold).toBeNaN();
  });

  it('uses sample weights and posLabel', () => {
    // weight 3 on the negative at 0.7 makes 0.7 and below too imprecise for 0.5
    const r = thresholdForPrecision(['n', 'n', 'p', 'p', 'n', 'p'], S, {
      minPrecision: 0.5,
      posLabel: 'p',
      sampleWeight: [1, 1, 1, 1, 3, 1],
    });
    expect(r).toMatchObject({ threshold: 0.8, tp: 2, fp: 0, fn: 1, tn: 5 });
  });

  it('agrees with a brute-force search over every threshold', () => {
    fc.assert(
      fc.property(binaryData(true), fc.integer({ min: 0, max: 10 }), ({ y, s, w }, k) => {
        const minPrecision = k / 10;
        const points = brutePoints(y, s, w).filter((p) => p.precision >= minPrecision && p.tp + p.fn > 0);
        const r = thresholdForPrecision(y, s, { minPrecision, sampleWeight: w });
        if (points.length === 0) {
          expect(r.threshold).toBeNaN();
          return;
        }
        // highest recall, then highest precision, then highest threshold (points are in decreasing threshold order)
        let best = points[0];
        for (const p of points) if (p.recall > best.recall || (p.recall === best.recall && p.precision > best.precision)) best = p;
        expect(r.threshold).toBe(best.threshold);
        expect(r.recall).toBeCloseTo(best.recall, 12);
        expect(r.precision).toBeCloseTo(best.precision, 12);
        expect([r.tp, r.fp, r.fn, r.tn]).toEqual([best.tp, best.fp, best.fn, best.tn]);
      }),
      { numRuns: 300 },
    );
  });

  it('throws MetricInputError for a missing or out-of-range minPrecision and for bad input', () => {
    expect(() => thresholdForPrecision(Y, S, {} as never)).toThrow(
      'thresholdForPrecision: minPrecision is required: a number in [0, 1]',
    );
    expect(() => thresholdForPrecision(Y, S, { minPrecision: 1.5 })).toThrow(
      'thresholdForPrecision: minPrecision is 1.5, expected a finite number >= 0 and <= 1',
    );
    expect(() => thresholdForPrecision(Y, S, { minPrecision: NaN })).toThrow(MetricInputError);
    expect(() => thresholdForPrecision(Y, [0.1, NaN, 0, 0, 0, 0], { minPrecision: 0.5 })).toThrow(
      'thresholdForPrecision: yScore[1] is NaN',
    );
    expect(() => thresholdForPrecision([0, 1], [0.5], { minPrecision: 0.5 })).toThrow(
      'thresholdForPrecision: yTrue has 2 entries but yScore has 1',
    );
    expect(() => thresholdForPrecision([], [], { minPrecision: 0.5 })).toThrow('thresholdForPrecision: yTrue is empty');
    expect(() => thresholdForPrecision([0, 2], [0.1, 0.2], { minPrecision: 0.5 })).toThrow(MetricInputError);
    expect(() => thresholdForPrecision([0, 1], [0.1, 0.2], { minPrecision: 0.5, sampleWeight: [1, -1] })).toThrow(
      'thresholdForPrecision: sampleWeight[1] is -1',
    );
  });

  it('takes zeroDivision for the recall when there is no positive example, or throws with "error"', () => {
    expect(thresholdForPrecision([0, 0], [0.2, 0.9], { minPrecision: 0 }).recall).toBeNaN();
    const r = thresholdForPrecision([0, 0], [0.2, 0.9], { minPrecision: 0, zeroDivision: 0 });
    expect(r.recall).toBe(0);
    expect(r.threshold).toBeNaN();
    expect(() => thresholdForPrecision([0, 0], [0.2, 0.9], { minPrecision: 0, zeroDivision: 'error' })).toThrow(
      new UndefinedMetricError('thresholdForPrecision: no positive examples'),
    );
    // Defined inputs are untouched by zeroDivision.
    expect(thresholdForPrecision(Y, S, { minPrecision: 0.6, zeroDivision: 'error' })).toEqual(thresholdForPrecision(Y, S, { minPrecision: 0.6 }));
  });

  it('rejects a zeroDivision that is neither a number nor "error"', () => {
    expect(() => thresholdForPrecision(Y, S, { minPrecision: 0.5, zeroDivision: 'warn' as never })).toThrow(
      new MetricInputError('thresholdForPrecision: zeroDivision is "warn", expected a number or "error"'),
    );
  });
});
