import { readChoice, readNumberOption } from '../core/assert';
import { fail, show } from '../core/fail';
import type { Label, LabelInput, NumericInput, ScoreMatrixInput, ZeroDivision } from '../core/types';
import { readZeroDivision, undefinedValue } from '../core/zeroDivision';
import { confusionAtThresholdsOf } from './confusionAtThresholds';
import { handTill } from './internal/handTill';
import { isScoreMatrix, oneVsRest, readMulticlassInputs } from './internal/oneVsRest';
import { readBinaryInputs } from './internal/readBinaryInputs';
import { rocAucOf } from './internal/rankingKernels';

/** Options of {@link rocAuc}. */
export interface RocAucOptions {
  /** Non-negative weight per example. Defaults to 1 for every example. Not supported with `multiClass: 'ovo'`. */
  sampleWeight?: NumericInput;
  /** The positive class of binary labels. Defaults to 1 (or `true`); binary only. */
  posLabel?: Label | boolean;
  /**
   * Binary only: return McClish's standardized partial AUC over FPR in
   * [0, maxFpr], in (0, 1]. Defaults to 1 (the full AUC).
   */
  maxFpr?: number;
  /**
   * Multiclass: `'ovr'` (each class against the rest, averaged by `average`)
   * or `'ovo'` (Hand & Till's mean over pairs of classes). Defaults to `'ovr'`
   * (scikit-learn has no default and makes you choose).
   */
  multiClass?: 'ovr' | 'ovo';
  /**
   * Multiclass averaging: `'macro'`, `'weighted'` (by class support with
   * `'ovr'`, by pair prevalence with `'ovo'`), `'micro'` (`'ovr'` only: one
   * AUC over all n·k pairs) or `'none'` (`'ovr'` only: a `Float64Array` per
   * class). A binary `yScore` ignores it except `'none'` (a one-entry array).
   * Defaults to `'macro'`.
   */
  average?: 'macro' | 'weighted' | 'micro' | 'none';
  /** Multiclass: the class of each column of `yScore`. Defaults to the sorted labels of `yTrue`. */
  labels?: LabelInput;
  /** Multiclass: the number of columns of a flat row-major `yScore`. */
  numClasses?: number;
  /** Value when undefined (only one class present): a number, or `'error'` to throw. Defaults to NaN. */
  zeroDivision?: ZeroDivision;
}

/**
 * The area under the ROC curve: the probability that a random positive scores
 * above a random negative, ties counting one half.
 *
 * AUC = Σ_{i pos, j neg} w_i w_j ([s_i > s_j] + ½ [s_i = s_j]) / (P · N),
 * equal to the trapezoidal area under {@link rocCurve} (scikit-learn's
 * `roc_auc_score`). Computed exactly without sorting every score: the smaller
 * class is sorted and the other placed among it.
 *
 * `maxFpr` < 1 gives McClish's (1989) standardized partial AUC:
 * ½ (1 + (A_p − a²/2) / (a − a²/2)) with A_p the area over FPR in [0, a]
 * (the curve interpolated linearly at a), as scikit-learn.
 *
 * Multiclass (an n×k probability matrix whose rows sum to 1, within 1e-5 as
 * numpy's `allclose`): `'ovr'` averages the one-vs-rest AUCs of the columns;
 * `'ovo'` is Hand & Till's (2001) M = mean over class pairs {a, b} of
 * ½ (A(a|b) + A(b|a)), with A(a|b) the AUC of column a separating class a
 * from class b, weighted by the pair's prevalence for `average: 'weighted'`.
 *
 * Undefined with one class only: NaN (or `zeroDivision`), as recent
 * scikit-learn (which warns; older releases raised).
 *
 * @param yTrue - binary labels (`{0, 1}`, `{-1, 1}`, booleans, or two labels with `posLabel`), or class labels for a multiclass `yScore`.
 * @param yScore - one finite score per example, or an n×k probability matrix.
 * @param options - `sampleWeight`, `posLabel`, `maxFpr`, `multiClass`, `average`, `labels`, `numClasses`, `zeroDivision`.
 * @returns the AUC in [0, 1] (a `Float64Array` per class for `average: 'none'`).
 * @throws {MetricInputError} on empty input, a length mismatch, a NaN or
 *   infinite score, non-binary labels, a negative weight, `maxFpr` outside
 *   (0, 1] or with multiclass, a row not summing to 1
 *   (`rocAuc: yScore[3] sums to 0.9, not 1: ...`), `sampleWeight`, `'micro'`
 *   or `'none'` with `'ovo'`.
 * @throws {UndefinedMetricError} with `zeroDivision: 'error'` when undefined.
 * @example
 * rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
 * // => 0.75
 * rocAuc([0, 1, 2, 2], [[0.8, 0.1, 0.1], [0.3, 0.5, 0.2], [0.2, 0.2, 0.6], [0.5, 0.1, 0.4]], { multiClass: 'ovo' });
 * // => 1
 * @see scikit-learn `roc_auc_score`; D. J. Hand & R. J. Till (2001), Machine Learning 45(2); D. K. McClish (1989), Medical Decision Making 9(3).
 */
