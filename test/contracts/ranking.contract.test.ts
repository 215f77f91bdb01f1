/**
 * The contract every ranking metric keeps (in the spirit of scikit-learn's
 * sklearn/metrics/tests/test_common.py): each property runs over every metric
 * of the registry below, so a new ranking metric joins by adding one line.
 */
import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/core/errors';
import * as metrics from '../../src/metrics/index';
import {
  BinaryScoreAccumulator,
  averagePrecision,
  confusionAtThresholds,
  precisionRecallAuc,
  precisionRecallCurve,
  rocAuc,
  rocCurve,
  thresholdForFBeta,
  thresholdForMinCost,
  thresholdForPrecision,
  thresholdForRecall,
} from '../../src/metrics/index';
import {
  FC,
  binaryData,
  expectClose,
  permutationOf,
  permute,
  repeat,
  tensorLike,
  weightedBinaryData,
} from './helpers';

type Labels = Parameters<typeof averagePrecision>[0];
type Scores = Parameters<typeof rocCurve>[1];
type Options = { sampleWeight?: ArrayLike<number>; posLabel?: number | string | boolean };

interface RankingMetric {
  name: string;
  run(yTrue: Labels, yScore: Scores, options?: Options): unknown;
  /** The part of the result that no strictly increasing transform of the scores may change. */
  invariant(result: unknown): unknown;
  /** The thresholds in the result (they move with the scores), if any. */
  thresholds?(result: unknown): ArrayLike<number>;
  /** The part that must not change when every weight is multiplied by a constant. Defaults to the whole result. */
  scaleInvariant?(result: unknown): unknown;
  /** What the error for empty input says. Defaults to "empty". */
  emptyMessage?: string;
}

/**
 * The first three quarters (rounded up) or the rest of an input of any
 * accepted kind (array, typed array, tensor-like). Three quarters, not a
 * half: the short inputs of the error tests then fall in the first batch, so
 * the index an error names (counted within its batch) is the one expected.
 */
function batchPart<T>(x: T, first: boolean): T {
  if (x === undefined) return x;
  const t = x as unknown as { dataSync?: () => ArrayLike<number>; dtype?: string };
  if (typeof t.dataSync === 'function') {
    const data = t.dataSync();
    const part = batchPart(data, first);
    return { shape: [part.length], dtype: t.dtype, dataSync: () => part } as unknown as T;
  }
  const a = x as unknown as ArrayLike<unknown> & { slice?: (s: number, e?: number) => unknown };
  const mid = Math.ceil((3 * a.length) / 4);
  return (first ? Array.prototype.slice.call(a, 0, mid) : Array.prototype.slice.call(a, mid)) as unknown as T;
}

/**
 * An exact-mode accumulator fed the first part of the data, merged with one
 * fed the rest: the contract says the results are the batch results.
 */
function accumulated(yTrue: Labels, yScore: Scores, o: Options = {}): BinaryScoreAccumulator {
  const a = new BinaryScoreAccumulator({ posLabel: o.posLabel });
  const b = new BinaryScoreAccumulator({ posLabel: o.posLabel });
  a.update(batchPart(yTrue, true), batchPart(yScore, true), batchPart(o.sampleWeight, true));
  b.update(batchPart(yTrue, false), batchPart(yScore, false), batchPart(o.sampleWeight, false));
  return a.merge(b);
}

type Curve = Record<string, Float64Array>;
type Selection = { threshold: number; precision: number; recall: number };

