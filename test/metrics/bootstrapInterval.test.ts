import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { MetricInputError } from '../../src/core/errors';
import { createRng } from '../../src/core/random';
import { bootstrapInterval } from '../../src/metrics/bootstrapInterval';
import {
  bcaInterval,
  jackknifeAcceleration,
  percentileInterval,
  quantileSorted,
} from '../../src/metrics/bootstrap/intervals';
import { jackknife } from '../../src/metrics/bootstrap/jackknife';

type Stat = (y: ArrayLike<number>, x: ArrayLike<number>) => number;

const mean = (_y: unknown, x: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s / x.length;
};
const brier: Stat = (y, s) => {
  let t = 0;
  for (let i = 0; i < y.length; i++) t += (y[i] - s[i]) ** 2;
  return t / y.length;
};
const accuracy = (y: ArrayLike<unknown>, p: ArrayLike<unknown>): number => {
  let t = 0;
  for (let i = 0; i < y.length; i++) if (y[i] === p[i]) t++;
  return t / y.length;
};
const ratio: Stat = (y, s) => {
  let a = 0;
  let b = 0;
  for (let i = 0; i < y.length; i++) {
    a += y[i] * s[i];
    b += s[i];
  }
  return a / b;
};
/** Recall of predictions `x` (1 = positive), NaN without positives. */
const recall: Stat = (y, x) => {
  let tp = 0;
  let p = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] === 1) {
      p++;
      if (x[i] === 1) tp++;
    }
  }
  return p === 0 ? NaN : tp / p;
};
const STATS: Record<string, Stat> = { brier, accuracy, ratio };

interface FixtureCase {
  name: string;
  statistic: string;
  yTrue: number[];
  y: number[];
  confidence: number;
  indices: number[];
  resamples: number;
  distribution: number[];
  estimate: number;
  percentile: { lower: number; upper: number; standardError: number };
  BCa: { lower: number; upper: number; alpha1: number; alpha2: number; acceleration: number };
}
interface EndToEndCase {
  name: string;
  statistic: string;
  yTrue: number[];
  y: number[];
  confidence: number;
  resamples: number;
  estimate: number;
  percentile: { lower: number; upper: number; standardError: number };
  BCa: { lower: number; upper: number; standardError: number };
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/bootstrap.json', import.meta.url), 'utf8')) as {
  cases: FixtureCase[];
  endToEnd: EndToEndCase[];
};

function gather(a: number[], idx: ArrayLike<number>, count: number): Float64Array {
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = a[idx[i]];
  return out;
}

function skewedSample(n: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = -Math.log(1 - rng());
  return x;
}

describe('bootstrap interval arithmetic against scipy.stats.bootstrap (test/fixtures/generate_bootstrap.py)', () => {
  it.each(fixture.cases)('$name: percentile and BCa match scipy on the same bootstrap distribution', (c) => {
    const stat = STATS[c.statistic];
    const n = c.yTrue.length;
    const dist = new Float64Array(c.resamples);
    for (let b = 0; b < c.resamples; b++) {
      const idx = c.indices.slice(b * n, (b + 1) * n);
      dist[b] = stat(gather(c.yTrue, idx, n), gather(c.y, idx, n));
      expect(dist[b]).toBeCloseTo(c.distribution[b], 12);
    }
    const sorted = dist.slice().sort();
    const [lo, hi] = percentileInterval(sorted, c.confidence);
    expect(lo).toBeCloseTo(c.percentile.lower, 12);
    expect(hi).toBeCloseTo(c.percentile.upper, 12);

    const estimate = stat(c.yTrue, c.y);
    expect(estimate).toBeCloseTo(c.estimate, 14);
    const jack = jackknife(n, 1000, createRng(0), (idx, count) =>
      stat(gather(c.yTrue, idx, count), gather(c.y, idx, count)),
    );
    expect(jack.length).toBe(n);
    expect(jackknifeAcceleration(jack)).toBeCloseTo(c.BCa.acceleration, 12);
    const bca = bcaInterval(sorted, estimate, jack, c.confidence);
    expect(bca.lower).toBeCloseTo(c.BCa.lower, 10);
    expect(bca.upper).toBeCloseTo(c.BCa.upper, 10);
  });
});

