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
   * Adds a batch, atomically: the batch is binned into scratch arrays first,
   * so a bad label or score leaves the state untouched. Labels are either
   * 0/1 bytes already read, or the raw numbers of a typed array (1 positive;
   * 0 or −1 negative, not both), validated in the same single pass that
   * checks and bins the scores — no other pass over the data. A bad label is
   * reported after the pass (by `badLabels`), before the state changes.
   *
   * @param badLabels - called on a label that is not 1, 0 or −1, or when 0
   *   and −1 are mixed; it must throw the descriptive error.
   * @throws {MetricInputError} for a NaN or infinite score, or (even
   *   thresholds) a score outside [0, 1].
   */
  add(
    labels: ArrayLike<number>,
    scores: Float64Array,
    weights: Float64Array | undefined,
    fn: string,
    badLabels: () => never,
  ): void {
    const n = labels.length;
    const t = this.thresholds;
    const k = this.evenSteps;
    const m = t.length;
    // cells[2(b + 1)] negatives, cells[2(b + 1) + 1] positives of bin b
    const cells = new Float64Array(2 * (m + 1));
    const cnt = weights === undefined ? undefined : new Float64Array(m + 1);
    let invalid = 0;
    let zeros = 0;
    let minusOnes = 0;
    const t0 = t[0];
    const tLast = t[m - 1];
    const { table, scale } = k > 0 ? NO_TABLE : this.lookup();
    for (let i = 0; i < n; i++) {
      const s = scores[i];
      let b: number;
      if (k > 0) {
        if (!(s >= 0 && s <= 1)) badScore(fn, i, s, true);
        // the bin by arithmetic, then corrected by one comparison each way,
        // since s·k can round across an edge j/k
        b = (s * k) | 0; // truncation = floor for 0 <= s·k < 2^30 (k is capped)
        if (b < k && t[b + 1] <= s) b++;
        else if (t[b] > s) b--;
      } else {
        if (s - s !== 0) badScore(fn, i, s, false);
        // largest b with t[b] <= s (−1 below every threshold): a table over
        // [t[0], t[m−1]] gives a bin at or below it, a short forward scan the
        // exact one; the binary search is the fallback when the table's
        // rounding starts above s.
        if (s < t0) b = -1;
        else if (s >= tLast) b = m - 1;
        else {
          b = table[Math.floor((s - t0) * scale)];
          if (t[b] > s) b = search(t, s);
          else while (t[b + 1] <= s) b++;
        }
      }
      // Labels without branches (half positives would defeat the branch
      // predictor): v(v² − 1) is 0 exactly for 0, 1 and −1 (NaN for NaN),
      // so a non-zero sum of its absolute values flags a bad label.
      const v = labels[i];
      invalid += Math.abs(v * (v * v - 1));
      zeros += +(v === 0);
      minusOnes += +(v === -1);
      const cell = 2 * b + 2 + +(v === 1);
      if (cnt === undefined) cells[cell] += 1;
      else {
        cells[cell] += weights![i];
        cnt[b + 1]++;
      }
    }
    if (invalid !== 0 || (zeros > 0 && minusOnes > 0)) badLabels();
    for (let b = 0; b <= m; b++) {
      const neg = cells[2 * b];
      const pos = cells[2 * b + 1];
      this.negatives[b] += neg;
      this.positives[b] += pos;
      this.counts[b] += cnt === undefined ? neg + pos : cnt[b];
    }
  }

  private table: { table: Int32Array; scale: number } | undefined;

  /** The bucket table of custom thresholds: table[j] = the bin of the bucket's lower edge t[0] + j/scale. */
  private lookup(): { table: Int32Array; scale: number } {
    if (this.table) return this.table;
    const t = this.thresholds;
    const m = t.length;
    const buckets = Math.min(Math.max(8 * m, 1024), 1 << 20);
    const span = t[m - 1] - t[0];
    const scale = span > 0 && Number.isFinite(buckets / span) ? buckets / span : 0;
    const table = new Int32Array(buckets + 1);
    let b = 0;
    for (let j = 0; j <= buckets; j++) {
      const edge = scale > 0 ? t[0] + j / scale : t[0];
      while (b + 1 < m && t[b + 1] <= edge) b++;
      table[j] = b;
    }
    this.table = { table, scale };
    return this.table;
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
    for (let b = 0; b < pos.length; b++) {
      P += pos[b];
      N += neg[b];
    }
    if (!(P > 0 && N > 0)) return NaN;
    // in shares, not products of weights, which can underflow
    let ties = 0;
    for (let b = 0; b < pos.length; b++) ties += (pos[b] / P) * (neg[b] / N);
    return ties / 2;
  }
}

const NO_TABLE = { table: new Int32Array(1), scale: 0 };

/** Largest b with t[b] <= s, for t[0] <= s < t[m − 1]. */
function search(t: Float64Array, s: number): number {
  let lo = 0;
  let hi = t.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (t[mid] <= s) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function badScore(fn: string, i: number, s: number, unit: boolean): never {
  if (s - s !== 0 || !unit) return fail(fn, `yScore[${i}] is ${show(s)}`);
  return fail(
    fn,
    `yScore[${i}] is ${show(s)}, outside [0, 1]: a number of thresholds spreads them over [0, 1] for probabilities; pass an array of thresholds for other scores`,
  );
}
