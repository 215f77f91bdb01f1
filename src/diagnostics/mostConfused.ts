import { readNumberOption } from '../core/assert';
import type { Label, LabelInput, NumericInput } from '../core/types';
import { confusionMatrix } from '../metrics/confusionMatrix';
import { asDiagnosticsError } from './errors';

/** Options of {@link mostConfused}. */
export interface MostConfusedOptions {
  /** The smallest count (or total weight) a pair needs to be listed. Defaults to `1`. */
  min?: number;
  /**
   * The classes to consider; examples whose true or predicted label is not
   * listed are left out (as in `confusionMatrix`). Defaults to every label
   * present in `yTrue` or `yPred`.
   */
  labels?: LabelInput;
  /** Per-example weights (finite, non-negative). Defaults to 1 for every example. */
  sampleWeight?: NumericInput;
}

/** One (true, predicted) pair of {@link mostConfused}. */
export interface ConfusedPair {
  readonly trueLabel: Label;
  readonly predictedLabel: Label;
  /** Number (or total weight) of examples of `trueLabel` predicted as `predictedLabel`. */
  readonly count: number;
}

/**
 * The most frequent confusions: the off-diagonal entries of the confusion
 * matrix with a count of at least `min`, largest first; equal counts are
 * ordered by true label, then predicted label (in the sorted label order of
 * `confusionMatrix`, or the order of `labels` when given). It tells which
 * classes the model mixes up — often a sign of ambiguous or mislabelled
 * classes, or of a missing feature (fastai's
 * `ClassificationInterpretation.most_confused`).
 *
 * @param yTrue - True labels: numbers, strings or booleans (array, typed array or tensor).
 * @param yPred - Predicted labels, of the same kind and length.
 * @param options - `min`, `labels`, `sampleWeight`; see {@link MostConfusedOptions}.
 * @returns The {@link ConfusedPair}s, most frequent first (empty when there is no mistake).
 * @throws {DiagnosticsInputError} for empty input, a length mismatch, a NaN
 *   label, numbers mixed with strings, bad `labels` or weights, or a `min`
 *   that is not a finite number > 0 (`mostConfused: yPred[2] is NaN, not a valid label`).
 *
 * @example
 * mostConfused(['cat', 'dog', 'dog', 'fox', 'fox', 'fox'], ['cat', 'cat', 'dog', 'dog', 'dog', 'cat']);
 * // => [{ trueLabel: 'fox', predictedLabel: 'dog', count: 2 }, { trueLabel: 'dog', predictedLabel: 'cat', count: 1 }, { trueLabel: 'fox', predictedLabel: 'cat', count: 1 }]
 */
export function mostConfused(yTrue: LabelInput, yPred: LabelInput, options: MostConfusedOptions = {}): ConfusedPair[] {
  const fn = 'mostConfused';
  const min = asDiagnosticsError(() => readNumberOption(options.min, 1, fn, 'min', { min: 0, minExclusive: true }));
  const { labels, matrix } = asDiagnosticsError(
    () => confusionMatrix(yTrue, yPred, { labels: options.labels, sampleWeight: options.sampleWeight }),
    fn,
    'confusionMatrix',
  );
  const k = labels.length;
  const rows: number[] = [];
  const cols: number[] = [];
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      if (i !== j && matrix[i][j] >= min) {
        rows.push(i);
        cols.push(j);
      }
    }
  }
  // Entries were collected row by row, column by column: a stable sort by count keeps that order among ties.
  const order = rows.map((_, t) => t).sort((a, b) => matrix[rows[b]][cols[b]] - matrix[rows[a]][cols[a]] || a - b);
  return order.map((t) => ({ trueLabel: labels[rows[t]], predictedLabel: labels[cols[t]], count: matrix[rows[t]][cols[t]] }));
}
