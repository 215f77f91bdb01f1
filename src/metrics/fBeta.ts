import type { LabelInput } from '../core/types';
import { classScores, readBeta } from './internal/classesScores';
import type { PrecisionRecallFScoreSupportOptions } from './precisionRecallFScoreSupport';

/** Options of {@link fBeta}: those of `precisionRecallFScoreSupport`, `beta` included. */
export type FBetaOptions = Omit<PrecisionRecallFScoreSupportOptions, 'beta'> & {
  /**
   * The weight of recall relative to precision (finite, > 0): β = 2 values
   * recall more, β = 0.5 precision. Defaults to 1 (F1, the same as {@link f1}).
   */
  beta?: number;
};

/** Options of {@link f1}: those of `precisionRecallFScoreSupport` without `beta`. */
export type F1Options = Omit<PrecisionRecallFScoreSupportOptions, 'beta'>;

/**
 * The F-beta score, the weighted harmonic mean of precision and recall,
 * computed from the counts: F_β = (1+β²)·tp / ((1+β²)·tp + β²·fn + fp).
 * β > 1 weighs recall more (β = 2: recall counts four times as much as
 * precision in the denominator), β < 1 precision more.
 *
 * Undefined only when tp + fp + fn = 0 (no positives predicted or true), as
 * in scikit-learn ≥ 1.3: so a class with true examples that is never
 * predicted scores 0, not NaN. Undefined → `NaN` by default (see
 * `zeroDivision`); macro averages over an undefined class are `NaN`.
 *
 * @param yTrue - True labels: numbers, strings or booleans (array, typed array or tensor).
 * @param yPred - Predicted labels, of the same kind and length.
 * @param options - `beta` (defaults to 1: F1) and the options of {@link PrecisionRecallFScoreSupportOptions}.
 * @returns A number, or a `Float64Array` per class for `average: 'none'`.
 * @throws {MetricInputError} as `precisionRecallFScoreSupport`, and for a
 *   `beta` that is not a finite number > 0.
 * @throws {UndefinedMetricError} with `zeroDivision: 'error'` when undefined.
 *
 * @example
 * fBeta([0, 1, 1, 0, 1, 1], [1, 1, 0, 0, 1, 1], { beta: 2 }); // tp 3, fp 1, fn 1
 * // => 0.75
 *
 * @see scikit-learn `sklearn.metrics.fbeta_score`; C. J. van Rijsbergen (1979), "Information Retrieval", ch. 7.
 */
export function fBeta(yTrue: LabelInput, yPred: LabelInput, options: FBetaOptions & { average: 'none' }): Float64Array;
export function fBeta(yTrue: LabelInput, yPred: LabelInput, options?: FBetaOptions & { average?: 'binary' | 'micro' | 'macro' | 'weighted' }): number;
export function fBeta(yTrue: LabelInput, yPred: LabelInput, options?: FBetaOptions): number | Float64Array;
export function fBeta(yTrue: LabelInput, yPred: LabelInput, options: FBetaOptions = {}): number | Float64Array {
  const fn = 'fBeta';
  const beta = readBeta(options.beta, 1, fn);
  return classScores(fn, yTrue, yPred, options, beta, { fScore: true }).fScore;
}

/**
 * The F1 score, the harmonic mean of precision and recall computed from the
 * counts: F1 = 2·tp / (2·tp + fn + fp); `fBeta` with β = 1.
 *
 * Undefined only when tp + fp + fn = 0: `f1([0, 0, 1], [0, 0, 0])` is 0, not
 * NaN. Undefined → `NaN` by default (see `zeroDivision`).
 *
 * @param yTrue - True labels: numbers, strings or booleans (array, typed array or tensor).
 * @param yPred - Predicted labels, of the same kind and length.
 * @param options - See {@link PrecisionRecallFScoreSupportOptions}.
 * @returns A number, or a `Float64Array` per class for `average: 'none'`.
 * @throws {MetricInputError} as `precisionRecallFScoreSupport`.
 * @throws {UndefinedMetricError} with `zeroDivision: 'error'` when undefined.
 *
 * @example
 * f1([0, 1, 1, 0, 1], [1, 1, 0, 0, 1]); // tp 2, fp 1, fn 1
 * // => 0.6666666666666666
 *
 * @see scikit-learn `sklearn.metrics.f1_score`.
 */
export function f1(yTrue: LabelInput, yPred: LabelInput, options: F1Options & { average: 'none' }): Float64Array;
export function f1(yTrue: LabelInput, yPred: LabelInput, options?: F1Options & { average?: 'binary' | 'micro' | 'macro' | 'weighted' }): number;
export function f1(yTrue: LabelInput, yPred: LabelInput, options?: F1Options): number | Float64Array;
export function f1(yTrue: LabelInput, yPred: LabelInput, options: F1Options = {}): number | Float64Array {
  return classScores('f1', yTrue, yPred, options, 1, { fScore: true }).fScore;
}
