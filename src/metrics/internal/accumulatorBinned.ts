// Binned-mode state of BinaryScoreAccumulator: per-bin weighted counts of
// positives and negatives (and the number of examples, so that the occupied
// bins, and the error bound, know which bins hold a single example).
// Memory is O(number of thresholds).
import { fail, show } from '../../core/fail';
import type { ConfusionAtThresholds } from '../confusionAtThresholds';

/**
 * Bin b + 1 holds the scores s with thresholds[b] <= s < thresholds[b + 1]
 * (b = m − 1: s >= the last threshold); bin 0 the scores below thresholds[0].
 */
export class BinnedState {
  readonly thresholds: Float64Array;
  /** m − 1 for m evenly spaced thresholds j/(m − 1) over [0, 1]; 0 for custom thresholds. */
  readonly evenSteps: number;
  readonly positives: Float64Array;
  readonly negatives: Float64Array;
  readonly counts: Float64Array;

  constructor(thresholds: Float64Array, evenSteps: number) {
    this.thresholds = thresholds;
    this.evenSteps = evenSteps;
    const m = thresholds.length;
    this.positives = new Float64Array(m + 1);
    this.negatives = new Float64Array(m + 1);
    this.counts = new Float64Array(m + 1);
  }

  /**
   * Adds a batch. Scores are read with non-finite values allowed and checked
   * here, in the one pass that bins them.
   *
   * @throws {MetricInputError} for a NaN or infinite score, or (even
   *   thresholds) a score outside [0, 1].
   */
  add(labels: Uint8Array, scores: Float64Array, weights: Float64Array | undefined, fn: string): void {
    const n = labels.length;
    const t = this.thresholds;
    const pos = this.positives;
    const neg = this.negatives;
    const cnt = this.counts;
    const k = this.evenSteps;
    if (k > 0) {
      for (let i = 0; i < n; i++) {
        const s = scores[i];
        if (!(s >= 0 && s <= 1)) badScore(fn, i, s, true);
        // the bin by arithmetic, then corrected by one comparison each way,
        // since s·k can round across an edge j/k
        let b = Math.floor(s * k);
        if (b < k && t[b + 1] <= s) b++;
        else if (t[b] > s) b--;
        const w = weights === undefined ? 1 : weights[i];
        if (labels[i]) pos[b + 1] += w;
        else neg[b + 1] += w;
        cnt[b + 1]++;
      }
      return;
    }
    const m = t.length;
    for (let i = 0; i < n; i++) {
      const s = scores[i];
      if (s - s !== 0) badScore(fn, i, s, false);
      // largest b with t[b] <= s (−1 when below every threshold)
      let lo = -1;
      let hi = m - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (t[mid] <= s) lo = mid;
        else hi = mid - 1;
      }
      const w = weights === undefined ? 1 : weights[i];
      if (labels[i]) pos[lo + 1] += w;
      else neg[lo + 1] += w;
      cnt[lo + 1]++;
    }
  }

  /** Adds another state's bins (same thresholds, checked by the caller). */
  merge(other: BinnedState): void {
    for (let b = 0; b < this.counts.length; b++) {
      this.positives[b] += other.positives[b];
      this.negatives[b] += other.negatives[b];
      this.counts[b] += other.counts[b];
    }
  }

  reset(): void {
    this.positives.fill(0);
    this.negatives.fill(0);
    this.counts.fill(0);
  }

  /**
   * The core's counts over the bins holding weight, thresholds decreasing: each
   * bin's lower edge (−Infinity for the scores below the first threshold),
   * with cumulative weights from the top bin down.
   */
  confusion(): ConfusionAtThresholds {
    const { positives: pos, negatives: neg, counts: cnt, thresholds: t } = this;
    // a bin is a threshold when it holds weight: zero-weight examples are
    // left out, as confusionAtThresholds does (scikit-learn >= 1.3)
    let d = 0;
    for (let b = 0; b < cnt.length; b++) if (pos[b] + neg[b] > 0) d++;
    const thresholds = new Float64Array(d);
    const tps = new Float64Array(d);
    const fps = new Float64Array(d);
    let tp = 0;
    let fp = 0;
    for (let b = cnt.length - 1, k = 0; b >= 0; b--) {
      if (!(pos[b] + neg[b] > 0)) continue;
      tp += pos[b];
      fp += neg[b];
      thresholds[k] = b === 0 ? -Infinity : t[b - 1];
      tps[k] = tp;
      fps[k++] = fp;
    }
    return { thresholds, tps, fps };
  }

  /**
   * Σ_g (pos_g / P) · max(pos_g, neg_g) / K_g over the bins g holding more
   * than one example, with K_g the
   * weight of bin g and all bins above it: a bound on |AP(binned) − AP(exact)|
   * (see BinaryScoreAccumulator.averagePrecisionErrorBound). NaN without positives.
   */
  averagePrecisionErrorBound(): number {
    const { positives: pos, negatives: neg } = this;
    let P = 0;
    for (let b = 0; b < pos.length; b++) P += pos[b];
    if (!(P > 0)) return NaN;
    let K = 0;
    let bound = 0;
    for (let b = pos.length - 1; b >= 0; b--) {
      K += pos[b] + neg[b];
      // a bin of one example has no order within it to lose
      if (pos[b] > 0 && this.counts[b] > 1) bound += (pos[b] / P) * (Math.max(pos[b], neg[b]) / K);
    }
    return Math.min(bound, 1);
  }

  /** Σ_g pos_g · neg_g / (2 P N): a bound on |AUC(binned) − AUC(exact)|. NaN with one class only. */
  rocAucErrorBound(): number {
    const { positives: pos, negatives: neg } = this;
    let P = 0;
    let N = 0;
    let ties = 0;
    for (let b = 0; b < pos.length; b++) {
      P += pos[b];
      N += neg[b];
      ties += pos[b] * neg[b];
    }
    if (!(P > 0 && N > 0)) return NaN;
    return ties / (2 * P * N);
  }
}

function badScore(fn: string, i: number, s: number, unit: boolean): never {
  if (s - s !== 0 || !unit) return fail(fn, `yScore[${i}] is ${show(s)}`);
  return fail(
    fn,
    `yScore[${i}] is ${show(s)}, outside [0, 1]: a number of thresholds spreads them over [0, 1] for probabilities; pass an array of thresholds for other scores`,
  );
}
