import { fail, show } from '../core/fail';
import { readBinaryLabels } from '../core/readBinaryLabels';
import { readLabels } from '../core/readLabels';
import { assertNonEmpty, assertSameLength } from '../core/assert';
import { readSampleWeight } from '../core/readSampleWeight';
import type { Label, LabelInput, NumericInput, ZeroDivision } from '../core/types';
import { readZeroDivision, undefinedValue } from '../core/zeroDivision';
import { encodeClasses } from './internal/classesEncode';
import { readBinaryCosts, type BinaryCosts } from './internal/binaryCosts';

export type { BinaryCosts } from './internal/binaryCosts';

/** Options of {@link expectedCost}. */
export interface ExpectedCostOptions {
  /** Per-example weights (finite, non-negative). Defaults to 1 for every example. */
  sampleWeight?: NumericInput;
  /**
   * Cost matrix form only: the classes, in the order of the rows and columns
   * of `costMatrix`. Every true and predicted label must be among them.
   * Defaults to the labels present in `yTrue` or `yPred`, sorted (numbers
   * numerically, strings by code point), as `confusionMatrix`.
   */
  labels?: LabelInput;
  /**
   * `{ fp, fn }` form only: the positive class. Defaults to 1 (or `true`) for
   * labels in `{0, 1}`, `{-1, 1}` or booleans; required for other pairs.
   */
  posLabel?: Label | boolean;
  /**
   * `true`: the average cost per unit of weight, Σ wᵢ·cost / Σ wᵢ;
   * `false`: the total cost Σ wᵢ·cost. Defaults to `true`.
   */
  normalize?: boolean;
  /**
   * The average cost when the total weight is 0 (it is undefined): defaults
   * to `NaN`; a number replaces it, `'error'` throws `UndefinedMetricError`.
   */
  zeroDivision?: ZeroDivision;
}

/**
 * The expected (average) cost of decisions under a cost matrix, where
 * different errors cost different amounts.
 *
 * Definition: `expectedCost = Σᵢ wᵢ · C[yᵢ][ŷᵢ] / Σᵢ wᵢ`, with `C[true][predicted]`
 * the cost of predicting `predicted` for an example of class `true`, i.e. the
 * sum over the confusion matrix of count × cost, divided by the total weight.
 * With `normalize: false` it is the total cost (no division).
 *
 * `costMatrix` is either a k×k matrix (`number[][]`, rows = true class in
 * the order of `labels`, columns = predicted class; binary or multiclass),
 * or, for binary decisions, `{ fp, fn, tp?, tn? }` (tp and tn default to 0),
 * e.g. a spam filter where losing a legitimate email (a false positive)
 * costs 20 times as much as a spam left in the inbox: `{ fp: 20, fn: 1 }`.
 * Costs may be any finite numbers (negative for gains). Only the ratios of
 * costs matter to which decisions are best; the zero-one cost `C = 1 − I`
 * gives the error rate.
 *
 * Undefined: with a total weight of 0 the average is undefined (`NaN` by
 * default, see `zeroDivision`).
 *
 * Reference: C. Elkan (2001), "The foundations of cost-sensitive learning",
 * IJCAI; R. O. Duda, P. E. Hart & D. G. Stork (2001), Pattern
 * Classification, §2.2 (Bayes risk).
 *
 * @param yTrue - True labels: numbers, strings or booleans.
 * @param yPred - Predicted labels, of the same kind and length.
 * @param costMatrix - `C[true][predicted]` as a k×k array, or `{ fp, fn, tp?, tn? }` for binary labels.
 * @param options - `sampleWeight`, `labels`, `posLabel`, `normalize`, `zeroDivision`.
 * @returns The average cost per unit of weight (or the total cost with `normalize: false`).
 * @throws {MetricInputError} for empty input or a length mismatch, a bad
 *   label or weight, a cost matrix that is not k×k for the k labels or holds
 *   a non-finite cost (`expectedCost: costMatrix[1][0] is NaN`), a label
 *   outside `labels` (`expectedCost: yPred[3] is 7, not among labels`), or
 *   missing `fp`/`fn` costs.
 * @throws {UndefinedMetricError} with `zeroDivision: 'error'` when the total weight is 0.
 * @example
 * // spam = 1: one legitimate email lost (fp, cost 20), one spam let through (fn, cost 1)
 * expectedCost([0, 0, 1, 1, 0], [1, 0, 1, 0, 0], { fp: 20, fn: 1 });
 * // => 4.2
 * expectedCost(['a', 'b', 'c'], ['a', 'c', 'c'], [[0, 1, 1], [5, 0, 2], [1, 1, 0]]);
 * // => 0.6666666666666666
 */
