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
  let values: Float64Array;
  let rows: number;
  let cols: number;
  if (isTensorLike(x)) {
    if (x.shape.length !== 2) fail(fn, `${arg} must be a 2-D tensor (n×k), got shape [${x.shape.join(', ')}]`);
    [rows, cols] = x.shape as [number, number];
    values = Float64Array.from(x.dataSync() as ArrayLike<number>);
  } else if (x != null && typeof (x as ArrayLike<unknown>).length === 'number' && (x as ArrayLike<unknown>).length > 0 && typeof (x as ArrayLike<unknown>)[0] === 'object' && (x as ArrayLike<unknown>)[0] !== null) {
    const a = x as ArrayLike<ArrayLike<unknown>>;
    rows = a.length;
    cols = a[0].length;
    values = new Float64Array(rows * cols);
    for (let i = 0; i < rows; i++) {
      const row = a[i];
      if (row == null || typeof row.length !== 'number' || row.length !== cols) {
        fail(fn, `${arg}[${i}] has ${row == null ? show(row) : row.length} entries but ${arg}[0] has ${cols}`);
      }
      for (let j = 0; j < cols; j++) {
        const v = row[j];
        if (typeof v !== 'number') failAt(fn, arg, `${i}][${j}`, v, ', not a number');
        if (v - v !== 0) failAt(fn, arg, `${i}][${j}`, v);
        values[i * cols + j] = v;
      }
    }
  } else if (x != null && typeof (x as ArrayLike<unknown>).length === 'number') {
    if (numClasses === undefined) {
      fail(fn, `${arg} is a flat array: pass numClasses, or give an n×k nested array or 2-D tensor`);
    }
    if (!Number.isInteger(numClasses) || numClasses < 1) fail(fn, `numClasses is ${show(numClasses)}, expected a positive integer`);
    const flat = x as ArrayLike<unknown>;
    if (flat.length % numClasses !== 0) {
      fail(fn, `${arg} has ${flat.length} entries, not a multiple of numClasses (${numClasses})`);
    }
    cols = numClasses;
    rows = flat.length / numClasses;
    values = new Float64Array(flat.length);
    for (let i = 0; i < flat.length; i++) {
      const v = flat[i];
      if (typeof v !== 'number') failAt(fn, arg, `${Math.floor(i / cols)}][${i % cols}`, v, ', not a number');
      values[i] = v;
    }
  } else {
    return failKind(fn, arg, 'an n×k array, a 2-D tensor, or a flat array with numClasses', x);
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v - v !== 0) failAt(fn, arg, `${Math.floor(i / cols)}][${i % cols}`, v);
  }
  if (numClasses !== undefined && cols !== numClasses) {
    fail(fn, `${arg} has ${cols} columns but numClasses is ${numClasses}`);
  }
  return { values, rows, cols };
}
