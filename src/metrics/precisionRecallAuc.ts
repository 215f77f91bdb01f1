import { readChoice } from '../core/assert';
import type { Label, LabelInput, NumericInput, ZeroDivision } from '../core/types';
import { readZeroDivision, undefinedValue } from '../core/zeroDivision';
import { confusionAtThresholdsOf } from './confusionAtThresholds';
import { averagePrecisionOf } from './internal/rankingKernels';
import { readBinaryInputs } from './internal/readBinaryInputs';

/** How {@link precisionRecallAuc} joins consecutive points of the PR curve. */
export type PrecisionRecallAucRule = 'step' | 'trapezoid' | 'davisGoadrich';

/** Options of {@link precisionRecallAuc}. */
export interface PrecisionRecallAucOptions {
  /** The integration rule. Defaults to `'step'` (= {@link averagePrecision}). */
  rule?: PrecisionRecallAucRule;
  /** Non-negative weight per example. Defaults to 1 for every example. */
  sampleWeight?: NumericInput;
  /** The positive class. Defaults to 1 (or `true`) for `{0, 1}`, `{-1, 1}` or boolean labels. */
  posLabel?: Label | boolean;
  /** Value when undefined (no positive example): a number, or `'error'` to throw. Defaults to NaN. */
  zeroDivision?: ZeroDivision;
}

/**
 * The area under the precision-recall curve of a binary classifier, by one of
 * three rules for the stretch between consecutive thresholds A (higher) and B:
 *
 * - `'step'`: precision is P_B over the whole recall increase, area
 *   Σ (R_B − R_A) P_B = {@link averagePrecision}. Every value it sums is a
 *   precision some threshold achieves.
 * - `'trapezoid'`: precision linear in recall, Σ (R_B − R_A)(P_A + P_B)/2,
 *   starting at (recall 0, precision 1) as {@link precisionRecallCurve}.
 *   Not achievable, and optimistic in the usual case: moving from A to B adds
 *   true and false positives at a fixed ratio, so precision along the way is
 *   a ratio of two linear functions of the added true positives, which is
 *   convex — BELOW the chord — whenever precision falls from A to B (and
 *   concave, above it, on the rarer stretches where it rises). Precision
 *   mostly falls as recall grows, so the trapezoid usually overstates the
 *   area, most with few positives (Davis & Goadrich 2006, §4).
 * - `'davisGoadrich'`: the achievable interpolation of Davis & Goadrich
 *   (2006): with x ∈ [0, TP_B − TP_A] extra true positives and
 *   s = (FP_B − FP_A)/(TP_B − TP_A) false positives per true positive,
 *   precision = (TP_A + x) / (TP_A + x + FP_A + s·x) at recall (TP_A + x)/P.
 *   Integrated exactly in closed form: with b = TP_A + FP_A, c = 1 + s and
 *   Δ = TP_B − TP_A, the stretch adds
 *   (1/P) [Δ/c + (s·TP_A − FP_A)/c² · ln(1 + cΔ/b)] (and Δ/(cP) when b = 0,
 *   the first stretch from "predict nothing", where precision is constant).
 *   Stretches where only FP grows add nothing.
 *
 * Undefined when no positive example has weight: NaN (or `zeroDivision`).
 *
 * @param yTrue - binary labels: `{0, 1}`, `{-1, 1}`, booleans, or any two labels with `posLabel`.
 * @param yScore - finite scores, higher meaning more likely positive.
 * @param options - `rule`, `sampleWeight`, `posLabel`, `zeroDivision`.
 * @returns the area in [0, 1].
 * @throws {MetricInputError} on empty input, a length mismatch, a NaN or
 *   infinite score, non-binary labels, a negative weight or an unknown `rule`.
 * @throws {UndefinedMetricError} with `zeroDivision: 'error'` when undefined.
 * @example
 * precisionRecallAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
 * // => 0.8333333333333333
 * precisionRecallAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], { rule: 'trapezoid' });
 * // => 0.7916666666666666 (here precision rises on the last stretch, so below Davis–Goadrich)
 * precisionRecallAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], { rule: 'davisGoadrich' });
 * // => 0.7972674459459178
 * @see J. Davis & M. Goadrich (2006), "The Relationship Between Precision-Recall and ROC Curves", ICML;
 *   K. Boyd, K. H. Eng & C. D. Page (2013), "Area under the Precision-Recall Curve: Point Estimates and Confidence Intervals".
 */
export function precisionRecallAuc(
  yTrue: LabelInput,
  yScore: NumericInput,
  options: PrecisionRecallAucOptions = {},
): number {
  const fn = 'precisionRecallAuc';
  const zd = readZeroDivision(options.zeroDivision, fn);
  const rule = readChoice(options.rule, ['step', 'trapezoid', 'davisGoadrich'], 'step', fn, 'rule');
  const [labels, scores, weights] = readBinaryInputs(fn, yTrue, yScore, options);
  let v = rule === 'step' ? averagePrecisionOf(labels, scores, weights) : interpolated(labels, scores, weights, rule);
  if (v !== v) v = undefinedValue(zd, fn, 'no positive examples');
  return v;
}

function interpolated(labels: Uint8Array, scores: Float64Array, weights: Float64Array | undefined, rule: string): number {
  const { tps, fps } = confusionAtThresholdsOf(labels, scores, weights);
  const m = tps.length;
  const P = m > 0 ? tps[m - 1] : 0;
  if (!(P > 0)) return NaN;
  let area = 0;
  if (rule === 'trapezoid') {
    // From (recall 0, precision 1) through every threshold, highest first.
    let r0 = 0;
    let p0 = 1;
    for (let i = 0; i < m; i++) {
      const r1 = tps[i] / P;
      const p1 = tps[i] / (tps[i] + fps[i]);
      area += ((r1 - r0) * (p0 + p1)) / 2;
      r0 = r1;
      p0 = p1;
    }
    return area;
  }
  let tpA = 0;
  let fpA = 0;
  for (let i = 0; i < m; i++) {
    const delta = tps[i] - tpA;
    if (delta > 0) {
      const s = (fps[i] - fpA) / delta;
      const b = tpA + fpA;
      const c = 1 + s;
      area += b > 0 ? delta / c + ((s * tpA - fpA) / (c * c)) * Math.log1p((c * delta) / b) : delta / c;
    }
    tpA = tps[i];
    fpA = fps[i];
  }
  return area / P;
}