export function expectedCost(
  yTrue: LabelInput,
  yPred: LabelInput,
  costMatrix: ArrayLike<ArrayLike<number>> | BinaryCosts,
  options: ExpectedCostOptions = {},
): number {
  const fn = 'expectedCost';
  const zeroDivision = readZeroDivision(options.zeroDivision, fn);
  const normalize = options.normalize ?? true;
  if (typeof normalize !== 'boolean') fail(fn, `normalize is ${show(normalize)}, expected true or false`);
  if (costMatrix == null || typeof costMatrix !== 'object') {
    fail(fn, `costMatrix is ${show(costMatrix)}, expected a k×k array or { fp, fn, tp?, tn? }`);
  }
  let total = 0;
  let weightSum = 0;
  if (typeof (costMatrix as ArrayLike<unknown>).length !== 'number') {
    if (options.labels !== undefined) fail(fn, 'labels applies to a cost matrix; with { fp, fn } costs, name the positive class with posLabel');
    const c = readBinaryCosts(costMatrix as BinaryCosts, fn, 'costMatrix');
    const t = readBinaryLabels(yTrue, fn, 'yTrue', options.posLabel);
    const p = readBinaryLabels(yPred, fn, 'yPred', options.posLabel);
    assertNonEmpty(fn, 'yTrue', t.length);
    assertSameLength(fn, 'yTrue', t.length, 'yPred', p.length);
    const w = readSampleWeight(options.sampleWeight, t.length, fn);
    // cell costs indexed by 2·true + predicted: tn, fp, fn, tp
    const cell = [c.tn, c.fp, c.fn, c.tp];
    const sums = new Float64Array(4);
    for (let i = 0; i < t.length; i++) sums[2 * t[i] + p[i]] += w === undefined ? 1 : w[i];
    for (let j = 0; j < 4; j++) {
      total += sums[j] * cell[j];
      weightSum += sums[j];
    }
  } else {
    if (options.posLabel !== undefined) fail(fn, 'posLabel applies to { fp, fn } costs; a cost matrix is indexed by labels');
    const e = encodeClasses(yTrue, yPred, fn, options);
    const k = e.labels.length;
    const cost = readCostMatrix(costMatrix as ArrayLike<ArrayLike<number>>, k, e.labels, options.labels !== undefined, fn);
    const sums = new Float64Array(k * k);
    const { trueCodes, predCodes, weight } = e;
    for (let i = 0; i < e.n; i++) {
      const a = trueCodes[i];
      const b = predCodes[i];
      if (a < 0) fail(fn, `yTrue[${i}] is ${show(labelAt(yTrue, i))}, not among labels`);
      if (b < 0) fail(fn, `yPred[${i}] is ${show(labelAt(yPred, i))}, not among labels`);
      sums[a * k + b] += weight === undefined ? 1 : weight[i];
    }
    for (let j = 0; j < k * k; j++) {
      total += sums[j] * cost[j];
      weightSum += sums[j];
    }
  }
  if (!normalize) return total;
  if (weightSum === 0) return undefinedValue(zeroDivision, fn, 'the average cost is undefined: the total weight is 0');
  return total / weightSum;
}

/** The label at index i as read (booleans as 1/0), for an error message only. */
function labelAt(x: LabelInput, i: number): unknown {
  return readLabels(x, 'expectedCost', 'labels')[i];
}

/** Validates a k×k cost matrix and flattens it row-major. */
function readCostMatrix(
  m: ArrayLike<ArrayLike<number>>,
  k: number,
  labels: Label[],
  labelsGiven: boolean,
  fn: string,
): Float64Array {
  const hint = labelsGiven ? '' : `; pass labels to say which classes its rows and columns are (found ${show(labels)})`;
  if (m.length !== k) fail(fn, `costMatrix has ${m.length} rows but there are ${k} labels${hint}`);
  const out = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    const row = m[i];
    if (row == null || typeof row.length !== 'number' || row.length !== k) {
      fail(fn, `costMatrix[${i}] has ${row == null ? show(row) : row.length} entries but there are ${k} labels${hint}`);
    }
    for (let j = 0; j < k; j++) {
      const v = row[j];
      if (typeof v !== 'number' || !Number.isFinite(v)) fail(fn, `costMatrix[${i}][${j}] is ${show(v)}, expected a finite number`);
      out[i * k + j] = v;
    }
  }
  return out;
}
