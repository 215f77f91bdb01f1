import { fail, show } from '../core/fail';
import { readSampleWeight } from '../core/readSampleWeight';
import type { LabelInput, NumericInput, ZeroDivision } from '../core/types';
import { readZeroDivision, undefinedValue } from '../core/zeroDivision';
import { readLabelPair } from './internal/classesEncode';

/** Options of {@link accuracy} and {@link errorRate}. */
export interface AccuracyOptions {
  /** Per-example weights (finite, non-negative). Defaults to 1 for every example. */
  sampleWeight?: NumericInput;
  /**
   * `true` for the fraction of examples (weighted by `sampleWeight`);
   * `false` for their count (or total weight). Defaults to `true`.
   */
  normalize?: boolean;
  /**
   * What a normalised result becomes when the total weight is 0 (every
   * weight zero): defaults to `NaN`; a number replaces it, `'error'` throws an
   * `UndefinedMetricError`.
   */
  zeroDivision?: ZeroDivision;
}

/**
 * Accuracy, the fraction of examples whose predicted label equals the true
 * label: `Σ wᵢ·[yTrueᵢ = yPredᵢ] / Σ wᵢ` (all `wᵢ = 1` without weights).
 *
 * On rare events accuracy says little: a detector that always answers
 * "negative" scores 0.999999 on a one-in-a-million condition. Prefer
 * precision, recall and their F-score there.
 *
 * @param yTrue - True labels: numbers, strings or booleans (array, typed array or tensor).
 * @param yPred - Predicted labels, of the same kind and length.
 * @param options - See {@link AccuracyOptions}.
 * @returns The fraction in [0, 1], or with `normalize: false` the count
 *   (total weight) of correct predictions. `NaN` when every weight is zero.
 * @throws {MetricInputError} for empty input, a length mismatch, a NaN or
 *   infinite label, numbers mixed with strings, or a bad weight.
 *
 * @example
 * accuracy([0, 1, 2, 3], [0, 2, 1, 3]);
 * // => 0.5
 *
 * @see scikit-learn `sklearn.metrics.accuracy_score`.
 */
export function accuracy(yTrue: LabelInput, yPred: LabelInput, options: AccuracyOptions = {}): number {
  return agreement('accuracy', yTrue, yPred, options, true);
}

/**
 * The error rate (misclassification rate), `1 − accuracy`:
 * `Σ wᵢ·[yTrueᵢ ≠ yPredᵢ] / Σ wᵢ`. Computed from the errors directly, not
 * as `1 − accuracy`, so that a small error rate keeps its relative precision.
 *
 * @param yTrue - True labels: numbers, strings or booleans (array, typed array or tensor).
 * @param yPred - Predicted labels, of the same kind and length.
 * @param options - See {@link AccuracyOptions}.
 * @returns The fraction in [0, 1], or with `normalize: false` the count
 *   (total weight) of wrong predictions. `NaN` when every weight is zero.
 * @throws {MetricInputError} as {@link accuracy}.
 *
 * @example
 * errorRate([0, 1, 2, 3], [0, 2, 1, 3]);
 * // => 0.5
 *
 * @see scikit-learn `sklearn.metrics.zero_one_loss`.
 */
export function errorRate(yTrue: LabelInput, yPred: LabelInput, options: AccuracyOptions = {}): number {
  return agreement('errorRate', yTrue, yPred, options, false);
}

function agreement(fn: string, yTrue: LabelInput, yPred: LabelInput, options: AccuracyOptions, equal: boolean): number {
  const { t, p } = readLabelPair(yTrue, yPred, fn);
  const n = t.length;
  const normalize = readNormalize(options.normalize, fn);
  const zeroDivision = readZeroDivision(options.zeroDivision, fn);
  const w = readSampleWeight(options.sampleWeight, n, fn);
  if (w === undefined) {
    let hits = 0;
    for (let i = 0; i < n; i++) if ((t[i] === p[i]) === equal) hits++;
    return normalize ? hits / n : hits;
  }
  // Neumaier-compensated sums: weights of very different size lose nothing.
  let hits = 0;
  let hitsC = 0;
  let total = 0;
  let totalC = 0;
  for (let i = 0; i < n; i++) {
    const x = w[i];
    let s = total + x;
    totalC += Math.abs(total) >= x ? total - s + x : x - s + total;
    total = s;
    if ((t[i] === p[i]) === equal) {
      s = hits + x;
      hitsC += Math.abs(hits) >= x ? hits - s + x : x - s + hits;
      hits = s;
    }
  }
  hits += hitsC;
  total += totalC;
  if (!normalize) return hits;
  if (total === 0) return undefinedValue(zeroDivision, fn, `${fn} is undefined: every sampleWeight is 0`);
  return hits / total;
}

function readNormalize(value: boolean | undefined, fn: string): boolean {
  if (value === undefined) return true;
  if (typeof value !== 'boolean') fail(fn, `normalize is ${show(value)}, expected true or false`);
  return value;
}