const number = (r: unknown) => r;
/** A selection without the weighted counts, which scale with the weights. */
const withoutCounts = (r: unknown) => {
  const { tp: _tp, fp: _fp, fn: _fn, tn: _tn, totalCost: _total, ...rest } = r as Record<string, unknown>;
  return rest;
};
const RANKING: RankingMetric[] = [
  { name: 'averagePrecision', run: (y, s, o) => averagePrecision(y, s, o), invariant: number },
  { name: 'rocAuc', run: (y, s, o) => rocAuc(y, s, o), invariant: number },
  { name: 'rocAuc with maxFpr 0.5', run: (y, s, o) => rocAuc(y, s, { ...o, maxFpr: 0.5 }), invariant: number },
  { name: "precisionRecallAuc 'step'", run: (y, s, o) => precisionRecallAuc(y, s, { ...o, rule: 'step' }), invariant: number },
  { name: "precisionRecallAuc 'trapezoid'", run: (y, s, o) => precisionRecallAuc(y, s, { ...o, rule: 'trapezoid' }), invariant: number },
  { name: "precisionRecallAuc 'davisGoadrich'", run: (y, s, o) => precisionRecallAuc(y, s, { ...o, rule: 'davisGoadrich' }), invariant: number },
  {
    name: 'precisionRecallCurve',
    run: (y, s, o) => precisionRecallCurve(y, s, o),
    invariant: (r) => [(r as Curve).precision, (r as Curve).recall],
    thresholds: (r) => (r as Curve).thresholds,
  },
  {
    name: 'precisionRecallCurve with dropIntermediate',
    run: (y, s, o) => precisionRecallCurve(y, s, { ...o, dropIntermediate: true }),
    invariant: (r) => [(r as Curve).precision, (r as Curve).recall],
    thresholds: (r) => (r as Curve).thresholds,
  },
  {
    name: 'rocCurve',
    run: (y, s, o) => rocCurve(y, s, o),
    invariant: (r) => [(r as Curve).fpr, (r as Curve).tpr],
    thresholds: (r) => (r as Curve).thresholds,
  },
  {
    name: 'rocCurve without dropIntermediate',
    run: (y, s, o) => rocCurve(y, s, { ...o, dropIntermediate: false }),
    invariant: (r) => [(r as Curve).fpr, (r as Curve).tpr],
    thresholds: (r) => (r as Curve).thresholds,
  },
  {
    name: 'confusionAtThresholds',
    run: (y, s, o) => confusionAtThresholds(y, s, o),
    invariant: (r) => [(r as Curve).tps, (r as Curve).fps],
    thresholds: (r) => (r as Curve).thresholds,
    // Counts scale with the weights; the rates they define do not.
    scaleInvariant: (r) => {
      const { tps, fps, thresholds } = r as Curve;
      const P = tps[tps.length - 1] || 1;
      const N = fps[fps.length - 1] || 1;
      return [tps.map((v) => v / P), fps.map((v) => v / N), thresholds];
    },
  },
  {
    name: 'BinaryScoreAccumulator (exact, two merged batches) averagePrecision',
    run: (y, s, o) => accumulated(y, s, o).averagePrecision(),
    invariant: number,
    emptyMessage: 'no examples',
  },
  {
    name: 'BinaryScoreAccumulator (exact, two merged batches) rocAuc',
    run: (y, s, o) => accumulated(y, s, o).rocAuc(),
    invariant: number,
    emptyMessage: 'no examples',
  },
  {
    name: 'BinaryScoreAccumulator (exact, two merged batches) precisionRecallCurve',
    run: (y, s, o) => accumulated(y, s, o).precisionRecallCurve(),
    invariant: (r) => [(r as Curve).precision, (r as Curve).recall],
    thresholds: (r) => (r as Curve).thresholds,
    emptyMessage: 'no examples',
  },
  {
    name: 'BinaryScoreAccumulator (exact, two merged batches) rocCurve',
    run: (y, s, o) => accumulated(y, s, o).rocCurve(),
    invariant: (r) => [(r as Curve).fpr, (r as Curve).tpr],
    thresholds: (r) => (r as Curve).thresholds,
    emptyMessage: 'no examples',
  },
  {
    name: 'thresholdForPrecision',
    run: (y, s, o) => thresholdForPrecision(y, s, { ...o, minPrecision: 0.6 }),
    invariant: (r) => [(r as Selection).precision, (r as Selection).recall],
    thresholds: (r) => [(r as Selection).threshold],
    scaleInvariant: withoutCounts,
  },
  {
    name: 'thresholdForRecall',
    run: (y, s, o) => thresholdForRecall(y, s, { ...o, minRecall: 0.5 }),
    invariant: (r) => [(r as Selection).precision, (r as Selection).recall],
    thresholds: (r) => [(r as Selection).threshold],
    scaleInvariant: withoutCounts,
  },
  {
    name: 'thresholdForFBeta',
    run: (y, s, o) => thresholdForFBeta(y, s, { ...o, beta: 1 }),
    invariant: (r) => [(r as Selection & { fScore: number }).fScore, (r as Selection).precision, (r as Selection).recall],
    thresholds: (r) => [(r as Selection).threshold],
    scaleInvariant: withoutCounts,
  },
  {
    name: 'thresholdForMinCost',
    run: (y, s, o) => thresholdForMinCost(y, s, { ...o, costs: { fp: 1, fn: 5 } }),
    invariant: (r) => [(r as { cost: number }).cost, (r as Selection).precision, (r as Selection).recall],
    thresholds: (r) => [(r as Selection).threshold],
    scaleInvariant: withoutCounts,
  },
];

