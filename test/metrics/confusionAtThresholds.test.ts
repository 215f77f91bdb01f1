import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/core/errors';
import { confusionAtThresholds, confusionAtThresholdsOf } from '../../src/metrics/confusionAtThresholds';
import { largeProblem, referenceConfusion } from './internal/reference';

const plain = (r: { thresholds: Float64Array; tps: Float64Array; fps: Float64Array }) => ({
  thresholds: Array.from(r.thresholds),
  tps: Array.from(r.tps),
  fps: Array.from(r.fps),
});

const tensor = (values: number[]) => ({ shape: [values.length], dtype: 'float32', dataSync: () => Float32Array.from(values) });

describe('confusionAtThresholds', () => {
  it('counts positives and negatives at or above each distinct score, in decreasing order', () => {
    expect(plain(confusionAtThresholds([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]))).toEqual({
      thresholds: [0.8, 0.4, 0.35, 0.1],
      tps: [1, 1, 2, 2],
      fps: [0, 1, 1, 2],
    });
  });

  it('gives tied scores one threshold that counts every tied example', () => {
    expect(plain(confusionAtThresholds([1, 0, 1, 0, 1], [0.5, 0.5, 0.9, 0.2, 0.5]))).toEqual({
      thresholds: [0.9, 0.5, 0.2],
      tps: [1, 3, 3],
      fps: [0, 1, 2],
    });
  });

  it('treats -0 and +0 as one threshold', () => {
    expect(plain(confusionAtThresholds([1, 0], [-0, 0])).tps).toEqual([1]);
    expect(plain(confusionAtThresholds([1, 0], [0, -0], { sampleWeight: [1, 2] }))).toEqual({ thresholds: [0], tps: [1], fps: [2] });
  });

  it('adds weights, so integer weights equal repeated examples', () => {
    const weighted = confusionAtThresholds([0, 1, 1, 0], [0.2, 0.7, 0.2, 0.9], { sampleWeight: [2, 1, 3, 0] });
    const repeated = confusionAtThresholds([0, 0, 1, 1, 1, 1], [0.2, 0.2, 0.7, 0.2, 0.2, 0.2]);
    expect(plain(weighted)).toEqual({ thresholds: [0.7, 0.2], tps: [1, 4], fps: [0, 2] });
    expect(plain(weighted)).toEqual(plain(repeated));
  });

  it('leaves zero-weight examples out, thresholds included, as scikit-learn >= 1.3 does', () => {
    expect(plain(confusionAtThresholds([1, 0, 0], [0.3, 0.6, 0.3], { sampleWeight: [1, 0, 2] }))).toEqual({
      thresholds: [0.3],
      tps: [1],
      fps: [2],
    });
    expect(plain(confusionAtThresholds([1, 0], [0.3, 0.6], { sampleWeight: [0, 0] }))).toEqual({ thresholds: [], tps: [], fps: [] });
  });

  it('reads {-1, 1} labels, booleans, posLabel strings and tensors alike', () => {
    const expected = plain(confusionAtThresholds([0, 1, 1], [0.3, 0.6, 0.1]));
    expect(plain(confusionAtThresholds([-1, 1, 1], [0.3, 0.6, 0.1]))).toEqual(expected);
    expect(plain(confusionAtThresholds([false, true, true], [0.3, 0.6, 0.1]))).toEqual(expected);
    expect(plain(confusionAtThresholds(['ham', 'spam', 'spam'], [0.3, 0.6, 0.1], { posLabel: 'spam' }))).toEqual(expected);
    expect(plain(confusionAtThresholds(tensor([0, 1, 1]), tensor([0.25, 0.5, 0.125])))).toEqual({
      thresholds: [0.5, 0.25, 0.125],
      tps: [1, 1, 2],
      fps: [0, 1, 1],
    });
  });

  it('handles a single class and negative scores', () => {
    expect(plain(confusionAtThresholds([0, 0], [-3, -1]))).toEqual({ thresholds: [-1, -3], tps: [0, 0], fps: [1, 2] });
    expect(plain(confusionAtThresholds([1, 1, 1], [-2, 5, -2]))).toEqual({ thresholds: [5, -2], tps: [1, 3], fps: [0, 0] });
  });

  it('does not mutate its inputs', () => {
    const s = new Float64Array([0.3, 0.1, 0.2]);
    const w = new Float64Array([1, 2, 3]);
    confusionAtThresholds([1, 0, 1], s, { sampleWeight: w });
    confusionAtThresholds([1, 0, 1], s);
    expect(Array.from(s)).toEqual([0.3, 0.1, 0.2]);
    expect(Array.from(w)).toEqual([1, 2, 3]);
  });

  it('names the argument, index and value of bad input', () => {
    const f = confusionAtThresholds;
    expect(() => f([0, 1], [0.5])).toThrow(new MetricInputError('confusionAtThresholds: yTrue has 2 entries but yScore has 1'));
    expect(() => f([], [])).toThrow(new MetricInputError('confusionAtThresholds: yTrue is empty'));
    expect(() => f([0, 1, 0], [0.5, NaN, 1])).toThrow(new MetricInputError('confusionAtThresholds: yScore[1] is NaN'));
    expect(() => f([0, 1], [0.5, Infinity])).toThrow('confusionAtThresholds: yScore[1] is Infinity');
    expect(() => f([0, 2], [0.5, 1])).toThrow(/confusionAtThresholds: yTrue\[1\] is 2: binary labels/);
    expect(() => f(['a', 'b'], [0.5, 1])).toThrow(/yTrue\[0\] is "a".*posLabel/);
    expect(() => f([0, 1], [0.5, 1], { sampleWeight: [1, -1] })).toThrow(
      'confusionAtThresholds: sampleWeight[1] is -1: weights must be finite and non-negative',
    );
    expect(() => f([0, 1], [0.5, 1], { sampleWeight: [1] })).toThrow('confusionAtThresholds: yTrue has 2 entries but sampleWeight has 1');
  });

  it('equals a simple comparator-sort reference on random data with heavy ties, with and without weights', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: -4, max: 4 }), fc.integer({ min: 0, max: 3 })), {
          minLength: 1,
          maxLength: 60,
        }),
        fc.boolean(),
        (rows, useWeights) => {
          const labels = Uint8Array.from(rows.map((r) => r[0]));
          const scores = Float64Array.from(rows.map((r) => r[1] / 4));
          const weights = useWeights ? Float64Array.from(rows.map((r) => r[2] * 0.5)) : undefined;
          const fast = plain(confusionAtThresholdsOf(labels, scores, weights));
          const ref = referenceConfusion(labels, scores, weights);
          expect(fast).toEqual(ref);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('equals the reference on continuous random scores spanning many magnitudes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true })), {
          minLength: 1,
          maxLength: 200,
        }),
        (rows) => {
          const labels = Uint8Array.from(rows.map((r) => (r[0] ? 1 : 0)));
          const scores = Float64Array.from(rows.map((r) => r[1]));
          const weights = Float64Array.from(rows.map((r) => r[2]));
          const ref = referenceConfusion(labels, scores, weights);
          const fast = plain(confusionAtThresholdsOf(labels, scores, weights));
          expect(fast.thresholds).toEqual(ref.thresholds.map((t) => t + 0));
          fast.tps.forEach((v, k) => expect(v).toBeCloseTo(ref.tps[k], 9));
          fast.fps.forEach((v, k) => expect(v).toBeCloseTo(ref.fps[k], 9));
          const unweighted = referenceConfusion(labels, scores);
          expect(plain(confusionAtThresholdsOf(labels, scores)).thresholds).toEqual(unweighted.thresholds.map((t) => t + 0));
        },
      ),
      { numRuns: 300 },
    );
  });
  it('equals the reference at n = 60 000 (the bucketed sort) with ties, with and without weights', () => {
    for (const [prevalence, digits] of [
      [0.01, 4],
      [0.5, 3],
      [0.5, 12],
    ]) {
      const { labels, scores } = largeProblem(60_000, prevalence, digits, 3);
      const weights = Float64Array.from(labels, (_, i) => (i % 5) / 2);
      expect(plain(confusionAtThresholdsOf(labels, scores))).toEqual(referenceConfusion(labels, scores));
      const ref = referenceConfusion(labels, scores, weights);
      const fast = plain(confusionAtThresholdsOf(labels, scores, weights));
      expect(fast.thresholds).toEqual(ref.thresholds);
      expect(fast.tps).toEqual(ref.tps);
      expect(fast.fps).toEqual(ref.fps);
    }
  });
});
