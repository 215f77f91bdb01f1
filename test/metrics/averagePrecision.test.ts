import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MetricInputError, UndefinedMetricError } from '../../src/core/errors';
import { averagePrecision } from '../../src/metrics/averagePrecision';
import { averagePrecisionOf } from '../../src/metrics/internal/rankingKernels';
import { largeProblem, referenceAp } from './internal/reference';

const Y3 = [0, 0, 1, 1, 2, 2];
const S3 = [
  [0.7, 0.2, 0.1],
  [0.4, 0.3, 0.3],
  [0.1, 0.8, 0.1],
  [0.2, 0.3, 0.5],
  [0.4, 0.4, 0.2],
  [0.1, 0.2, 0.7],
];
const tensor = (values: number[], shape: number[]) => ({ shape, dtype: 'float32', dataSync: () => Float32Array.from(values) });

describe('averagePrecision', () => {
  it('matches the scikit-learn docstring example (5/6)', () => {
    expect(averagePrecision([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBeCloseTo(5 / 6, 15);
  });

  it('is a step sum over thresholds: ties of a positive and a negative share one precision', () => {
    // Thresholds 0.9 (1 pos), 0.5 (1 pos + 1 neg), 0.1 (1 pos): ½·1... each
    // positive adds 1/3 recall: 1/3·1 + 1/3·(2/3) + 1/3·(3/4).
    expect(averagePrecision([1, 1, 0, 1], [0.9, 0.5, 0.5, 0.1])).toBeCloseTo((1 + 2 / 3 + 3 / 4) / 3, 15);
    // All tied: precision = prevalence.
    expect(averagePrecision([1, 0, 0, 1, 0], [2, 2, 2, 2, 2])).toBeCloseTo(0.4, 15);
  });

  it('is 1 for a perfect ranking and the prevalence-weighted steps for the worst one', () => {
    expect(averagePrecision([0, 1, 0, 1], [0.1, 0.9, 0.2, 0.8])).toBe(1);
    // Worst: positives last at ranks 3 and 4: ½·(1/3) + ½·(2/4).
    expect(averagePrecision([1, 0, 1, 0], [0.1, 0.9, 0.2, 0.8])).toBeCloseTo((1 / 3 + 2 / 4) / 2, 15);
  });

  it('treats integer weights as repeated examples', () => {
    const w = averagePrecision([1, 0, 1, 0], [0.3, 0.6, 0.8, 0.2], { sampleWeight: [2, 3, 1, 1] });
    const r = averagePrecision([1, 1, 0, 0, 0, 1, 0], [0.3, 0.3, 0.6, 0.6, 0.6, 0.8, 0.2]);
    expect(w).toBeCloseTo(r, 15);
    // scikit-learn 1.2.1: average_precision_score(y2, s2, sample_weight=w2) = 0.87
    const y2 = [0, 1, 1, 0, 1, 0, 0, 1, 1, 0];
    const s2 = [0.1, 0.9, 0.3, 0.3, 0.5, 0.7, 0.2, 0.3, 0.8, 0.55];
    const w2 = [1, 2, 0.5, 1, 3, 1, 2, 1, 1, 0.5];
    expect(averagePrecision(y2, s2, { sampleWeight: w2 })).toBeCloseTo(0.87, 12);
  });

  it('reads {-1, 1}, boolean, posLabel-string and tensor labels alike', () => {
    const s = [0.1, 0.4, 0.35, 0.8];
    expect(averagePrecision([-1, -1, 1, 1], s)).toBeCloseTo(5 / 6, 15);
    expect(averagePrecision([false, false, true, true], s)).toBeCloseTo(5 / 6, 15);
    expect(averagePrecision(['b', 'b', 'a', 'a'], s, { posLabel: 'a' })).toBeCloseTo(5 / 6, 15);
    expect(averagePrecision(tensor([0, 0, 1, 1], [4]), tensor([0.125, 0.5, 0.25, 0.75], [4]))).toBeCloseTo(5 / 6, 15);
  });

  it('returns NaN without positives, or zeroDivision, or throws with "error"', () => {
    expect(averagePrecision([0, 0], [0.1, 0.2])).toBeNaN();
    expect(averagePrecision([0, 0], [0.1, 0.2], { zeroDivision: 0 })).toBe(0);
    expect(averagePrecision([0, 1], [0.1, 0.2], { sampleWeight: [1, 0], zeroDivision: 1 })).toBe(1);
    expect(() => averagePrecision([0, 0], [0.1, 0.2], { zeroDivision: 'error' })).toThrow(
      new UndefinedMetricError('averagePrecision: no positive examples'),
    );
  });

  it('returns a one-entry array for a binary yScore with average "none"', () => {
    expect(Array.from(averagePrecision([0, 1], [0.1, 0.2], { average: 'none' }))).toEqual([1]);
  });

  it('averages one-vs-rest APs over an n×k matrix as scikit-learn (macro 7/9, micro 0.75)', () => {
    // scikit-learn 1.2.1 on label_binarize(Y3): per class [5/6, 3/4, 3/4], micro 0.75.
    expect(averagePrecision(Y3, S3)).toBeCloseTo(7 / 9, 15);
    expect(averagePrecision(Y3, S3, { average: 'weighted' })).toBeCloseTo(7 / 9, 15);
    expect(averagePrecision(Y3, S3, { average: 'micro' })).toBeCloseTo(0.75, 15);
    const none = averagePrecision(Y3, S3, { average: 'none' });
    expect(Array.from(none).map((v) => +v.toFixed(12))).toEqual([0.833333333333, 0.75, 0.75]);
  });

  it('weights classes by support with "weighted" and reads flat arrays, tensors and string labels', () => {
    const y = ['cat', 'dog', 'dog', 'dog'];
    const s = [0.6, 0.4, 0.3, 0.7, 0.8, 0.2, 0.5, 0.5];
    const perClass = averagePrecision(y, s, { numClasses: 2, average: 'none' });
    // cat: scores [0.6, 0.3, 0.8, 0.5], the cat ranks 2nd → AP ½. dog: [0.4, 0.7, 0.2, 0.5] → ranks 1, 2, 4 → (1 + 1 + 3/4)/3.
    expect(Array.from(perClass)).toEqual([0.5, (1 + 1 + 3 / 4) / 3]);
    expect(averagePrecision(y, s, { numClasses: 2, average: 'weighted' })).toBeCloseTo((0.5 + 3 * (2.75 / 3)) / 4, 15);
    expect(averagePrecision(y, tensor(s, [4, 2]))).toBeCloseTo((0.5 + 2.75 / 3) / 2, 7);
    // labels reorders the columns: column 0 is now "dog" ([0.3, 0.8, 0.5] against the cat's 0.6).
    expect(averagePrecision(y, s, { numClasses: 2, labels: ['dog', 'cat'], average: 'none' })[0]).toBeCloseTo((1 + 2 / 3 + 3 / 4) / 3, 15);
  });

  it('gives NaN (or zeroDivision) for a class of labels absent from yTrue under macro, and leaves it out of weighted', () => {
    const y = [0, 1, 0];
    const s = [
      [0.5, 0.3, 0.2],
      [0.2, 0.7, 0.1],
      [0.6, 0.2, 0.2],
    ];
    expect(averagePrecision(y, s, { labels: [0, 1, 2] })).toBeNaN();
    expect(averagePrecision(y, s, { labels: [0, 1, 2], zeroDivision: 0 })).toBeCloseTo(2 / 3, 15);
    expect(averagePrecision(y, s, { labels: [0, 1, 2], average: 'weighted' })).toBe(1);
  });

  it('names the argument, index and value of bad input', () => {
    const f = averagePrecision;
    expect(() => f([0, 1, 0], [0.5, NaN, 1])).toThrow(new MetricInputError('averagePrecision: yScore[1] is NaN'));
    expect(() => f([0, 1], [0.5])).toThrow('averagePrecision: yTrue has 2 entries but yScore has 1');
    expect(() => f([], [])).toThrow('averagePrecision: yTrue is empty');
    expect(() => f([0, 3], [0.5, 1])).toThrow(/averagePrecision: yTrue\[1\] is 3/);
    expect(() => f([0, 1], [0.5, 1], { sampleWeight: [1, NaN] })).toThrow('averagePrecision: sampleWeight[1] is NaN');
    expect(() => f([0, 1], [0.5, 1], { average: 'mean' as never })).toThrow(
      'averagePrecision: average is "mean", expected one of "macro", "weighted", "micro", "none"',
    );
    expect(() => f([0, 1], [0.5, 1], { zeroDivision: 'warn' as never })).toThrow('averagePrecision: zeroDivision is "warn"');
    expect(() => f(Y3, S3.map((r) => r.slice(0, 2)))).toThrow('averagePrecision: yScore has 2 columns but there are 3 classes ([0, 1, 2])');
    expect(() => f([0, 1, 5], S3.slice(0, 3), { labels: [0, 1, 2] })).toThrow('averagePrecision: yTrue[2] is 5, not one of labels');
    expect(() => f(Y3, S3, { labels: [0, 1, 0] })).toThrow('averagePrecision: labels[2] is 0, a repeat of labels[0]');
    expect(() => f(Y3, [[0.1, 0.2, 0.7], [0.1, NaN, 0.7]])).toThrow('averagePrecision: yScore[1][1] is NaN');
    expect(() => f(Y3, S3, { posLabel: 1 })).toThrow('averagePrecision: posLabel is for binary yTrue only');
  });

  it('equals the simple reference on random data with heavy ties, weights and either class in the minority', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: -3, max: 3 }), fc.integer({ min: 0, max: 3 })), {
          minLength: 1,
          maxLength: 80,
        }),
        fc.boolean(),
        (rows, useWeights) => {
          const labels = Uint8Array.from(rows.map((r) => r[0]));
          const scores = Float64Array.from(rows.map((r) => r[1] / 3));
          const weights = useWeights ? Float64Array.from(rows.map((r) => r[2] / 2)) : undefined;
          const ref = referenceAp(labels, scores, weights);
          const fast = averagePrecisionOf(labels, scores, weights);
          if (Number.isNaN(ref)) expect(fast).toBeNaN();
          else expect(fast).toBeCloseTo(ref, 12);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('is invariant to strictly increasing transforms of the scores and to permutations', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 20 })), { minLength: 2, maxLength: 50 }),
        (rows) => {
          const y = rows.map((r) => r[0]);
          const s = rows.map((r) => r[1] / 20);
          const base = averagePrecision(y, s);
          const t = averagePrecision(y, s.map((v) => Math.exp(3 * v) - 7));
          const rev = averagePrecision([...y].reverse(), [...s].reverse());
          if (Number.isNaN(base)) return;
          expect(t).toBeCloseTo(base, 12);
          expect(rev).toBeCloseTo(base, 12);
        },
      ),
    );
  });
  it('takes the sort-one-class-and-locate path with a rare class and still equals the reference', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 24 }), fc.integer({ min: -6, max: 6 })), { minLength: 20, maxLength: 120 }),
        fc.boolean(),
        (rows, rarePositives) => {
          const labels = Uint8Array.from(rows.map((r) => (rarePositives ? (r[0] === 0 ? 1 : 0) : r[0] === 0 ? 0 : 1)));
          const scores = Float64Array.from(rows.map((r) => r[1] / 5));
          const ref = referenceAp(labels, scores);
          const fast = averagePrecisionOf(labels, scores);
          if (Number.isNaN(ref)) expect(fast).toBeNaN();
          else expect(fast).toBeCloseTo(ref, 12);
        },
      ),
      { numRuns: 300 },
    );
  });
  it('equals the reference at n = 60 000 on both fast paths (rare positives located, balanced classes bucket-sorted), with ties', () => {
    for (const [prevalence, digits] of [
      [0.01, 3],
      [0.01, 12],
      [0.5, 3],
      [0.5, 12],
      [0.97, 4],
    ]) {
      const { labels, scores } = largeProblem(60_000, prevalence, digits, 7);
      expect(averagePrecisionOf(labels, scores)).toBeCloseTo(referenceAp(labels, scores), 10);
    }
  });
  it('equals the reference with weights at n = 60 000 (weighted distribution sort and locate paths), with ties', () => {
    for (const [prevalence, digits] of [
      [0.01, 3],
      [0.5, 3],
      [0.5, 12],
      [0.97, 4],
    ]) {
      const { labels, scores } = largeProblem(60_000, prevalence, digits, 17);
      const weights = Float64Array.from(labels, (_, i) => (i % 7 === 0 ? 0 : 0.25 + (i % 5)));
      expect(averagePrecisionOf(labels, scores, weights)).toBeCloseTo(referenceAp(labels, scores, weights), 10);
    }
  });
});
