import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MetricInputError, UndefinedMetricError } from '../../src/core/errors';
import { rocAucOf } from '../../src/metrics/internal/rankingKernels';
import { rocAuc } from '../../src/metrics/rocAuc';
import { largeProblem, referenceRocAuc, referenceRocAucRanks, referenceRocAucSorted } from './internal/reference';

const Y3 = [0, 0, 1, 1, 2, 2];
const S3 = [
  [0.7, 0.2, 0.1],
  [0.4, 0.3, 0.3],
  [0.1, 0.8, 0.1],
  [0.2, 0.3, 0.5],
  [0.4, 0.4, 0.2],
  [0.1, 0.2, 0.7],
];
const y2 = [0, 1, 1, 0, 1, 0, 0, 1, 1, 0];
const s2 = [0.1, 0.9, 0.3, 0.3, 0.5, 0.7, 0.2, 0.3, 0.8, 0.55];
const w2 = [1, 2, 0.5, 1, 3, 1, 2, 1, 1, 0.5];

describe('rocAuc', () => {
  it('matches the scikit-learn docstring example (0.75)', () => {
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBe(0.75);
    expect(rocAuc([1, 1, 2, 2], [0.1, 0.4, 0.35, 0.8], { posLabel: 2 })).toBe(0.75);
  });

  it('counts a tie between a positive and a negative as one half', () => {
    expect(rocAuc([0, 1], [0.5, 0.5])).toBe(0.5);
    // pairs: (0.9 > all 2 negs) 2, (0.5 vs 0.5 tie, > 0.1) 1.5 → 3.5/4.
    expect(rocAuc([1, 1, 0, 0], [0.9, 0.5, 0.5, 0.1])).toBe(3.5 / 4);
    // the same with the negatives in the minority (the other kernel branch)
    expect(rocAuc([0, 0, 1, 1, 1], [0.9, 0.5, 0.5, 0.1, 0.7])).toBeCloseTo((0 + 0.5 + 1) / 6, 15);
  });

  it('weights pairs by the product of the weights, as scikit-learn (0.8181…)', () => {
    expect(rocAuc(y2, s2, { sampleWeight: w2 })).toBeCloseTo(0.8181818181818182, 14);
    expect(rocAuc([1, 0, 1], [0.8, 0.5, 0.2], { sampleWeight: [2, 1, 1] })).toBeCloseTo(2 / 3, 15);
  });

  it('computes the McClish standardized partial AUC with maxFpr (scikit-learn values)', () => {
    expect(rocAuc(y2, s2, { maxFpr: 0.3 })).toBeCloseTo(0.6470588235294118, 14);
    expect(rocAuc(y2, s2, { maxFpr: 0.3, sampleWeight: w2 })).toBeCloseTo(0.6692513368983958, 14);
    expect(rocAuc(y2, s2, { maxFpr: 1 })).toBe(rocAuc(y2, s2));
    expect(rocAuc([0, 1, 0, 1], [0.1, 0.9, 0.2, 0.8], { maxFpr: 0.5 })).toBe(1);
  });

  it('returns NaN with one class only, or zeroDivision, or throws with "error"', () => {
    expect(rocAuc([1, 1], [0.2, 0.3])).toBeNaN();
    expect(rocAuc([0, 0], [0.2, 0.3], { zeroDivision: 0.5 })).toBe(0.5);
    expect(rocAuc([0, 0], [0.2, 0.3], { maxFpr: 0.5 })).toBeNaN();
    expect(() => rocAuc([0, 0], [0.2, 0.3], { zeroDivision: 'error' })).toThrow(
      new UndefinedMetricError('rocAuc: only one class in yTrue'),
    );
  });

  it('averages one-vs-rest AUCs as scikit-learn (macro 0.8333…, micro 0.8263…, none)', () => {
    expect(rocAuc(Y3, S3)).toBeCloseTo(0.8333333333333334, 14);
    expect(rocAuc(Y3, S3, { average: 'weighted' })).toBeCloseTo(0.8333333333333334, 14);
    expect(rocAuc(Y3, S3, { average: 'micro' })).toBeCloseTo(0.826388888888889, 14);
    expect(Array.from(rocAuc(Y3, S3, { average: 'none' }))).toEqual([0.9375, 0.8125, 0.75]);
  });

  it("computes Hand & Till's M with multiClass 'ovo' (scikit-learn values)", () => {
    expect(rocAuc(Y3, S3, { multiClass: 'ovo' })).toBeCloseTo(0.8333333333333334, 14);
    expect(rocAuc(Y3, S3, { multiClass: 'ovo', average: 'weighted' })).toBeCloseTo(0.8333333333333333, 14);
    const p = [
      [0.8, 0.1, 0.1],
      [0.3, 0.5, 0.2],
      [0.2, 0.2, 0.6],
      [0.5, 0.1, 0.4],
    ];
    expect(rocAuc([0, 1, 2, 2], p, { multiClass: 'ovo' })).toBe(1);
    // Pairs by hand for an unbalanced case: classes a (2 examples), b (1), c (1).
    const q = [
      [0.6, 0.3, 0.1],
      [0.2, 0.5, 0.3],
      [0.3, 0.3, 0.4],
      [0.5, 0.1, 0.4],
    ];
    // {a,b} (rows 0, 1, 3): col a: a 0.6, 0.5 vs b 0.2 → 1; col b: b 0.5 vs a 0.3, 0.1 → 1 → pair 1.
    // {a,c} (rows 0, 2, 3): col a: a 0.6, 0.5 vs c 0.3 → 1; col c: c 0.4 vs a 0.1, 0.4 → (1 + ½)/2 → pair 7/8.
    // {b,c} (rows 1, 2): col b: 0.5 vs 0.3 → 1; col c: 0.4 vs 0.3 → 1 → pair 1.
    expect(rocAuc(['a', 'b', 'c', 'a'], q, { multiClass: 'ovo' })).toBeCloseTo((1 + 7 / 8 + 1) / 3, 15);
    // weighted by prevalence 3/4, 3/4, 2/4.
    expect(rocAuc(['a', 'b', 'c', 'a'], q, { multiClass: 'ovo', average: 'weighted' })).toBeCloseTo(
      ((3 / 4) * 1 + (3 / 4) * (7 / 8) + (2 / 4) * 1) / 2,
      15,
    );
  });

  it('names the argument, index and value of bad input', () => {
    const f = rocAuc;
    expect(() => f([0, 1], [0.5, -Infinity])).toThrow(new MetricInputError('rocAuc: yScore[1] is -Infinity'));
    expect(() => f([0, 1], [0.5, 1], { maxFpr: 0 })).toThrow('rocAuc: maxFpr is 0, expected a finite number > 0 and <= 1');
    expect(() => f([0, 1], [0.5, 1], { maxFpr: 1.5 })).toThrow('rocAuc: maxFpr is 1.5');
    expect(() => f([0, 1], [0.5, 1], { multiClass: 'ovx' as never })).toThrow('rocAuc: multiClass is "ovx", expected one of "ovr", "ovo"');
    expect(() => f(Y3, S3, { maxFpr: 0.5 })).toThrow('rocAuc: maxFpr is 0.5: partial AUC is for binary yTrue only');
    const bad = S3.map((r) => [...r]);
    bad[3][2] = 0.4;
    expect(() => f(Y3, bad)).toThrow(
      'rocAuc: yScore[3] sums to 0.9, not 1: multiclass ROC AUC needs probabilities (rows summing to 1 within 1e-5)',
    );
    expect(() => f(Y3, S3, { multiClass: 'ovo', sampleWeight: [1, 1, 1, 1, 1, 1] })).toThrow(
      'rocAuc: sampleWeight is not supported with multiClass "ovo"',
    );
    expect(() => f(Y3, S3, { multiClass: 'ovo', average: 'micro' })).toThrow(
      'rocAuc: average is "micro", expected "macro" or "weighted" with multiClass "ovo"',
    );
    expect(() => f([0, 1, 1], [0.5, 1], {})).toThrow('rocAuc: yTrue has 3 entries but yScore has 2');
  });

  it('equals the pairwise reference on random data with heavy ties, weights and either class in the minority', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: -3, max: 3 }), fc.integer({ min: 0, max: 3 })), {
          minLength: 1,
          maxLength: 60,
        }),
        fc.boolean(),
        (rows, useWeights) => {
          const labels = Uint8Array.from(rows.map((r) => r[0]));
          const scores = Float64Array.from(rows.map((r) => r[1] / 3));
          const weights = useWeights ? Float64Array.from(rows.map((r) => r[2] / 2)) : undefined;
          const ref = referenceRocAuc(labels, scores, weights);
          const fast = rocAucOf(labels, scores, weights);
          if (Number.isNaN(ref)) expect(fast).toBeNaN();
          else expect(fast).toBeCloseTo(ref, 12);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('is 1 for a perfect ranking and 1 − AUC for reversed scores', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.double({ min: -5, max: 5, noNaN: true })), { minLength: 2, maxLength: 40 }), (rows) => {
        const y = rows.map((r) => r[0]);
        const s = rows.map((r) => r[1]);
        const a = rocAuc(y, s);
        if (Number.isNaN(a)) return;
        expect(rocAuc(y, s.map((v) => -v))).toBeCloseTo(1 - a, 12);
        expect(rocAuc(y, y.map((v) => (v ? 1 : 0)))).toBe(1);
      }),
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
          const ref = referenceRocAuc(labels, scores);
          const fast = rocAucOf(labels, scores);
          if (Number.isNaN(ref)) expect(fast).toBeNaN();
          else expect(fast).toBeCloseTo(ref, 12);
        },
      ),
      { numRuns: 300 },
    );
  });
  it('equals the Mann–Whitney mid-rank reference at n = 60 000 on both fast paths, with ties', () => {
    for (const [prevalence, digits] of [
      [0.01, 3],
      [0.01, 12],
      [0.5, 3],
      [0.5, 12],
      [0.97, 4],
    ]) {
      const { labels, scores } = largeProblem(60_000, prevalence, digits, 11);
      expect(rocAucOf(labels, scores)).toBeCloseTo(referenceRocAucRanks(labels, scores), 10);
    }
  });
  it('equals the reference with weights at n = 60 000 (weighted distribution sort and locate paths), with ties', () => {
    for (const [prevalence, digits] of [
      [0.01, 3],
      [0.5, 3],
      [0.5, 12],
      [0.97, 4],
    ]) {
      const { labels, scores } = largeProblem(60_000, prevalence, digits, 13);
      const weights = Float64Array.from(labels, (_, i) => (i % 7 === 0 ? 0 : 0.25 + (i % 5)));
      expect(rocAucOf(labels, scores, weights)).toBeCloseTo(referenceRocAucSorted(labels, scores, weights), 10);
    }
  });
  it('handles classes of labels absent from yTrue: NaN per class and macro (or zeroDivision), and ovo pairs only over present classes', () => {
    const y = [0, 1, 0, 1];
    const p = [
      [0.6, 0.3, 0.1],
      [0.2, 0.7, 0.1],
      [0.5, 0.2, 0.3],
      [0.3, 0.4, 0.3],
    ];
    const none = rocAuc(y, p, { labels: [0, 1, 2], average: 'none' });
    expect(none[0]).toBe(1);
    expect(none[1]).toBe(1);
    expect(none[2]).toBeNaN();
    expect(rocAuc(y, p, { labels: [0, 1, 2] })).toBeNaN();
    expect(rocAuc(y, p, { labels: [0, 1, 2], zeroDivision: 0 })).toBeCloseTo(2 / 3, 15);
    expect(rocAuc(y, p, { labels: [0, 1, 2], average: 'weighted' })).toBe(1);
    expect(() => rocAuc(y, p, { labels: [0, 1, 2], zeroDivision: 'error' })).toThrow(
      new UndefinedMetricError('rocAuc: class 2: only one class in yTrue'),
    );
    // ovo: only the pair {0, 1} exists.
    expect(rocAuc(y, p, { labels: [0, 1, 2], multiClass: 'ovo' })).toBe(1);
    expect(rocAuc([0, 0], p.slice(0, 2), { labels: [0, 1, 2], multiClass: 'ovo' })).toBeNaN();
  });

  it('weights the micro average by sampleWeight repeated over the k columns', () => {
    const w = [1, 2, 1, 3, 1, 2];
    const Yb = Y3.flatMap((c) => [0, 1, 2].map((k) => (k === c ? 1 : 0)));
    const flat = S3.flat();
    const wr = w.flatMap((v) => [v, v, v]);
    expect(rocAuc(Y3, S3, { average: 'micro', sampleWeight: w })).toBeCloseTo(rocAuc(Yb, flat, { sampleWeight: wr }), 15);
  });
});
