import * as tf from '@tensorflow/tfjs-core';
import { metrics } from '@tensorflow/tfjs-layers';
import { show } from '../../core/fail';
import { GradientCheckError } from '../gradientCheckError';

/** A loss by name, or a function `(yTrue, yPred) => tensor` (a non-scalar result is averaged). */
export type ModelLoss =
  | 'meanSquaredError'
  | 'meanAbsoluteError'
  | 'categoricalCrossentropy'
  | 'binaryCrossentropy'
  | 'softmaxCrossEntropy'
  | ((yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor);

/** The structural part of a `tf.LayersModel` the gradient functions use. */
export interface ModelLike {
  readonly trainableWeights: readonly VariableLike[];
  readonly weights: readonly VariableLike[];
  /** The forward pass, as tfjs-layers' `LayersModel.apply`. */
  apply(inputs: tf.Tensor | tf.Tensor[], kwargs?: { training?: boolean }): tf.Tensor | tf.Tensor[] | unknown;
}

/** The structural part of a tfjs-layers `LayerVariable`. */
export interface VariableLike {
  readonly name: string;
  readonly shape: readonly (number | null)[];
  /** The current value (a tensor the variable owns: do not dispose it). */
  read(): tf.Tensor;
  /** Assigns a new value, as tfjs-layers' `LayerVariable.write`. */
  write(value: tf.Tensor): unknown;
}

/** Resolves `loss` to a function returning a scalar. @internal */
export function resolveLoss(fn: string, loss: ModelLoss | undefined): (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Scalar {
  const scalar = (t: tf.Tensor): tf.Scalar => (t.rank === 0 ? (t as tf.Scalar) : tf.mean(t));
  switch (loss ?? 'meanSquaredError') {
    case 'meanSquaredError':
      return (a, b) => scalar(tf.losses.meanSquaredError(a, b));
    case 'meanAbsoluteError':
      return (a, b) => scalar(tf.losses.absoluteDifference(a, b));
    case 'softmaxCrossEntropy':
      return (a, b) => scalar(tf.losses.softmaxCrossEntropy(a, b));
    case 'categoricalCrossentropy':
      return (a, b) => scalar(metrics.categoricalCrossentropy(a, b));
    case 'binaryCrossentropy':
      return (a, b) => scalar(metrics.binaryCrossentropy(a, b));
    default:
      if (typeof loss === 'function') {
        return (a, b) => {
          const out = loss(a, b);
          if (!(out instanceof tf.Tensor)) throw new GradientCheckError(`${fn}: options.loss returned ${show(out)}, expected a tensor`);
          return scalar(out);
        };
      }
      throw new GradientCheckError(
        `${fn}: options.loss is ${show(loss)}, expected a function or one of 'meanSquaredError', 'meanAbsoluteError', 'categoricalCrossentropy', 'binaryCrossentropy', 'softmaxCrossEntropy'`,
      );
  }
}

/** Checks `model` looks like a tf.LayersModel with trainable weights. @internal */
export function readModel(fn: string, model: unknown): ModelLike {
  const m = model as ModelLike;
  if (typeof model !== 'object' || model === null || typeof m.apply !== 'function' || !Array.isArray(m.trainableWeights)) {
    throw new GradientCheckError(`${fn}: model is ${show(model)}, expected a tf.LayersModel`);
  }
  if (m.trainableWeights.length === 0) throw new GradientCheckError(`${fn}: model has no trainable weights`);
  return m;
}

/** The model's loss on (x, y) as a scalar tensor (the caller disposes it or runs this in a tidy). @internal */
export function modelLossValue(
  model: ModelLike,
  x: tf.Tensor | tf.Tensor[],
  y: tf.Tensor,
  loss: (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Scalar,
  training: boolean,
  fn: string,
): tf.Scalar {
  const out = model.apply(x, { training });
  if (!(out instanceof tf.Tensor)) throw new GradientCheckError(`${fn}: the model has several outputs; pass a model with one output`);
  return loss(y, out);
}
