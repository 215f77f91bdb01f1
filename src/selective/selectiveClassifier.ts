import { fail, show } from '../core/fail';
import { readScoreMatrix } from '../core/readScoreMatrix';
import { isTensorLike } from '../core/tensorLike';
import type { ScoreMatrixInput } from '../core/types';
import { readChoice, readNumberOption } from '../core/assert';
import { CONFIDENCE_METHODS, confidenceScores } from './confidenceScores';
import type { ConfidenceMethod } from './confidence';

/** One answer of a selective classifier. */
export type SelectivePrediction<L = number> =
  | { label: L; confidence: number }
  | { abstain: true; confidence: number };

/** What a selective classifier wraps: a batch prediction function or a tfjs-layers-like model. */
export type Predictor<X> =
  | ((inputs: X) => ScoreMatrixInput | Promise<ScoreMatrixInput>)
  | {
      /** Predicts a batch: an n×k matrix of probabilities (or logits), as a tensor or nested arrays. */
      predict(inputs: X): unknown;
    };

/** Options of {@link selectiveClassifier}. */
export interface SelectiveClassifierOptions<L = number> {
  /** How the confidence is scored (see `confidence()`). Defaults to `'maxProbability'`. */
  method?: ConfidenceMethod;
  /** The predictor returns logits rather than probabilities. Defaults to `false`. */
  fromLogits?: boolean;
  /** Names of the classes, by column; the answer's `label` is `labels[argmax]`. Defaults to the column index. */
  labels?: readonly L[];
  /** Tolerance on probability row sums (see `confidence()`). Defaults to `1e-4`. */
  tolerance?: number;
}

/**
 * Wraps a model so that it answers only when it is confident enough and
 * abstains otherwise: for each example, `{ label, confidence }` when the
 * confidence is >= `threshold`, else `{ abstain: true, confidence }`.
 *
 * The label is the arg-max class (the first on ties). The confidence is
 * scored by `method` exactly as `confidence()` scores it, so a threshold
 * chosen with {@link coverageAtRisk} or {@link selectWithGuaranteedRisk} on
 * the same scores applies unchanged (accept confidence >= threshold, as every
 * risk–coverage function here). `predict` may be a function returning an n×k
 * probability (or logit) matrix — nested arrays or a Tensor2D, or a promise
 * of one — or an object with a `predict` method, such as a tfjs-layers
 * `LayersModel`.
 *
 * Tensors: a tensor returned by `predict` is read and then disposed (the
 * wrapper created it by calling `predict`); the inputs are never disposed.
 *
 * Reference: C. K. Chow (1970), "On Optimum Recognition Error and Reject
 * Tradeoff", IEEE Trans. Information Theory 16; Y. Geifman and R. El-Yaniv
 * (2017), "Selective Classification for Deep Neural Networks", NeurIPS.
 *
 * @param predict - A batch predictor (function or model with `predict`).
 * @param threshold - Accept when confidence >= threshold; `Infinity` always abstains, `NaN` (an infeasible
 *   {@link selectWithGuaranteedRisk} result) is an error.
 * @param options - See {@link SelectiveClassifierOptions}.
 * @returns An async function mapping a batch of inputs to one {@link SelectivePrediction} per example.
 * @throws {MetricInputError} at wrap time for a NaN or non-numeric threshold or a bad predictor; at call time
 *   for a prediction that is not an n×k matrix or whose rows are not probabilities.
 * @example
 * const classify = selectiveClassifier(() => [[0.9, 0.1], [0.55, 0.45]], 0.8);
 * await classify(null);
 * // => [{ label: 0, confidence: 0.9 }, { abstain: true, confidence: 0.55 }]
 */
export function selectiveClassifier<X, L = number>(
  predict: Predictor<X>,
  threshold: number,
  options: SelectiveClassifierOptions<L> = {},
): (inputs: X) => Promise<SelectivePrediction<L>[]> {
  const fn = 'selectiveClassifier';
  // ±Infinity are meaningful (abstain always / never); NaN, e.g. from an
  // infeasible selectWithGuaranteedRisk, is not a threshold.
  if (typeof threshold !== 'number' || Number.isNaN(threshold)) {
    fail(fn, `threshold is ${show(threshold)}, expected a number (an infeasible selection has no threshold)`);
  }
  const t = threshold;
  const method = readChoice(options.method, CONFIDENCE_METHODS, 'maxProbability', fn, 'method');
  const tolerance = readNumberOption(options.tolerance, 1e-4, fn, 'tolerance', { min: 0 });
  let call: (inputs: X) => unknown;
  if (typeof predict === 'function') call = predict;
  else if (predict != null && typeof (predict as { predict?: unknown }).predict === 'function') {
    const model = predict as { predict(inputs: X): unknown };
    call = (inputs) => model.predict(inputs);
  } else return fail(fn, `predict must be a function or an object with a predict method, got ${show(predict)}`);
  const labels = options.labels;
  return async (inputs: X) => {
    const raw = await call(inputs);
    let matrix: { values: Float64Array; rows: number; cols: number };
    let scores: Float64Array;
    try {
      if (Array.isArray(raw) && raw.length > 0 && isTensorLike(raw[0])) {
        fail(fn, 'predict returned several tensors: wrap a model with a single output');
      }
      matrix = readScoreMatrix(raw as ScoreMatrixInput, fn, 'predictions');
      scores = confidenceScores(matrix, method, options.fromLogits ?? false, tolerance, fn, 'predictions');
    } finally {
      if (isTensorLike(raw) && typeof (raw as { dispose?: unknown }).dispose === 'function') {
        (raw as unknown as { dispose(): void }).dispose();
      }
    }
    if (labels !== undefined && labels.length !== matrix.cols) {
      fail(fn, `labels has ${labels.length} entries but the predictions have ${matrix.cols} columns`);
    }
    const out: SelectivePrediction<L>[] = new Array(matrix.rows);
    for (let i = 0; i < matrix.rows; i++) {
      const c = scores[i];
      if (!(c >= t)) {
        out[i] = { abstain: true, confidence: c };
        continue;
      }
      let best = 0;
      for (let j = 1; j < matrix.cols; j++) {
        if (matrix.values[i * matrix.cols + j] > matrix.values[i * matrix.cols + best]) best = j;
      }
      out[i] = { label: (labels ? labels[best] : best) as L, confidence: c };
    }
    return out;
  };
}

