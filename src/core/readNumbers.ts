import { fail, failAt, failKind } from './fail';
import { isTensorLike } from './tensorLike';
import type { NumericInput } from './types';

/** Options of {@link readNumbers}. */
export interface ReadNumbersOptions {
  /** Accept NaN and ±Infinity. Defaults to `false`: the first one throws. */
  allowNonFinite?: boolean;
}

/**
 * Reads numbers from a plain array, a typed array or a tfjs Tensor into a
 * `Float64Array`, validating every entry.
 *
 * A `Float64Array` input is returned as is, without a copy: the library treats
 * everything it reads as read-only.
 *
 * @throws {MetricInputError} `fn: arg[i] is NaN` (or `Infinity`, or a
 *   non-number) for the first bad entry; `fn: arg must be ...` for a value
 *   that is not array-like.
 */
export function readNumbers(
  x: NumericInput,
  fn: string,
  arg: string,
  options: ReadNumbersOptions = {},
): Float64Array {
  let out: Float64Array;
  if (x instanceof Float64Array) {
    out = x;
  } else if (isTensorLike(x)) {
    if (x.dtype === 'string') fail(fn, `${arg} must be a numeric tensor, got dtype string`);
    out = Float64Array.from(x.dataSync() as ArrayLike<number>);
  } else if (ArrayBuffer.isView(x) && !(x instanceof DataView)) {
    if (typeof (x as unknown as ArrayLike<unknown>)[0] === 'bigint') {
      fail(fn, `${arg} must hold numbers, got a BigInt array`);
    }
    out = Float64Array.from(x as unknown as ArrayLike<number>);
  } else if (x != null && typeof (x as ArrayLike<number>).length === 'number' && typeof x !== 'string') {
    const a = x as ArrayLike<unknown>;
    const n = a.length;
    out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = a[i];
      if (typeof v !== 'number') failAt(fn, arg, i, v, ', not a number');
      out[i] = v;
    }
  } else {
    return failKind(fn, arg, 'an array, a typed array or a tensor', x);
  }
  if (!options.allowNonFinite) assertFinite(out, fn, arg);
  return out;
}

/**
 * Throws on the first NaN or ±Infinity in `values`.
 *
 * @throws {MetricInputError} `fn: arg[i] is NaN`.
 */
export function assertFinite(values: ArrayLike<number>, fn: string, arg: string): void {
  const n = values.length;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    // v - v is NaN exactly for NaN and ±Infinity: one comparison per entry.
    if (v - v !== 0) failAt(fn, arg, i, v);
  }
}
