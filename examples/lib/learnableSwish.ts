/**
 * A custom layer with a hand-written gradient, for the gradient-check
 * example and its unit test: swish with a learnable slope per unit,
 *
 *   y = x · σ(βx),
 *   ∂y/∂x = σ(βx) + βx · σ(βx)(1 − σ(βx)),
 *   ∂y/∂β = x² · σ(βx)(1 − σ(βx)).
 *
 * `buggy: true` plants the kind of slip a gradient check exists for: ∂y/∂β
 * written with x instead of x² (the chain rule's inner factor forgotten).
 * The forward pass, and so every loss and accuracy, is unchanged; training
 * would only drift slowly in the wrong direction.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';

/** The op y = x·σ(βx) with its hand-written gradient (`buggy`: the planted ∂y/∂β slip). */
export function learnableSwishOp(buggy = false): (x: tf.Tensor, beta: tf.Tensor) => tf.Tensor {
  return tf.customGrad((x, beta, save) => {
    const [xt, bt] = [x as tf.Tensor, beta as tf.Tensor];
    (save as tf.GradSaveFunc)([xt, bt]);
    return {
      value: tf.mul(xt, tf.sigmoid(tf.mul(bt, xt))),
      gradFunc: (dy, saved) => {
        const [xs, bs] = saved;
        const s = tf.sigmoid(tf.mul(bs, xs));
        const ds = tf.mul(s, tf.sub(1, s)); // σ'(βx)
        const dx = tf.add(s, tf.mul(tf.mul(bs, xs), ds));
        const inner = buggy ? xs : tf.square(xs);
        const dBeta = tf.mul(inner, ds);
        const g = dy as tf.Tensor;
        // β is broadcast over the batch: its gradient sums over it.
        return [tf.mul(g, dx), tf.sum(tf.mul(g, dBeta), 0)];
      },
    };
  }) as (x: tf.Tensor, beta: tf.Tensor) => tf.Tensor;
}

/** `y = x·σ(βx)` per unit, with β learned (initialised to 1). */
export class LearnableSwish extends tfl.layers.Layer {
  static className = 'LearnableSwish';
  private beta!: tfl.LayerVariable;
  private readonly op: (x: tf.Tensor, beta: tf.Tensor) => tf.Tensor;

  constructor(config: { buggy?: boolean; name?: string } = {}) {
    super({ name: config.name });
    this.op = learnableSwishOp(config.buggy ?? false);
  }

  override build(inputShape: tfl.Shape | tfl.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tfl.Shape;
    this.beta = this.addWeight('beta', [shape[shape.length - 1] as number], 'float32', tfl.initializers.ones());
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return this.op(Array.isArray(inputs) ? inputs[0] : inputs, this.beta.read());
  }
}
