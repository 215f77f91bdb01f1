import { assertNonEmpty, assertSameLength } from '../core/assert';
import { fail, show } from '../core/fail';
import { readLabels, uniqueLabels } from '../core/readLabels';
import type { LabelArray } from '../core/readLabels';
import { readScoreMatrix } from '../core/readScoreMatrix';
import { readSampleWeight } from '../core/readSampleWeight';
import { isTensorLike } from '../core/tensorLike';
import type { Label, LabelInput, NumericInput, ScoreMatrixInput } from '../core/types';

/** Probabilities as read: n rows of k columns, or one column (1-D input). */
export interface ReadProbabilities {
  values: Float64Array;
  rows: number;
  cols: number;
  /** The input was 1-D: the probability of the positive (greater) class. */
  oneD: boolean;
  /** The input was float32 (a `Float32Array` or a float32 tensor). */
  float32: boolean;
}

/** Reads 1-D positive-class probabilities or an n×k matrix, checking [0, 1]. */
export function readProbabilities(
  x: ScoreMatrixInput,
  fn: string,
  arg: string,
  numClasses?: number,
): ReadProbabilities {
  const float32 = x instanceof Float32Array || (isTensorLike(x) && x.dtype === 'float32');
  let values: Float64Array;
  let rows: number;
  let cols: number;
  let oneD = false;
  const isFlat =
    (isTensorLike(x) && x.shape.length === 1) ||
    (!isTensorLike(x) &&
      numClasses === undefined &&
      x != null &&
      typeof (x as ArrayLike<unknown>).length === 'number' &&
      ((x as ArrayLike<unknown>).length === 0 || typeof (x as ArrayLike<unknown>)[0] !== 'object'));
  if (isFlat) {
    const m = readScoreMatrix(x, fn, arg, 1);
    values = m.values;
    rows = m.rows;
    cols = 1;
    oneD = true;
  } else {
    ({ values, rows, cols } = readScoreMatrix(x, fn, arg, numClasses));
    if (cols === 1) oneD = true;
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(v >= 0 && v <= 1)) {
      const at = oneD ? `${arg}[${i}]` : `${arg}[${Math.floor(i / cols)}][${i % cols}]`;
      fail(fn, `${at} is ${show(v)}, expected a probability in [0, 1]`);
    }
  }
  return { values, rows, cols, oneD, float32 };
}

/** Throws unless every row of a k-column matrix (k >= 2) sums to 1 within `tolerance`. */
export function checkRowSums(p: ReadProbabilities, tolerance: number, fn: string, arg: string): void {
  if (p.oneD) return;
  const { values, rows, cols } = p;
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let j = 0; j < cols; j++) s += values[i * cols + j];
    if (!(Math.abs(s - 1) <= tolerance)) {
      fail(fn, `${arg}[${i}] sums to ${show(s)}, not 1 (tolerance ${show(tolerance)})`);
    }
  }
}

/**
 * The classes of a probabilistic multiclass metric, as scikit-learn's
 * `LabelBinarizer`: the sorted distinct labels of `labels` if given, else of
 * `yTrue`; at least two; and each example's column.
 */
export function classColumns(
  y: LabelArray,
  labels: LabelInput | undefined,
  cols: number,
  fn: string,
): { classes: Label[]; column: Int32Array } {
  const classes = labels === undefined ? uniqueLabels(y) : uniqueLabels(readLabels(labels, fn, 'labels'));
  if (classes.length < 2) {
    if (labels === undefined) {
      fail(fn, `yTrue contains only one label (${show(classes[0])}): pass labels to name every class`);
    }
    fail(fn, `labels must hold at least two distinct labels, got ${show(classes)}`);
  }
  const width = cols === 1 ? 2 : cols;
  if (classes.length !== width) {
    fail(
      fn,
      labels === undefined
        ? `yTrue has ${classes.length} classes (${classes.map(show).join(', ')}) but probabilities has ${width} columns: pass labels`
        : `labels has ${classes.length} classes but probabilities has ${width} columns`,
    );
  }
  const index = new Map<Label, number>();
  classes.forEach((c, j) => index.set(c, j));
  const column = new Int32Array(y.length);
  for (let i = 0; i < y.length; i++) {
    const j = index.get(y[i]);
    if (j === undefined) fail(fn, `yTrue[${i}] is ${show(y[i])}, not one of labels ${show(classes)}`);
    column[i] = j;
  }
  return { classes, column };
}

/** Reads and length-checks yTrue, probabilities and weights. */
export function readProbabilisticInputs(
  yTrue: LabelInput,
  probabilities: ScoreMatrixInput,
  sampleWeight: NumericInput | undefined,
  numClasses: number | undefined,
  fn: string,
  arg: string,
): { y: LabelArray; p: ReadProbabilities; weights: Float64Array | undefined } {
  const y = readLabels(yTrue, fn, 'yTrue');
  const p = readProbabilities(probabilities, fn, arg, numClasses);
  assertSameLength(fn, 'yTrue', y.length, arg, p.rows);
  assertNonEmpty(fn, 'yTrue', y.length);
  const weights = readSampleWeight(sampleWeight, y.length, fn);
  return { y, p, weights };
}

/** Σ w_i x_i / Σ w_i (or Σ w_i x_i without normalisation), Neumaier-compensated. */
export function weightedAverage(
  x: Float64Array,
  weights: Float64Array | undefined,
  normalize: boolean,
  fn: string,
): number {
  let s = 0;
  let c = 0;
  let ws = 0;
  for (let i = 0; i < x.length; i++) {
    const w = weights ? weights[i] : 1;
    const v = w * x[i];
    const t = s + v;
    if (Math.abs(s) >= Math.abs(v)) c += s - t + v;
    else c += v - t + s;
    s = t;
    ws += w;
  }
  if (!normalize) return s + c;
  if (ws === 0) fail(fn, 'sampleWeight sums to 0: the weighted mean is undefined');
  return (s + c) / ws;
}
