import { fail, failAt, show } from '../../core/fail';
import { readLabels, uniqueLabels } from '../../core/readLabels';
import { isNested, readScoreMatrix, type ScoreMatrix } from '../../core/readScoreMatrix';
import { isTensorLike } from '../../core/tensorLike';
import type { Label, LabelInput, NumericInput, ScoreMatrixInput, ZeroDivision } from '../../core/types';
import { undefinedValue } from '../../core/zeroDivision';
import { readPairWeights } from './readBinaryInputs';

/** A binary kernel on validated inputs; NaN means undefined. */
export type BinaryKernel = (labels: Uint8Array, scores: Float64Array, weights?: Float64Array) => number;

/** Validated multiclass inputs: class index per example, the classes, the n×k scores. */
export interface MulticlassInputs {
  codes: Int32Array;
  classes: Label[];
  m: ScoreMatrix;
  weights: Float64Array | undefined;
}

/** True when `yScore` is an n×k score matrix rather than one score per example. */
export function isScoreMatrix(yScore: unknown, numClasses: number | undefined): boolean {
  return numClasses !== undefined || (isTensorLike(yScore) ? yScore.shape.length === 2 : isNested(yScore));
}

/**
 * Reads multiclass labels and an n×k score matrix whose columns follow the
 * sorted labels (or `labels` when given).
 *
 * @throws {MetricInputError} for a length mismatch, repeated `labels`, a label
 *   of `yTrue` missing from `labels`, or a column count that is not the number of classes.
 */
export function readMulticlassInputs(
  fn: string,
  yTrue: LabelInput,
  yScore: ScoreMatrixInput,
  options: { labels?: LabelInput; numClasses?: number; sampleWeight?: NumericInput; posLabel?: unknown },
): MulticlassInputs {
  if (options.posLabel !== undefined) fail(fn, 'posLabel is for binary yTrue only, not with an n×k yScore');
  const y = readLabels(yTrue, fn, 'yTrue');
  const m = readScoreMatrix(yScore, fn, 'yScore', options.numClasses);
  const n = y.length;
  const weights = readPairWeights(fn, n, m.rows, options);
  const classes =
    options.labels === undefined ? uniqueLabels(y) : Array.from(readLabels(options.labels, fn, 'labels') as ArrayLike<Label>);
  const index = new Map<Label, number>();
  classes.forEach((c, i) => {
    // Only given labels can repeat: uniqueLabels returns distinct ones.
    if (index.has(c)) failAt(fn, 'labels', i, c, `, a repeat of labels[${index.get(c)}]`);
    index.set(c, i);
  });
  if (classes.length !== m.cols) {
    fail(fn, `yScore has ${m.cols} columns but there are ${classes.length} classes (${show(classes)})`);
  }
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = index.get(y[i]);
    if (c === undefined) failAt(fn, 'yTrue', i, y[i], ', not one of labels');
    codes[i] = c;
  }
  return { codes, classes, m, weights };
}

/** Column `c` of the score matrix. */
export function column(m: ScoreMatrix, c: number): Float64Array {
  const out = new Float64Array(m.rows);
  for (let i = 0; i < m.rows; i++) out[i] = m.values[i * m.cols + c];
  return out;
}

/**
 * One-vs-rest over the classes: the binary metric of "class c" against the
 * rest for every column c, then averaged: `macro` (plain mean), `weighted`
 * (by the weight of each class's true examples; classes without any are left
 * out), `micro` (one binary metric over all n·k label/score pairs), or `none`
 * (one value per class). An undefined class value is NaN or `zeroDivision`.
 */
export function oneVsRest(
  fn: string,
  kernel: BinaryKernel,
  inp: MulticlassInputs,
  average: string,
  zeroDivision: ZeroDivision | undefined,
  why: string,
): number | Float64Array {
  const { codes, classes, m, weights } = inp;
  const n = m.rows;
  const k = m.cols;
  if (average === 'micro') {
    // Entry i of the flattened matrix is example ⌊i/k⌋ against class i mod k.
    const labels = new Uint8Array(n * k);
    const w = weights && new Float64Array(n * k);
    for (let i = 0; i < n * k; i++) {
      labels[i] = +(codes[(i / k) | 0] === i % k);
      if (w) w[i] = weights![(i / k) | 0];
    }
    const v = kernel(labels, m.values, w);
    return v === v ? v : undefinedValue(zeroDivision, fn, why);
  }
  const values = new Float64Array(k);
  let sum = 0;
  let wsum = 0;
  for (let c = 0; c < k; c++) {
    const labels = new Uint8Array(n);
    let support = 0;
    for (let i = 0; i < n; i++) if ((labels[i] = +(codes[i] === c))) support += weights ? weights[i] : 1;
    const wc = average === 'weighted' ? support : 1;
    if (!wc) continue;
    let v = kernel(labels, column(m, c), weights);
    if (v !== v) v = undefinedValue(zeroDivision, fn, `class ${show(classes[c])}: ${why}`);
    values[c] = v;
    sum += wc * v;
    wsum += wc;
  }
  if (average === 'none') return values;
  return wsum > 0 ? sum / wsum : undefinedValue(zeroDivision, fn, why);
}
