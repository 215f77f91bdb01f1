import type { Label, LabelInput, NumericInput, ZeroDivision } from '../core/types';
import { readZeroDivision } from '../core/zeroDivision';
import { confusionAtThresholdsOf } from './confusionAtThresholds';
import { rocCurveInPlace } from './internal/curvesInPlace';
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
   * area do not change. With non-integer weights the test sees the rounding
   * of the cumulative sums; they are summed example by example in decreasing
   * score order as scikit-learn does, but tied examples may be added in
   * another order, so in rare cases a nearly collinear point is kept or
   * dropped differently (every point returned lies on the same curve).
   * Defaults to `true`.
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
  // The core leaves one spare entry; the outputs are built in its arrays
  // (fpr over fps, tpr over tps), shifted by one for the point at Infinity.
  const core = confusionAtThresholdsOf(labels, scores, weights, 1);
  return rocCurveInPlace(
    new Float64Array(core.thresholds.buffer),
    new Float64Array(core.tps.buffer),
    new Float64Array(core.fps.buffer),
    core.thresholds.length,
    options.dropIntermediate !== false,
    zd,
    fn,
  );
}
