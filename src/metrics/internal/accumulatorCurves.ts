// Curves and areas computed from a ConfusionAtThresholds alone (no scores):
// what the binned BinaryScoreAccumulator needs, since it never sees the
// scores again. They follow, step for step, the batch functions
// precisionRecallCurve, rocCurve, averagePrecision and rocAuc, which compute
// the same quantities from the same core counts; the accumulator tests check
// that both agree on the same counts. (The batch functions could call these
// instead of their own loops: one math path.)
import type { ZeroDivision } from '../../core/types';
import { undefinedValue } from '../../core/zeroDivision';
import type { ConfusionAtThresholds } from '../confusionAtThresholds';
import type { PrecisionRecallCurve } from '../precisionRecallCurve';
import type { RocCurve } from '../rocCurve';

/** The PR curve of `precisionRecallCurve` from the core counts (thresholds decreasing in `c`, increasing in the result). */
export function precisionRecallCurveFromConfusion(
  c: ConfusionAtThresholds,
  fn: string,
  zd: ZeroDivision | undefined,
  dropIntermediate: boolean,
): PrecisionRecallCurve {
  let thresholds = c.thresholds;
  let tps = c.tps;
  let fps = c.fps;
  let m = thresholds.length;
  if (dropIntermediate && m > 2) {
    // Keep a point when its TP differs from the previous or the next one (scikit-learn >= 1.3).
    thresholds = thresholds.slice();
    tps = tps.slice();
    fps = fps.slice();
    let k = 1;
    for (let i = 1; i < m - 1; i++) {
      if (tps[i] !== tps[i - 1] || tps[i + 1] !== tps[i]) {
        thresholds[k] = thresholds[i];
        tps[k] = tps[i];
        fps[k++] = fps[i];
      }
    }
    thresholds[k] = thresholds[m - 1];
    tps[k] = tps[m - 1];
    fps[k++] = fps[m - 1];
    m = k;
  }
  const precision = new Float64Array(m + 1);
  const recall = new Float64Array(m + 1);
  const increasing = new Float64Array(m);
  const total = m > 0 ? tps[m - 1] : 0;
  const noRecall = total > 0 ? 0 : undefinedValue(zd, fn, 'recall is undefined: no positive examples');
  for (let i = 0; i < m; i++) {
    const j = m - 1 - i;
    const tp = tps[j];
    const ps = tp + fps[j];
    precision[i] = ps > 0 ? tp / ps : undefinedValue(zd, fn, 'precision is undefined: nothing predicted positive');
    recall[i] = total > 0 ? tp / total : noRecall;
    increasing[i] = thresholds[j];
  }
  precision[m] = 1;
  recall[m] = 0;
  return { precision, recall, thresholds: increasing };
}

/** The ROC curve of `rocCurve` from the core counts. */
export function rocCurveFromConfusion(
  c: ConfusionAtThresholds,
  fn: string,
  zd: ZeroDivision | undefined,
  dropIntermediate: boolean,
): RocCurve {
  const { thresholds, tps, fps } = c;
  const m = thresholds.length;
  const drop = dropIntermediate && m > 2;
  const fpr = new Float64Array(m + 1);
  const tpr = new Float64Array(m + 1);
  const t = new Float64Array(m + 1);
  t[0] = Infinity;
  const N = m > 0 ? fps[m - 1] : 0;
  const P = m > 0 ? tps[m - 1] : 0;
  const noFpr = N > 0 ? 0 : undefinedValue(zd, fn, 'fpr is undefined: no negative examples');
  const noTpr = P > 0 ? 0 : undefinedValue(zd, fn, 'tpr is undefined: no positive examples');
  if (!(N > 0)) fpr[0] = noFpr;
  if (!(P > 0)) tpr[0] = noTpr;
  let k = 1;
  for (let i = 0; i < m; i++) {
    // a corner when the second difference of FP or TP is non-zero (numpy's diff of diff)
    if (drop && i > 0 && i < m - 1) {
      const corner =
        fps[i + 1] - fps[i] - (fps[i] - fps[i - 1]) !== 0 || tps[i + 1] - tps[i] - (tps[i] - tps[i - 1]) !== 0;
      if (!corner) continue;
    }
    fpr[k] = N > 0 ? fps[i] / N : noFpr;
    tpr[k] = P > 0 ? tps[i] / P : noTpr;
    t[k++] = thresholds[i];
  }
  return k === m + 1
    ? { fpr, tpr, thresholds: t }
    : { fpr: fpr.slice(0, k), tpr: tpr.slice(0, k), thresholds: t.slice(0, k) };
}

/**
 * Average precision Σᵢ (TPᵢ − TPᵢ₋₁)/P · TPᵢ/(TPᵢ + FPᵢ) (step-wise, no
 * interpolation, as `averagePrecision`), summed from the highest threshold
 * down; NaN when the positives weigh nothing.
 */
export function averagePrecisionFromConfusion(c: ConfusionAtThresholds): number {
  const { tps, fps } = c;
  const m = tps.length;
  const P = m > 0 ? tps[m - 1] : 0;
  if (!(P > 0)) return NaN;
  let ap = 0;
  let prev = 0;
  for (let i = 0; i < m; i++) {
    const tp = tps[i];
    const dtp = tp - prev;
    if (dtp !== 0) ap += dtp * (tp / (tp + fps[i]));
    prev = tp;
  }
  return ap / P;
}

/**
 * ROC AUC as the trapezoidal area under (FP/N, TP/P) from (0, 0), i.e.
 * P(s⁺ > s⁻) + ½ P(s⁺ = s⁻); NaN when either class weighs nothing.
 */
export function rocAucFromConfusion(c: ConfusionAtThresholds): number {
  const { tps, fps } = c;
  const m = tps.length;
  const P = m > 0 ? tps[m - 1] : 0;
  const N = m > 0 ? fps[m - 1] : 0;
  if (!(P > 0 && N > 0)) return NaN;
  // in rates, not counts: P·N can underflow with tiny weights
  let twiceArea = 0;
  let x0 = 0;
  let y0 = 0;
  for (let i = 0; i < m; i++) {
    const x = fps[i] / N;
    const y = tps[i] / P;
    twiceArea += (x - x0) * (y + y0);
    x0 = x;
    y0 = y;
  }
  return twiceArea / 2;
}
