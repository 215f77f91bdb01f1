import * as tf from '@tensorflow/tfjs-core';

/** The part of tfjs-backend-wasm's backend object a heap view needs (tfjs 4.x: `dataIdMap` and the Emscripten module's `HEAPU8`). */
interface WasmBackendLike {
  dataIdMap?: { get(dataId: object): { memoryOffset?: unknown } | undefined };
  wasm?: { HEAPU8?: Uint8Array };
}

/**
 * A tensor's values as float32, for reading on the host. On the wasm
 * backend, a view over the tensor's memory in the wasm heap instead of the
 * copy `dataSync` makes (`HEAPU8.slice`): for a 10-layer CNN that copy alone
 * costs about a third of a `predict` (bench/RESULTS.md). Elsewhere, or when
 * the backend object does not have the expected shape, `dataSync()` (on the
 * cpu backend it returns the tensor's own array, without a copy). Other
 * dtypes are converted, as the device path casts them to float32.
 *
 * The view is only valid until the next tfjs operation: an allocation may
 * grow the wasm memory, which detaches the buffer under it. Read it at once
 * and do not keep it (nor write to it: it is the tensor's storage).
 *
 * @internal
 */
export function hostValues(t: tf.Tensor): Float32Array {
  if (t.dtype !== 'float32') return Float32Array.from(t.dataSync() as Int32Array | Uint8Array);
  return (tf.getBackend() === 'wasm' ? wasmView(t) : undefined) ?? (t.dataSync() as Float32Array);
}

function wasmView(t: tf.Tensor): Float32Array | undefined {
  const backend = tf.backend() as unknown as WasmBackendLike;
  const heap = backend.wasm?.HEAPU8;
  const offset = backend.dataIdMap?.get((t as unknown as { dataId: object }).dataId)?.memoryOffset;
  if (!(heap instanceof Uint8Array) || typeof offset !== 'number' || !Number.isInteger(offset) || offset % 4 !== 0) return undefined;
  const start = heap.byteOffset + offset;
  if (offset < 0 || start + 4 * t.size > heap.byteOffset + heap.byteLength) return undefined;
  return new Float32Array(heap.buffer, start, t.size);
}