describe('bootstrapInterval end to end against scipy.stats.bootstrap (20000 resamples each, different streams)', () => {
  it.each(fixture.endToEnd)('$name: bounds agree within 4% of the interval width', (c) => {
    const stat = STATS[c.statistic];
    for (const method of ['percentile', 'bca'] as const) {
      const ref = method === 'bca' ? c.BCa : c.percentile;
      const r = bootstrapInterval(stat, c.yTrue, c.y, { resamples: c.resamples, method, confidence: c.confidence, seed: 3 });
      const width = ref.upper - ref.lower;
      // Monte Carlo error of a 2.5% quantile from 20000 resamples is about 0.5% of the width
      expect(r.estimate).toBeCloseTo(c.estimate, 14);
      expect(Math.abs(r.lower - ref.lower)).toBeLessThan(0.04 * width);
      expect(Math.abs(r.upper - ref.upper)).toBeLessThan(0.04 * width);
      expect(Math.abs(r.standardError - ref.standardError)).toBeLessThan(0.04 * ref.standardError);
    }
  });
});

describe('quantileSorted', () => {
  it('interpolates linearly between order statistics at h = (m - 1) q, as numpy', () => {
    const x = Float64Array.from([1, 2, 4, 8, 16]);
    expect(quantileSorted(x, 0)).toBe(1);
    expect(quantileSorted(x, 1)).toBe(16);
    expect(quantileSorted(x, 0.5)).toBe(4);
    expect(quantileSorted(x, 0.1)).toBeCloseTo(1.4, 15); // h = 0.4
    expect(quantileSorted(x, 0.975)).toBeCloseTo(15.2, 13); // h = 3.9: 8 + 0.9 * 8
    expect(quantileSorted(new Float64Array(0), 0.5)).toBeNaN();
  });
});

