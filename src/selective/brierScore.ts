import { readNumberOption } from '../core/assert';
import { fail, show } from '../core/fail';
import type { LabelArray } from '../core/readLabels';
import type { Label, LabelInput, NumericInput, ScoreMatrixInput } from '../core/types';
import { checkRowSums, classColumns, readProbabilisticInputs, weightedAverage } from './probabilisticInputs';

/** Options of {@link brierScore}. */
export interface BrierScoreOptions {
  /** Per-example weights, finite and >= 0. Defaults to 1 for every example. */
  sampleWeight?: NumericInput;
  /**
   * The positive class for 1-D probabilities. Defaults to 1 for labels in
   * {0, 1} or {−1, 1} (or booleans), else the greatest numeric label; string
   * labels need it.
   */
  posLabel?: Label | boolean;
  /** The classes of an n×k matrix, sorted as in scikit-learn. Defaults to the distinct labels of `yTrue`. */
  labels?: LabelInput;
  /**
   * Halve the summed squared difference, so that the binary Brier score is
   * mean((y − p)²). `'auto'` halves for fewer than 3 columns (scikit-learn's
   * default). Defaults to `'auto'`.
   */
  scaleByHalf?: boolean | 'auto';
  /** Number of columns of a flat row-major probability matrix. Defaults to none (a flat input is 1-D). */
  numClasses?: number;
  /** How far a matrix row's sum may be from 1 before it is an error. Defaults to `1e-4`. */
  tolerance?: number;
}

/**
 * The Brier score: the mean squared difference between predicted
 * probabilities and the outcomes, equal to scikit-learn's `brier_score_loss`
 * (latest release, including multiclass input and `scale_by_half`).
 *
 * Binary (1-D probability p_i of the positive class):
 * BS = Σ_i w_i (y_i − p_i)² / Σ_i w_i with y_i ∈ {0, 1}.
 * Multiclass (n×k): BS = Σ_i w_i Σ_j (1[y_i = c_j] − p_ij)² / Σ_i w_i, halved
 * when `scaleByHalf` (by default for k < 3, so that k = 2 equals the binary
 * value). Lower is better; 0 for perfect certain predictions. A proper scoring
 * rule: it rewards calibration and sharpness together.
 *
 * Differences from scikit-learn: a matrix row not summing to 1 within
 * `tolerance`, or a label outside `labels`, is an error.
 *
 * Reference: G. W. Brier (1950), "Verification of Forecasts Expressed in
 * Terms of Probability", Monthly Weather Review 78; scikit-learn
 * `sklearn.metrics.brier_score_loss`.
 *
 * @param yTrue - The true labels.
 * @param probability - n probabilities of the positive class, or an n×k matrix.
 * @param options - See {@link BrierScoreOptions}.
 * @returns The Brier score, in [0, 1] (binary) or [0, 2] (unhalved multiclass).
 * @throws {MetricInputError} for a probability outside [0, 1], non-binary
 *   labels with 1-D probabilities, string labels without `posLabel`, a row not
 *   summing to 1, bad weights, empty input or a length mismatch.
 * @example
 * brierScore([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3]);
 * // => 0.03749999999999999
 */
export function brierScore(yTrue: LabelInput, probability: ScoreMatrixInput, options: BrierScoreOptions = {}): number {
  const fn = 'brierScore';
  const tolerance = readNumberOption(options.tolerance, 1e-4, fn, 'tolerance', { min: 0 });
  const scale = options.scaleByHalf ?? 'auto';
  if (scale !== 'auto' && typeof scale !== 'boolean') fail(fn, `scaleByHalf is ${show(scale)}, expected true, false or "auto"`);
  const { y, p, weights } = readProbabilisticInputs(
    yTrue,
    probability,
    options.sampleWeight,
    options.numClasses,
    fn,
    'probability',
  );
  const n = y.length;
  const squares = new Float64Array(n);
  if (p.oneD) {
    const positive = binaryPositives(y, options.posLabel, fn);
    // Σ_j over the two columns [1 − p, p] is 2(y − p)²; 'auto' halves it.
    const factor = scale === false ? 2 : 1;
    for (let i = 0; i < n; i++) {
      const d = positive[i] - p.values[i];
      squares[i] = factor * d * d;
    }
    return weightedAverage(squares, weights, true, fn);
  }
  checkRowSums(p, tolerance, fn, 'probability');
  const { column } = classColumns(y, options.labels, p.cols, fn);
  const k = p.cols;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < k; j++) {
      const d = (column[i] === j ? 1 : 0) - p.values[i * k + j];
      s += d * d;
    }
    squares[i] = s;
  }
  const half = scale === 'auto' ? k < 3 : scale;
  return weightedAverage(squares, weights, true, fn) * (half ? 0.5 : 1);
}

/**
 * scikit-learn's positive class for binary probabilistic metrics: `posLabel`
 * if given; else 1 when the classes are a subset of {0, 1} or {−1, 1}; else
 * the greatest numeric class; string classes need `posLabel`.
 */
function binaryPositives(y: LabelArray, posLabel: Label | boolean | undefined, fn: string): Uint8Array {
  const classes: Label[] = [];
  for (let i = 0; i < y.length && classes.length <= 2; i++) {
    if (!classes.includes(y[i])) {
      if (classes.length === 2) {
        fail(fn, `yTrue[${i}] is ${show(y[i])}, a third label besides ${show(classes[0])} and ${show(classes[1])}: 1-D probabilities need binary labels`);
      }
      classes.push(y[i]);
    }
  }
  let pos: Label;
  if (posLabel !== undefined && posLabel !== null) {
    pos = typeof posLabel === 'boolean' ? (posLabel ? 1 : 0) : posLabel;
  } else if (typeof classes[0] === 'string') {
    return fail(fn, `yTrue holds string labels (${classes.map(show).join(', ')}): pass posLabel to name the positive class`);
  } else {
    const nums = (classes as number[]).slice().sort((a, b) => a - b);
    const key = nums.join(',');
    pos = ['0,1', '-1,1', '0', '1', '-1'].includes(key) ? 1 : nums[nums.length - 1];
  }
  const out = new Uint8Array(y.length);
  for (let i = 0; i < y.length; i++) out[i] = y[i] === pos ? 1 : 0;
  return out;
}
