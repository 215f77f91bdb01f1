import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MetricInputError, UndefinedMetricError } from '../../src/core/errors';
import { BinaryScoreAccumulator } from '../../src/metrics/BinaryScoreAccumulator';
import { averagePrecision } from '../../src/metrics/averagePrecision';
import { confusionAtThresholds } from '../../src/metrics/confusionAtThresholds';
import { precisionRecallCurve } from '../../src/metrics/precisionRecallCurve';
import { rocAuc } from '../../src/metrics/rocAuc';
import { rocCurve } from '../../src/metrics/rocCurve';

interface Data {
  y: number[];
  s: number[];
  w?: number[];
}

/** Binary data with ties (scores on a grid of 1/16) and optional integer weights. */
const gridData = fc.integer({ min: 1, max: 40 }).chain((n) =>
  fc.record({
    y: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }),
    s: fc.array(fc.integer({ min: 0, max: 16 }).map((k) => k / 16), { minLength: n, maxLength: n }),
    w: fc.option(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }), { nil: undefined }),
  }),
);

/** Binary data with continuous scores in [0, 1] and optional real weights. */
const continuousData = fc.integer({ min: 1, max: 60 }).chain((n) =>
  fc.record({
    y: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }),
    s: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
    // weights below 1e-6 become 0: subnormal products of weights lose all precision in any AUC formula
    w: fc.option(
      fc.array(fc.double({ min: 0, max: 5, noNaN: true }).map((v) => (v < 1e-6 ? 0 : v)), { minLength: n, maxLength: n }),
      { nil: undefined },
    ),
  }),
);

/** Cut points splitting [0, n) into chunks, and an order to merge them in. */
function splits(n: number) {
  return fc
    .uniqueArray(fc.integer({ min: 1, max: Math.max(1, n - 1) }), { maxLength: 4 })
    .map((cuts) => [0, ...cuts.filter((c) => c < n).sort((a, b) => a - b), n])
    .chain((edges) =>
      fc.shuffledSubarray(
        Array.from({ length: edges.length - 1 }, (_, i) => i),
        { minLength: edges.length - 1, maxLength: edges.length - 1 },
      ).map((order) => ({ edges, order })),
    );
}

function chunk(d: Data, a: number, b: number): Data {
  return { y: d.y.slice(a, b), s: d.s.slice(a, b), w: d.w?.slice(a, b) };
}

/** The accumulator built from per-chunk accumulators merged in `order`, and the data in that order. */
function mergedInOrder(d: Data, edges: number[], order: number[], options = {}) {
  const parts = order.map((k) => chunk(d, edges[k], edges[k + 1]));
  const accs = parts.map((p) => new BinaryScoreAccumulator(options).update(p.y, p.s, p.w));
  const acc = accs[0];
  for (const other of accs.slice(1)) acc.merge(other);
  const concat: Data = {
    y: parts.flatMap((p) => p.y),
    s: parts.flatMap((p) => p.s),
    w: d.w ? parts.flatMap((p) => p.w as number[]) : undefined,
  };
  return { acc, concat };
}

/** The largest threshold at or below s (brute force), or `below` when s is under all of them. */
function floorTo(s: number, thresholds: number[], below: number): number {
  let t = below;
  for (const x of thresholds) if (x <= s) t = x;
  return t;
}

function evenThresholds(m: number): number[] {
  return Array.from({ length: m }, (_, j) => j / (m - 1));
}

