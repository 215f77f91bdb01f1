import * as tf from '@tensorflow/tfjs-core';
import { fail, show } from '../core/fail';
import { readNumbers } from '../core/readNumbers';
import { readScoreMatrix } from '../core/readScoreMatrix';
import { isTensorLike } from '../core/tensorLike';
import type { NumericInput, ScoreMatrixInput } from '../core/types';

/**
 * Logits as a float32 Tensor2D: the caller's tensor as is (`owned: false`,
 * never disposed or modified here), or a new tensor built from plain input
 * (`owned: true`, the caller of this helper disposes it).
 */
export function logitsTensor(
  logits: ScoreMatrixInput | tf.Tensor,
  numClasses: number | undefined,
  fn: string,
): { z: tf.Tensor2D; owned: boolean; values: ArrayLike<number> } {
  if (isTensorLike(logits)) {
    if (!(logits instanceof tf.Tensor)) fail(fn, 'logits is a tensor of another tfjs instance: use the @tensorflow/tfjs-core this package resolves');
    if (logits.rank !== 2) fail(fn, `logits must be a 2-D tensor (n×k), got shape [${logits.shape.join(', ')}]`);
    if (numClasses !== undefined && logits.shape[1] !== numClasses) {
      fail(fn, `logits has ${logits.shape[1]} columns but numClasses is ${numClasses}`);
    }
    // Finite check on the values: NaN logits would silently give a NaN temperature.
    const data = logits.dataSync();
    const cols = logits.shape[1] as number;
    for (let i = 0; i < data.length; i++) {
      const v = data[i] as number;
      if (v - v !== 0) fail(fn, `logits[${Math.floor(i / cols)}][${i % cols}] is ${show(v)}`);
    }
    return {
      z: (logits.dtype === 'float32' ? logits : tf.cast(logits, 'float32')) as tf.Tensor2D,
      owned: logits.dtype !== 'float32',
      values: data as ArrayLike<number>,
    };
  }
  const { values, rows, cols } = readScoreMatrix(logits, fn, 'logits', numClasses);
  const f32 = Float32Array.from(values);
  return { z: tf.tensor2d(f32, [rows, cols], 'float32'), owned: true, values: f32 };
}

/** Class indices in [0, k), as an Int32Array. */
export function readClassIndices(labels: NumericInput, n: number, k: number, fn: string): Int32Array {
  const y = readNumbers(labels, fn, 'labels');
  if (y.length !== n) fail(fn, `labels has ${y.length} entries but logits has ${n} rows`);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = y[i];
    if (!Number.isInteger(v) || v < 0 || v >= k) {
      fail(fn, `labels[${i}] is ${show(v)}, expected a class index in [0, ${k - 1}]`);
    }
    out[i] = v;
  }
  return out;
}

/**
 * True when every row's largest logit is unique and at its label: then the
 * NLL falls for ever as the temperature shrinks (no finite optimum).
 */
export function separable(values: ArrayLike<number>, y: Int32Array, k: number): boolean {
  for (let i = 0; i < y.length; i++) {
    const zy = values[i * k + y[i]];
    for (let j = 0; j < k; j++) {
      if (j !== y[i] && values[i * k + j] >= zy) return false;
    }
  }
  return true;
}