/** Strictly increasing on the score grid k/4, |k| <= 12, without merging distinct scores. */
const TRANSFORMS: Array<[string, (x: number) => number]> = [
  ['3x + 7', (x) => 3 * x + 7],
  ['exp(x)', (x) => Math.exp(x)],
  ['x^3', (x) => x * x * x],
  ['the logistic sigmoid', (x) => 1 / (1 + Math.exp(-x))],
  ['atan(x) - 100', (x) => Math.atan(x) - 100],
];

function mapThresholds(t: ArrayLike<number>, f: (x: number) => number): number[] {
  // Infinite thresholds ("nothing predicted positive") stay where they are.
  return Array.from(t, (v) => (Number.isFinite(v) ? f(v) : v));
}

describe.each(RANKING)('the ranking metric $name', (m) => {
  it('is invariant to strictly increasing transforms of the scores (and its thresholds move with them)', () => {
    fc.assert(
      fc.property(binaryData(), fc.constantFrom(...TRANSFORMS), (d, [, f]) => {
        const before = m.run(d.yTrue, d.yScore);
        const after = m.run(d.yTrue, d.yScore.map(f));
        expectClose(m.invariant(after), m.invariant(before));
        if (m.thresholds) expectClose(Array.from(m.thresholds(after)), mapThresholds(m.thresholds(before), f));
      }),
      FC,
    );
  });

  it('is invariant to permutations of the examples', () => {
    fc.assert(
      fc.property(
        weightedBinaryData().chain((d) => permutationOf(d.yTrue.length).map((order) => ({ d, order }))),
        ({ d, order }) => {
          const before = m.run(d.yTrue, d.yScore, { sampleWeight: d.weights });
          const after = m.run(permute(d.yTrue, order), permute(d.yScore, order), { sampleWeight: permute(d.weights, order) });
          expectClose(after, before);
        },
      ),
      FC,
    );
  });

  it('treats integer weights as repeated examples (zero weight = example absent)', () => {
    fc.assert(
      fc.property(weightedBinaryData(), (d) => {
        const weighted = m.run(d.yTrue, d.yScore, { sampleWeight: d.weights });
        const repeated = m.run(repeat(d.yTrue, d.weights), repeat(d.yScore, d.weights));
        expectClose(weighted, repeated);
      }),
      FC,
    );
  });

  it('gives the same result with all-ones weights as without weights', () => {
    fc.assert(
      fc.property(binaryData(), (d) => {
        expectClose(m.run(d.yTrue, d.yScore, { sampleWeight: d.yTrue.map(() => 1) }), m.run(d.yTrue, d.yScore));
      }),
      FC,
    );
  });

  it('does not change when every weight is multiplied by the same constant', () => {
    const part = m.scaleInvariant ?? ((r: unknown) => r);
    fc.assert(
      fc.property(weightedBinaryData(), fc.constantFrom(0.5, 3, 1e-3, 1e3), (d, c) => {
        const base = m.run(d.yTrue, d.yScore, { sampleWeight: d.weights });
        const scaled = m.run(d.yTrue, d.yScore, { sampleWeight: d.weights.map((w) => w * c) });
        expectClose(part(scaled), part(base), 1e-9);
      }),
      FC,
    );
  });

  it('gives identical results for number[], Float64Array, Float32Array and tensor inputs, and for {0,1}, {-1,1} and boolean labels', () => {
    fc.assert(
      fc.property(weightedBinaryData(), (d) => {
        const reference = m.run(d.yTrue, d.yScore, { sampleWeight: d.weights });
        const variants: Array<[Labels, Scores, ArrayLike<number> | ReturnType<typeof tensorLike>]> = [
          [Float64Array.from(d.yTrue), Float64Array.from(d.yScore), Float64Array.from(d.weights)],
          [Int32Array.from(d.yTrue), Float32Array.from(d.yScore), Float32Array.from(d.weights)],
          [tensorLike(d.yTrue, 'int32'), tensorLike(d.yScore), tensorLike(d.weights)],
          [tensorLike(d.yTrue, 'bool'), tensorLike(d.yScore), d.weights],
          [d.yTrue.map((v) => v === 1), d.yScore, d.weights],
          [d.yTrue.map((v) => (v === 1 ? 1 : -1)), d.yScore, d.weights],
        ];
        for (const [y, s, w] of variants) expectClose(m.run(y, s, { sampleWeight: w as ArrayLike<number> }), reference, 0);
      }),
      { ...FC, numRuns: 20 },
    );
  });

  it('reads string labels with posLabel as the numeric labels they stand for', () => {
    fc.assert(
      fc.property(weightedBinaryData(), (d) => {
        const reference = m.run(d.yTrue, d.yScore, { sampleWeight: d.weights });
        const spam = d.yTrue.map((v) => (v === 1 ? 'spam' : 'ham'));
        expectClose(m.run(spam, d.yScore, { sampleWeight: d.weights, posLabel: 'spam' }), reference, 0);
        // posLabel 0 makes the zeros the positives: the same as flipping the labels.
        const flipped = m.run(d.yTrue.map((v) => 1 - v), d.yScore, { sampleWeight: d.weights });
        expectClose(m.run(d.yTrue, d.yScore, { sampleWeight: d.weights, posLabel: 0 }), flipped, 0);
      }),
      { ...FC, numRuns: 20 },
    );
  });

  it('does not mutate its inputs', () => {
    const y = [0, 1, 1, 0, 1];
    const s = Float64Array.from([0.3, 0.2, 0.9, 0.3, 0.5]);
    const w = [1, 2, 0, 1, 1];
    m.run(y, s, { sampleWeight: w });
    expect(y).toEqual([0, 1, 1, 0, 1]);
    expect(Array.from(s)).toEqual([0.3, 0.2, 0.9, 0.3, 0.5]);
    expect(w).toEqual([1, 2, 0, 1, 1]);
  });

  describe('throws a MetricInputError naming the function and the argument', () => {
    const expectInputError = (f: () => unknown, ...parts: string[]) => {
      let thrown: unknown;
      try {
        f();
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(MetricInputError);
      // The message starts with the public function's name (not an internal helper's).
      expect((thrown as Error).message).toMatch(new RegExp(`^${m.name.match(/^[A-Za-z0-9]+/)![0]}[.:]`));
      for (const p of parts) expect((thrown as Error).message).toContain(p);
    };

    it('for empty input', () => {
      expectInputError(() => m.run([], []), m.emptyMessage ?? 'empty');
    });

    it('for a length mismatch', () => {
      expectInputError(() => m.run([0, 1, 1], [0.1, 0.2]), 'yTrue', 'yScore');
    });

    it('for a NaN or infinite score, with its index', () => {
      expectInputError(() => m.run([0, 1, 1, 0], [0.1, 0.2, NaN, 0.4]), 'yScore[2]', 'NaN');
      expectInputError(() => m.run([0, 1, 1, 0], [0.1, Infinity, 0.3, 0.4]), 'yScore[1]', 'Infinity');
    });

    it('for a negative or NaN weight, with its index', () => {
      expectInputError(() => m.run([0, 1, 1], [0.1, 0.2, 0.3], { sampleWeight: [1, -1, 1] }), 'sampleWeight[1]', '-1');
      expectInputError(() => m.run([0, 1, 1], [0.1, 0.2, 0.3], { sampleWeight: [1, 1, NaN] }), 'sampleWeight[2]', 'NaN');
    });

    it('for a weight array of the wrong length', () => {
      expectInputError(() => m.run([0, 1, 1], [0.1, 0.2, 0.3], { sampleWeight: [1, 1] }), 'sampleWeight');
    });

    it('for labels that are not binary without posLabel', () => {
      expectInputError(() => m.run([0, 1, 2], [0.1, 0.2, 0.3]), 'yTrue[2]');
      expectInputError(() => m.run(['spam', 'ham'], [0.1, 0.2]), 'yTrue[0]', 'posLabel');
    });
  });
});

describe('ranking metrics at the extremes', () => {
  it('a perfect ranking gives AP = ROC AUC = area under the PR curve (every rule) = 1', () => {
    fc.assert(
      fc.property(binaryData({ bothClasses: true }), (d) => {
        // Every positive scores above every negative.
        const s = d.yTrue.map((y, i) => (y === 1 ? 10 + d.yScore[i] : -10 + d.yScore[i]));
        expect(averagePrecision(d.yTrue, s)).toBeCloseTo(1, 12);
        expect(rocAuc(d.yTrue, s)).toBeCloseTo(1, 12);
        for (const rule of ['step', 'trapezoid', 'davisGoadrich'] as const) {
          expect(precisionRecallAuc(d.yTrue, s, { rule })).toBeCloseTo(1, 12);
        }
      }),
      FC,
    );
  });

  it('a reversed ranking gives ROC AUC = 0', () => {
    fc.assert(
      fc.property(binaryData({ bothClasses: true }), (d) => {
        const s = d.yTrue.map((y, i) => (y === 1 ? -10 + d.yScore[i] : 10 + d.yScore[i]));
        expect(rocAuc(d.yTrue, s)).toBe(0);
      }),
      FC,
    );
  });

  it('a ranking that ties every example gives ROC AUC 1/2 and AP = the prevalence', () => {
    fc.assert(
      fc.property(binaryData({ bothClasses: true }), (d) => {
        const s = d.yTrue.map(() => 0.5);
        const prevalence = d.yTrue.filter((v) => v === 1).length / d.yTrue.length;
        expect(rocAuc(d.yTrue, s)).toBeCloseTo(0.5, 12);
        expect(averagePrecision(d.yTrue, s)).toBeCloseTo(prevalence, 12);
      }),
      FC,
    );
  });

  it('the AP of a random ranking approaches the prevalence, and its ROC AUC 1/2 (n = 20000, seeded)', () => {
    const rng = seedrandom('random-ranking');
    for (const prevalence of [0.01, 0.1, 0.5]) {
      const n = 20000;
      const y: number[] = Array.from({ length: n }, () => (rng() < prevalence ? 1 : 0));
      const s = Array.from({ length: n }, () => rng());
      const P = y.reduce((a, b) => a + b, 0);
      const p = P / n;
      // Under a random ranking the AUC is a Mann-Whitney U / (P N): mean 1/2,
      // standard deviation sqrt((P + N + 1) / (12 P N)); allow 4 of them.
      const sd = Math.sqrt((n + 1) / (12 * P * (n - P)));
      expect(Math.abs(rocAuc(y, s) - 0.5)).toBeLessThan(4 * sd);
      // AP's mean is the prevalence plus O(log(P) / n); its spread shrinks like p / sqrt(P).
      expect(Math.abs(averagePrecision(y, s) - p)).toBeLessThan((4 * p) / Math.sqrt(P) + 0.002);
    }
  });
});

describe('the shape of the curves', () => {
  it('the PR curve has increasing thresholds, non-increasing recall, and ends at precision 1, recall 0', () => {
    fc.assert(
      fc.property(weightedBinaryData({ bothClasses: true, minWeight: 1 }), fc.boolean(), (d, dropIntermediate) => {
        const { precision, recall, thresholds } = precisionRecallCurve(d.yTrue, d.yScore, { sampleWeight: d.weights, dropIntermediate });
        expect(precision.length).toBe(thresholds.length + 1);
        expect(recall.length).toBe(thresholds.length + 1);
        for (let i = 1; i < thresholds.length; i++) expect(thresholds[i]).toBeGreaterThan(thresholds[i - 1]);
        for (let i = 1; i < recall.length; i++) expect(recall[i]).toBeLessThanOrEqual(recall[i - 1]);
        expect(recall[0]).toBe(1);
        expect(precision[precision.length - 1]).toBe(1);
        expect(recall[recall.length - 1]).toBe(0);
        for (const p of precision) {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
        }
        if (!dropIntermediate) expect(thresholds.length).toBe(new Set(d.yScore).size);
      }),
      FC,
    );
  });

  it('the ROC curve starts at (0, 0) with threshold Infinity, has decreasing thresholds, non-decreasing fpr and tpr, and ends at (1, 1)', () => {
    fc.assert(
      fc.property(weightedBinaryData({ bothClasses: true, minWeight: 1 }), fc.boolean(), (d, dropIntermediate) => {
        const { fpr, tpr, thresholds } = rocCurve(d.yTrue, d.yScore, { sampleWeight: d.weights, dropIntermediate });
        expect(fpr.length).toBe(thresholds.length);
        expect(tpr.length).toBe(thresholds.length);
        expect(thresholds[0]).toBe(Infinity);
        expect([fpr[0], tpr[0]]).toEqual([0, 0]);
        for (let i = 1; i < thresholds.length; i++) {
          expect(thresholds[i]).toBeLessThan(thresholds[i - 1]);
          expect(fpr[i]).toBeGreaterThanOrEqual(fpr[i - 1]);
          expect(tpr[i]).toBeGreaterThanOrEqual(tpr[i - 1]);
        }
        expect([fpr[fpr.length - 1], tpr[tpr.length - 1]]).toEqual([1, 1]);
        if (!dropIntermediate) expect(thresholds.length).toBe(new Set(d.yScore).size + 1);
      }),
      FC,
    );
  });

  it('the trapezoidal area under the ROC curve equals rocAuc, with and without dropped points', () => {
    fc.assert(
      fc.property(weightedBinaryData({ bothClasses: true, minWeight: 1 }), (d) => {
        const area = rocAuc(d.yTrue, d.yScore, { sampleWeight: d.weights });
        for (const dropIntermediate of [true, false]) {
          const { fpr, tpr } = rocCurve(d.yTrue, d.yScore, { sampleWeight: d.weights, dropIntermediate });
          expect(metrics.auc(fpr, tpr)).toBeCloseTo(area, 12);
        }
      }),
      FC,
    );
  });

  it('averagePrecision is the step sum over the PR curve, dropIntermediate or not', () => {
    fc.assert(
      fc.property(weightedBinaryData({ bothClasses: true, minWeight: 1 }), (d) => {
        const ap = averagePrecision(d.yTrue, d.yScore, { sampleWeight: d.weights });
        for (const dropIntermediate of [false, true]) {
          const { precision, recall } = precisionRecallCurve(d.yTrue, d.yScore, { sampleWeight: d.weights, dropIntermediate });
          let sum = 0;
          for (let i = 0; i < recall.length - 1; i++) sum += (recall[i] - recall[i + 1]) * precision[i];
          expect(sum).toBeCloseTo(ap, 12);
        }
      }),
      FC,
    );
  });
});
