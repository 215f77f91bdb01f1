// One column of examples (labels, scores, predictions, weights or score
// matrix rows) that bootstrapInterval gathers by index into buffers reused
// from one resample to the next: no per-example objects, one typed-array
// copy per resample.
import { fail } from '../../core/fail';
import { readLabels } from '../../core/readLabels';
import { readScoreMatrix } from '../../core/readScoreMatrix';
import { isTensorLike } from '../../core/tensorLike';
import type { LabelInput, ScoreMatrixInput } from '../../core/types';

/** A column that can hand out the sub-sample at given indices. */
export interface Column {
  /** Number of examples (rows). */
  readonly n: number;
  /** The values at `idx[0..count)`, in that order. Valid until the next call. */
  gather(idx: Int32Array, count: number): unknown;
}

/** A numeric column (labels, scores, weights), gathered into a reused Float64Array. */
export function numericColumn(values: Float64Array): Column {
  const buffer = new Float64Array(values.length);
  return {
    n: values.length,
    gather(idx, count) {
      for (let i = 0; i < count; i++) buffer[i] = values[idx[i]];
      return count === buffer.length ? buffer : buffer.subarray(0, count);
    },
  };
}

/** A string-label column, gathered into a fresh array per call. */
export function stringColumn(values: readonly string[]): Column {
  return {
    n: values.length,
    gather(idx, count) {
      const out = new Array<string>(count);
      for (let i = 0; i < count; i++) out[i] = values[idx[i]];
      return out;
    },
  };
}

/** Rows of an n×k matrix, gathered as nested rows (views, created once) or as one flat array. */
function matrixColumn(values: Float64Array, rows: number, cols: number, flat: boolean): Column {
  if (flat) {
    const buffer = new Float64Array(values.length);
    return {
      n: rows,
      gather(idx, count) {
        for (let i = 0; i < count; i++) buffer.set(values.subarray(idx[i] * cols, idx[i] * cols + cols), i * cols);
        return count === rows ? buffer : buffer.subarray(0, count * cols);
      },
    };
  }
  const views = new Array<Float64Array>(rows);
  for (let r = 0; r < rows; r++) views[r] = values.subarray(r * cols, r * cols + cols);
  return {
    n: rows,
    gather(idx, count) {
      const out = new Array<Float64Array>(count);
      for (let i = 0; i < count; i++) out[i] = views[idx[i]];
      return out;
    },
  };
}

/** Reads labels (numbers, booleans as 1/0, or strings) as a column. */
export function labelColumn(x: LabelInput, fn: string, arg: string): Column {
  const labels = readLabels(x, fn, arg);
  return labels instanceof Float64Array ? numericColumn(labels) : stringColumn(labels);
}

/**
 * Reads the second argument of the metric: 1-D labels or scores, an n×k
 * score matrix (nested rows or a 2-D tensor), or a flat row-major matrix when
 * `numClasses` is given and the length is `n·numClasses`.
 */
export function predictionColumn(
  x: LabelInput | ScoreMatrixInput,
  n: number,
  numClasses: unknown,
  fn: string,
  arg: string,
): Column {
  if (isTensorLike(x)) {
    if (x.shape.length === 2) {
      const m = readScoreMatrix(x, fn, arg);
      return matrixColumn(m.values, m.rows, m.cols, false);
    }
    return labelColumn(x, fn, arg);
  }
  const a = x as ArrayLike<unknown>;
  if (a != null && typeof a.length === 'number' && a.length > 0 && typeof a[0] === 'object' && a[0] !== null) {
    const m = readScoreMatrix(x as ScoreMatrixInput, fn, arg);
    return matrixColumn(m.values, m.rows, m.cols, false);
  }
  if (
    typeof numClasses === 'number' &&
    Number.isInteger(numClasses) &&
    numClasses > 1 &&
    a != null &&
    typeof a.length === 'number' &&
    a.length === n * numClasses &&
    typeof a[0] === 'number'
  ) {
    const m = readScoreMatrix(x as ScoreMatrixInput, fn, arg, numClasses);
    return matrixColumn(m.values, m.rows, m.cols, true);
  }
  if (a == null || typeof a === 'string' || typeof a.length !== 'number') {
    fail(fn, `${arg} must be an array, a typed array or a tensor`);
  }
  return labelColumn(x as LabelInput, fn, arg);
}
