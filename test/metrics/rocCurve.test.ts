import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MetricInputError, UndefinedMetricError } from '../../src/core/errors';
import { auc } from '../../src/metrics/auc';
import { rocAuc } from '../../src/metrics/rocAuc';
import { rocCurve } from '../../src/metrics/rocCurve';

const plain = (c: { fpr: Float64Array; tpr: Float64Array; thresholds: Float64Array }) => ({
  fpr: Array.from(c.fpr),
  tpr: Array.from(c.tpr),
  thresholds: Array.from(c.thresholds),
});
const y2 = [0, 1, 1, 0, 1, 0, 0, 1, 1, 0];
const s2 = [0.1, 0.9, 0.3, 0.3, 0.5, 0.7, 0.2, 0.3, 0.8, 0.55];

describe('rocCurve', () => {
  it('matches the scikit-learn docstring example, starting at threshold Infinity', () => {
    expect(plain(rocCurve([1, 1, 2, 2], [0.1, 0.4, 0.35, 0.8], { posLabel: 2 }))).toEqual({
      fpr: [0, 0, 0.5, 0.5, 1],
      tpr: [0, 0.5, 0.5, 1, 1],
      thresholds: [Infinity, 0.8, 0.4, 0.35, 0.1],
    });
  });

  it('drops collinear points by default as scikit-learn, and keeps them all with dropIntermediate false', () => {
    // scikit-learn 1.2.1: roc_curve(y2, s2)
    expect(plain(rocCurve(y2, s2))).toEqual({
      fpr: [0, 0, 0, 0.4, 0.4, 0.6, 1],
      tpr: [0, 0.2, 0.4, 0.4, 0.6, 1, 1],
      thresholds: [Infinity, 0.9, 0.8, 0.55, 0.5, 0.3, 0.1],
    });
    const all = plain(rocCurve(y2, s2, { dropIntermediate: false }));
    expect(all.thresholds).toEqual([Infinity, 0.9, 0.8, 0.7, 0.55, 0.5, 0.3, 0.2, 0.1]);
    expect(all.fpr).toEqual([0, 0, 0, 0.2, 0.4, 0.4, 0.6, 0.8, 1]);
  });

  it('fills the undefined rate with NaN or zeroDivision with one class', () => {
    const c = plain(rocCurve([1, 1], [0.2, 0.4]));
    expect(c.tpr).toEqual([0, 0.5, 1]);
    expect(c.fpr.every(Number.isNaN)).toBe(true);
    expect(plain(rocCurve([0, 0], [0.2, 0.4], { zeroDivision: 0 })).tpr).toEqual([0, 0, 0]);
    expect(() => rocCurve([0, 0], [0.2, 0.4], { zeroDivision: 'error' })).toThrow(
      new UndefinedMetricError('rocCurve: tpr is undefined: no positive examples'),
    );
  });

  it('has an area equal to rocAuc, with or without weights', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 4 })), { minLength: 2, maxLength: 50 }),
        (rows) => {
          const y = rows.map((r) => r[0]);
          const s = rows.map((r) => r[1]);
          const w = rows.map((r) => r[2]);
          if (y.every((v) => v) || !y.some((v) => v)) return;
          const c = rocCurve(y, s, { sampleWeight: w });
          expect(auc(c.fpr, c.tpr)).toBeCloseTo(rocAuc(y, s, { sampleWeight: w }), 12);
          const full = rocCurve(y, s, { dropIntermediate: false });
          expect(auc(full.fpr, full.tpr)).toBeCloseTo(rocAuc(y, s), 12);
        },
      ),
    );
  });

  it('names the argument, index and value of bad input', () => {
    expect(() => rocCurve([0, 1], [0.5, NaN])).toThrow(new MetricInputError('rocCurve: yScore[1] is NaN'));
    expect(() => rocCurve([0, 1], [0.5])).toThrow('rocCurve: yTrue has 2 entries but yScore has 1');
    expect(() => rocCurve([], [])).toThrow('rocCurve: yTrue is empty');
  });
});
