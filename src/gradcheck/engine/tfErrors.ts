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

interface TapeState {
  state?: { gradientDepth?: number; activeTape?: { saved?: tf.Tensor[] }[] | null };
}

/**
 * Disposes what tfjs leaves behind when a gradient computation throws
 * (a missing kernel, an error in `f`): tfjs 4.22 disposes the tensors saved
 * for the backward pass (clones it keeps) only when backpropagation
 * completes, so after a throw they would leak. Only at gradient depth 0,
 * i.e. when no outer gradient computation owns the tape.
 *
 * @internal
 */
export function disposeAbandonedTape(): void {
  const state = (tf.engine() as unknown as TapeState).state;
  if (!state || state.gradientDepth !== 0 || !state.activeTape) return;
  for (const node of state.activeTape) for (const t of node.saved ?? []) if (!t.isDisposed) t.dispose();
  state.activeTape = null;
}

/** Runs a gradient computation; on a throw, disposes the abandoned tape first. @internal */
export function withTapeCleanup<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    disposeAbandonedTape();
    throw error;
  }
}
