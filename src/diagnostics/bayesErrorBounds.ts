import { readNumberOption } from '../core/assert';
import { show } from '../core/fail';
import { uniqueLabels, readLabels } from '../core/readLabels';
import { readNumbers } from '../core/readNumbers';
import { readScoreMatrix } from '../core/readScoreMatrix';
import { isTensorLike } from '../core/tensorLike';
import type { Label, LabelInput, ScoreMatrixInput } from '../core/types';
import { asDiagnosticsError, failDiagnostics } from './errors';
import { knnLeaveOneOutErrors } from './internal/knnLeaveOneOut';

/** Options of {@link bayesErrorBounds}. */
export interface BayesErrorBoundsOptions {
  /**
   * The number of nearest neighbours whose majority vote classifies each
   * left-out example (the error R the bounds are computed from). Defaults to
   * `1`, the Cover–Hart nearest-neighbour rule the bounds are stated for;
   * with k > 1 the upper bound is tighter and the lower bound looser (see
   * {@link bayesErrorBounds}).
   */
  k?: number;
  /**
   * Reads a flat `x` (such as a `Dataset`'s `x`) as a row-major n × numFeatures
   * matrix. Defaults to reading a flat `x` as one feature.
   */
  numFeatures?: number;
  /** Examples per tfjs distance computation (memory: chunkSize × n float32 distances). Defaults to `256`. */
  chunkSize?: number;
}

/** The result of {@link bayesErrorBounds}. */
export interface BayesErrorBounds {
  /** Cover–Hart lower bound on the Bayes error: (L−1)/L · (1 − sqrt(1 − L/(L−1) · R)). */
  readonly lower: number;
  /** Upper bound on the Bayes error: min(R, (L−1)/L). */
  readonly upper: number;
  /** R: the leave-one-out error of the k-nearest-neighbour rule on the data. */
  readonly nearestNeighbourError: number;
  /** The binomial standard error of R, sqrt(R(1 − R)/n): the bounds are only as precise as R. */
  readonly standardError: number;
  /** The k used. */
  readonly k: number;
  /** L: the number of classes present in `y`. */
  readonly numClasses: number;
  /** The classes, sorted (numbers numerically, strings by code point). */
  readonly labels: Label[];
  /** n: the number of examples. */
  readonly examples: number;
}

/**
 * A nearest-neighbour estimate of the range of the Bayes error R* — the
 * lowest error any classifier can reach on this distribution — so that a
 * model's error can be read as "near the best possible" or "far from it"
 * (pass it to `diagnoseFit` as `bayesError`).
 *
 * Cover & Hart (1967): as n → ∞, the error R of the 1-nearest-neighbour rule
 * satisfies R* ≤ R ≤ R*(2 − L/(L−1)·R*) for L classes. Solving for R*,
 *
 *   (L−1)/L · (1 − sqrt(1 − L/(L−1)·R)) ≤ R* ≤ R,
 *
 * which for two classes is (1 − sqrt(1 − 2R))/2 ≤ R* ≤ R. R is measured as
 * the leave-one-out error of the k-nearest-neighbour vote on the given data
 * (each example classified by its k nearest other examples, Euclidean
 * distance on the features as given — scale them first if their units
 * differ). The upper bound is capped at (L−1)/L, which no Bayes error
 * exceeds. With k > 1 (two classes, odd k) the k-NN error lies between R*
 * and the 1-NN error asymptotically, so R_k is a tighter upper bound and the
 * formula applied to R_k a valid but looser lower bound. The bounds are
 * asymptotic: with few examples per dimension R is biased upward; see
 * `standardError` for its sampling noise.
 *
 * Distances are computed with tfjs on the active backend, in chunks of
 * `chunkSize` rows by a matmul (float32; ties between equal distances go to
 * the lower index, votes tied between classes to the class of the nearest
 * neighbour), and no tensor is left behind.
 *
 * Reference: T. Cover, P. Hart (1967), "Nearest neighbor pattern
 * classification", IEEE Trans. Information Theory 13(1); K. Fukunaga (1990),
 * Introduction to Statistical Pattern Recognition, ch. 7.
 *
 * @param x - Features: an n × d matrix (nested arrays or a 2-D tensor), a flat row-major array with `numFeatures`, or n values (an array or 1-D tensor) for one feature.
 * @param y - The class of each example: numbers, strings or booleans.
 * @param options - `k`, `numFeatures` and `chunkSize`; see {@link BayesErrorBoundsOptions}.
 * @returns The {@link BayesErrorBounds}: `lower`, `upper`, R and its standard error.
 * @throws {DiagnosticsInputError} for fewer than two examples, a length
 *   mismatch, a NaN or infinite feature (`bayesErrorBounds: x[3][0] is NaN`),
 *   a bad label, or `k` not in [1, n − 1].
 *
 * @example
 * // Two classes, each point's nearest other point in its own class: R = 0.
 * bayesErrorBounds([0, 0.1, 5, 5.1], [0, 0, 1, 1]);
 * // => { lower: 0, upper: 0, nearestNeighbourError: 0, standardError: 0, k: 1, numClasses: 2, labels: [0, 1], examples: 4 }
 */
