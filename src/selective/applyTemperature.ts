import * as tf from '@tensorflow/tfjs-core';
import { readNumberOption } from '../core/assert';
import { fail, show } from '../core/fail';
import { isTensorLike } from '../core/tensorLike';

/**
 * Divides logits by a temperature: z / T, the calibrated logits of
 * temperature scaling (softmax of the result gives calibrated probabilities).
 *
 * Ownership: for a tfjs Tensor the result is a new tensor that the caller
 * owns and must dispose (the input is not disposed or modified); it is
 * computed with `tf.div` on the active backend. For nested arrays the result
 * is a new `number[][]`, for a flat array or typed array a new
 * `Float64Array` in the same row-major layout.
 *
 * Reference: C. Guo et al. (2017), "On Calibration of Modern Neural
 * Networks", ICML, §4.2.
 *
 * @param logits - Logits as a tensor, nested arrays or a flat array.
 * @param temperature - T > 0, e.g. from {@link fitTemperature}.
 * @returns The scaled logits, of the input's kind (see ownership above).
 * @throws {MetricInputError} for a temperature that is not finite and > 0, or a non-finite logit in plain input.
 * @example
 * applyTemperature([[2, -1], [0.5, 1]], 2);
 * // => [[1, -0.5], [0.25, 0.5]]
 */
export function applyTemperature<T extends tf.Tensor | ArrayLike<ArrayLike<number>> | ArrayLike<number>>(
  logits: T,
  temperature: number,
): T extends tf.Tensor ? tf.Tensor : T extends ArrayLike<ArrayLike<number>> ? number[][] : Float64Array;
export function applyTemperature(
  logits: tf.Tensor | ArrayLike<ArrayLike<number>> | ArrayLike<number>,
  temperature: number,
): tf.Tensor | number[][] | Float64Array {
  const fn = 'applyTemperature';
  const t = readNumberOption((temperature as number | undefined) ?? NaN, NaN, fn, 'temperature', { min: 0, minExclusive: true });
  if (isTensorLike(logits)) {
    return tf.tidy(() => tf.div(logits as tf.Tensor, tf.scalar(t)));
  }
  if (logits == null || typeof (logits as ArrayLike<unknown>).length !== 'number') {
    return fail(fn, `logits must be a tensor, nested arrays or a flat array, got ${show(logits)}`);
  }
  const a = logits as ArrayLike<unknown>;
  if (a.length > 0 && typeof a[0] === 'object' && a[0] !== null) {
    const rows = a as ArrayLike<ArrayLike<unknown>>;
    const out: number[][] = [];
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      const r = new Array<number>(row.length);
      for (let j = 0; j < row.length; j++) {
        const v = row[j];
        if (typeof v !== 'number' || v - v !== 0) fail(fn, `logits[${i}][${j}] is ${show(v)}`);
        r[j] = v / t;
      }
      out.push(r);
    }
    return out;
  }
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (typeof v !== 'number' || v - v !== 0) fail(fn, `logits[${i}] is ${show(v)}`);
    out[i] = v / t;
  }
  return out;
}
