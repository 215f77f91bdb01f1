import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MetricInputError, UndefinedMetricError } from '../../src/core/errors';
import { precisionRecallCurve } from '../../src/metrics/precisionRecallCurve';

const plain = (c: { precision: Float64Array; recall: Float64Array; thresholds: Float64Array }) => ({
  precision: Array.from(c.precision),
  recall: Array.from(c.recall),
  thresholds: Array.from(c.thresholds),
});
const y2 = [0, 1, 1, 0, 1, 0, 0, 1, 1, 0];
const s2 = [0.1, 0.9, 0.3, 0.3, 0.5, 0.7, 0.2, 0.3, 0.8, 0.55];

describe('precisionRecallCurve', () => {
  it('matches the scikit-learn docstring example', () => {
    expect(plain(precisionRecallCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]))).toEqual({
      precision: [0.5, 2 / 3, 0.5, 1, 1],
      recall: [1, 1, 0.5, 0.5, 0],
      thresholds: [0.1, 0.35, 0.4, 0.8],
    });
  });

  it('has increasing distinct thresholds and ends at precision 1, recall 0 (scikit-learn values with ties)', () => {
    const c = plain(precisionRecallCurve(y2, s2));
    expect(c.thresholds).toEqual([0.1, 0.2, 0.3, 0.5, 0.55, 0.7, 0.8, 0.9]);
    expect(c.recall).toEqual([1, 1, 1, 0.6, 0.4, 0.4, 0.4, 0.2, 0]);
    expect(c.precision).toEqual([0.5, 5 / 9, 5 / 8, 0.6, 0.5, 2 / 3, 1, 1, 1]);
  });

  it('drops thresholds inside runs of equal recall with dropIntermediate, keeping the ends', () => {
    expect(plain(precisionRecallCurve(y2, s2, { dropIntermediate: true }))).toEqual({
      precision: [0.5, 5 / 8, 0.6, 0.5, 1, 1, 1],
      recall: [1, 1, 0.6, 0.4, 0.4, 0.2, 0],
      thresholds: [0.1, 0.3, 0.5, 0.55, 0.8, 0.9],
    });
    // Two thresholds or fewer: nothing to drop.
    expect(plain(precisionRecallCurve([0, 1], [0.2, 0.4], { dropIntermediate: true })).thresholds).toEqual([0.2, 0.4]);
  });

  it('uses weights and leaves zero-weight examples out', () => {
    const c = plain(precisionRecallCurve([1, 0, 1, 0], [0.9, 0.8, 0.4, 0.1], { sampleWeight: [2, 1, 0, 1] }));
    expect(c).toEqual({ precision: [0.5, 2 / 3, 1, 1], recall: [1, 1, 1, 0], thresholds: [0.1, 0.8, 0.9] });
  });

  it('fills the undefined recall with NaN or zeroDivision when there are no positives (scikit-learn uses 1)', () => {
    const c = plain(precisionRecallCurve([0, 0], [0.3, 0.6]));
    expect(c.recall[0]).toBeNaN();
    expect(c.recall[1]).toBeNaN();
    expect(c.recall[2]).toBe(0);
    expect(c.precision).toEqual([0, 0, 1]);
    expect(plain(precisionRecallCurve([0, 0], [0.3, 0.6], { zeroDivision: 1 })).recall).toEqual([1, 1, 0]);
    expect(() => precisionRecallCurve([0, 0], [0.3, 0.6], { zeroDivision: 'error' })).toThrow(
      new UndefinedMetricError('precisionRecallCurve: recall is undefined: no positive examples'),
    );
  });

  it('reads string labels with posLabel and tensors', () => {
    const t = { shape: [3], dtype: 'string', dataSync: () => ['x', 'y', 'x'] };
    const c = plain(precisionRecallCurve(t, [0.5, 0.25, 0.75], { posLabel: 'x' }));
    expect(c).toEqual({ precision: [2 / 3, 1, 1, 1], recall: [1, 1, 0.5, 0], thresholds: [0.25, 0.5, 0.75] });
  });

  it('names the argument, index and value of bad input', () => {
    expect(() => precisionRecallCurve([0, 1], [0.5, NaN])).toThrow(new MetricInputError('precisionRecallCurve: yScore[1] is NaN'));
    expect(() => precisionRecallCurve([0, 1, 2], [0.5, 1, 2])).toThrow(/precisionRecallCurve: yTrue\[2\] is 2/);
    expect(() => precisionRecallCurve(['a', 'b', 'c'], [0.5, 1, 2], { posLabel: 'a' })).toThrow(
      'precisionRecallCurve: yTrue[2] is "c", a third class besides "a" (posLabel) and "b" (yTrue[1]): binary labels are required',
    );
    expect(() => precisionRecallCurve([0, 1], [0.5, 1], { sampleWeight: [-1, 1] })).toThrow('precisionRecallCurve: sampleWeight[0] is -1');
  });

  it('has non-increasing recall and precision in [0, 1] on random data', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 9 })), { minLength: 1, maxLength: 60 }), (rows) => {
        const c = precisionRecallCurve(rows.map((r) => r[0]), rows.map((r) => r[1]));
        if (!rows.some((r) => r[0])) return;
        for (let i = 1; i < c.recall.length; i++) expect(c.recall[i]).toBeLessThanOrEqual(c.recall[i - 1]);
        for (let i = 1; i < c.thresholds.length; i++) expect(c.thresholds[i]).toBeGreaterThan(c.thresholds[i - 1]);
        for (const p of c.precision) expect(p >= 0 && p <= 1).toBe(true);
        expect(c.precision.length).toBe(c.thresholds.length + 1);
      }),
    );
  });
});
