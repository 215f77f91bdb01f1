import { readChoice, readNumberOption } from '../core/assert';
import { readScoreMatrix } from '../core/readScoreMatrix';
import type { ScoreMatrixInput } from '../core/types';
import { CONFIDENCE_METHODS, confidenceScores } from './confidenceScores';

/** How {@link confidence} scores a row of class probabilities. */
export type ConfidenceMethod = 'maxProbability' | 'margin' | 'entropy';

/** Options of {@link confidence}. */
export interface ConfidenceOptions {
  /**
   * `'maxProbability'` (softmax response, max_j p_j), `'margin'` (largest
   * minus second largest probability) or `'entropy'` (the negative entropy
   * Σ_j p_j ln p_j, so that higher still means more confident; it lies in
   * [−ln k, 0]). Defaults to `'maxProbability'`.
   */
  method?: ConfidenceMethod;
  /** The rows are logits: apply a numerically stable softmax first. Defaults to `false`. */
  fromLogits?: boolean;
  /** Number of columns of a flat row-major input. Defaults to none (required for flat input). */
  numClasses?: number;
  /**
   * How far a probability row's sum may be from 1 (and an entry outside
   * [0, 1]) before it is an error; loose enough for float32 softmax outputs.
   * Ignored with `fromLogits`. Defaults to `1e-4`.
   */
  tolerance?: number;
}


/**
 * One confidence score per example from a model's n×k class probabilities
 * (or logits), higher = more confident: the input of every risk–coverage
 * function.
 *
 * - `maxProbability`: κ = max_j p_j, the softmax response of Geifman &
 *   El-Yaniv (2017).
 * - `margin`: κ = p_(1) − p_(2), the gap between the two largest probabilities
 *   (p_(1) for a single class).
 * - `entropy`: κ = −H(p) = Σ_j p_j ln p_j (0 ln 0 = 0), the negative Shannon
 *   entropy in nats: 0 for a one-hot row, −ln k for the uniform row.
 *
 * With `fromLogits`, probabilities come from a log-softmax computed stably:
 * ln p_j = z_j − (m + ln Σ_i e^(z_i − m)) with m = max_i z_i, so logits of any
 * size neither overflow nor underflow to NaN.
 *
 * Reference: Y. Geifman and R. El-Yaniv (2017), "Selective Classification for
 * Deep Neural Networks", NeurIPS (softmax response); D. Hendrycks and K.
 * Gimpel (2017), "A Baseline for Detecting Misclassified and
 * Out-of-Distribution Examples", ICLR.
 *
 * @param probabilities - n×k probabilities or logits: nested arrays, a 2-D
 *   tensor, or a flat row-major array with `numClasses`.
 * @param options - See {@link ConfidenceOptions}.
 * @returns A `Float64Array` of n confidences.
 * @throws {MetricInputError} for a ragged or non-finite matrix, a probability
 *   outside [0, 1] or a row whose sum is not 1 within `tolerance`
 *   (`confidence: probabilities[2] sums to 0.9, not 1 ...`), or an unknown method.
 * @example
 * confidence([[0.7, 0.2, 0.1], [0.4, 0.4, 0.2]], { method: 'margin' });
 * // => Float64Array [0.49999999999999994, 0]
 */
export function confidence(probabilities: ScoreMatrixInput, options: ConfidenceOptions = {}): Float64Array {
  const fn = 'confidence';
  const method = readChoice(options.method, CONFIDENCE_METHODS, 'maxProbability', fn, 'method');
  const tolerance = readNumberOption(options.tolerance, 1e-4, fn, 'tolerance', { min: 0 });
  const matrix = readScoreMatrix(probabilities, fn, 'probabilities', options.numClasses);
  return confidenceScores(matrix, method, options.fromLogits ?? false, tolerance, fn, 'probabilities');
}
