import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MetricInputError, UndefinedMetricError } from '../../src/core/errors';
import { thresholdForRecall } from '../../src/metrics/thresholdForRecall';
import { binaryData, brutePoints } from './internal/bruteForceThresholds';

const Y = [0, 0, 1, 1, 0, 1];
const S = [0.1, 0.4, 0.35, 0.8, 0.7, 0.9];

describe('thresholdForRecall', () => {
  it('returns the highest-precision threshold whose recall reaches the target (worked example)', () => {
    // thresholds 0.9 (r 1/3, p 1), 0.8 (2/3, 1), 0.7 (2/3, 2/3), 0.4 (2/3, 1/2), 0.35 (1, 3/5), 0.1 (1, 1/2)
    expect(thresholdForRecall(Y, S, { minRecall: 0.6 })).toEqual({
      threshold: 0.8,
      precision: 1,
      recall: 2 / 3,
      tp: 2,
      fp: 0,
      fn: 1,
      tn: 3,
    });
    expect(thresholdForRecall(Y, S, { minRecall: 0.9 })).toMatchObject({ threshold: 0.35, precision: 0.6, recall: 1 });
    expect(thresholdForRecall(Y, S, { minRecall: 1 }).threshold).toBe(0.35);
  });

  it('prefers the higher recall between two thresholds of equal precision', () => {
    // 0.9 and 0.8 both have precision 1; 0.8 catches more
    expect(thresholdForRecall(Y, S, { minRecall: 0 })).toMatchObject({ threshold: 0.8, recall: 2 / 3 });
  });

  it('returns NaN fields when there is no positive example', () => {
    const r = thresholdForRecall([0, 0], [0.2, 0.9], { minRecall: 0.5 });
    expect(r.threshold).toBeNaN();
    expect(r.recall).toBeNaN();
  });

  it('agrees with a brute-force search over every threshold', () => {
    fc.assert(
      fc.property(binaryData(true), fc.integer({ min: 0, max: 10 }), ({ y, s, w }, k) => {
        const minRecall = k / 10;
        const points = brutePoints(y, s, w).filter((p) => p.recall >= minRecall && p.tp + p.fp > 0);
        const r = thresholdForRecall(y, s, { minRecall, sampleWeight: w });
        if (points.length === 0) {
          expect(r.threshold).toBeNaN();
          return;
        }
        let best = points[0];
        for (const p of points) if (p.precision > best.precision || (p.precision === best.precision && p.recall > best.recall)) best = p;
        expect(r.threshold).toBe(best.threshold);
        expect(r.precision).toBeCloseTo(best.precision, 12);
        expect([r.tp, r.fp, r.fn, r.tn]).toEqual([best.tp, best.fp, best.fn, best.tn]);
      }),
      { numRuns: 300 },
    );
  });

  it('throws MetricInputError for a missing or out-of-range minRecall and for bad input', () => {
    expect(() => thresholdForRecall(Y, S, {} as never)).toThrow('thresholdForRecall: minRecall is required: a number in [0, 1]');
    expect(() => thresholdForRecall(Y, S, { minRecall: -0.1 })).toThrow(
      'thresholdForRecall: minRecall is -0.1, expected a finite number >= 0 and <= 1',
    );
    expect(() => thresholdForRecall(Y, [0, 0, 0, 0, 0, Infinity], { minRecall: 0.5 })).toThrow(
      'thresholdForRecall: yScore[5] is Infinity',
    );
    expect(() => thresholdForRecall(['a', 'b'], [0.1, 0.2], { minRecall: 0.5 })).toThrow(MetricInputError);
  });

  it('takes zeroDivision for the recall when there is no positive example, or throws with "error"', () => {
    const r = thresholdForRecall([0, 0, 0], [0.1, 0.2, 0.3], { minRecall: 0.5, zeroDivision: 1 });
    expect(r.recall).toBe(1);
    expect(r.threshold).toBeNaN();
    expect(r.precision).toBeNaN();
    expect(() => thresholdForRecall([0, 0, 0], [0.1, 0.2, 0.3], { minRecall: 0.5, zeroDivision: 'error' })).toThrow(
      new UndefinedMetricError('thresholdForRecall: no positive examples'),
    );
    expect(thresholdForRecall(Y, S, { minRecall: 0.5, zeroDivision: 'error' })).toEqual(thresholdForRecall(Y, S, { minRecall: 0.5 }));
    expect(() => thresholdForRecall(Y, S, { minRecall: 0.5, zeroDivision: null as never })).toThrow(MetricInputError);
  });
});
