import type * as tf from '@tensorflow/tfjs-core';
import { checkGradients, type CheckGradientsOptions, type TensorFunction } from './checkGradients';
import { formatGradientReport } from './formatGradientReport';

/** What a matcher returns to `expect.extend` (vitest and jest share this shape). */
export interface GradcheckMatcherResult {
  pass: boolean;
  /** The failure message (the report's table), built only when the test runner shows it. */
  message: () => string;
}

/**
 * The type to merge into your test runner's assertion interface, e.g. in
 * vitest: `declare module 'vitest' { interface Assertion<T> extends GradcheckMatchers<void> {} }`.
 */
export interface GradcheckMatchers<R = unknown> {
  /** Passes when the function's analytic gradients at `inputs` agree with finite differences. */
  /** Passes when {@link checkGradients} of the received function at `inputs` passes. */
  toHaveCorrectGradients(inputs: readonly tf.Tensor[], options?: CheckGradientsOptions): R;
}

/**
 * Plain matcher functions for `expect.extend` in vitest or jest (no
 * dependency on either): `expect(f).toHaveCorrectGradients(inputs, options?)`
 * runs {@link checkGradients} and passes when the report is `ok`. The failure
 * message is the report's table ({@link formatGradientReport}); with `.not`,
 * the message says that every comparison passed.
 *
 * @example
 * expect.extend(gradcheckMatchers);
 * expect((x: tf.Tensor) => tf.sum(tf.sin(x))).toHaveCorrectGradients([tf.tensor1d([0.5, 1])]);
 * // => passes
 */
export const gradcheckMatchers = {
  /** The matcher: `received` is the function under test, then the arguments of `toHaveCorrectGradients`. */
  toHaveCorrectGradients(received: unknown, inputs: readonly tf.Tensor[], options?: CheckGradientsOptions): GradcheckMatcherResult {
    if (typeof received !== 'function') {
      return { pass: false, message: () => `expected a function of tensors, received ${typeof received}` };
    }
    const report = checkGradients(received as TensorFunction, inputs, options);
    return {
      pass: report.ok,
      message: () =>
        report.ok
          ? `expected the gradients of f not to match finite differences, but they do:\n${formatGradientReport(report)}`
          : `expected the gradients of f to match finite differences:\n${formatGradientReport(report)}`,
    };
  },
};
