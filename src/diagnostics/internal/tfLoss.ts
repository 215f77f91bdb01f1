import { show } from '../../core/fail';
import type { ModelLoss } from '../../gradcheck/engine/modelLoss';
import { failDiagnostics } from '../errors';

/** The losses gradcheck's `resolveLoss` knows by name. @internal */
export const NAMED_LOSSES = ['meanSquaredError', 'meanAbsoluteError', 'categoricalCrossentropy', 'binaryCrossentropy', 'softmaxCrossEntropy'];

/** The compiled parts of a tf.LayersModel the defaults read. @internal */
export interface CompiledModel {
  loss?: unknown;
  optimizer?: { learningRate?: unknown };
}

/** The loss option, else the compiled loss when it is a supported name. @internal */
export function readLoss(fn: string, model: CompiledModel, loss: ModelLoss | undefined): ModelLoss {
  if (loss !== undefined) {
    if (typeof loss !== 'function' && !NAMED_LOSSES.includes(loss)) {
      failDiagnostics(fn, `loss is ${show(loss)}, expected a function or one of ${NAMED_LOSSES.map(show).join(', ')}`);
    }
    return loss;
  }
  const compiled = model.loss;
  if (typeof compiled === 'string' && NAMED_LOSSES.includes(compiled)) return compiled as ModelLoss;
  return failDiagnostics(fn, `loss is required: the model is not compiled with one of ${NAMED_LOSSES.map(show).join(', ')} (compiled loss: ${show(compiled)})`);
}

/** The default learning rate: the compiled optimizer's, else 0.01. @internal */
export function defaultLearningRate(model: unknown): number {
  const lr = (model as CompiledModel).optimizer?.learningRate;
  return typeof lr === 'number' && Number.isFinite(lr) && lr >= 0 ? lr : 0.01;
}

