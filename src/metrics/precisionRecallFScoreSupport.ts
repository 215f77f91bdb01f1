import type { Label, LabelInput, NumericInput, ZeroDivision } from '../core/types';
import { classScores, readBeta, type ClassAverage } from './internal/classesScores';

export type { ClassAverage } from './internal/classesScores';

/** Options of {@link precisionRecallFScoreSupport}. */
export interface PrecisionRecallFScoreSupportOptions {
  /**
   * How per-class values are combined: `'binary'` reports the class
   * `posLabel` only (labels must be binary); `'micro'` pools the counts of
   * all classes (for single-label multiclass data, micro precision = recall =
   * F = accuracy); `'macro'` is the unweighted mean over classes; `'weighted'`
   * the mean weighted by support; `'none'` returns one value per class.
   * Defaults to `'binary'` for `precision`, `recall`, `f1` and `fBeta`, and
   * to `'none'` for `precisionRecallFScoreSupport` (as scikit-learn).
   */
  average?: ClassAverage;
  /**
   * The classes to report on (and their order for `average: 'none'`); may
   * include classes absent from the data and leave out present ones. Every
   * example still counts: predicting a listed class for an example of an
   * unlisted one is a false positive of the listed class. Ignored with
   * `average: 'binary'`, as in scikit-learn. Defaults to the labels present
   * in `yTrue` or `yPred`, sorted.
   */
  labels?: LabelInput;
  /**
   * The positive class for `average: 'binary'` (booleans read as 1/0).
   * Defaults to 1, allowed only when the labels are a subset of {0, 1}, of
   * {-1, 1}, or booleans; any other pair (`'spam'`/`'ham'`, or `{1, 2}`)
   * needs it. Ignored by the other averages, as in scikit-learn.
   */
  posLabel?: Label | boolean;
  /** Per-example weights (finite, non-negative). Defaults to 1 for every example. */
  sampleWeight?: NumericInput;
  /**
   * The value of an undefined score (precision with no predicted examples,
   * recall with no true examples, F with neither): defaults to `NaN`; a
   * number replaces it (per class, before averaging); `'error'` throws an
   * `UndefinedMetricError`.
   */
  zeroDivision?: ZeroDivision;
  /** The weight β of recall in the F-score (finite, > 0). Defaults to 1. */
  beta?: number;
}

/** Averaged result of {@link precisionRecallFScoreSupport}. */
export interface PrecisionRecallFScore {
  /** The classes averaged over (for `'binary'`, `[posLabel]`). */
  labels: Label[];
  precision: number;
  recall: number;
  fScore: number;
  /** Not defined for an average, as scikit-learn's `None`. */
  support: undefined;
}

/** Per-class result of {@link precisionRecallFScoreSupport} (`average: 'none'`). */
export interface PrecisionRecallFScoreSupport {
  /** The classes, in the order of the arrays. */
  labels: Label[];
  precision: Float64Array;
  recall: Float64Array;
  fScore: Float64Array;
  /** Number (total weight) of true examples of each class. */
  support: Float64Array;
}

/**
 * Precision, recall, F-beta score and support, per class (by default, as
 * scikit-learn) or averaged.
 *
 * Per class c, from the one-vs-rest counts: precision = tp / (tp + fp),
 * recall = tp / (tp + fn), F_β = (1+β²)·tp / ((1+β²)·tp + β²·fn + fp) — the
 * weighted harmonic mean of precision and recall, computed from the counts so
 * that it is undefined only when tp + fp + fn = 0 (scikit-learn ≥ 1.3) —
 * and support = tp + fn.
 *
 * Undefined values (see `zeroDivision`) are `NaN` by default, where
 * scikit-learn returns 0 with a warning. A `'macro'` average over a class
 * whose value is undefined is `NaN` unless `zeroDivision` is a number, where
 * scikit-learn with `zero_division=np.nan` skips that class. In `'weighted'`
 * a class of zero support weighs nothing, so its undefined recall does not
 * matter; if every class has zero support the average is undefined, where
 * scikit-learn falls back to the unweighted mean. Averaged results have
 * `support: undefined` (scikit-learn's `None`).
 *
 * @param yTrue - True labels: numbers, strings or booleans (array, typed array or tensor).
 * @param yPred - Predicted labels, of the same kind and length.
 * @param options - See {@link PrecisionRecallFScoreSupportOptions}.
 * @returns `{ labels, precision, recall, fScore, support }`: `Float64Array`s
 *   per class for `'none'` (the default), numbers (support `undefined`) for
 *   an average.
 * @throws {MetricInputError} for empty input, a length mismatch, a NaN or
 *   infinite label, numbers mixed with strings, an unknown `average`, more
 *   than two classes or non-{0,1}/{-1,1} labels without `posLabel` under
 *   `'binary'`, a `posLabel` that is not a label, empty or duplicate
 *   `labels`, a bad weight or `beta` ≤ 0.
 * @throws {UndefinedMetricError} with `zeroDivision: 'error'` when a value is undefined.
 *
 * @example
 * const yTrue = ['cat', 'dog', 'pig', 'cat', 'dog', 'pig'];
 * const yPred = ['cat', 'pig', 'dog', 'cat', 'cat', 'dog'];
 * const r = precisionRecallFScoreSupport(yTrue, yPred, { average: 'macro' });
 * [r.precision, r.recall, r.fScore];
 * // => [0.2222222222222222, 0.3333333333333333, 0.26666666666666666]
 *
 * @see scikit-learn `sklearn.metrics.precision_recall_fscore_support`;
 *   C. J. van Rijsbergen (1979), "Information Retrieval", ch. 7 (the F measure).
 */
export function precisionRecallFScoreSupport(
  yTrue: LabelInput,
  yPred: LabelInput,
  options?: PrecisionRecallFScoreSupportOptions & { average?: 'none' },
): PrecisionRecallFScoreSupport;
export function precisionRecallFScoreSupport(
  yTrue: LabelInput,
  yPred: LabelInput,
  options: PrecisionRecallFScoreSupportOptions & { average: 'binary' | 'micro' | 'macro' | 'weighted' },
): PrecisionRecallFScore;
export function precisionRecallFScoreSupport(
  yTrue: LabelInput,
  yPred: LabelInput,
  options?: PrecisionRecallFScoreSupportOptions,
): PrecisionRecallFScore | PrecisionRecallFScoreSupport;
export function precisionRecallFScoreSupport(
  yTrue: LabelInput,
  yPred: LabelInput,
  options: PrecisionRecallFScoreSupportOptions = {},
): PrecisionRecallFScore | PrecisionRecallFScoreSupport {
  const fn = 'precisionRecallFScoreSupport';
  const beta = readBeta(options.beta, 1, fn);
  const s = classScores(fn, yTrue, yPred, options, beta, { precision: true, recall: true, fScore: true }, 'none');
  return s as PrecisionRecallFScore | PrecisionRecallFScoreSupport;
}
