// Internal: reading features and labels for the non-deep baselines.
import { failOption } from '../../core/configErrors';
import { show } from '../../core/fail';
import { isTensorLike } from '../../core/tensorLike';
import type { FeatureInput, LabeledData } from '../Predictor';

export interface Features {
  readonly data: Float64Array;
  readonly n: number;
  readonly d: number;
}

/** Reads features into a row-major Float64Array, checking every value is finite. */
export function readFeatures(input: FeatureInput | LabeledData, fn: string, arg = 'x', expectedD?: number): Features {
  let flat: ArrayLike<number>;
  let n: number;
  if (isTensorLike(input)) {
    flat = input.dataSync() as ArrayLike<number>;
    n = input.shape[0] ?? 0;
  } else if (input && typeof input === 'object' && 'x' in input && !isRowArray(input)) {
    const xs = (input as LabeledData).x;
    if (isTensorLike(xs)) {
      flat = xs.dataSync() as ArrayLike<number>;
      n = xs.shape[0] ?? 0;
    } else {
      const shape = (input as { shape?: readonly number[] }).shape;
      if (!shape || shape.length < 1) failOption(fn, `${arg} needs a shape: pass { x, shape } with shape[0] the number of rows`);
      flat = xs;
      n = shape[0];
    }
  } else if (isRowArray(input)) {
    const rows = input as ArrayLike<ArrayLike<number>>;
    n = rows.length;
    const d0 = n > 0 ? rows[0].length : 0;
    const out = new Float64Array(n * d0);
    for (let i = 0; i < n; i++) {
      if (rows[i].length !== d0) failOption(fn, `${arg}[${i}] has ${rows[i].length} features but ${arg}[0] has ${d0}`);
      for (let j = 0; j < d0; j++) out[i * d0 + j] = rows[i][j];
    }
    flat = out;
  } else {
    return failOption(fn, `${arg} must be { x, shape }, a tensor or an array of rows, got ${show(input)}`);
  }
  if (n === 0) failOption(fn, `${arg} is empty`);
  if (flat.length % n !== 0) failOption(fn, `${arg} has ${flat.length} values, not a multiple of its ${n} rows`);
  const d = flat.length / n;
  if (expectedD !== undefined && d !== expectedD) failOption(fn, `${arg} has ${d} features per row but the baseline was fitted on ${expectedD}`);
  const data = flat instanceof Float64Array ? flat : Float64Array.from(flat);
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (v - v !== 0) failOption(fn, `${arg} value ${i} (row ${Math.floor(i / d)}, feature ${i % d}) is ${show(v)}`);
  }
  return { data, n, d };
}

function isRowArray(v: unknown): boolean {
  return Array.isArray(v) && (v.length === 0 || (typeof v[0] === 'object' && v[0] !== null && typeof (v[0] as ArrayLike<number>).length === 'number'));
}

/** Reads integer class ids and the number of classes (from `numClasses` or max + 1, at least 2). */
export function readClassIds(train: LabeledData, n: number, fn: string): { y: Int32Array; k: number } {
  const raw = isTensorLike(train.y) ? (train.y.dataSync() as ArrayLike<number>) : train.y;
  if (!raw || raw.length !== n) failOption(fn, `y has ${raw?.length} entries but x has ${n} rows`);
  const y = new Int32Array(n);
  let max = 0;
  for (let i = 0; i < n; i++) {
    const v = raw[i];
    if (!(Number.isInteger(v) && v >= 0)) failOption(fn, `y[${i}] is ${show(v)}, expected an integer class id >= 0`);
    y[i] = v;
    if (v > max) max = v;
  }
  const k = train.numClasses ?? Math.max(2, max + 1);
  if (max >= k) failOption(fn, `y contains class ${max} but numClasses is ${k}`);
  return { y, k };
}

/** Column means and standard deviations (1 where a column is constant), in float64. */
export function standardization(f: Features): { mean: Float64Array; scale: Float64Array } {
  const { data, n, d } = f;
  const mean = new Float64Array(d);
  const scale = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += data[i * d + j];
  for (let j = 0; j < d; j++) mean[j] /= n;
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) scale[j] += (data[i * d + j] - mean[j]) ** 2;
  for (let j = 0; j < d; j++) {
    const s = Math.sqrt(scale[j] / n);
    scale[j] = s > 0 ? s : 1;
  }
  return { mean, scale };
}

/** (x − mean) / scale, row-major, as float32 for tfjs. */
export function standardize(f: Features, mean: Float64Array, scale: Float64Array): Float32Array {
  const { data, n, d } = f;
  const out = new Float32Array(n * d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) out[i * d + j] = (data[i * d + j] - mean[j]) / scale[j];
  return out;
}

/** The arg-max of each row of an n×k matrix; ties go to the smaller class id. */
export function argMax(p: Float64Array, n: number, k: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let j = 1; j < k; j++) if (p[i * k + j] > p[i * k + best]) best = j;
    out[i] = best;
  }
  return out;
}

/** Binary problems report P(class 1) only; others the full matrix. */
export function probaOutput(p: Float64Array, n: number, k: number): Float64Array {
  if (k !== 2) return p;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = p[2 * i + 1];
  return out;
}
