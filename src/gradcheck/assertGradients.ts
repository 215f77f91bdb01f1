import type * as tf from '@tensorflow/tfjs-core';
import { checkGradients, type CheckGradientsOptions, type TensorFunction } from './checkGradients';
import { checkModelGradients, type CheckModelGradientsOptions, type ModelGradientCheckReport, type ModelLike } from './checkModelGradients';
import { formatGradientReport } from './formatGradientReport';
import { GradientCheckError } from './gradientCheckError';
import type { GradientCheckReport } from './gradientCheckReport';

/**
 * {@link checkGradients}, throwing when a gradient is wrong: made for unit
 * tests. The error's message is a readable table of the worst comparisons
 * (see {@link formatGradientReport}).
 *
 * @param f - A function of tensors returning a tensor.
 * @param inputs - The float32 tensors to differentiate at.
 * @param options - See {@link CheckGradientsOptions}.
 * @returns The report, when every comparison passed.
 * @throws {GradientCheckError} a gradient out of tolerance (the table), or any error of {@link checkGradients}.
 * @example
 * assertGradients((x) => tf.sum(tf.exp(x)), [tf.tensor1d([0, 1])]).ok;
 * // => true
 */
export function assertGradients(f: TensorFunction, inputs: readonly tf.Tensor[], options?: CheckGradientsOptions): GradientCheckReport {
  const report = checkGradients(f, inputs, options);
  if (!report.ok) throw new GradientCheckError(`assertGradients: ${formatGradientReport(report)}`);
  return report;
}

/**
 * {@link checkModelGradients}, throwing a {@link GradientCheckError} with the
 * table of the worst comparisons (by variable name) when a gradient is wrong.
 *
 * @param model - A `tf.LayersModel`.
 * @param x - The input batch.
 * @param y - The targets.
 * @param options - The loss and the options of {@link checkGradients}.
 * @returns The report, when every comparison passed.
 * @throws {GradientCheckError} a gradient out of tolerance, or any error of {@link checkModelGradients}.
 * @example
 * assertModelGradients(model, x, y, { loss: 'meanSquaredError' }).ok;
 * // => true
 */
export function assertModelGradients(
  model: ModelLike,
  x: tf.Tensor | tf.Tensor[],
  y: tf.Tensor,
  options?: CheckModelGradientsOptions,
): ModelGradientCheckReport {
  const report = checkModelGradients(model, x, y, options);
  if (!report.ok) throw new GradientCheckError(`assertModelGradients: ${formatGradientReport(report)}`);
  return report;
}
