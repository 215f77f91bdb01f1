import * as tf from '@tensorflow/tfjs-core';
import type { Dataset } from './Dataset';

/** Options of {@link toTensors}. */
export interface ToTensorsOptions {
  /** Return class labels one-hot encoded (float32, last axis `numClasses`). Defaults to `false`. */
  oneHot?: boolean;
}

/** The tensors of a dataset; the caller owns them and must dispose them. */
export interface DatasetTensors {
  readonly x: tf.Tensor;
  readonly y: tf.Tensor;
}

/**
 * Turns a {@link Dataset} into tfjs tensors ready for `model.fit`.
 *
 * - `x`: float32 of `dataset.shape`.
 * - `y` for binary classification (`numClasses` 2) and regression: float32 of
 *   shape `[n, 1]` (what a sigmoid or linear output with one unit expects).
 * - `y` for multiclass: int32 class ids of shape `[n]` (or `yShape`), for
 *   `sparseCategoricalCrossentropy`; with `oneHot: true`, float32 of shape
 *   `[n, numClasses]` (or `[...yShape, numClasses]`), for
 *   `categoricalCrossentropy`. `oneHot` also applies to binary labels.
 *
 * @param dataset - Any {@link Dataset}.
 * @param options - See {@link ToTensorsOptions}.
 * @returns `{ x, y }`, two new tensors owned by the caller.
 * @example
 * const { x, y } = toTensors(twoMoons({ n: 8 }));
 * [x.shape, y.shape, y.dtype];
 * // => [[8, 2], [8, 1], 'float32']
 */
export function toTensors(dataset: Dataset, options: ToTensorsOptions = {}): DatasetTensors {
  const n = dataset.shape[0];
  const x = tf.tensor(dataset.x, [...dataset.shape], 'float32');
  const yShape = dataset.yShape ? [...dataset.yShape] : [n];
  let y: tf.Tensor;
  if (dataset.numClasses === undefined || !(dataset.y instanceof Int32Array)) {
    y = tf.tensor(dataset.y, dataset.yShape ? yShape : [n, 1], 'float32');
  } else if (options.oneHot) {
    const k = dataset.numClasses;
    y = tf.tidy(() => tf.reshape(tf.cast(tf.oneHot(tf.tensor1d(dataset.y as Int32Array, 'int32'), k), 'float32'), [...yShape, k]));
  } else if (dataset.numClasses === 2 && !dataset.yShape) {
    y = tf.tensor(Float32Array.from(dataset.y), [n, 1], 'float32');
  } else {
    y = tf.tensor(dataset.y, yShape, 'int32');
  }
  return { x, y };
}
