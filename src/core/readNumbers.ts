import { elements } from './elements';
import { failAt } from './fail';
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
 * @throws {MetricInputError} `fn: arg[i] is NaN` (or `Infinity`) for the first
 *   non-finite entry, `fn: arg[i] is "a", not a number` for an entry that is
 *   not a number (a string tensor's or a BigInt array's included);
 *   `fn: arg must be ...` for a value that is not array-like.
 */
export function readNumbers(
  x: NumericInput,
  fn: string,
  arg: string,
  options: ReadNumbersOptions = {},
): Float64Array {
  let out = x as Float64Array;
  if (!(x instanceof Float64Array)) {
    const a = elements(x, fn, arg);
    out = new Float64Array(a.length);
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      if (typeof v !== 'number') failAt(fn, arg, i, v, ', not a number');
      out[i] = v as number;
    }
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
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    // v - v is NaN exactly for NaN and ±Infinity: one comparison per entry.
    if (v - v !== 0) failAt(fn, arg, i, v);
  }
}
