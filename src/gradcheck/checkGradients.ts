import type * as tf from '@tensorflow/tfjs-core';
import { GradientCheckError } from './gradientCheckError';
import type { GradientCheckReport } from './gradientCheckReport';
import { fromFunction, type TensorFunction } from './engine/differentiable';
import { readInputs, readSettings } from './engine/readSettings';
import { runCheck } from './engine/runCheck';
import { ensureGradientsRegistered, translateTfError } from './engine/tfErrors';

export type { TensorFunction } from './engine/differentiable';

/** Options of {@link checkGradients} (and of the model and assertion variants). */
export interface CheckGradientsOptions {
  /**
   * `'full'` compares every element of each input (a seeded sample of
   * `maxElementsPerInput` of them for larger inputs, plus one random
   * directional derivative covering the rest); `'fast'` compares `directions`
   * random directional derivatives uᵀ·J·v per input, at a cost that does not
   * grow with the number of elements. Defaults to `'full'`.
   */
  mode?: 'full' | 'fast';
  /**
   * An absolute finite-difference step for every element. Defaults to a step
   * per element, `relativeStep · max(|x|, 1)` with relativeStep 2^-7 for the
   * fourth-order stencil and 2^-8 for the second-order one, offsets taken
   * after rounding to float32.
   */
  eps?: number;
  /** Absolute tolerance. Defaults to 0. */
  atol?: number;
  /** Tolerance relative to max(|analytic|, |numeric|). Defaults to 1e-3. */
  rtol?: number;
  /** Tolerance relative to the input's largest analytic gradient (for a direction, to ‖a ⊙ v‖₂). Defaults to 1e-4. */
  gtol?: number;
  /** Multiplier of the float32 rounding-noise bound propagated through the stencil. Defaults to 4. */
  noiseFactor?: number;
  /** 4: fourth-order central differences (Richardson on h and h/2); 2: second-order central differences. Defaults to 4. */
  stencil?: 2 | 4;
  /** In the full mode, compare at most this many (seeded) elements of each input. Defaults to 8; `Infinity` checks all. */
  maxElementsPerInput?: number;
  /** Random directional derivatives per input in the fast mode. Defaults to 2. */
  directions?: number;
  /** In the full mode, outputs with at most this many elements are checked row by row (the full Jacobian); larger ones through a seeded random weighting. Defaults to 4. */
  jacobianOutputs?: number;
  /** Length of the report's `worst` and `nonDifferentiable` lists. Defaults to 10. */
  maxReported?: number;
  /** Seed of the sampled elements, output weightings and directions. Defaults to 0. */
  seed?: string | number;
}

/**
 * Compares the gradients tfjs computes for `f` (vector-Jacobian products)
 * with finite differences, in float32, on the current backend.
 *
 * For a scalar output L = f(x) each checked element x_j is moved to the four
 * float32 points x_j + d_k, d ≈ (−h, −h/2, +h/2, +h) with h = 2^-7·max(|x_j|, 1),
 * and ∂L/∂x_j is estimated by the cubic through them (fourth order, Richardson's
 * (4·D(h/2) − D(h))/3 on the actual offsets). A non-scalar output is checked
 * through L = Σ_i w_i·f_i with seeded Gaussian weights w (or row by row, the
 * full Jacobian, when it has at most `jacobianOutputs` elements), summed in
 * float64. An element passes when
 *
 *   |a − n| ≤ atol + rtol·max(|a|, |n|) + gtol·max_j|a_j| + 2^8·u·G + |D(h) − D(h/2)| + noiseFactor·ν
 *
 * where ν is the float32 rounding of the outputs that moved, propagated through
 * the stencil, u = 2^-24 and G the largest analytic gradient over all inputs
 * (the float32 rounding of the analytic gradient itself: a gradient that is
 * zero in exact arithmetic comes out as ~1e-8). Elements whose one-sided
 * derivatives (right vs left) disagree beyond noise have a kink within a step
 * (ReLU, abs, max): they are looked at again with steps 8 and 64 times
 * smaller, and if the kink is still within the step they are reported in
 * `nonDifferentiable`, not as failures. A step that makes f non-finite (log
 * near 0) is halved, up to 6 times.
 *
 * The function is called as `f(...inputs)` (as `tf.grads` calls it) about
 * 1 + 4·(checked elements) times; every tensor it creates is disposed, also
 * when it throws. Gradients are registered through tfjs-layers.
 *
 * Reference: the float32 analysis follows Press et al., Numerical Recipes §5.7;
 * compare `torch.autograd.gradcheck`, designed for float64.
 *
 * @param f - A function of tensors returning a tensor (scalar or not).
 * @param inputs - The float32 tensors to differentiate at (never modified).
 * @param options - See {@link CheckGradientsOptions}.
 * @returns A {@link GradientCheckReport} (plain data; nothing to dispose).
 * @throws {GradientCheckError} bad arguments, a non-finite output or gradient,
 *   a kernel missing on the backend (named with the backend), no registered gradients.
 *   Errors thrown by `f` itself propagate unchanged.
 * @example
 * const report = checkGradients((x) => tf.sum(tf.square(x)), [tf.tensor1d([1, 2, 3])]);
 * report.ok;
 * // => true
 */
export function checkGradients(
  f: TensorFunction,
  inputs: readonly tf.Tensor[],
  options: CheckGradientsOptions = {},
): GradientCheckReport {
  const fn = 'checkGradients';
  if (typeof f !== 'function') throw new GradientCheckError(`${fn}: f is ${typeof f}, expected a function of tensors`);
  const tensors = readInputs(fn, inputs);
  const settings = readSettings(fn, options);
  ensureGradientsRegistered(fn);
  const target = fromFunction(fn, f, tensors, tensors.map((_, i) => `inputs[${i}]`));
  try {
    return runCheck(fn, target, settings);
  } catch (error) {
    throw translateTfError(fn, error);
  } finally {
    target.restore();
  }
}
