import * as tf from '@tensorflow/tfjs-core';
import { show } from '../../core/fail';
import { isTensorLike } from '../../core/tensorLike';
import { GradientCheckError } from '../gradientCheckError';
import { withTapeCleanup } from './tfErrors';

/**
 * What the checker differentiates: a function of several float32 arrays with
 * one float32 output, evaluated by tfjs, with its vector-Jacobian product.
 * Built from a tensor function ({@link fromFunction}) or from a model's
 * variables (see `checkModelGradients`).
 *
 * @internal
 */
export interface Differentiable {
  /** A display name per input (`inputs[0]`, or a variable's name). */
  readonly names: readonly string[];
  readonly shapes: readonly (readonly number[])[];
  /** The inputs' values, float32 (never mutated). */
  readonly values: readonly Float32Array[];
  /** Outputs with input `p` replaced by `values` (`p = -1`: at the inputs). */
  evaluate(p: number, values: Float32Array | null): { data: Float32Array; shape: number[] };
  /** The analytic vector-Jacobian products dyᵀ·∂f/∂input, one per input. */
  vjp(dy: Float32Array, shape: readonly number[]): Float32Array[];
  /** Restores whatever the evaluations changed. */
  restore(): void;
}

/** A tensor function of tensors, as `tf.grads` takes it. */
export type TensorFunction = (...inputs: tf.Tensor[]) => tf.Tensor;

/** @internal */
export function fromFunction(fn: string, f: TensorFunction, inputs: readonly tf.Tensor[], names: readonly string[]): Differentiable {
  const values = inputs.map((t) => Float32Array.from(t.dataSync() as Float32Array));
  const shapes = inputs.map((t) => t.shape.slice());
  return {
    names,
    shapes,
    values,
    evaluate(p, replaced) {
      let data!: Float32Array;
      let shape!: number[];
      tf.tidy(() => {
        const args = inputs.map((t, i) => (i === p && replaced ? tf.tensor(replaced, shapes[i], 'float32') : t));
        const out = f(...args);
        if (!isTensorLike(out)) throw new GradientCheckError(`${fn}: f returned ${show(out)}, expected a tensor`);
        shape = out.shape.slice();
        data = Float32Array.from(out.dataSync() as ArrayLike<number>);
      });
      return { data, shape };
    },
    vjp(dy, shape) {
      let grads!: Float32Array[];
      withTapeCleanup(() =>
        tf.tidy(() => {
          // allowNoGradients: an input f does not use has the gradient 0
          // (tf.grads would throw "Cannot compute gradient of y=f(x)").
          const { grads: g } = tf.engine().gradients(
            () => f(...inputs),
            inputs as tf.Tensor[],
            tf.tensor(dy, shape as number[], 'float32'),
            true,
          );
          grads = g.map((t, i) => (t == null ? new Float32Array(values[i].length) : Float32Array.from(t.dataSync() as Float32Array)));
        }),
      );
      return grads;
    },
    restore() {},
  };
}
