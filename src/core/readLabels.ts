import { failAt, failKind, show } from './fail';
import { isTensorLike } from './tensorLike';
import type { Label, LabelInput } from './types';

const NOT_LABEL = ', not a number, boolean or string label';

/**
 * Labels after reading: numeric labels (booleans become 1 and 0) in a
 * `Float64Array`, or string labels in an array. Never both kinds at once.
 */
export type LabelArray = Float64Array | readonly string[];

/**
 * Reads class labels: numbers, booleans (as 1 and 0) or strings, from a plain
 * array, a typed array or a tfjs Tensor.
 *
 * @throws {MetricInputError} for a NaN or infinite numeric label, a value that
 *   is neither number, boolean nor string, or labels mixing numbers and strings
 *   (`fn: yTrue[4] is "cat" but yTrue[0] is 1: labels must all be numbers or all strings`).
 */
export function readLabels(x: LabelInput, fn: string, arg: string): LabelArray {
  if (isTensorLike(x)) {
    const data = x.dataSync();
    if (x.dtype === 'string') return readLabels(Array.from(data as ArrayLike<string>), fn, arg);
    return checkNumericLabels(Float64Array.from(data as ArrayLike<number>), fn, arg);
  }
  if (ArrayBuffer.isView(x)) {
    return checkNumericLabels(
      x instanceof Float64Array ? x : Float64Array.from(x as unknown as ArrayLike<number>),
      fn,
      arg,
    );
  }
  if (x == null || typeof x === 'string' || typeof (x as ArrayLike<unknown>).length !== 'number') {
    return failKind(fn, arg, 'an array, a typed array or a tensor', x);
  }
  const a = x as ArrayLike<unknown>;
  const n = a.length;
  if (n === 0) return new Float64Array(0);
  const first = a[0];
  if (typeof first === 'string') {
    const out = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const v = a[i];
      if (typeof v !== 'string') mixed(fn, arg, i, v, first);
      out[i] = v as string;
    }
    return out;
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = a[i];
    if (typeof v === 'number') out[i] = v;
    else if (typeof v === 'boolean') out[i] = v ? 1 : 0;
    else if (typeof v === 'string') mixed(fn, arg, i, v, first);
    else failAt(fn, arg, i, v, NOT_LABEL);
  }
  return checkNumericLabels(out, fn, arg);
}

function mixed(fn: string, arg: string, i: number, v: unknown, first: unknown): never {
  if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
    failAt(fn, arg, i, v, NOT_LABEL);
  }
  return failAt(fn, arg, i, v, ` but ${arg}[0] is ${show(first)}: labels must all be numbers or all strings`);
}

function checkNumericLabels(values: Float64Array, fn: string, arg: string): Float64Array {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v - v !== 0) failAt(fn, arg, i, v, ', not a valid label');
  }
  return values;
}

/**
 * Compares labels the way scikit-learn sorts them: numbers numerically (10
 * after 9), strings by Unicode code point order (as Python compares them).
 */
export function compareLabels(a: Label, b: Label): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  if (sa === sb) return 0;
  // JS `<` compares UTF-16 code units; Python (scikit-learn) compares code
  // points. They differ only once a surrogate meets a BMP character >= U+E000.
  const n = Math.min(sa.length, sb.length);
  for (let i = 0; i < n; i++) {
    const ca = sa.charCodeAt(i);
    const cb = sb.charCodeAt(i);
    if (ca === cb) continue;
    const pa = ca >= 0xd800 && ca <= 0xdfff ? 0x10000 + ca : ca;
    const pb = cb >= 0xd800 && cb <= 0xdfff ? 0x10000 + cb : cb;
    return pa - pb;
  }
  return sa.length - sb.length;
}

/** The distinct labels of one or more label arrays, sorted by {@link compareLabels}. */
export function uniqueLabels(...arrays: LabelArray[]): Label[] {
  const seen = new Set<Label>();
  for (const a of arrays) for (let i = 0; i < a.length; i++) seen.add(a[i]);
  return Array.from(seen).sort(compareLabels);
}
