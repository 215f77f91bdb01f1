import { assertNonEmpty, assertSameLength, readNumberOption } from '../core/assert';
import { show } from '../core/fail';
import { readLabels } from '../core/readLabels';
import { readNumbers } from '../core/readNumbers';
import { readScoreMatrix } from '../core/readScoreMatrix';
import { isTensorLike } from '../core/tensorLike';
import type { Label, LabelInput, ScoreMatrixInput } from '../core/types';
import { asDiagnosticsError, failDiagnostics } from './errors';

/** Options of {@link worstMistakes}. */
export interface WorstMistakesOptions {
  /** True classes: column indices `0 … C−1` of `probabilities` (0/1 for binary), or members of `labels`. */
  yTrue: LabelInput;
  /**
   * Predicted probabilities in [0, 1]: an (n, C) matrix (nested arrays or a
   * 2-D tensor, e.g. softmax outputs), or for binary classification the
   * probability of the positive class as an (n,) array, typed array or
   * tensor, or an (n, 1) matrix (sigmoid outputs). Rows are used as given,
   * not renormalised.
   */
  probabilities: ScoreMatrixInput;
  /** How many examples to return. Defaults to `10`; fewer when there are fewer examples (or mistakes). */
  k?: number;
  /**
   * The class of each column of `probabilities` (for binary input: the
   * negative and the positive class). Defaults to the column indices
   * `0 … C−1` (`[0, 1]` for binary).
   */
  labels?: LabelInput;
  /**
   * Reads a flat `probabilities` array as a row-major (n, numClasses) matrix
   * (as a baseline's `predictProba` returns for more than two classes).
   * Defaults to reading a flat array as binary probabilities of the positive class.
   */
  numClasses?: number;
  /** Return only misclassified examples. Defaults to `false` (fastai's `top_losses`: the highest losses, right or wrong). */
  misclassifiedOnly?: boolean;
  /** Binary input only: the probability at or above which the positive class is predicted. Defaults to `0.5`. */
  threshold?: number;
}

/** One of the {@link worstMistakes}. */
export interface Mistake {
  /** Position of the example in the input. */
  readonly index: number;
  readonly trueLabel: Label;
  /** The most probable class (the first on ties; binary: positive when p ≥ threshold). */
  readonly predictedLabel: Label;
  /** The probability of the predicted class. */
  readonly confidence: number;
  /** The probability given to the true class. */
  readonly trueProbability: number;
  /** Cross-entropy of the true class: −ln(max(trueProbability, 1e-15)). */
  readonly loss: number;
}

/** Probabilities are clipped here before the log so that a confident mistake costs ln(1e15) ≈ 34.5, not Infinity (as scikit-learn's `log_loss`). */
const EPS = 1e-15;

/**
 * The k examples with the highest loss — the cross-entropy of the true
 * class, −ln p(true class) — worst first: where the model is confidently
 * wrong. Looking at them is the methodology's first step after a metric
 * disappoints: mislabelled data, a preprocessing bug, a class the model
 * cannot tell apart (Goodfellow et al., Deep Learning §11.5; fastai's
 * `ClassificationInterpretation.top_losses`).
 *
 * Selection is a bounded heap over the per-example losses, O(n log k);
 * equal losses keep the lower index first.
 *
 * @param options - `yTrue`, `probabilities`, `k`, `labels`, `numClasses`, `misclassifiedOnly`, `threshold`; see {@link WorstMistakesOptions}.
 * @returns Up to `k` {@link Mistake} records, highest loss first.
 * @throws {DiagnosticsInputError} for empty input, a length mismatch, a
 *   probability outside [0, 1] or not finite (`worstMistakes: probabilities[3][1] is 1.5, expected a probability in [0, 1]`),
 *   a true label that is not a column (`worstMistakes: yTrue[2] is 7, not one of the 3 classes`),
 *   `labels` of the wrong length, or a bad `k`/`threshold`.
 *
 * @example
 * worstMistakes({ yTrue: [0, 1, 2], probabilities: [[0.8, 0.1, 0.1], [0.7, 0.2, 0.1], [0.3, 0.3, 0.4]], k: 2 })
 *   .map((m) => [m.index, m.predictedLabel, m.loss.toFixed(3)]);
 * // => [[1, 0, '1.609'], [2, 2, '0.916']]
 */
