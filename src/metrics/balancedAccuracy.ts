import { fail, show } from '../core/fail';
import type { LabelInput, NumericInput, ZeroDivision } from '../core/types';
import { readZeroDivision, undefinedValue } from '../core/zeroDivision';
import { classCounts } from './internal/classesCounts';
import { encodeClasses } from './internal/classesEncode';

/** Options of {@link balancedAccuracy}. */
export interface BalancedAccuracyOptions {
  /** Per-example weights (finite, non-negative). Defaults to 1 for every example. */
  sampleWeight?: NumericInput;
  /**
   * Rescale so that chance scores 0 and perfect scores 1:
   * (score − 1/k) / (1 − 1/k) for k classes. Defaults to `false`.
   */
  adjusted?: boolean;
  /**
   * The value when the score is undefined (every weight zero, or `adjusted`
   * with a single class): defaults to `NaN`; a number replaces it, `'error'`
   * throws an `UndefinedMetricError`.
   */
  zeroDivision?: ZeroDivision;
}

/**
 * Balanced accuracy, the mean of the per-class recalls:
 * (1/k) Σ_c tp_c / (tp_c + fn_c) over the k classes present in `yTrue`.
 * Classes that occur only in `yPred` are ignored, as in scikit-learn (they
 * have no recall). For binary labels this is (sensitivity + specificity) / 2;
 * a constant predictor scores 1/k, whatever the class balance, which makes it
 * a better single number than accuracy on imbalanced data.
 *
 * With `adjusted`, (score − 1/k) / (1 − 1/k): 0 for chance, 1 for perfect.
 * With a single class in `yTrue` the adjusted score is undefined (`NaN`,
 * where scikit-learn divides by zero and returns ±inf or nan with a warning).
 *
 * @param yTrue - True labels: numbers, strings or booleans (array, typed array or tensor).
 * @param yPred - Predicted labels, of the same kind and length.
 * @param options - See {@link BalancedAccuracyOptions}.
 * @returns The balanced accuracy in [0, 1] (adjusted: in [−1/(k−1), 1]).
 * @throws {MetricInputError} for empty input, a length mismatch, a NaN or
 *   infinite label, numbers mixed with strings, or a bad weight.
 * @throws {UndefinedMetricError} with `zeroDivision: 'error'` when undefined.
 *
 * @example
 * balancedAccuracy([0, 1, 0, 0, 1, 0], [0, 1, 0, 0, 0, 1]);
 * // => 0.625
 *
 * @see scikit-learn `sklearn.metrics.balanced_accuracy_score`; K. H. Brodersen,
 *   C. S. Ong, K. E. Stephan, J. M. Buhmann (2010), "The balanced accuracy and
 *   its posterior distribution", ICPR.
 */
export function balancedAccuracy(yTrue: LabelInput, yPred: LabelInput, options: BalancedAccuracyOptions = {}): number {
  const fn = 'balancedAccuracy';
  const adjusted = options.adjusted ?? false;
  if (typeof adjusted !== 'boolean') fail(fn, `adjusted is ${show(adjusted)}, expected true or false`);
  const zeroDivision = readZeroDivision(options.zeroDivision, fn);
  const e = encodeClasses(yTrue, yPred, fn, { sampleWeight: options.sampleWeight });
  const { tp, trueSum } = classCounts(e);
  let sum = 0;
  let k = 0;
  for (let c = 0; c < trueSum.length; c++) {
    // A class with no (weighted) true examples has no recall: skip it.
    if (trueSum[c] === 0) continue;
    sum += tp[c] / trueSum[c];
    k++;
  }
  if (k === 0) return undefinedValue(zeroDivision, fn, 'balanced accuracy is undefined: every sampleWeight is 0');
  const score = sum / k;
  if (!adjusted) return score;
  if (k === 1) return undefinedValue(zeroDivision, fn, 'adjusted balanced accuracy is undefined: yTrue holds a single class');
  const chance = 1 / k;
  return (score - chance) / (1 - chance);
}
