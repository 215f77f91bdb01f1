import type { LabelInput } from '../core/types';
import { classScores } from './internal/classesScores';
import type { PrecisionRecallFScoreSupportOptions } from './precisionRecallFScoreSupport';

/** Options of {@link recall}: those of `precisionRecallFScoreSupport` without `beta`. */
export type RecallOptions = Omit<PrecisionRecallFScoreSupportOptions, 'beta'>;

/**
 * Recall (sensitivity, true positive rate), the fraction of positives
 * predicted positive: tp / (tp + fn), for the class `posLabel`
 * (`average: 'binary'`, the default), per class (`'none'`) or averaged over
 * classes (`'micro'`, `'macro'`, `'weighted'`; weighted recall equals
 * accuracy when every class is listed).
 *
 * Undefined when there are no positive examples (tp + fn = 0): `NaN` by
 * default, where scikit-learn returns 0 with a warning (see `zeroDivision`).
 *
 * @param yTrue - True labels: numbers, strings or booleans (array, typed array or tensor).
 * @param yPred - Predicted labels, of the same kind and length.
 * @param options - See {@link PrecisionRecallFScoreSupportOptions}.
 * @returns A number, or a `Float64Array` per class (in `labels` order, or
 *   sorted) for `average: 'none'`.
 * @throws {MetricInputError} as `precisionRecallFScoreSupport`.
 * @throws {UndefinedMetricError} with `zeroDivision: 'error'` when undefined.
 *
 * @example
 * recall([0, 1, 1, 0, 1], [1, 1, 0, 0, 1]);
 * // => 0.6666666666666666
 *
 * @see scikit-learn `sklearn.metrics.recall_score`.
 */
export function recall(yTrue: LabelInput, yPred: LabelInput, options: RecallOptions & { average: 'none' }): Float64Array;
export function recall(
  yTrue: LabelInput,
  yPred: LabelInput,
  options?: RecallOptions & { average?: 'binary' | 'micro' | 'macro' | 'weighted' },
): number;
export function recall(yTrue: LabelInput, yPred: LabelInput, options?: RecallOptions): number | Float64Array;
export function recall(yTrue: LabelInput, yPred: LabelInput, options: RecallOptions = {}): number | Float64Array {
  return classScores('recall', yTrue, yPred, options, 1, { recall: true }).recall;
}
