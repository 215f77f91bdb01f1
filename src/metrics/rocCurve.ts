import type { Label, LabelInput, NumericInput, ZeroDivision } from '../core/types';
import { readZeroDivision, undefinedValue } from '../core/zeroDivision';
import { confusionAtThresholdsOf } from './confusionAtThresholds';
import { readBinaryInputs } from './internal/readBinaryInputs';

/** The ROC curve: `fpr[i]`, `tpr[i]` when predicting positive at `score >= thresholds[i]`. */
export interface RocCurve {
  /** False positive rate FP/N at each threshold, non-decreasing from 0. */
  fpr: Float64Array;
  /** True positive rate (recall) TP/P at each threshold, non-decreasing from 0. */
  tpr: Float64Array;
  /** Thresholds in DECREASING order; `thresholds[0]` is `Infinity` (the point (0, 0)). */
  thresholds: Float64Array;
}

/** Options of {@link rocCurve}. */
export interface RocCurveOptions {
  /** Non-negative weight per example; zero-weight examples are left out. Defaults to 1 for every example. */
  sampleWeight?: NumericInput;
  /** The positive class. Defaults to 1 (or `true`) for `{0, 1}`, `{-1, 1}` or boolean labels. */
  posLabel?: Label | boolean;
  /**
   * Drop thresholds whose point is collinear with its two neighbours (zero
   * second difference of both FP and TP, as scikit-learn): the curve and its
   * area do not change. Defaults to `true`.
   */
  dropIntermediate?: boolean;
  /** Value of the undefined rate when there is only one class (FPR without negatives, TPR without positives). Defaults to NaN. */
  zeroDivision?: ZeroDivision;
}

/**
 * The receiver operating characteristic: false and true positive rates of the
 * rule "positive when score >= t" for every distinct score t, from the
 * strictest (t = Infinity, the point (0, 0)) to the loosest (the point (1, 1)).
 *
 * fpr_i = FP_i / N and tpr_i = TP_i / P, with FP_i and TP_i the weights of
 * negatives and positives scored at least t_i (see {@link confusionAtThresholds})
 * and N, P the class totals. Exactly scikit-learn's `roc_curve`, including
 * the dropping of collinear points and the leading `Infinity` threshold.
 *
 * Undefined values: with only one class the other rate is 0/0 and is NaN
 * (or `zeroDivision`) at every point, as scikit-learn's NaN with a warning.
 *
 * @param yTrue - binary labels: `{0, 1}`, `{-1, 1}`, booleans, or any two labels with `posLabel`.
 * @param yScore - finite scores, higher meaning more likely positive.
 * @param options - `sampleWeight`, `posLabel`, `dropIntermediate`, `zeroDivision`.
 * @returns `{ fpr, tpr, thresholds }` of equal length.
 * @throws {MetricInputError} on empty input, a length mismatch, a NaN or
 *   infinite score, non-binary labels, or a negative weight.
 * @throws {UndefinedMetricError} with `zeroDivision: 'error'` and one class only.
 * @example
 * rocCurve([1, 1, 2, 2], [0.1, 0.4, 0.35, 0.8], { posLabel: 2 });
 * // => { fpr: [0, 0, 0.5, 0.5, 1], tpr: [0, 0.5, 0.5, 1, 1], thresholds: [Infinity, 0.8, 0.4, 0.35, 0.1] }
 * @see scikit-learn `roc_curve`; T. Fawcett (2006), "An introduction to ROC analysis", Pattern Recognition Letters 27(8).
 */
export function rocCurve(yTrue: LabelInput, yScore: NumericInput, options: RocCurveOptions = {}): RocCurve {
  const fn = 'rocCurve';
  const zd = readZeroDivision(options.zeroDivision, fn);
  const [labels, scores, weights] = readBinaryInputs(fn, yTrue, yScore, options);
  const { thresholds, tps, fps } = confusionAtThresholdsOf(labels, scores, weights);
  const m = thresholds.length;
  const drop = options.dropIntermediate !== false && m > 2;
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
    // A corner when the second difference of FP or TP is non-zero (computed
    // as numpy's diff of diff, to keep the same points).
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