describe('bootstrapInterval', () => {
  const x = skewedSample(200, 11);
  const y0 = new Float64Array(200);

  it('gives the same interval for the same seed and a different one for another seed', () => {
    const a = bootstrapInterval(mean, y0, x, { seed: 7, resamples: 300 });
    const b = bootstrapInterval(mean, y0, x, { seed: 7, resamples: 300 });
    const c = bootstrapInterval(mean, y0, x, { seed: 8, resamples: 300 });
    expect(b).toEqual(a);
    expect(c.lower).not.toBe(a.lower);
  });

  it('is deterministic without a seed (default seed 0)', () => {
    const a = bootstrapInterval(mean, y0, x, { resamples: 200 });
    const b = bootstrapInterval(mean, y0, x, { resamples: 200, seed: 0 });
    expect(a).toEqual(b);
  });

  it('reports the estimate on the full data, the settings and a distribution of the requested size', () => {
    const r = bootstrapInterval(mean, y0, x, { resamples: 250, confidence: 0.9, method: 'percentile' });
    expect(r.estimate).toBe(mean(y0, x));
    expect(r.confidence).toBe(0.9);
    expect(r.method).toBe('percentile');
    expect(r.resamples).toBe(250);
    expect(r.undefinedResamples).toBe(0);
    expect(r.distribution.length).toBe(250);
  });

  it('percentile bounds are the 2.5% and 97.5% quantiles of the returned distribution', () => {
    const r = bootstrapInterval(mean, y0, x, { resamples: 401, method: 'percentile' });
    const sorted = r.distribution.slice().sort();
    expect(r.lower).toBe(sorted[10]); // h = 400 · 0.025 = 10
    expect(r.upper).toBe(sorted[390]);
  });

  it('percentile interval of the mean of two examples, 0 and 1, equals its hand-computed quantiles', () => {
    // a resample mean is 0, 1/2 or 1 with probabilities 1/4, 1/2, 1/4: the 2.5% and
    // 97.5% quantiles are 0 and 1, the 30% and 70% quantiles both 1/2
    const wide = bootstrapInterval(mean, [0, 0], [0, 1], { resamples: 1000, method: 'percentile' });
    expect([wide.lower, wide.upper]).toEqual([0, 1]);
    const narrow = bootstrapInterval(mean, [0, 0], [0, 1], { resamples: 1000, method: 'percentile', confidence: 0.4 });
    expect([narrow.lower, narrow.upper]).toEqual([0.5, 0.5]);
    // and the bootstrap standard error approaches sqrt(1/8) ≈ 0.354
    expect(wide.standardError).toBeCloseTo(Math.sqrt(1 / 8), 1);
  });

  it('reports the bootstrap standard error as the sample standard deviation of the distribution', () => {
    const r = bootstrapInterval(mean, y0, x, { resamples: 500 });
    const m = r.distribution.reduce((s, v) => s + v, 0) / 500;
    const sd = Math.sqrt(r.distribution.reduce((s, v) => s + (v - m) ** 2, 0) / 499);
    expect(r.standardError).toBeCloseTo(sd, 14);
    // the standard error of a mean of 200 unit exponentials is about 1/sqrt(200) ≈ 0.071
    expect(r.standardError).toBeGreaterThan(0.05);
    expect(r.standardError).toBeLessThan(0.09);
  });

  it('contains the estimate and narrows about tenfold when n grows a hundredfold', () => {
    for (const method of ['percentile', 'bca'] as const) {
      const small = skewedSample(50, 1);
      const large = skewedSample(5000, 2);
      const a = bootstrapInterval(mean, new Float64Array(50), small, { method, resamples: 500 });
      const b = bootstrapInterval(mean, new Float64Array(5000), large, { method, resamples: 500 });
      expect(a.lower).toBeLessThan(a.estimate);
      expect(a.upper).toBeGreaterThan(a.estimate);
      expect(b.lower).toBeLessThan(b.estimate);
      expect(b.upper).toBeGreaterThan(b.estimate);
      const ratioOfWidths = (a.upper - a.lower) / (b.upper - b.lower);
      expect(ratioOfWidths).toBeGreaterThan(6);
      expect(ratioOfWidths).toBeLessThan(16);
    }
  });

  it('BCa shifts the interval of a right-skewed mean to the right of the percentile interval', () => {
    const s = skewedSample(40, 5);
    const p = bootstrapInterval(mean, new Float64Array(40), s, { method: 'percentile', resamples: 2000 });
    const b = bootstrapInterval(mean, new Float64Array(40), s, { method: 'bca', resamples: 2000 });
    expect(b.upper).toBeGreaterThan(p.upper);
    expect(b.lower).toBeGreaterThan(p.lower);
  });

  it('covers the true mean of exponential data in roughly 95% of repeated experiments', () => {
    let covered = 0;
    const trials = 80;
    for (let t = 0; t < trials; t++) {
      const s = skewedSample(60, 1000 + t);
      const r = bootstrapInterval(mean, new Float64Array(60), s, { resamples: 400, seed: t });
      if (r.lower <= 1 && 1 <= r.upper) covered++;
    }
    expect(covered / trials).toBeGreaterThan(0.82);
    expect(covered / trials).toBeLessThanOrEqual(1);
  });

  it('counts and leaves out resamples where the metric is NaN, and stratification removes them', () => {
    const yTrue = new Float64Array(30);
    yTrue[3] = 1;
    yTrue[17] = 1;
    const yPred = Float64Array.from(yTrue);
    yPred[17] = 0;
    const plain = bootstrapInterval(recall, yTrue, yPred, { resamples: 400, method: 'percentile' });
    // P(no positive among 30 draws) = (28/30)^30 ≈ 0.126
    expect(plain.undefinedResamples).toBeGreaterThan(20);
    expect(plain.undefinedResamples).toBeLessThan(90);
    expect(plain.distribution.length).toBe(400 - plain.undefinedResamples);
    expect(plain.distribution.every((v) => v === v)).toBe(true);
    const strat = bootstrapInterval(recall, yTrue, yPred, { resamples: 400, stratified: true, method: 'percentile' });
    expect(strat.undefinedResamples).toBe(0);
    expect(strat.lower).toBe(0);
    expect(strat.upper).toBe(1);
  });

  it('keeps the class counts of yTrue in every stratified resample', () => {
    const yTrue = ['b', 'a', 'a', 'c', 'a', 'b', 'a', 'a'];
    const counts: string[] = [];
    const countClasses = (y: string[]): number => {
      counts.push(['a', 'b', 'c'].map((c) => y.filter((v) => v === c).length).join(','));
      return 0;
    };
    bootstrapInterval(countClasses, yTrue, yTrue, { resamples: 50, stratified: true, method: 'percentile' });
    expect(new Set(counts)).toEqual(new Set(['5,2,1']));
  });

  it('resamples string labels and string predictions together', () => {
    const yTrue = ['spam', 'ham', 'ham', 'spam', 'ham', 'ham'];
    const yPred = ['spam', 'ham', 'spam', 'spam', 'ham', 'ham'];
    const r = bootstrapInterval(accuracy, yTrue, yPred, { resamples: 200, method: 'percentile' });
    expect(r.estimate).toBeCloseTo(5 / 6, 15);
    // every resampled pair is one of the original pairs, so accuracy is a multiple of 1/6
    for (const v of r.distribution) expect(Math.abs(v * 6 - Math.round(v * 6))).toBeLessThan(1e-12);
  });

  it('resamples the weights with the examples and passes them as sampleWeight with metricOptions', () => {
    const seen: { scale: number; n: number }[] = [];
    const weightedMean = (_y: unknown, x: Float64Array, o?: { sampleWeight?: Float64Array; scale: number }): number => {
      const w = o?.sampleWeight as Float64Array;
      seen.push({ scale: o?.scale ?? NaN, n: w.length });
      let a = 0;
      let b = 0;
      for (let i = 0; i < x.length; i++) {
        a += w[i] * x[i];
        b += w[i];
      }
      // x[i] = 10 · w[i] in this data, so the weighted mean stays in [10, 30]
      return (o?.scale ?? 1) * (a / b);
    };
    const x = [10, 20, 30, 10];
    const w = [1, 2, 3, 1];
    const r = bootstrapInterval(weightedMean, [0, 0, 0, 0], x, {
      sampleWeight: w,
      metricOptions: { scale: 2 },
      resamples: 100,
      method: 'percentile',
    });
    expect(r.estimate).toBeCloseTo((2 * (10 + 40 + 90 + 10)) / 7, 12);
    expect(seen.every((s) => s.scale === 2 && s.n === 4)).toBe(true);
    expect(r.lower).toBeGreaterThanOrEqual(20);
    expect(r.upper).toBeLessThanOrEqual(60);
  });

  it('resamples the rows of an n×k score matrix, nested or flat with numClasses', () => {
    const rows = [
      [0.7, 0.2, 0.1],
      [0.1, 0.8, 0.1],
      [0.2, 0.2, 0.6],
      [0.3, 0.4, 0.3],
    ];
    const yTrue = [0, 1, 2, 0];
    const top1 = (y: Float64Array, m: ArrayLike<ArrayLike<number>>): number => {
      let hit = 0;
      for (let i = 0; i < y.length; i++) {
        const r = m[i];
        let best = 0;
        for (let j = 1; j < r.length; j++) if (r[j] > r[best]) best = j;
        if (best === y[i]) hit++;
      }
      return hit / y.length;
    };
    const nested = bootstrapInterval(top1, yTrue, rows, { resamples: 100, method: 'percentile' });
    expect(nested.estimate).toBe(0.75);
    const top1Flat = (y: Float64Array, flat: Float64Array, o?: { numClasses: number }): number => {
      const k = o?.numClasses as number;
      expect(flat.length).toBe(y.length * k);
      const m = Array.from({ length: y.length }, (_, i) => flat.subarray(i * k, i * k + k));
      return top1(y, m);
    };
    const flat = bootstrapInterval(top1Flat, yTrue, rows.flat(), {
      resamples: 100,
      method: 'percentile',
      metricOptions: { numClasses: 3 },
    });
    expect(flat.estimate).toBe(0.75);
    expect(flat.distribution).toEqual(nested.distribution);
  });

  it('returns NaN throughout, without resampling, when the metric is undefined on the full data', () => {
    let calls = 0;
    const r = bootstrapInterval(
      (y: Float64Array, x: Float64Array) => {
        calls++;
        return recall(y, x);
      },
      [0, 0, 0],
      [1, 0, 1],
    );
    expect(calls).toBe(1);
    expect(r.estimate).toBeNaN();
    expect(r.lower).toBeNaN();
    expect(r.upper).toBeNaN();
    expect(r.standardError).toBeNaN();
  });

  it('BCa is NaN when every resample lies on one side of the estimate, percentile is not', () => {
    const distinct = (_y: unknown, x: Float64Array): number => new Set(x).size;
    const x = Array.from({ length: 20 }, (_, i) => i);
    const bca = bootstrapInterval(distinct, new Float64Array(20), x, { resamples: 100 });
    expect(bca.estimate).toBe(20);
    expect(bca.lower).toBeNaN();
    expect(bca.upper).toBeNaN();
    const pct = bootstrapInterval(distinct, new Float64Array(20), x, { resamples: 100, method: 'percentile' });
    expect(pct.upper).toBeLessThan(20);
  });

  it('handles a single example without calling the metric on an empty jackknife sample', () => {
    const strict = (_y: unknown, x: Float64Array): number => {
      if (x.length === 0) throw new Error('empty');
      return x[0];
    };
    const r = bootstrapInterval(strict, [1], [0.5], { resamples: 20 });
    expect([r.lower, r.estimate, r.upper]).toEqual([0.5, 0.5, 0.5]);
  });

  it('gives a degenerate interval on constant data', () => {
    const r = bootstrapInterval(mean, [0, 1, 0], [2, 2, 2], { resamples: 50 });
    expect([r.lower, r.estimate, r.upper]).toEqual([2, 2, 2]);
    expect(r.standardError).toBe(0);
  });

  it('uses leave-one-out for n ≤ jackknifeBlocks and a grouped jackknife above', () => {
    const counts: number[] = [];
    const loo = jackknife(10, 1000, createRng(1), (_idx, count) => {
      counts.push(count);
      return 0;
    });
    expect(loo.length).toBe(10);
    expect(counts.every((c) => c === 9)).toBe(true);

    const left = new Int32Array(10);
    const sizes: number[] = [];
    jackknife(10, 3, createRng(1), (idx, count) => {
      sizes.push(10 - count);
      const kept = new Set(Array.from(idx.subarray(0, count)));
      for (let i = 0; i < 10; i++) if (!kept.has(i)) left[i]++;
      return 0;
    });
    expect(sizes).toEqual([3, 3, 4]);
    expect(Array.from(left)).toEqual(new Array(10).fill(1)); // every example left out exactly once
  });

  it('grouped jackknife acceleration agrees with the leave-one-out one and with skewness / (6 sqrt n)', () => {
    const n = 3000;
    const s = skewedSample(n, 9);
    const evaluate = (idx: Int32Array, count: number): number => {
      let t = 0;
      for (let i = 0; i < count; i++) t += s[idx[i]];
      return t / count;
    };
    const aLoo = jackknifeAcceleration(jackknife(n, n, createRng(0), evaluate));
    const aGrouped = jackknifeAcceleration(jackknife(n, 1000, createRng(0), evaluate));
    // for a mean, a = skewness / (6 sqrt(n)); an exponential has skewness 2
    expect(aLoo).toBeGreaterThan((0.6 * 2) / (6 * Math.sqrt(n)));
    expect(aLoo).toBeLessThan((1.6 * 2) / (6 * Math.sqrt(n)));
    expect(Math.abs(aGrouped - aLoo) / aLoo).toBeLessThan(0.15);
  });

  it('throws MetricInputError for bad arguments and options', () => {
    const y = [0, 1, 0, 1];
    const s = [0.1, 0.9, 0.4, 0.6];
    const e = (f: () => unknown, msg: string | RegExp) => {
      expect(f).toThrow(MetricInputError);
      expect(f).toThrow(msg);
    };
    e(() => bootstrapInterval(42 as never, y, s), 'bootstrapInterval: metric must be a function, got 42');
    e(() => bootstrapInterval(brier, y, s, { resamples: 0 }), 'bootstrapInterval: resamples is 0, expected a finite integer >= 1');
    e(() => bootstrapInterval(brier, y, s, { resamples: 2.5 }), 'resamples is 2.5');
    e(() => bootstrapInterval(brier, y, s, { confidence: 1 }), 'bootstrapInterval: confidence is 1, expected a finite number > 0 and < 1');
    e(() => bootstrapInterval(brier, y, s, { confidence: 0 }), 'confidence is 0');
    e(() => bootstrapInterval(brier, y, s, { method: 'basic' as never }), 'bootstrapInterval: method is "basic", expected one of "percentile", "bca"');
    e(() => bootstrapInterval(brier, y, s, { jackknifeBlocks: 1 }), 'jackknifeBlocks is 1');
    e(() => bootstrapInterval(brier, y, s, { stratified: 'yes' as never }), 'bootstrapInterval: stratified is "yes", expected true or false');
    e(() => bootstrapInterval(brier, y, s, { seed: NaN }), 'bootstrapInterval: seed is NaN, expected a string or a finite number');
    e(() => bootstrapInterval(brier, y, [0.1, 0.2]), 'bootstrapInterval: yTrue has 4 entries but yScoreOrPred has 2');
    e(() => bootstrapInterval(brier, [], []), 'bootstrapInterval: yTrue is empty');
    e(() => bootstrapInterval(brier, [0, NaN], [1, 2]), 'bootstrapInterval: yTrue[1] is NaN');
    e(() => bootstrapInterval(brier, y, s, { sampleWeight: [1, -1, 1, 1] }), 'bootstrapInterval: sampleWeight[1] is -1');
    e(() => bootstrapInterval(brier, y, s, { sampleWeight: [1, 1] }), 'bootstrapInterval: yTrue has 4 entries but sampleWeight has 2');
    e(
      () => bootstrapInterval(brier, y, s, { metricOptions: { sampleWeight: [1, 1, 1, 1] } as never }),
      'bootstrapInterval: metricOptions.sampleWeight would not be resampled',
    );
    e(() => bootstrapInterval((() => 'x') as never, y, s), 'bootstrapInterval: metric returned "x", expected one number');
    e(() => bootstrapInterval(() => new Float64Array(2), y, s), 'bootstrapInterval: metric returned a Float64Array, expected one number');
  });
});
