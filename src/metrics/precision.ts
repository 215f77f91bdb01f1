import type { LabelInput } from '../core/types';
import { classScores } from './internal/classesScores';
import type { PrecisionRecallFScoreSupportOptions } from './precisionRecallFScoreSupport';

/** Options of {@link precision}: those of `precisionRecallFScoreSupport` without `beta`. */
export type PrecisionOptions = Omit<PrecisionRecallFScoreSupportOptions, 'beta'>;

/**
 * Precision, the fraction of predicted positives that are positive:
 * tp / (tp + fp), for the class `posLabel` (`average: 'binary'`, the
 * default), per class (`'none'`) or averaged over classes (`'micro'`,
 * `'macro'`, `'weighted'`).
 *
 * Undefined when nothing is predicted positive (tp + fp = 0): `NaN` by
 * default, where scikit-learn returns 0 with a warning (see `zeroDivision`).
 *
 * @param yTrue - True labels: numbers, strings or booleans (array, typed array or tensor).
 * @param yPred - Predicted labels, of the same kind and length.
 * @param options - See {@link PrecisionRecallFScoreSupportOptions}.
 * @returns A number, or a `Float64Array` per class (in `labels` order, or
 *   sorted) for `average: 'none'`.
 * @throws {MetricInputError} as `precisionRecallFScoreSupport`, e.g. for
 *   labels that are not binary under the default `average: 'binary'`.
 * @throws {UndefinedMetricError} with `zeroDivision: 'error'` when undefined.
 *
 * @example
 * precision([0, 1, 1, 0, 1], [1, 1, 0, 0, 1]);
 * // => 0.6666666666666666
 *
 * @see scikit-learn `sklearn.metrics.precision_score`.
 */
export function precision(
  yTrue: LabelInput,
  yPred: LabelInput,
  options: PrecisionOptions & { average: 'none' },
): Float64Array;
export function precision(
  yTrue: LabelInput,
  yPred: LabelInput,
  options?: PrecisionOptions & { average?: 'binary' | 'micro' | 'macro' | 'weighted' },
): number;
export function precision(yTrue: LabelInput, yPred: LabelInput, options?: PrecisionOptions): number | Float64Array;
export function precision(yTrue: LabelInput, yPred: LabelInput, options: PrecisionOptions = {}): number | Float64Array {
  return classScores('precision', yTrue, yPred, options, 1, { precision: true }).precision;
}
