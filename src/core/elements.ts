import { failKind } from './fail';
import { isTensorLike } from './tensorLike';

/**
 * The entries of an input that should be a list: a plain array (or any
 * array-like object), a typed array, or a tfjs Tensor (through `dataSync()`).
 * The one place where every reader tells a list from anything else, so they
 * all accept and reject the same inputs with the same message.
 *
 * @param x - The input as the caller gave it.
 * @param fn - The public function's name, for the message.
 * @param arg - The argument's name, for the message.
 * @returns The entries, not copied (read them, never write them).
 * @throws {MetricInputError} `fn: arg must be an array, a typed array or a tensor, got 5`
 *   for a value that is not array-like (strings included).
 * @example
 * elements({ shape: [2], dtype: 'float32', dataSync: () => Float32Array.of(1, 2) }, 'f', 'x');
 * // => Float32Array [1, 2]
 */
export function elements(x: unknown, fn: string, arg: string): ArrayLike<unknown> {
  if (isTensorLike(x)) return x.dataSync();
  if (x == null || typeof x === 'string' || typeof (x as ArrayLike<unknown>).length !== 'number') {
    return failKind(fn, arg, 'an array, a typed array or a tensor', x);
  }
  return x as ArrayLike<unknown>;
}
