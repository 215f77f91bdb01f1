import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/random';
import {
  accuracy,
  averagePrecision,
  bootstrapInterval,
  f1,
  matthewsCorrcoef,
  precision,
  rocAuc,
  thresholdForFBeta,
} from '../../src/metrics/index';

/** A rare-event dataset: 1000 examples, 2% positives, positives scored higher on average. */
function rareEvents(seed: number) {
  const rng = createRng(seed);
  const n = 1000;
  const y = new Float64Array(n);
  const s = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = i % 50 === 0 ? 1 : 0;
    s[i] = rng() + (y[i] ? 0.6 : 0);
  }
  return { y, s };
}

describe('bootstrapInterval with the metrics of this module', () => {
  it('accepts the library metrics as they are, options included (type-checked)', () => {
    const { y, s } = rareEvents(1);
    const yPred = Array.from(s, (v) => (v >= 1 ? 1 : 0));
    const ap = bootstrapInterval(averagePrecision, y, s, { resamples: 100, stratified: true, metricOptions: { zeroDivision: 0 } });
    const auc = bootstrapInterval(rocAuc, y, s, { resamples: 100, stratified: true });
    const acc = bootstrapInterval(accuracy, y, yPred, { resamples: 100, method: 'percentile' });
    const f = bootstrapInterval(f1, y, yPred, { resamples: 100, metricOptions: { zeroDivision: 0 } });
    const p = bootstrapInterval(precision, y, yPred, { resamples: 100 });
    const mcc = bootstrapInterval(matthewsCorrcoef, y, yPred, { resamples: 100 });
    for (const r of [ap, auc, acc, f, p, mcc]) {
      expect(r.lower).toBeLessThanOrEqual(r.estimate);
      expect(r.estimate).toBeLessThanOrEqual(r.upper);
    }
    expect(ap.estimate).toBe(averagePrecision(y, s));
    expect(auc.estimate).toBe(rocAuc(y, s));
  });

  it('stratified resampling of a rare-event AP keeps every resample defined, and AP is uncertain', () => {
    const { y, s } = rareEvents(2);
    const plain = bootstrapInterval(averagePrecision, y, s, { resamples: 300 });
    const strat = bootstrapInterval(averagePrecision, y, s, { resamples: 300, stratified: true });
    expect(strat.undefinedResamples).toBe(0);
    expect(plain.undefinedResamples).toBe(0); // 20 positives: a resample without any has probability 2e-9
    // with 20 positives the AP interval is wide: more than 0.1 across
    expect(strat.upper - strat.lower).toBeGreaterThan(0.1);
  });

  it('gives an interval for a tuned quantity such as the best F1 over thresholds', () => {
    const { y, s } = rareEvents(3);
    const bestF1 = (yTrue: Float64Array, yScore: Float64Array) => thresholdForFBeta(yTrue, yScore).fScore;
    const r = bootstrapInterval(bestF1, y, s, { resamples: 200, stratified: true, method: 'percentile' });
    expect(r.estimate).toBe(thresholdForFBeta(y, s).fScore);
    expect(r.upper).toBeGreaterThan(r.lower);
  });
});
