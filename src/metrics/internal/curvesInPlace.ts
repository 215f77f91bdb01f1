// The PR and ROC curves built from the core's cumulative counts, in place:
// one math path for the batch functions (which hand over the core's own
// buffers, keeping peak memory low) and the BinaryScoreAccumulator (which
// hands over copies of its counts).
import type { ZeroDivision } from '../../core/types';
import { undefinedValue } from '../../core/zeroDivision';
import type { PrecisionRecallCurve } from '../precisionRecallCurve';
import type { RocCurve } from '../rocCurve';

/**
 * The curve of `precisionRecallCurve` from `m` distinct thresholds in
 * decreasing order with cumulative `tps`/`fps`. The three arrays hold at
 * least `m + 1` entries and are overwritten: precision over `tps`, recall over
 * `fps`, thresholds reversed in place.
 */
export function precisionRecallCurveInPlace(
  thresholds: Float64Array,
  tps: Float64Array,
  fps: Float64Array,
  m: number,
  dropIntermediate: boolean,
  zd: ZeroDivision | undefined,
  fn: string,
): PrecisionRecallCurve {
  if (dropIntermediate && m > 2) {
    // Keep a point when its TP differs from the previous or the next one
    // (scikit-learn >= 1.3); earlier entries are overwritten only after use.
    let k = 1;
    let prev = tps[0];
    for (let i = 1; i < m - 1; i++) {
      const tp = tps[i];
      if (tp !== prev || tps[i + 1] !== tp) {
        thresholds[k] = thresholds[i];
        tps[k] = tp;
        fps[k++] = fps[i];
      }
      prev = tp;
    }
    thresholds[k] = thresholds[m - 1];
    tps[k] = tps[m - 1];
    fps[k++] = fps[m - 1];
    m = k;
  }
  const total = m > 0 ? tps[m - 1] : 0;
  const noRecall = total > 0 ? 0 : undefinedValue(zd, fn, 'recall is undefined: no positive examples');
  const precisionAt = (i: number) => {
    const ps = tps[i] + fps[i];
    return ps > 0 ? tps[i] / ps : undefinedValue(zd, fn, 'precision is undefined: nothing predicted positive');
  };
  for (let i = 0, j = m - 1; i <= j; i++, j--) {
    const ti = thresholds[i];
    thresholds[i] = thresholds[j];
    thresholds[j] = ti;
    const pi = precisionAt(i);
    const pj = precisionAt(j);
    const ri = total > 0 ? tps[i] / total : noRecall;
    const rj = total > 0 ? tps[j] / total : noRecall;
    tps[i] = pj;
    tps[j] = pi;
    fps[i] = rj;
    fps[j] = ri;
  }
  tps[m] = 1;
  fps[m] = 0;
  // After dropping points, copy out the (shorter) results to free the rest.
  const len = thresholds.length - 1;
  return m === len
    ? { precision: tps, recall: fps, thresholds: thresholds.subarray(0, m) }
    : { precision: tps.slice(0, m + 1), recall: fps.slice(0, m + 1), thresholds: thresholds.slice(0, m) };
}

/**
 * The curve of `rocCurve` from `m` distinct thresholds in decreasing order
 * with cumulative `tps`/`fps`. The three arrays hold at least `m + 1` entries
 * and are overwritten: fpr over `fps`, tpr over `tps`, shifted by one for the
 * point at the threshold Infinity.
 */
export function rocCurveInPlace(
  t: Float64Array,
  tpr: Float64Array,
  fpr: Float64Array,
  m: number,
  dropIntermediate: boolean,
  zd: ZeroDivision | undefined,
  fn: string,
): RocCurve {
  const N = m > 0 ? fpr[m - 1] : 0;
  const P = m > 0 ? tpr[m - 1] : 0;
  const noFpr = N > 0 ? 0 : undefinedValue(zd, fn, 'fpr is undefined: no negative examples');
  const noTpr = P > 0 ? 0 : undefinedValue(zd, fn, 'tpr is undefined: no positive examples');
  let k = m;
  if (dropIntermediate && m > 2) {
    // Keep the corners: a non-zero second difference of FP or TP, computed as
    // numpy's diff of diff to keep the same points as scikit-learn. Entries
    // before i are overwritten only after use (prevF/prevT keep the originals).
    k = 1;
    let prevF = fpr[0];
    let prevT = tpr[0];
    for (let i = 1; i < m - 1; i++) {
      const f = fpr[i];
      const tp = tpr[i];
      if (fpr[i + 1] - f - (f - prevF) !== 0 || tpr[i + 1] - tp - (tp - prevT) !== 0) {
        t[k] = t[i];
        fpr[k] = f;
        tpr[k++] = tp;
      }
      prevF = f;
      prevT = tp;
    }
    t[k] = t[m - 1];
    fpr[k] = fpr[m - 1];
    tpr[k++] = tpr[m - 1];
  }
  for (let i = k - 1; i >= 0; i--) {
    t[i + 1] = t[i];
    fpr[i + 1] = N > 0 ? fpr[i] / N : noFpr;
    tpr[i + 1] = P > 0 ? tpr[i] / P : noTpr;
  }
  t[0] = Infinity;
  fpr[0] = N > 0 ? 0 : noFpr;
  tpr[0] = P > 0 ? 0 : noTpr;
  return k === m
    ? { fpr, tpr, thresholds: t }
    : { fpr: fpr.slice(0, k + 1), tpr: tpr.slice(0, k + 1), thresholds: t.slice(0, k + 1) };
}