export function worstMistakes(options: WorstMistakesOptions): Mistake[] {
  const fn = 'worstMistakes';
  if (typeof options !== 'object' || options === null) failDiagnostics(fn, 'expected an options object { yTrue, probabilities, k }');
  const k = asDiagnosticsError(() => readNumberOption(options.k, 10, fn, 'k', { min: 1, integer: true }));
  const threshold = asDiagnosticsError(() => readNumberOption(options.threshold, 0.5, fn, 'threshold', { min: 0, max: 1 }));
  const y = asDiagnosticsError(() => readLabels(options.yTrue, fn, 'yTrue'));
  const n = y.length;
  asDiagnosticsError(() => assertNonEmpty(fn, 'yTrue', n));
  const numClasses = options.numClasses === undefined ? undefined : asDiagnosticsError(() => readNumberOption(options.numClasses, 2, fn, 'numClasses', { min: 2, integer: true }));
  const { p, cols, binary } = readProbabilities(options.probabilities, fn, numClasses);
  const rows = p.length / cols;
  asDiagnosticsError(() => assertSameLength(fn, 'yTrue', n, 'probabilities', rows));
  const classes = binary ? 2 : cols;

  let labels: Label[];
  if (options.labels === undefined || options.labels === null) labels = Array.from({ length: classes }, (_, j) => j);
  else {
    const given = asDiagnosticsError(() => readLabels(options.labels!, fn, 'labels'));
    if (given.length !== classes) {
      failDiagnostics(fn, `labels has ${given.length} entries but probabilities has ${classes} classes${binary ? ' (binary: [negative, positive])' : ''}`);
    }
    labels = Array.from(given as ArrayLike<Label>, (v) => (v === 0 ? 0 : v));
  }
  const column = new Map<Label, number>();
  labels.forEach((v, j) => {
    if (column.has(v)) failDiagnostics(fn, `labels[${j}] is ${show(v)}, a duplicate of labels[${column.get(v)}]`);
    column.set(v, j);
  });

  // Per example: true column, predicted column, their probabilities, the loss.
  const trueCol = new Int32Array(n);
  const predCol = new Int32Array(n);
  const pTrue = new Float64Array(n);
  const pPred = new Float64Array(n);
  const loss = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = column.get(y[i] === 0 ? 0 : y[i]);
    if (c === undefined) failDiagnostics(fn, `yTrue[${i}] is ${show(y[i])}, not one of the ${classes} classes (${labels.map(show).join(', ')})`);
    trueCol[i] = c;
    if (binary) {
      const q = p[i];
      predCol[i] = q >= threshold ? 1 : 0;
      pTrue[i] = c === 1 ? q : 1 - q;
      pPred[i] = predCol[i] === 1 ? q : 1 - q;
    } else {
      let best = 0;
      const o = i * cols;
      for (let j = 1; j < cols; j++) if (p[o + j] > p[o + best]) best = j;
      predCol[i] = best;
      pTrue[i] = p[o + c];
      pPred[i] = p[o + best];
    }
    loss[i] = -Math.log(Math.max(pTrue[i], EPS));
  }

  const chosen = topK(loss, k, options.misclassifiedOnly === true ? (i) => predCol[i] !== trueCol[i] : undefined);
  return Array.from(chosen, (i) => ({
    index: i,
    trueLabel: labels[trueCol[i]],
    predictedLabel: labels[predCol[i]],
    confidence: pPred[i],
    trueProbability: pTrue[i],
    loss: loss[i],
  }));
}

function readProbabilities(x: ScoreMatrixInput, fn: string, numClasses: number | undefined): { p: Float64Array; cols: number; binary: boolean } {
  let p: Float64Array;
  let cols: number;
  const flat =
    numClasses === undefined &&
    ((isTensorLike(x) && x.shape.length === 1) ||
    (!isTensorLike(x) && x != null && (ArrayBuffer.isView(x) || (typeof (x as ArrayLike<unknown>).length === 'number' && typeof (x as ArrayLike<unknown>)[0] !== 'object'))));
  if (flat) {
    p = asDiagnosticsError(() => readNumbers(x as ArrayLike<number>, fn, 'probabilities'));
    cols = 1;
  } else {
    const m = asDiagnosticsError(() => readScoreMatrix(x, fn, 'probabilities', numClasses));
    p = m.values;
    cols = m.cols;
  }
  for (let i = 0; i < p.length; i++) {
    const v = p[i];
    if (!(v >= 0 && v <= 1)) {
      const at = cols === 1 && flat ? `${i}` : `${Math.floor(i / cols)}][${i % cols}`;
      failDiagnostics(fn, `probabilities[${at}] is ${show(v)}, expected a probability in [0, 1]`);
    }
  }
  return { p, cols, binary: cols === 1 };
}

/**
 * Indices of the k largest `key` values (largest first, lower index first on
 * ties) among those passing `keep`: a bounded binary min-heap whose root is
 * the least bad example kept so far.
 */
function topK(key: Float64Array, k: number, keep: ((i: number) => boolean) | undefined): Int32Array {
  const heap = new Int32Array(Math.min(k, key.length));
  let size = 0;
  // a ranks below b (is less bad): smaller key, or equal key and higher index.
  const below = (a: number, b: number): boolean => key[a] < key[b] || (key[a] === key[b] && a > b);
  const siftDown = (at: number): void => {
    for (;;) {
      const l = 2 * at + 1;
      if (l >= size) return;
      const r = l + 1;
      const m = r < size && below(heap[r], heap[l]) ? r : l;
      if (!below(heap[m], heap[at])) return;
      const t = heap[m];
      heap[m] = heap[at];
      heap[at] = t;
      at = m;
    }
  };
  for (let i = 0; i < key.length; i++) {
    if (keep && !keep(i)) continue;
    if (size < heap.length) {
      let at = size++;
      heap[at] = i;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!below(heap[at], heap[parent])) break;
        const t = heap[at];
        heap[at] = heap[parent];
        heap[parent] = t;
        at = parent;
      }
    } else if (size > 0 && below(heap[0], i)) {
      heap[0] = i;
      siftDown(0);
    }
  }
  const out = heap.slice(0, size);
  out.sort((a, b) => (below(a, b) ? 1 : below(b, a) ? -1 : 0));
  return out;
}
