import * as tf from '@tensorflow/tfjs-core';
import type { Differentiable } from './differentiable';
import { modelLossValue, type ModelLike } from './modelLoss';
import { withTapeCleanup } from './tfErrors';

/**
 * The model's loss as a function of its trainable variables. Evaluations
 * write a perturbed copy into one variable and put its value back; `restore`
 * writes every weight (trainable or not) back to the value it had, so the
 * model ends exactly as it started.
 *
 * @internal
 */
export function fromModel(
  fn: string,
  model: ModelLike,
  x: tf.Tensor | tf.Tensor[],
  y: tf.Tensor,
  loss: (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Scalar,
  training: boolean,
): Differentiable {
  const variables = model.trainableWeights;
  const snapshot = model.weights.map((v) => tf.clone(v.read()));
  const base = variables.map((v) => tf.clone(v.read()));
  const values = base.map((t) => Float32Array.from(t.dataSync() as Float32Array));
  const shapes = base.map((t) => t.shape.slice());
  let restored = false;
  return {
    names: variables.map((v) => v.name),
    shapes,
    values,
    evaluate(p, replaced) {
      if (p >= 0 && replaced) {
        const t = tf.tensor(replaced, shapes[p], 'float32');
        variables[p].write(t);
        t.dispose();
      }
      try {
        let data!: Float32Array;
        tf.tidy(() => {
          data = Float32Array.from(modelLossValue(model, x, y, loss, training, fn).dataSync() as Float32Array);
        });
        return { data, shape: [] };
      } finally {
        if (p >= 0 && replaced) variables[p].write(base[p]);
      }
    },
    vjp(dy) {
      let grads!: Float32Array[];
      withTapeCleanup(() => tf.tidy(() => {
        const list = variables.map((v) => v.read() as tf.Variable);
        const { grads: byName } = tf.variableGrads(
          () => tf.mul(modelLossValue(model, x, y, loss, training, fn), dy[0]) as tf.Scalar,
          list,
        );
        grads = list.map((v, i) => {
          const g = byName[v.name];
          return g ? Float32Array.from(g.dataSync() as Float32Array) : new Float32Array(values[i].length);
        });
      }));
      return grads;
    },
    restore() {
      if (restored) return;
      restored = true;
      model.weights.forEach((v, i) => v.write(snapshot[i]));
      tf.dispose(snapshot);
      tf.dispose(base);
    },
  };
}
