import * as tf from '@tensorflow/tfjs-core';
import { version_layers } from '@tensorflow/tfjs-layers';
import { GradientCheckError } from '../gradientCheckError';

/**
 * Makes sure tfjs's gradient functions are registered before differentiating.
 * tfjs-core's CommonJS build registers none by itself; importing tfjs-layers
 * (which this module does, and whose version is named here so that bundlers
 * keep that import) registers all of them.
 *
 * @internal
 */
export function ensureGradientsRegistered(fn: string): void {
  for (const kernel of ['Square', 'Add', 'Multiply', 'Sum', 'BatchMatMul']) {
    if (tf.getGradient(kernel) == null) {
      throw new GradientCheckError(
        `${fn}: tfjs has no gradient registered for '${kernel}' (tfjs-layers ${version_layers} was loaded with another copy of tfjs-core?); import '@tensorflow/tfjs-layers' from the same tfjs-core before checking gradients`,
      );
    }
  }
}

const MISSING_KERNEL = /Kernel '([^']+)' not registered for backend '([^']+)'/;
const MISSING_GRADIENT = /gradient function not found for ([^.\s]+)/i;

/**
 * Translates tfjs's "kernel not registered" and "gradient not found" errors
 * into a {@link GradientCheckError} that names the kernel and the backend;
 * other errors (including the user's own) are returned unchanged.
 *
 * @internal
 */
export function translateTfError(fn: string, error: unknown): unknown {
  const message = error instanceof Error ? error.message : String(error);
  const kernel = MISSING_KERNEL.exec(message);
  if (kernel) {
    const hint =
      kernel[2] === 'wasm' && /BackpropFilter|BackpropInput/.test(kernel[1])
        ? ' (registerMissingGradientKernels() fills it from kernels the backend has)'
        : '';
    return new GradientCheckError(
      `${fn}: the tfjs '${kernel[2]}' backend has no '${kernel[1]}' kernel, needed to compute the gradient${hint}`,
    );
  }
  const gradient = MISSING_GRADIENT.exec(message);
  if (gradient) {
    return new GradientCheckError(`${fn}: tfjs has no gradient for the kernel ${gradient[1]} (backend '${tf.getBackend()}')`);
  }
  return error;
}