export function rocAuc(
  yTrue: LabelInput,
  yScore: ScoreMatrixInput,
  options: RocAucOptions & { average: 'none' },
): Float64Array;
export function rocAuc(
  yTrue: LabelInput,
  yScore: ScoreMatrixInput,
  options?: RocAucOptions & { average?: 'macro' | 'weighted' | 'micro' },
): number;
export function rocAuc(yTrue: LabelInput, yScore: ScoreMatrixInput, options?: RocAucOptions): number | Float64Array;
export function rocAuc(yTrue: LabelInput, yScore: ScoreMatrixInput, options: RocAucOptions = {}): number | Float64Array {
  const fn = 'rocAuc';
  const zd = readZeroDivision(options.zeroDivision, fn);
  const average = readChoice(options.average, ['macro', 'weighted', 'micro', 'none'], 'macro', fn, 'average');
  const multiClass = readChoice(options.multiClass, ['ovr', 'ovo'], 'ovr', fn, 'multiClass');
  const maxFpr = readNumberOption(options.maxFpr, 1, fn, 'maxFpr', { min: 0, minExclusive: true, max: 1 });
  const why = 'only one class in yTrue';
  if (isScoreMatrix(yScore, options.numClasses)) {
    if (maxFpr !== 1) fail(fn, `maxFpr is ${show(maxFpr)}: partial AUC is for binary yTrue only`);
    const inp = readMulticlassInputs(fn, yTrue, yScore, options);
    const { values, rows, cols } = inp.m;
    for (let i = 0; i < rows; i++) {
      let s = 0;
      for (let j = 0; j < cols; j++) s += values[i * cols + j];
      if (!(Math.abs(1 - s) <= 1e-8 + 1e-5 * Math.abs(s))) {
        fail(fn, `yScore[${i}] sums to ${show(s)}, not 1: multiclass ROC AUC needs probabilities (rows summing to 1 within 1e-5)`);
      }
    }
    if (multiClass === 'ovr') return oneVsRest(fn, rocAucOf, inp, average, zd, why);
    if (inp.weights !== undefined) fail(fn, 'sampleWeight is not supported with multiClass "ovo"');
    if (average === 'micro' || average === 'none') fail(fn, `average is ${show(average)}, expected "macro" or "weighted" with multiClass "ovo"`);
    return handTill(fn, inp, average === 'weighted', zd);
  }
  const [labels, scores, weights] = readBinaryInputs(fn, yTrue, yScore as NumericInput, options);
  let v = maxFpr === 1 ? rocAucOf(labels, scores, weights) : partialAuc(labels, scores, weights, maxFpr);
  if (v !== v) v = undefinedValue(zd, fn, why);
  return average === 'none' ? Float64Array.of(v) : v;
}

/** McClish's standardized partial AUC over FPR in [0, maxFpr], as scikit-learn. */
function partialAuc(labels: Uint8Array, scores: Float64Array, weights: Float64Array | undefined, maxFpr: number): number {
  const { tps, fps } = confusionAtThresholdsOf(labels, scores, weights);
  const m = tps.length;
  const P = m > 0 ? tps[m - 1] : 0;
  const N = m > 0 ? fps[m - 1] : 0;
  if (!(P > 0 && N > 0)) return NaN;
  // Points (0, 0), then one per threshold; stop = first point with fpr > maxFpr.
  let area = 0;
  let x0 = 0;
  let y0 = 0;
  for (let i = 0; i < m; i++) {
    const x1 = fps[i] / N;
    const y1 = tps[i] / P;
    if (x1 > maxFpr) {
      const y = ((y1 - y0) / (x1 - x0)) * (maxFpr - x0) + y0;
      area += ((maxFpr - x0) * (y + y0)) / 2;
      break;
    }
    area += ((x1 - x0) * (y1 + y0)) / 2;
    x0 = x1;
    y0 = y1;
  }
  const minArea = 0.5 * maxFpr * maxFpr;
  return 0.5 * (1 + (area - minArea) / (maxFpr - minArea));
}
