import { fail, failAt, failKind, show } from './fail';
import { isTensorLike } from './tensorLike';
import type { ScoreMatrixInput } from './types';

/** An n×k matrix, row-major in one `Float64Array`. */
export interface ScoreMatrix {
  values: Float64Array;
  rows: number;
  cols: number;
}

/**
 * True when `x` is a non-empty list whose first entry is an object (a row):
 * an n×k nested array rather than one score per example.
 */
export function isNested(x: unknown): x is ArrayLike<ArrayLike<unknown>> {
  const a = x as ArrayLike<unknown> | null;
  return a != null && a.length > 0 && typeof a[0] === 'object' && a[0] !== null;
}

/**
 * Reads an n×k score matrix from nested arrays, a 2-D tfjs Tensor, or a flat
 * row-major array/typed array with `numClasses` columns.
 *
 * @throws {MetricInputError} for ragged rows, a flat input without
 *   `numClasses` or whose length is not a multiple of it, a tensor that is not
 *   2-D, or a NaN/infinite entry (`fn: yScore[3][1] is NaN`).
 */
export function readScoreMatrix(
  x: ScoreMatrixInput,
  fn: string,
  arg: string,
  numClasses?: number,
): ScoreMatrix {
  let rows: number;
  let cols: number;
  /** Entry i of the row-major matrix, as given. */
  let at: (i: number) => unknown;
  const a = x as ArrayLike<ArrayLike<unknown>>;
  if (isTensorLike(x)) {
    if (x.shape.length !== 2) fail(fn, `${arg} must be a 2-D tensor (n×k), got shape [${x.shape.join(', ')}]`);
    [rows, cols] = x.shape as [number, number];
    const data = x.dataSync();
    at = (i) => data[i];
  } else if (isNested(x)) {
    rows = a.length;
    cols = a[0].length;
    for (let i = 0; i < rows; i++) {
      const row = a[i];
      if (row?.length !== cols) fail(fn, `${arg}[${i}] has ${row == null ? show(row) : row.length} entries but ${arg}[0] has ${cols}`);
    }
    at = (i) => a[(i / cols) | 0][i % cols];
  } else {
    if (x == null || typeof x === 'string' || typeof a.length !== 'number') {
      failKind(fn, arg, 'an n×k array, a 2-D tensor, or a flat array with numClasses', x);
    }
    if (numClasses === undefined) {
      fail(fn, `${arg} is a flat array: pass numClasses, or give an n×k nested array or 2-D tensor`);
    }
    if (!Number.isInteger(numClasses) || numClasses < 1) fail(fn, `numClasses is ${show(numClasses)}, expected a positive integer`);
    if (a.length % numClasses !== 0) {
      fail(fn, `${arg} has ${a.length} entries, not a multiple of numClasses (${numClasses})`);
    }
    cols = numClasses;
    rows = a.length / cols;
    at = (i) => a[i];
  }
  if (numClasses !== undefined && cols !== numClasses) {
    fail(fn, `${arg} has ${cols} columns but numClasses is ${numClasses}`);
  }
  const values = new Float64Array(rows * cols);
  for (let i = 0; i < values.length; i++) {
    const v = at(i);
    if (typeof v !== 'number' || v - v !== 0) {
      failAt(fn, arg, `${(i / cols) | 0}][${i % cols}`, v, typeof v === 'number' ? '' : ', not a number');
    }
    values[i] = v as number;
  }
  return { values, rows, cols };
}
