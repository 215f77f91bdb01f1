import type { Label, LabelInput, NumericInput, ZeroDivision } from '../core/types';
import { readZeroDivision } from '../core/zeroDivision';
import { confusionAtThresholdsOf } from './confusionAtThresholds';
import { precisionRecallCurveInPlace } from './internal/curvesInPlace';
import { readBinaryInputs } from './internal/readBinaryInputs';

/** The precision-recall curve: `precision[i]`, `recall[i]` when predicting positive at `score >= thresholds[i]`. */
export interface PrecisionRecallCurve {
  /** Precision at each threshold, then 1 (one longer than `thresholds`). */
  precision: Float64Array;
  /** Recall at each threshold (non-increasing), then 0 (one longer than `thresholds`). */
  recall: Float64Array;
  /** Distinct scores in INCREASING order. */
  thresholds: Float64Array;
}

/** Options of {@link precisionRecallCurve}. */
export interface PrecisionRecallCurveOptions {
  /** Non-negative weight per example; zero-weight examples are left out. Defaults to 1 for every example. */
  sampleWeight?: NumericInput;
  /** The positive class. Defaults to 1 (or `true`) for `{0, 1}`, `{-1, 1}` or boolean labels. */
  posLabel?: Label | boolean;
  /**
   * Drop thresholds whose point has the same true positives (hence the same
   * recall) as both its neighbours: they lie inside vertical runs of the plot.
   * The first and last thresholds are kept. Defaults to `false`.
   */
  dropIntermediate?: boolean;
  /** Value of an undefined recall (no positive example) or precision (no weight predicted positive). Defaults to NaN. */
  zeroDivision?: ZeroDivision;
}

/**
 * Precision and recall of the rule "positive when score >= t" for every
 * distinct score t, exactly as scikit-learn's `precision_recall_curve`.
 *
 * precision_i = TP_i / (TP_i + FP_i), recall_i = TP_i / P, where TP_i and FP_i
 * are the weights of positives and negatives scored at least t_i (see
 * {@link confusionAtThresholds}) and P the weight of all positives. The
 * thresholds are increasing, and a last point (recall 0, precision 1) without
 * a threshold closes the curve on the precision axis.
 *
 * Undefined values: with no positive example the recall is 0/0 and is NaN
 * (or `zeroDivision`) at every threshold — scikit-learn sets it to 1 with a
 * warning instead. Precision is defined at every threshold since each has an
 * example of non-zero weight.
 *
 * @param yTrue - binary labels: `{0, 1}`, `{-1, 1}`, booleans, or any two labels with `posLabel`.
 * @param yScore - finite scores, higher meaning more likely positive.
 * @param options - `sampleWeight`, `posLabel`, `dropIntermediate`, `zeroDivision`.
 * @returns `{ precision, recall, thresholds }`; `precision` and `recall` are one longer than `thresholds`.
 * @throws {MetricInputError} on empty input, a length mismatch, a NaN or
 *   infinite score, non-binary labels, or a negative weight.
 * @throws {UndefinedMetricError} with `zeroDivision: 'error'` when a value is undefined.
 * @example
 * precisionRecallCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
 * // => { precision: [0.5, 0.6666666666666666, 0.5, 1, 1], recall: [1, 1, 0.5, 0.5, 0], thresholds: [0.1, 0.35, 0.4, 0.8] }
 * @see scikit-learn `precision_recall_curve` (`sklearn/metrics/_ranking.py`).
 */
export function precisionRecallCurve(
  yTrue: LabelInput,
  yScore: NumericInput,
  options: PrecisionRecallCurveOptions = {},
): PrecisionRecallCurve {
  const fn = 'precisionRecallCurve';
  const zd = readZeroDivision(options.zeroDivision, fn);
  const [labels, scores, weights] = readBinaryInputs(fn, yTrue, yScore, options);
  // The core leaves one spare entry; the outputs are built in its arrays
  // (precision over tps, recall over fps, thresholds reversed in place).
  const core = confusionAtThresholdsOf(labels, scores, weights, 1);
  const m = core.thresholds.length;
  return precisionRecallCurveInPlace(
    new Float64Array(core.thresholds.buffer),
    new Float64Array(core.tps.buffer),
    new Float64Array(core.fps.buffer),
    m,
    options.dropIntermediate === true,
    zd,
    fn,
  );
}
