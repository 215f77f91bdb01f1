/**
 * The part of a tfjs `Tensor` this library reads. Detected structurally so
 * that pure modules (metrics) never import tfjs.
 */
export interface TensorLike {
  readonly shape: readonly number[];
  readonly dtype: string;
  /** The tensor's values, row-major, copied synchronously from its backend. */
  dataSync(): ArrayLike<number> | ArrayLike<string> | Uint8Array;
}

/** True when `x` looks like a tfjs Tensor (has `shape`, `dtype` and `dataSync`). */
export function isTensorLike(x: unknown): x is TensorLike {
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof (x as { dataSync?: unknown }).dataSync === 'function' &&
    Array.isArray((x as { shape?: unknown }).shape) &&
    typeof (x as { dtype?: unknown }).dtype === 'string'
  );
}
