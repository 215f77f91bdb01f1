// Curves and areas computed from a ConfusionAtThresholds alone (no scores):
// what the binned BinaryScoreAccumulator needs, since it never sees the
// scores again. The curves share their code with precisionRecallCurve and
// rocCurve (internal/curvesInPlace). The areas restate averagePrecision's and
// rocAuc's sums over the counts: the batch functions get them from faster
// kernels that never build the counts; the accumulator tests check that both
// agree on the same counts.
import type { ZeroDivision } from '../../core/types';
import type { ConfusionAtThresholds } from '../confusionAtThresholds';
import type { PrecisionRecallCurve } from '../precisionRecallCurve';
import type { RocCurve } from '../rocCurve';
import { precisionRecallCurveInPlace, rocCurveInPlace } from './curvesInPlace';

/** Copies the counts into arrays with the one spare entry the in-place builders need. */
function spare(c: ConfusionAtThresholds): [Float64Array, Float64Array, Float64Array] {
  const m = c.thresholds.length;
  const t = new Float64Array(m + 1);
  const tps = new Float64Array(m + 1);
  const fps = new Float64Array(m + 1);
  t.set(c.thresholds);
  tps.set(c.tps);
  fps.set(c.fps);
  return [t, tps, fps];
}

/** The PR curve of `precisionRecallCurve` from the core counts (thresholds decreasing in `c`, increasing in the result). */
export function precisionRecallCurveFromConfusion(
  c: ConfusionAtThresholds,
  fn: string,
  zd: ZeroDivision | undefined,
  dropIntermediate: boolean,
): PrecisionRecallCurve {
  const [t, tps, fps] = spare(c);
  return precisionRecallCurveInPlace(t, tps, fps, c.thresholds.length, dropIntermediate, zd, fn);
}

/** The ROC curve of `rocCurve` from the core counts. */
export function rocCurveFromConfusion(
  c: ConfusionAtThresholds,
  fn: string,
  zd: ZeroDivision | undefined,
  dropIntermediate: boolean,
): RocCurve {
  const [t, tps, fps] = spare(c);
  return rocCurveInPlace(t, tps, fps, c.thresholds.length, dropIntermediate, zd, fn);
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