export function bayesErrorBounds(x: ScoreMatrixInput, y: LabelInput, options: BayesErrorBoundsOptions = {}): BayesErrorBounds {
  const fn = 'bayesErrorBounds';
  const numFeatures =
    options.numFeatures === undefined ? undefined : asDiagnosticsError(() => readNumberOption(options.numFeatures, 1, fn, 'numFeatures', { min: 1, integer: true }));
  const oneFeature =
    numFeatures === undefined &&
    ((isTensorLike(x) && x.shape.length === 1) ||
    (!isTensorLike(x) && x != null && (ArrayBuffer.isView(x) || (typeof (x as ArrayLike<unknown>).length === 'number' && typeof (x as ArrayLike<unknown>)[0] !== 'object'))));
  let points: Float64Array;
  let n: number;
  let d: number;
  if (oneFeature) {
    points = asDiagnosticsError(() => readNumbers(x as ArrayLike<number>, fn, 'x'));
    n = points.length;
    d = 1;
  } else {
    const m = asDiagnosticsError(() => readScoreMatrix(x, fn, 'x', numFeatures));
    points = m.values;
    n = m.rows;
    d = m.cols;
  }
  const labelsRead = asDiagnosticsError(() => readLabels(y, fn, 'y'));
  if (labelsRead.length !== n) failDiagnostics(fn, `y has ${labelsRead.length} entries but x has ${n} rows`);
  if (n < 2) failDiagnostics(fn, `x has ${n} row${n === 1 ? '' : 's'}, expected at least 2`);
  if (d < 1) failDiagnostics(fn, 'x has no feature columns');
  const k = asDiagnosticsError(() => readNumberOption(options.k, 1, fn, 'k', { min: 1, integer: true }));
  if (k > n - 1) failDiagnostics(fn, `k is ${show(k)} but there are only ${n - 1} other examples per example`);
  const chunkSize = asDiagnosticsError(() => readNumberOption(options.chunkSize, 256, fn, 'chunkSize', { min: 1, integer: true }));

  const labels = uniqueLabels(labelsRead);
  const code = new Map<Label, number>(labels.map((v, i) => [v, i]));
  const classes = new Int32Array(n);
  for (let i = 0; i < n; i++) classes[i] = code.get(labelsRead[i])!;
  const L = labels.length;

  const R = knnLeaveOneOutErrors(points, n, d, classes, L, k, chunkSize) / n;
  const cap = (L - 1) / L;
  const lower = L < 2 ? 0 : cap * (1 - Math.sqrt(Math.max(0, 1 - R / cap)));
  return {
    lower,
    upper: Math.min(R, cap),
    nearestNeighbourError: R,
    standardError: Math.sqrt((R * (1 - R)) / n),
    k,
    numClasses: L,
    labels,
    examples: n,
  };
}
