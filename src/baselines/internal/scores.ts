// Internal: reading labels and presenting scores to metric functions.
import type { TensorLike } from '../../core/tensorLike';

/**
 * Wraps row-major n×k scores as a structural tensor (shape, dtype,
 * dataSync) — a form every score-matrix metric of the metrics module reads —
 * or returns them as they are for k = 1.
 */
export function scoresFor<T extends Float32Array | Float64Array>(scores: T, n: number, k: number): T | TensorLike {
  if (k === 1) return scores;
  return { shape: [n, k], dtype: 'float32', dataSync: () => scores };
}

/** Class ids from one-hot (or probability) rows: the arg-max of each row. */
export function argMaxRows(data: ArrayLike<number>, n: number, k: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let j = 1; j < k; j++) if (data[i * k + j] > data[i * k + best]) best = j;
    out[i] = best;
  }
  return out;
}
