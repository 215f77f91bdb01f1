import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MetricInputError, UndefinedMetricError } from '../../src/core/errors';
import { thresholdForFBeta } from '../../src/metrics/thresholdForFBeta';
import { binaryData, brutePoints } from './internal/bruteForceThresholds';

const Y = [0, 0, 1, 1, 0, 1];
const S = [0.1, 0.4, 0.35, 0.8, 0.7, 0.9];

describe('thresholdForFBeta', () => {
  it('maximises F1 by default (worked example)', () => {
    // F1: 0.9 → 2/4, 0.8 → 4/5, 0.7 → 4/6, 0.4 → 4/7, 0.35 → 6/8, 0.1 → 6/9
    expect(thresholdForFBeta(Y, S)).toEqual({
      threshold: 0.8,
      fScore: 0.8,
      precision: 1,
      recall: 2 / 3,
      tp: 2,
      fp: 0,
      fn: 1,
      tn: 3,
    });
  });

  it('moves to a lower threshold when beta favours recall', () => {
    // F2 = 5tp / (5tp + 4fn + fp): 0.8 → 10/14 ≈ 0.714, 0.35 → 15/17 ≈ 0.882
    const r = thresholdForFBeta(Y, S, { beta: 2 });
    expect(r.threshold).toBe(0.35);
    expect(r.fScore).toBeCloseTo(15 / 17, 15);
  });

  it('returns the higher threshold on ties', () => {
    // 0.9 → F1 = 2/3 (tp 1, fn 1), 0.5 → 1/2, 0.4 → 2/5, 0.3 → tp 2, fp 2: 4/6 = 2/3 as well
    const r = thresholdForFBeta([1, 1, 0, 0], [0.9, 0.3, 0.5, 0.4]);
    expect(r.fScore).toBeCloseTo(2 / 3, 15);
    expect(r.threshold).toBe(0.9);
  });

  it('returns NaN fields when there is no positive example', () => {
    const r = thresholdForFBeta([0, 0, 0], [0.1, 0.2, 0.3]);
    expect(r.threshold).toBeNaN();
    expect(r.fScore).toBeNaN();
  });

  it('agrees with a brute-force search over every threshold', () => {
    fc.assert(
      fc.property(binaryData(true), fc.constantFrom(0.5, 1, 2), ({ y, s, w }, beta) => {
        const b2 = beta * beta;
        const pts = brutePoints(y, s, w).slice(1); // +Infinity never wins
        const r = thresholdForFBeta(y, s, { beta, sampleWeight: w });
        if (pts[pts.length - 1].tp + pts[pts.length - 1].fn === 0) {
          expect(r.threshold).toBeNaN();
          return;
        }
        const f = (p: (typeof pts)[0]) => ((1 + b2) * p.tp) / ((1 + b2) * p.tp + b2 * p.fn + p.fp);
        let best = pts[0];
        for (const p of pts) if (f(p) > f(best)) best = p;
        expect(r.threshold).toBe(best.threshold);
        expect(r.fScore).toBeCloseTo(f(best), 12);
      }),
      { numRuns: 300 },
    );
  });

  it('throws MetricInputError for a bad beta and bad input', () => {
    expect(() => thresholdForFBeta(Y, S, { beta: 0 })).toThrow('thresholdForFBeta: beta is 0, expected a finite number > 0');
    expect(() => thresholdForFBeta(Y, S, { beta: Infinity })).toThrow(MetricInputError);
    expect(() => thresholdForFBeta([1, 0], [NaN, 0])).toThrow('thresholdForFBeta: yScore[0] is NaN');
  });

  it('takes zeroDivision for the recall and F-score when there is no positive example, or throws with "error"', () => {
    const r = thresholdForFBeta([0, 0], [0.3, 0.6], { zeroDivision: 0 });
    expect(r.fScore).toBe(0);
    expect(r.recall).toBe(0);
    expect(r.threshold).toBeNaN();
    expect(() => thresholdForFBeta([0, 0], [0.3, 0.6], { zeroDivision: 'error' })).toThrow(
      new UndefinedMetricError('thresholdForFBeta: no positive examples'),
    );
    expect(thresholdForFBeta(Y, S, { zeroDivision: 'error' })).toEqual(thresholdForFBeta(Y, S));
    expect(() => thresholdForFBeta(Y, S, { zeroDivision: 'x' as never })).toThrow(MetricInputError);
  });
});
