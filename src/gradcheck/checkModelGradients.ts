import type * as tf from '@tensorflow/tfjs-core';
import type { CheckGradientsOptions } from './checkGradients';
import type { GradientCheckReport, InputGradientReport } from './gradientCheckReport';
import { fromModel } from './engine/fromModel';
import { readModel, resolveLoss, type ModelLike, type ModelLoss } from './engine/modelLoss';
import { readSettings } from './engine/readSettings';
import { runCheck } from './engine/runCheck';
import { ensureGradientsRegistered, translateTfError } from './engine/tfErrors';

export type { ModelLoss, ModelLike, VariableLike } from './engine/modelLoss';

/** Options of {@link checkModelGradients}: those of `checkGradients`, plus the loss. */
export interface CheckModelGradientsOptions extends CheckGradientsOptions {
  /** The loss whose gradients are checked, by name or as `(yTrue, yPred) => tensor` (averaged if not scalar). Defaults to `'meanSquaredError'`. */
  loss?: ModelLoss;
  /** Calls the model with `training: true` (batch statistics in batch norm; dropout would make the check fail). Defaults to false. */
  training?: boolean;
}

/** The report of {@link checkModelGradients}: a {@link GradientCheckReport} whose inputs are the trainable variables, also by name. */
export interface ModelGradientCheckReport extends GradientCheckReport {
  /** Each trainable variable's summary, by the variable's name. */
  variables: Record<string, InputGradientReport>;
}

/**
 * Checks the gradients of a tfjs-layers model's loss with respect to each of
 * its trainable variables (custom layers included), with finite differences
 * exactly as {@link checkGradients} does; the variables play the inputs.
 *
 * Every weight of the model (trainable or not) is written back to its value
 * before the check when it returns or throws: the model is left exactly as it
 * was (bit for bit).
 *
 * @param model - A `tf.LayersModel` (or anything with `trainableWeights`, `weights` and `apply`).
 * @param x - The model's input batch.
 * @param y - The targets.
 * @param options - The loss, `training`, and every option of {@link checkGradients}.
 * @returns A {@link ModelGradientCheckReport}, inputs named as the variables (`dense_Dense1/kernel`).
 * @throws {GradientCheckError} bad arguments, an unknown loss, a model with several outputs,
 *   a kernel missing on the backend.
 * @example
 * const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [3] })] });
 * checkModelGradients(model, tf.ones([2, 3]), tf.ones([2, 1]), { loss: 'meanSquaredError' }).ok;
 * // => true
 */
export function checkModelGradients(
  model: ModelLike,
  x: tf.Tensor | tf.Tensor[],
  y: tf.Tensor,
  options: CheckModelGradientsOptions = {},
): ModelGradientCheckReport {
  const fn = 'checkModelGradients';
  const m = readModel(fn, model);
  const settings = readSettings(fn, options);
  const loss = resolveLoss(fn, options.loss);
  ensureGradientsRegistered(fn);
  const target = fromModel(fn, m, x, y, loss, options.training ?? false);
  try {
    const report = runCheck(fn, target, settings);
    const variables: Record<string, InputGradientReport> = {};
    for (const input of report.inputs) variables[input.name] = input;
    return { ...report, variables };
  } catch (error) {
    throw translateTfError(fn, error);
  } finally {
    target.restore();
  }
}