describe('BinaryScoreAccumulator, exact mode', () => {
  it('gives the batch results for a worked example fed in two batches', () => {
    const acc = new BinaryScoreAccumulator();
    acc.update([0, 1], [0.1, 0.8]).update([1, 0], [0.35, 0.4]);
    expect(acc.mode).toBe('exact');
    expect(acc.count).toBe(4);
    expect(acc.thresholds).toBeUndefined();
    expect(acc.averagePrecision()).toBeCloseTo(0.8333333333333333, 15);
    expect(acc.rocAuc()).toBe(0.75);
    expect(acc.confusionAtThresholds()).toEqual(confusionAtThresholds([0, 1, 1, 0], [0.1, 0.8, 0.35, 0.4]));
  });

  it('equals the batch functions for any split of the data merged in any order', () => {
    fc.assert(
      fc.property(
        gridData.chain((d) => splits(d.y.length).map((sp) => ({ d, ...sp }))),
        ({ d, edges, order }) => {
          const { acc } = mergedInOrder(d, edges, order);
          // integer weights: sums are exact, so the order of the examples cannot matter
          const opts = { sampleWeight: d.w };
          expect(acc.count).toBe(d.y.length);
          expect(acc.confusionAtThresholds()).toEqual(confusionAtThresholds(d.y, d.s, opts));
          expect(acc.precisionRecallCurve()).toEqual(precisionRecallCurve(d.y, d.s, opts));
          expect(acc.precisionRecallCurve({ dropIntermediate: true })).toEqual(
            precisionRecallCurve(d.y, d.s, { ...opts, dropIntermediate: true }),
          );
          expect(acc.rocCurve()).toEqual(rocCurve(d.y, d.s, opts));
          expect(acc.rocCurve({ dropIntermediate: false })).toEqual(rocCurve(d.y, d.s, { ...opts, dropIntermediate: false }));
          expect(Object.is(acc.averagePrecision(), averagePrecision(d.y, d.s, opts))).toBe(true);
          expect(Object.is(acc.rocAuc(), rocAuc(d.y, d.s, opts))).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('equals the batch functions on the concatenation in merge order with real-valued weights', () => {
    fc.assert(
      fc.property(
        continuousData.chain((d) => splits(d.y.length).map((sp) => ({ d, ...sp }))),
        ({ d, edges, order }) => {
          const { acc, concat } = mergedInOrder(d, edges, order);
          const opts = { sampleWeight: concat.w };
          expect(acc.precisionRecallCurve()).toEqual(precisionRecallCurve(concat.y, concat.s, opts));
          expect(acc.rocCurve()).toEqual(rocCurve(concat.y, concat.s, opts));
          expect(Object.is(acc.averagePrecision(), averagePrecision(concat.y, concat.s, opts))).toBe(true);
          expect(Object.is(acc.rocAuc(), rocAuc(concat.y, concat.s, opts))).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('treats the examples of unweighted batches as weight 1 once a weighted batch arrives', () => {
    const acc = new BinaryScoreAccumulator().update([1, 0], [0.9, 0.2]).update([0, 1], [0.7, 0.4], [3, 0.5]).update([1], [0.1]);
    const w = [1, 1, 3, 0.5, 1];
    expect(acc.averagePrecision()).toBe(averagePrecision([1, 0, 0, 1, 1], [0.9, 0.2, 0.7, 0.4, 0.1], { sampleWeight: w }));
    expect(acc.toJSON()).toMatchObject({ weights: w });
  });

  it('reads labels with posLabel for every batch', () => {
    const acc = new BinaryScoreAccumulator({ posLabel: 'spam' });
    acc.update(['ham', 'spam'], [0.3, 0.6]).update(['spam', 'ham'], [0.2, 0.1]);
    expect(acc.rocAuc()).toBe(rocAuc([0, 1, 1, 0], [0.3, 0.6, 0.2, 0.1]));
  });

  it('passes zeroDivision and returns NaN when undefined', () => {
    const acc = new BinaryScoreAccumulator().update([0, 0], [0.1, 0.2]);
    expect(acc.averagePrecision()).toBeNaN();
    expect(acc.averagePrecision({ zeroDivision: 0 })).toBe(0);
    expect(acc.rocAuc()).toBeNaN();
    expect(() => acc.rocAuc({ zeroDivision: 'error' })).toThrow(UndefinedMetricError);
  });

  it('keeps growing past its initial capacity', () => {
    const acc = new BinaryScoreAccumulator();
    const y: number[] = [];
    const s: number[] = [];
    for (let b = 0; b < 5; b++) {
      const yb = Array.from({ length: 700 }, (_, i) => (i * 7 + b) % 3 === 0 ? 1 : 0);
      const sb = Array.from({ length: 700 }, (_, i) => ((i * 37 + b * 11) % 101) / 101);
      acc.update(yb, sb);
      y.push(...yb);
      s.push(...sb);
    }
    expect(acc.count).toBe(3500);
    expect(acc.averagePrecision()).toBe(averagePrecision(y, s));
  });
});

describe('BinaryScoreAccumulator, binned mode', () => {
  it('puts a score equal to a threshold in that threshold bin, and counts exactly at every threshold', () => {
    const acc = new BinaryScoreAccumulator({ thresholds: 11 }); // 0, 0.1, ..., 1
    acc.update([1, 0, 1, 0, 1], [0.3, 0.3, 0.55, 1, 0]);
    expect(acc.mode).toBe('binned');
    expect(Array.from(acc.thresholds as Float64Array)).toEqual(evenThresholds(11));
    const c = acc.confusionAtThresholds();
    expect(Array.from(c.thresholds)).toEqual([1, 0.5, 0.3, 0]);
    expect(Array.from(c.tps)).toEqual([0, 1, 2, 3]);
    expect(Array.from(c.fps)).toEqual([1, 1, 2, 2]);
  });

  it('equals the batch functions on scores rounded down to the even thresholds', () => {
    fc.assert(
      fc.property(
        continuousData.map((d) => ({ ...d, w: d.w?.map((v) => Math.round(v)) })),
        fc.constantFrom(2, 3, 5, 11, 101),
        (d, m) => {
          const acc = new BinaryScoreAccumulator({ thresholds: m }).update(d.y, d.s, d.w);
          const edges = evenThresholds(m);
          const floored = d.s.map((s) => floorTo(s, edges, NaN));
          const opts = { sampleWeight: d.w };
          expect(acc.confusionAtThresholds()).toEqual(confusionAtThresholds(d.y, floored, opts));
          expect(acc.precisionRecallCurve()).toEqual(precisionRecallCurve(d.y, floored, opts));
          expect(acc.precisionRecallCurve({ dropIntermediate: true })).toEqual(
            precisionRecallCurve(d.y, floored, { ...opts, dropIntermediate: true }),
          );
          expect(acc.rocCurve()).toEqual(rocCurve(d.y, floored, opts));
          const ap = averagePrecision(d.y, floored, opts);
          const auc = rocAuc(d.y, floored, opts);
          if (ap === ap) expect(acc.averagePrecision()).toBeCloseTo(ap, 12);
          else expect(acc.averagePrecision()).toBeNaN();
          if (auc === auc) expect(acc.rocAuc()).toBeCloseTo(auc, 12);
          else expect(acc.rocAuc()).toBeNaN();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('stays within its stated error bounds of the exact AP and ROC AUC', () => {
    fc.assert(
      fc.property(continuousData, fc.constantFrom(2, 4, 10, 50), (d, m) => {
        const acc = new BinaryScoreAccumulator({ thresholds: m }).update(d.y, d.s, d.w);
        const opts = { sampleWeight: d.w };
        const ap = averagePrecision(d.y, d.s, opts);
        const auc = rocAuc(d.y, d.s, opts);
        if (ap === ap) {
          expect(Math.abs(acc.averagePrecision() - ap)).toBeLessThanOrEqual(acc.averagePrecisionErrorBound() + 1e-12);
        }
        if (auc === auc) expect(Math.abs(acc.rocAuc() - auc)).toBeLessThanOrEqual(acc.rocAucErrorBound() + 1e-12);
      }),
      { numRuns: 500 },
    );
  });

  it('has error bounds that can be attained: a bin holding a positive above a negative', () => {
    // one bin [0.5, 1]: exact order pos (0.9) > neg (0.6); binned ties them
    const acc = new BinaryScoreAccumulator({ thresholds: [0, 0.5] }).update([1, 0], [0.9, 0.6]);
    expect(rocAuc([1, 0], [0.9, 0.6]) - acc.rocAuc()).toBe(0.5);
    expect(acc.rocAucErrorBound()).toBe(0.5);
    expect(averagePrecision([1, 0], [0.9, 0.6]) - acc.averagePrecision()).toBe(0.5);
    expect(acc.averagePrecisionErrorBound()).toBeGreaterThanOrEqual(0.5);
  });

  it('has zero error bounds when no bin holds more than one example, and in exact mode', () => {
    const acc = new BinaryScoreAccumulator({ thresholds: 101 }).update([0, 1, 1, 0], [0.1, 0.8, 0.35, 0.4]);
    expect(acc.averagePrecision()).toBe(averagePrecision([0, 1, 1, 0], [0.1, 0.8, 0.35, 0.4]));
    expect(acc.averagePrecisionErrorBound()).toBe(0);
    expect(acc.rocAucErrorBound()).toBe(0);
    const exact = new BinaryScoreAccumulator().update([0, 1], [0.5, 0.5]);
    expect(exact.averagePrecisionErrorBound()).toBe(0);
    expect(exact.rocAucErrorBound()).toBe(0);
  });

  it('uses custom thresholds, sorted, with scores below the first one at threshold -Infinity', () => {
    const acc = new BinaryScoreAccumulator({ thresholds: [2, -1, 0.5] });
    expect(Array.from(acc.thresholds as Float64Array)).toEqual([-1, 0.5, 2]);
    acc.update([1, 0, 1, 0, 1], [5, -3, 0.5, 0.7, -2]);
    const c = acc.confusionAtThresholds();
    expect(Array.from(c.thresholds)).toEqual([2, 0.5, -Infinity]);
    expect(Array.from(c.tps)).toEqual([1, 2, 3]);
    expect(Array.from(c.fps)).toEqual([0, 1, 2]);
    // rates equal the exact ones on scores rounded down (below -1: any common lower value)
    const floored = [2, -5, 0.5, 0.5, -5];
    const exactRoc = rocCurve([1, 0, 1, 0, 1], floored);
    const roc = acc.rocCurve();
    expect(roc.fpr).toEqual(exactRoc.fpr);
    expect(roc.tpr).toEqual(exactRoc.tpr);
    expect(acc.rocAuc()).toBe(rocAuc([1, 0, 1, 0, 1], floored));
    expect(acc.averagePrecision()).toBe(averagePrecision([1, 0, 1, 0, 1], floored));
  });

  it('bins any finite score against custom thresholds as a brute-force floor does', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.double({ min: -100, max: 100, noNaN: true }).map((v) => v + 0), { minLength: 1, maxLength: 300 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.double({ min: -150, max: 150, noNaN: true })), {
          minLength: 1,
          maxLength: 80,
        }),
        (thresholds, pairs) => {
          const y = pairs.map((p) => p[0]);
          // half the scores exactly on a threshold
          const s = pairs.map((p, i) => (i % 2 === 0 ? thresholds[i % thresholds.length] : p[1]));
          const acc = new BinaryScoreAccumulator({ thresholds }).update(y, s);
          const sorted = [...thresholds].sort((a, b) => a - b);
          const below = sorted[0] - 1;
          const floored = s.map((v) => floorTo(v, sorted, below));
          const exact = confusionAtThresholds(y, floored);
          const c = acc.confusionAtThresholds();
          expect(Array.from(c.thresholds)).toEqual(Array.from(exact.thresholds, (t) => (t === below ? -Infinity : t)));
          expect(c.tps).toEqual(exact.tps);
          expect(c.fps).toEqual(exact.fps);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reads typed-array labels in the binning pass: {0, 1} or {-1, 1}, never both', () => {
    const a = new BinaryScoreAccumulator({ thresholds: 3 }).update(Float64Array.from([-1, 1, -1]), [0.1, 0.9, 0.6]);
    const b = new BinaryScoreAccumulator({ thresholds: 3 }).update(Uint8Array.from([0, 1, 0]), [0.1, 0.9, 0.6]);
    const c = new BinaryScoreAccumulator({ thresholds: 3 }).update([false, true, false], [0.1, 0.9, 0.6]);
    expect(a.toJSON()).toEqual(b.toJSON());
    expect(c.toJSON()).toEqual(b.toJSON());
    expect(() => a.update(Float64Array.from([0, 1, -1]), [0.1, 0.2, 0.3])).toThrow(
      'BinaryScoreAccumulator.update: yTrue[2] is -1 but yTrue[0] is 0',
    );
    expect(() => a.update(Float64Array.from([0, NaN]), [0.1, 0.2])).toThrow('BinaryScoreAccumulator.update: yTrue[1] is NaN');
    expect(() => a.update(Int32Array.from([0, 2]), [0.1, 0.2])).toThrow('BinaryScoreAccumulator.update: yTrue[1] is 2');
  });

  it('leaves its bins untouched when a batch is rejected part way through', () => {
    const acc = new BinaryScoreAccumulator({ thresholds: 5 }).update([1, 0], [0.9, 0.2]);
    const before = JSON.stringify(acc);
    expect(() => acc.update([1, 1, 0], [0.5, 0.6, 1.5])).toThrow(MetricInputError);
    expect(() => acc.update(Float64Array.from([1, 0, -1]), [0.5, 0.6, 0.7])).toThrow(MetricInputError);
    expect(JSON.stringify(acc)).toBe(before);
    expect(acc.count).toBe(2);
  });

  it('merges bins of accumulators with the same thresholds, in any order', () => {
    fc.assert(
      fc.property(
        continuousData
          .map((d) => ({ ...d, w: d.w?.map((v) => Math.round(v)) }))
          .chain((d) => splits(d.y.length).map((sp) => ({ d, ...sp }))),
        ({ d, edges, order }) => {
          const { acc } = mergedInOrder(d, edges, order, { thresholds: 21 });
          const whole = new BinaryScoreAccumulator({ thresholds: 21 }).update(d.y, d.s, d.w);
          expect(acc.toJSON()).toEqual(whole.toJSON());
          expect(acc.count).toBe(d.y.length);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('needs its binned memory only: the state has thresholds + 1 bins whatever n', () => {
    const acc = new BinaryScoreAccumulator({ thresholds: 5 });
    for (let b = 0; b < 10; b++) acc.update(new Float64Array(1000).fill(1), new Float64Array(1000).fill(b / 10));
    const json = acc.toJSON();
    expect(json.mode === 'binned' && json.counts.length).toBe(6);
    expect(acc.count).toBe(10_000);
  });
});

describe('BinaryScoreAccumulator state', () => {
  it('round-trips exactly through JSON in both modes', () => {
    fc.assert(
      fc.property(continuousData, fc.constantFrom(undefined, 7, [0.2, 0.5, 0.9]), (d, thresholds) => {
        const acc = new BinaryScoreAccumulator({ thresholds }).update(d.y, d.s, d.w);
        const back = BinaryScoreAccumulator.fromJSON(JSON.parse(JSON.stringify(acc)));
        expect(back.toJSON()).toEqual(acc.toJSON());
        expect(back.mode).toBe(acc.mode);
        expect(back.count).toBe(acc.count);
        expect(back.precisionRecallCurve()).toEqual(acc.precisionRecallCurve());
        expect(Object.is(back.averagePrecision(), acc.averagePrecision())).toBe(true);
        expect(Object.is(back.rocAuc(), acc.rocAuc())).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps posLabel through JSON and refuses to merge a different one', () => {
    const a = new BinaryScoreAccumulator({ posLabel: 'spam' }).update(['spam', 'ham'], [0.9, 0.1]);
    const b = BinaryScoreAccumulator.fromJSON(JSON.parse(JSON.stringify(a)));
    b.update(['ham'], [0.95]);
    expect(b.count).toBe(3);
    expect(() => a.merge(new BinaryScoreAccumulator({ posLabel: 'ham' }))).toThrow(
      'BinaryScoreAccumulator.merge: posLabel differs: "spam" here, "ham" in other',
    );
  });

  it('forgets everything on reset and leaves the merged accumulator unchanged', () => {
    const a = new BinaryScoreAccumulator({ thresholds: 3 }).update([1, 0], [0.9, 0.1]);
    const b = new BinaryScoreAccumulator({ thresholds: 3 }).update([1], [0.2]);
    const before = JSON.stringify(b);
    a.merge(b);
    expect(JSON.stringify(b)).toBe(before);
    expect(a.count).toBe(3);
    a.reset();
    expect(a.count).toBe(0);
    expect(() => a.rocAuc()).toThrow('BinaryScoreAccumulator.rocAuc: no examples yet: call update() first');
    a.update([1, 0], [0.6, 0.4]);
    expect(a.rocAuc()).toBe(1);
  });

  it('does not mutate the batches it is given', () => {
    const y = Float64Array.from([1, 0, 1]);
    const s = Float64Array.from([0.5, -0, 0.25]);
    const w = Float64Array.from([1, 2, 3]);
    new BinaryScoreAccumulator().update(y, s, w);
    new BinaryScoreAccumulator({ thresholds: 3 }).update(y, s, w);
    expect(Array.from(y)).toEqual([1, 0, 1]);
    expect(Object.is(s[1], -0)).toBe(true);
    expect(Array.from(w)).toEqual([1, 2, 3]);
  });
});

describe('BinaryScoreAccumulator errors', () => {
  const e = (f: () => unknown, msg: string) => {
    expect(f).toThrow(MetricInputError);
    expect(f).toThrow(msg);
  };

  it('rejects bad thresholds', () => {
    e(() => new BinaryScoreAccumulator({ thresholds: 1 }), 'BinaryScoreAccumulator: thresholds is 1, expected an integer >= 2');
    e(() => new BinaryScoreAccumulator({ thresholds: 2.5 }), 'BinaryScoreAccumulator: thresholds is 2.5');
    e(() => new BinaryScoreAccumulator({ thresholds: 2 ** 31 }), 'BinaryScoreAccumulator: thresholds is 2147483648, expected an integer >= 2 and <= 2^30');
    e(() => new BinaryScoreAccumulator({ thresholds: [] }), 'BinaryScoreAccumulator: thresholds is empty');
    e(() => new BinaryScoreAccumulator({ thresholds: [0.5, NaN] }), 'BinaryScoreAccumulator: thresholds[1] is NaN');
    e(() => new BinaryScoreAccumulator({ thresholds: [0.2, 0.7, 0.2] }), 'BinaryScoreAccumulator: thresholds holds 0.2 twice');
  });

  it('rejects bad batches, naming the index within the batch', () => {
    const even = new BinaryScoreAccumulator({ thresholds: 5 });
    e(() => even.update([0, 1], [0.5, 1.2]), 'BinaryScoreAccumulator.update: yScore[1] is 1.2, outside [0, 1]');
    e(() => even.update([0, 1], [-0.1, 0.2]), 'yScore[0] is -0.1, outside [0, 1]');
    e(() => even.update([0, 1], [0.5, NaN]), 'BinaryScoreAccumulator.update: yScore[1] is NaN');
    const custom = new BinaryScoreAccumulator({ thresholds: [0, 1] });
    e(() => custom.update([0, 1], [0.5, Infinity]), 'BinaryScoreAccumulator.update: yScore[1] is Infinity');
    const exact = new BinaryScoreAccumulator();
    e(() => exact.update([0, 1], [0.5, NaN]), 'BinaryScoreAccumulator.update: yScore[1] is NaN');
    e(() => exact.update([0, 1], [0.5]), 'BinaryScoreAccumulator.update: yTrue has 2 entries but yScore has 1');
    e(() => exact.update([0, 3], [0.5, 0.1]), 'BinaryScoreAccumulator.update: yTrue[1] is 3');
    e(() => exact.update([0, 1], [0.5, 0.1], [1, -1]), 'BinaryScoreAccumulator.update: sampleWeight[1] is -1');
    expect(exact.count).toBe(0); // a rejected batch adds nothing
    expect(even.count).toBe(0);
  });

  it('refuses to merge a different mode, different thresholds or something else', () => {
    const exact = new BinaryScoreAccumulator();
    e(() => exact.merge(new BinaryScoreAccumulator({ thresholds: 3 })), 'BinaryScoreAccumulator.merge: cannot merge a binned accumulator into a exact one');
    e(
      () => new BinaryScoreAccumulator({ thresholds: 3 }).merge(new BinaryScoreAccumulator({ thresholds: 4 })),
      'BinaryScoreAccumulator.merge: the two accumulators have different thresholds',
    );
    e(
      () => new BinaryScoreAccumulator({ thresholds: [0, 0.5] }).merge(new BinaryScoreAccumulator({ thresholds: [0, 0.6] })),
      'different thresholds',
    );
    e(() => exact.merge({} as never), 'BinaryScoreAccumulator.merge: other is [object Object], expected a BinaryScoreAccumulator');
  });

  it('refuses results before any example', () => {
    for (const acc of [new BinaryScoreAccumulator(), new BinaryScoreAccumulator({ thresholds: 3 })]) {
      e(() => acc.averagePrecision(), 'BinaryScoreAccumulator.averagePrecision: no examples yet');
      e(() => acc.precisionRecallCurve(), 'BinaryScoreAccumulator.precisionRecallCurve: no examples yet');
      e(() => acc.rocCurve(), 'BinaryScoreAccumulator.rocCurve: no examples yet');
      e(() => acc.confusionAtThresholds(), 'BinaryScoreAccumulator.confusionAtThresholds: no examples yet');
      e(() => acc.averagePrecisionErrorBound(), 'BinaryScoreAccumulator.averagePrecisionErrorBound: no examples yet');
    }
  });

  it('rejects JSON that is not an accumulator state', () => {
    const good = new BinaryScoreAccumulator({ thresholds: 3 }).update([1], [0.5]).toJSON();
    e(() => BinaryScoreAccumulator.fromJSON({} as never), 'BinaryScoreAccumulator.fromJSON: json is not a BinaryScoreAccumulator state');
    e(() => BinaryScoreAccumulator.fromJSON({ ...good, version: 2 } as never), 'BinaryScoreAccumulator.fromJSON: json.version is 2, expected 1');
    e(() => BinaryScoreAccumulator.fromJSON({ ...good, mode: 'fast' } as never), 'json.mode is "fast"');
    e(() => BinaryScoreAccumulator.fromJSON({ ...good, counts: [0, 1] } as never), 'json.counts has 2 entries, expected 4');
    e(() => BinaryScoreAccumulator.fromJSON({ ...good, positives: [0, -1, 0, 0] } as never), 'json.positives[1] is -1');
    e(() => BinaryScoreAccumulator.fromJSON({ ...good, counts: [0, 0.5, 0, 0] } as never), 'json.counts[1] is 0.5');
    const exact = new BinaryScoreAccumulator().update([1, 0], [0.5, 0.2]).toJSON();
    e(() => BinaryScoreAccumulator.fromJSON({ ...exact, labels: [1, 2] } as never), 'json.labels[1] is 2, expected 0 or 1');
    e(() => BinaryScoreAccumulator.fromJSON({ ...exact, scores: [0.5] } as never), 'json.labels has 2 entries but json.scores has 1');
  });
});
