import * as tf from '@tensorflow/tfjs-core';
import { GradientCheckError } from './gradientCheckError';
import {
  conv2DBackpropFilter,
  depthwiseConv2dNativeBackpropFilter,
  depthwiseConv2dNativeBackpropInput,
  maxPoolGrad,
} from './kernels/gradientKernels';

/** Options of {@link registerMissingGradientKernels}. */
export interface RegisterMissingGradientKernelsOptions {
  /** The backend to complete. Defaults to the current backend (`tf.getBackend()`). */
  backend?: string;
  /**
   * Replace the wasm backend's `MaxPoolGrad`, which returns a zero gradient
   * where a pooling window's maximum is negative (tfjs-backend-wasm 4.22).
   * Defaults to true; only applies to the `'wasm'` backend.
   */
  fixWasmMaxPoolGrad?: boolean;
}

type KernelFunc = (args: { inputs: Record<string, tf.TensorInfo>; attrs?: Record<string, unknown> }) => tf.Tensor;

const FILLS: [string, KernelFunc][] = [
  ['Conv2DBackpropFilter', conv2DBackpropFilter],
  ['DepthwiseConv2dNativeBackpropFilter', depthwiseConv2dNativeBackpropFilter],
  ['DepthwiseConv2dNativeBackpropInput', depthwiseConv2dNativeBackpropInput],
];

/**
 * Opt-in: registers, on a backend that lacks them, the gradient kernels that
 * tfjs-backend-wasm 4.22 does not have — `Conv2DBackpropFilter`,
 * `DepthwiseConv2dNativeBackpropFilter` and `DepthwiseConv2dNativeBackpropInput`
 * — built from ops every backend has (strided slices, pads, matrix products,
 * sums), so that convolutional, depthwise and separable layers train on wasm.
 * On wasm it also replaces `MaxPoolGrad`, whose gradient is zero where a
 * window's maximum is negative, with one that sends dy to the first maximum
 * of each window as the cpu backend does. Kernels the backend already has are
 * left alone (apart from that fix).
 *
 * The replacements are slower than native kernels (one small op per filter
 * tap) but exact up to float32 summation order; the test suite checks them
 * with `checkGradients` on wasm and against the cpu backend's gradients.
 * Call it once after `tf.setBackend(...)`; calling it again does nothing.
 *
 * @param options - The backend and whether to fix wasm's MaxPoolGrad.
 * @returns The names of the kernels registered (empty when nothing was missing).
 * @throws {GradientCheckError} when the backend is not registered with tfjs.
 * @example
 * await tf.setBackend('wasm');
 * registerMissingGradientKernels();
 * // => ['Conv2DBackpropFilter', 'DepthwiseConv2dNativeBackpropFilter', 'DepthwiseConv2dNativeBackpropInput', 'MaxPoolGrad']
 */
export function registerMissingGradientKernels(options: RegisterMissingGradientKernelsOptions = {}): string[] {
  const backend = options.backend ?? tf.getBackend();
  if (!backend || tf.findBackend(backend) == null) {
    throw new GradientCheckError(`registerMissingGradientKernels: options.backend '${backend}' is not a registered tfjs backend`);
  }
  const registered: string[] = [];
  for (const [kernelName, kernelFunc] of FILLS) {
    if (tf.getKernel(kernelName, backend) != null) continue;
    tf.registerKernel({ kernelName, backendName: backend, kernelFunc: kernelFunc as unknown as tf.KernelFunc });
    registered.push(kernelName);
  }
  if (backend === 'wasm' && (options.fixWasmMaxPoolGrad ?? true)) {
    const current = tf.getKernel('MaxPoolGrad', backend);
    if (current == null || current.kernelFunc !== (maxPoolGrad as unknown as tf.KernelFunc)) {
      if (current != null) tf.unregisterKernel('MaxPoolGrad', backend);
      tf.registerKernel({ kernelName: 'MaxPoolGrad', backendName: backend, kernelFunc: maxPoolGrad as unknown as tf.KernelFunc });
      registered.push('MaxPoolGrad');
    }
  }
  return registered;
}
