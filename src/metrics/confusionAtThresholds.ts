import { assertNonEmpty, assertSameLength } from '../core/assert';
import { readBinaryLabels } from '../core/readBinaryLabels';
import { readNumbers } from '../core/readNumbers';
import { readSampleWeight } from '../core/readSampleWeight';
import type { Label, LabelInput, NumericInput } from '../core/types';
import { sortByClass, sortByClassWeighted } from './internal/sortByClass';

/**
 * The weighted confusion counts of a binary classifier at every distinct
 * score used as a threshold (predict positive when `score >= threshold`).
 */
export interface ConfusionAtThresholds {
  /** Distinct scores in DECREASING order (as scikit-learn's `_binary_clf_curve`). */
  thresholds: Float64Array;
  /** `tps[i]` = total weight of positives with score >= `thresholds[i]` (cumulative). */
  tps: Float64Array;
  /** `fps[i]` = total weight of negatives with score >= `thresholds[i]` (cumulative). */
  fps: Float64Array;
}

/** Options of {@link confusionAtThresholds}. */
export interface ConfusionAtThresholdsOptions {
  /** Non-negative weight per example. Defaults to 1 for every example. */
  sampleWeight?: NumericInput;
  /**
   * The positive class. Defaults to 1 (or `true`) for labels in `{0, 1}`,
   * `{-1, 1}` or booleans; required for any other pair of labels.
   */
  posLabel?: Label | boolean;
}

/**
 * The single core of the ranking metrics: for every distinct score `t`, taken
 * in decreasing order, the total weight of positives (`tps`) and of negatives
 * (`fps`) scored at least `t`. The PR curve, the ROC curve, average precision
 * and ROC AUC are thin functions of these counts.
 *
 * Definition: with thresholds `t_0 > t_1 > ... > t_{m-1}` the distinct
 * scores, `tps[i] = Σ_{j: y_j = 1, s_j >= t_i} w_j` and
 * `fps[i] = Σ_{j: y_j = 0, s_j >= t_i} w_j`. Tied scores share one threshold.
 * Same as scikit-learn's `confusion_matrix_at_thresholds` (formerly
 * `_binary_clf_curve`), including its handling of examples of weight 0: they
 * are left out, so their scores are not thresholds (scikit-learn >= 1.3; 1.2
 * kept them). When every weight is 0 the three arrays are empty.
 *
 * @param yTrue - binary labels: `{0, 1}`, `{-1, 1}`, booleans, or any two labels with `posLabel`.
 * @param yScore - finite scores, higher meaning more likely positive.
 * @param options - `sampleWeight`, `posLabel`.
 * @returns `{ thresholds, tps, fps }`, three `Float64Array`s of the same length (the number of distinct scores).
 * @throws {MetricInputError} on empty input, a length mismatch, a NaN or
 *   infinite score (`confusionAtThresholds: yScore[2] is NaN`), labels that
 *   are not binary, or a negative or non-finite weight.
 * @example
 * confusionAtThresholds([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
 * // => { thresholds: [0.8, 0.4, 0.35, 0.1], tps: [1, 1, 2, 2], fps: [0, 1, 1, 2] }
 * @see scikit-learn, `sklearn/metrics/_ranking.py`, `_binary_clf_curve`.
 */
export function confusionAtThresholds(
  yTrue: LabelInput,
  yScore: NumericInput,
  options: ConfusionAtThresholdsOptions = {},
): ConfusionAtThresholds {
  const fn = 'confusionAtThresholds';
  const labels = readBinaryLabels(yTrue, fn, 'yTrue', options.posLabel);
  const scores = readNumbers(yScore, fn, 'yScore');
  assertSameLength(fn, 'yTrue', labels.length, 'yScore', scores.length);
  assertNonEmpty(fn, 'yTrue', labels.length);
  const weights = readSampleWeight(options.sampleWeight, labels.length, fn);
  return confusionAtThresholdsOf(labels, scores, weights);
}

/**
 * Internal, already-validated entry point of {@link confusionAtThresholds}
 * used by the other metrics: `labels` are 1 (positive) and 0, `scores` finite,
 * `weights` non-negative and of the same length. Never mutates its inputs.
 *
 * The positives' and the negatives' scores (of non-zero weight) are sorted
 * separately, weights alongside (a two-level distribution sort on their
 * float64 bit patterns, see `internal/sortByClass`), and merged from the top.
 *
 * @param labels - 1 for a positive, 0 for a negative.
 * @param scores - finite scores, as many as labels.
 * @param weights - non-negative weights, or undefined for 1 each.
 * @param extra - spare entries to allocate past the end of each array (the
 *   curves build their outputs in place); the result then holds views of the
 *   first m entries. Defaults to 0 (exact-size arrays).
 * @returns the thresholds (decreasing) and cumulative tps/fps.
 * @example
 * confusionAtThresholdsOf(Uint8Array.of(0, 1), Float64Array.of(0.2, 0.7));
 * // => { thresholds: [0.7, 0.2], tps: [1, 1], fps: [0, 1] }
 */
export function confusionAtThresholdsOf(
  labels: Uint8Array,
  scores: Float64Array,
  weights?: Float64Array,
  extra = 0,
): ConfusionAtThresholds {
  if (weights !== undefined) {
    const w = sortByClassWeighted(labels, scores, weights);
    return merge(w.pos, w.neg, extra, weights, w.posI, w.negI);
  }
  let p = 0;
  for (let i = 0; i < labels.length; i++) p += labels[i];
  const [pos, neg] = sortByClass(labels, scores, p);
  return merge(pos, neg, extra);
}

/**
 * Merges the two classes' ascending scores from the top: a first pass counts
 * the distinct scores, the second fills thresholds and cumulative weights
 * (1 per example without weights, so the counts are exact integers).
 */
function merge(
  pos: Float64Array,
  neg: Float64Array,
  extra: number,
  weights?: Float64Array,
  posI?: Uint32Array,
  negI?: Uint32Array,
): ConfusionAtThresholds {
  const p = pos.length;
  const q = neg.length;
  let m = 0;
  for (let i = p - 1, j = q - 1; i >= 0 || j >= 0; m++) {
    const t = i < 0 ? neg[j] : j < 0 ? pos[i] : pos[i] >= neg[j] ? pos[i] : neg[j];
    while (i >= 0 && pos[i] === t) i--;
    while (j >= 0 && neg[j] === t) j--;
  }
  const thresholds = new Float64Array(m + extra);
  const tps = new Float64Array(m + extra);
  const fps = new Float64Array(m + extra);
  let tp = 0;
  let fp = 0;
  for (let i = p - 1, j = q - 1, k = 0; k < m; k++) {
    const t = i < 0 ? neg[j] : j < 0 ? pos[i] : pos[i] >= neg[j] ? pos[i] : neg[j];
    for (; i >= 0 && pos[i] === t; i--) tp += posI === undefined ? 1 : weights![posI[i]];
    for (; j >= 0 && neg[j] === t; j--) fp += negI === undefined ? 1 : weights![negI[j]];
    thresholds[k] = t + 0;
    tps[k] = tp;
    fps[k] = fp;
  }
  return extra === 0
    ? { thresholds, tps, fps }
    : { thresholds: thresholds.subarray(0, m), tps: tps.subarray(0, m), fps: fps.subarray(0, m) };
}
