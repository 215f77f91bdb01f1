import { readChoice } from '../core/assert';
import { fail, show } from '../core/fail';
import type { Label, LabelInput, NumericInput, ZeroDivision } from '../core/types';
import { readZeroDivision, undefinedValue } from '../core/zeroDivision';
import { confusionCounts } from './internal/classesCounts';
import { encodeClasses } from './internal/classesEncode';

/** Options of {@link confusionMatrix}. */
export interface ConfusionMatrixOptions {
  /**
   * The classes, in the order of the rows and columns. Classes absent from
   * the data get rows and columns of zeros; examples whose true or predicted
   * label is not listed are left out. Defaults to the labels present in
   * `yTrue` or `yPred`, sorted (numbers numerically, strings by code point).
   */
  labels?: LabelInput;
  /** Per-example weights (finite, non-negative). Defaults to 1 for every example. */
  sampleWeight?: NumericInput;
  /**
   * Divide each count by its row sum (`'true'`: rows hold the recall of each
   * class), its column sum (`'pred'`: columns hold the precision), or the
   * total (`'all'`). Defaults to no normalisation (counts, or weight sums).
   */
  normalize?: 'true' | 'pred' | 'all';
  /**
   * What a normalised entry whose row, column or total is zero becomes.
   * Defaults to `NaN` (scikit-learn writes 0 there); a number replaces it,
   * `'error'` throws an `UndefinedMetricError`.
   */
  zeroDivision?: ZeroDivision;
}

/** The result of {@link confusionMatrix}. */
export interface ConfusionMatrix {
  /** The classes, in row and column order. Booleans read as 1 and 0. */
  labels: Label[];
  /** `matrix[i][j]`: (weighted) count of examples of class `labels[i]` predicted as `labels[j]`. */
  matrix: Float64Array[];
}

const NORMALIZE = ['true', 'pred', 'all'] as const;

/**
 * The confusion matrix: `C[i][j]` is the number (or total weight) of
 * examples whose true class is `labels[i]` and whose predicted class is
 * `labels[j]`. Rows are true classes, columns predicted classes, as in
 * scikit-learn's `confusion_matrix`; for binary labels `[0, 1]` that is
 * `[[tn, fp], [fn, tp]]`.
 *
 * Normalised (`normalize`), an entry whose row (`'true'`), column (`'pred'`)
 * or total (`'all'`) is zero is undefined: `NaN` by default, where
 * scikit-learn writes 0 (see `zeroDivision`).
 *
 * @param yTrue - True labels: numbers, strings or booleans (array, typed array or tensor).
 * @param yPred - Predicted labels, of the same kind and length.
 * @param options - See {@link ConfusionMatrixOptions}.
 * @returns `{ labels, matrix }`, `matrix` an array of `Float64Array` rows.
 * @throws {MetricInputError} for empty input, a length mismatch, a NaN or
 *   infinite label, numbers mixed with strings, empty or duplicate `labels`,
 *   `labels` none of which occurs in `yTrue` (as scikit-learn), a bad weight
 *   or an unknown `normalize`.
 * @throws {UndefinedMetricError} with `zeroDivision: 'error'` when a
 *   normalised entry is undefined.
 *
 * @example
 * confusionMatrix([2, 0, 2, 2, 0, 1], [0, 0, 2, 2, 0, 2]).matrix.map((r) => Array.from(r));
 * // => [[2, 0, 0], [0, 0, 1], [1, 0, 2]]
 *
 * @see scikit-learn `sklearn.metrics.confusion_matrix`.
 */
export function confusionMatrix(
  yTrue: LabelInput,
  yPred: LabelInput,
  options: ConfusionMatrixOptions = {},
): ConfusionMatrix {
  const fn = 'confusionMatrix';
  const normalize =
    options.normalize === undefined ? undefined : readChoice(options.normalize, NORMALIZE, 'true', fn, 'normalize');
  const zeroDivision = readZeroDivision(options.zeroDivision, fn);
  const e = encodeClasses(yTrue, yPred, fn, options);
  const k = e.labels.length;
  if (options.labels !== undefined && options.labels !== null) {
    let any = false;
    for (let i = 0; i < e.n && !any; i++) any = e.trueCodes[i] >= 0;
    if (!any) fail(fn, 'none of labels occurs in yTrue: at least one must (as in scikit-learn)');
  }
  const m = confusionCounts(e);
  if (normalize !== undefined) normalizeCounts(m, e.labels, normalize, zeroDivision, fn);
  const matrix: Float64Array[] = [];
  for (let i = 0; i < k; i++) matrix.push(m.slice(i * k, (i + 1) * k));
  return { labels: e.labels, matrix };
}

function normalizeCounts(
  m: Float64Array,
  labels: Label[],
  normalize: 'true' | 'pred' | 'all',
  zeroDivision: ZeroDivision | undefined,
  fn: string,
): void {
  const k = labels.length;
  if (normalize === 'all') {
    let total = 0;
    for (let i = 0; i < m.length; i++) total += m[i];
    if (total === 0) {
      m.fill(undefinedValue(zeroDivision, fn, 'normalize "all" is undefined: the total count is 0'));
    } else {
      for (let i = 0; i < m.length; i++) m[i] /= total;
    }
    return;
  }
  const byRow = normalize === 'true';
  for (let a = 0; a < k; a++) {
    let sum = 0;
    for (let b = 0; b < k; b++) sum += m[byRow ? a * k + b : b * k + a];
    for (let b = 0; b < k; b++) {
      const at = byRow ? a * k + b : b * k + a;
      m[at] =
        sum === 0
          ? undefinedValue(
              zeroDivision,
              fn,
              `normalize "${normalize}" is undefined in the ${byRow ? 'row' : 'column'} of label ${show(labels[a])}: its sum is 0`,
            )
          : m[at] / sum;
    }
  }
}
