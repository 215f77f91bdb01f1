import { readChoice } from '../core/assert';
import type { Label, LabelInput, NumericInput, ScoreMatrixInput, ZeroDivision } from '../core/types';
import { readZeroDivision, undefinedValue } from '../core/zeroDivision';
import { readBinaryInputs } from './internal/readBinaryInputs';
import { averagePrecisionOf } from './internal/rankingKernels';
import { isScoreMatrix, oneVsRest, readMulticlassInputs } from './internal/oneVsRest';

/** Options of {@link averagePrecision}. */
export interface AveragePrecisionOptions {
  /** Non-negative weight per example. Defaults to 1 for every example. */
  sampleWeight?: NumericInput;
  /** The positive class of binary labels. Defaults to 1 (or `true`); binary only. */
  posLabel?: Label | boolean;
  /** Value when undefined (no positive example): a number, or `'error'` to throw. Defaults to NaN. */
  zeroDivision?: ZeroDivision;
  /**
   * Multiclass averaging over the one-vs-rest APs: `'macro'` (mean),
   * `'weighted'` (by class support), `'micro'` (one AP over all n·k pairs) or
   * `'none'` (a `Float64Array`, one AP per class). Ignored for a binary
   * `yScore` except `'none'`, which then returns a one-entry array. Defaults to `'macro'`.
   */
  average?: 'macro' | 'weighted' | 'micro' | 'none';
  /** Multiclass: the class of each column of `yScore`. Defaults to the sorted labels of `yTrue`. */
  labels?: LabelInput;
  /** Multiclass: the number of columns of a flat row-major `yScore`. */
  numClasses?: number;
}

/**
 * Average precision (AP): the precision-recall curve summarised as the mean of
 * the precisions at each threshold, weighted by the increase in recall there.
 *
 * AP = Σ_k (R_k − R_{k−1}) · P_k over the distinct scores taken as thresholds
 * in decreasing order, with P_k = TP_k / (TP_k + FP_k), R_k = TP_k / P and
 * R_0 = 0: a step function, not interpolated (scikit-learn's
 * `average_precision_score`; see {@link precisionRecallAuc} for other rules).
 * Tied scores form one threshold. Computed exactly by sorting only the
 * positives' scores and placing every negative among them.
 *
 * For an n×k `yScore` (nested arrays, a 2-D tensor, or a flat array with
 * `numClasses`), the labels are binarized one-vs-rest (class c = column c,
 * classes in sorted order or `labels`) and the per-class APs are averaged by
 * `average`.
 *
 * Undefined when no positive example has weight: returns NaN (or
 * `zeroDivision`). scikit-learn returns 0 with a warning in some versions
 * (and 0 is below any real AP); a NaN cannot be mistaken for a score.
 *
 * @param yTrue - binary labels (`{0, 1}`, `{-1, 1}`, booleans, or two labels with `posLabel`), or class labels for a multiclass `yScore`.
 * @param yScore - one finite score per example, or an n×k score matrix.
 * @param options - `sampleWeight`, `posLabel`, `zeroDivision`, `average`, `labels`, `numClasses`.
 * @returns AP in [0, 1] (a `Float64Array` per class for `average: 'none'`).
 * @throws {MetricInputError} on empty input, a length mismatch, a NaN or
 *   infinite score (`averagePrecision: yScore[17] is NaN`), non-binary labels,
 *   a negative weight, an unknown `average`, a column count that is not the
 *   number of classes.
 * @throws {UndefinedMetricError} with `zeroDivision: 'error'` when undefined.
 * @example
 * averagePrecision([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
 * // => 0.8333333333333333
 * averagePrecision([0, 0, 1, 1, 2, 2], [[0.7, 0.2, 0.1], [0.4, 0.3, 0.3], [0.1, 0.8, 0.1],
 *   [0.2, 0.3, 0.5], [0.4, 0.4, 0.2], [0.1, 0.2, 0.7]]);
 * // => 0.7777777777777778
 * @see scikit-learn `average_precision_score`; M. Zhu (2004), "Recall, Precision and Average Precision".
 */
export function averagePrecision(
  yTrue: LabelInput,
  yScore: ScoreMatrixInput,
  options: AveragePrecisionOptions & { average: 'none' },
): Float64Array;
export function averagePrecision(
  yTrue: LabelInput,
  yScore: ScoreMatrixInput,
  options?: AveragePrecisionOptions & { average?: 'macro' | 'weighted' | 'micro' },
): number;
export function averagePrecision(yTrue: LabelInput, yScore: ScoreMatrixInput, options?: AveragePrecisionOptions): number | Float64Array;
export function averagePrecision(
  yTrue: LabelInput,
  yScore: ScoreMatrixInput,
  options: AveragePrecisionOptions = {},
): number | Float64Array {
  const fn = 'averagePrecision';
  const zd = readZeroDivision(options.zeroDivision, fn);
  const average = readChoice(options.average, ['macro', 'weighted', 'micro', 'none'], 'macro', fn, 'average');
  const why = 'no positive examples';
  if (isScoreMatrix(yScore, options.numClasses)) {
    return oneVsRest(fn, averagePrecisionOf, readMulticlassInputs(fn, yTrue, yScore, options), average, zd, why);
  }
  const [labels, scores, weights] = readBinaryInputs(fn, yTrue, yScore as NumericInput, options);
  let v = averagePrecisionOf(labels, scores, weights);
  if (v !== v) v = undefinedValue(zd, fn, why);
  return average === 'none' ? Float64Array.of(v) : v;
}
