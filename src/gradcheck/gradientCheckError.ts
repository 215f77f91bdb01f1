import { TfjsMethodologyError } from '../core/errors';

/**
 * A gradient check that failed, or that could not run: analytic gradients
 * that disagree with finite differences (thrown by {@link assertGradients}
 * with a table of the offending elements), a kernel missing on the current
 * tfjs backend (the message names the kernel and the backend), gradients
 * that are not registered, or bad arguments (`checkGradients: inputs[1] is
 * not a float32 tensor`).
 *
 * @example
 * try { assertGradients(buggySquare, [tf.tensor1d([1, 2])]); } catch (e) { e instanceof GradientCheckError; }
 * // => true
 */
export class GradientCheckError extends TfjsMethodologyError {}
