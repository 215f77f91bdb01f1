import { readNumberOption } from '../core/assert';
import type { LabelInput, NumericInput, ScoreMatrixInput } from '../core/types';
import { checkRowSums, classColumns, readProbabilisticInputs, weightedAverage } from './probabilisticInputs';

/** Options of {@link logLoss}. */
export interface LogLossOptions {
  /** The classes, in any order (they are sorted, as in scikit-learn). Defaults to the distinct labels of `yTrue`. */
  labels?: LabelInput;
  /** Per-example weights, finite and >= 0. Defaults to 1 for every example. */
  sampleWeight?: NumericInput;
  /** Return the (weighted) mean; `false` returns the sum. Defaults to `true`. */
  normalize?: boolean;
  /** Number of columns of a flat row-major probability matrix. Defaults to none (a flat input is then 1-D). */
  numClasses?: number;
  /** How far a row's sum may be from 1 before it is an error. Defaults to `1e-4`. */
  tolerance?: number;
}

const FLOAT64_EPS = 2.220446049250313e-16;
const FLOAT32_EPS = 1.1920928955078125e-7;

/**
 * The log loss (cross-entropy) of predicted class probabilities, equal to
 * scikit-learn's `log_loss` (semantics of the latest release).
 *
 * L = −(1/Σw) Σ_i w_i ln p_i,y_i, with p clipped to [ε, 1 − ε] where ε is the
 * machine epsilon of the input's precision (2^−52 for numbers and
 * `Float64Array`, 2^−23 for `Float32Array` and float32 tensors), so a
 * confident mistake costs about 36 (float64) rather than Infinity. Columns
 * follow the sorted classes (numbers numerically, strings by code point). A
 * 1-D `probabilities` is the probability of the greater of two classes.
 *
 * Differences from scikit-learn: a row that does not sum to 1 within
 * `tolerance` is an error (scikit-learn ≥ 1.5 warns; 1.2–1.4 renormalised it),
 * and a `yTrue` label missing from `labels` is an error (scikit-learn
 * silently scores it 0). Earlier scikit-learn (≤ 1.2) took an `eps` argument,
 * defaulting to the same machine-epsilon clipping.
 *
 * Reference: scikit-learn `sklearn.metrics.log_loss`; C. M. Bishop (2006),
 * "Pattern Recognition and Machine Learning", §4.3.4.
 *
 * @param yTrue - The true labels (numbers, strings or booleans).
 * @param probabilities - n×k probabilities (nested arrays, 2-D tensor, flat
 *   with `numClasses`) or n probabilities of the greater of two classes.
 * @param options - See {@link LogLossOptions}.
 * @returns The mean (or summed) log loss, >= 0.
 * @throws {MetricInputError} for a probability outside [0, 1], a row not
 *   summing to 1, fewer than two classes, a class count that differs from the
 *   columns, a label outside `labels`, bad weights, empty input or a length mismatch.
 * @example
 * logLoss(['spam', 'ham', 'ham', 'spam'], [[0.1, 0.9], [0.9, 0.1], [0.8, 0.2], [0.35, 0.65]]);
 * // => 0.21616187468057912
 */
export function logLoss(yTrue: LabelInput, probabilities: ScoreMatrixInput, options: LogLossOptions = {}): number {
  const fn = 'logLoss';
  const tolerance = readNumberOption(options.tolerance, 1e-4, fn, 'tolerance', { min: 0 });
  const { y, p, weights } = readProbabilisticInputs(
    yTrue,
    probabilities,
    options.sampleWeight,
    options.numClasses,
    fn,
    'probabilities',
  );
  checkRowSums(p, tolerance, fn, 'probabilities');
  const { column } = classColumns(y, options.labels, p.cols, fn);
  const eps = p.float32 ? FLOAT32_EPS : FLOAT64_EPS;
  const n = y.length;
  const losses = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let q = p.oneD ? (column[i] === 1 ? p.values[i] : 1 - p.values[i]) : p.values[i * p.cols + column[i]];
    if (q < eps) q = eps;
    else if (q > 1 - eps) q = 1 - eps;
    losses[i] = -Math.log(q);
  }
  return weightedAverage(losses, weights, options.normalize ?? true, fn);
}
