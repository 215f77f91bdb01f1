import { failDiagnostics } from '../errors';
import { show } from '../../core/fail';
import { isContainer, type ContainerLike, type LayerLike } from './tfForwardAll';

/** Activation layers that carry their function in their class rather than in an `activation` option. */
const ACTIVATION_CLASSES: Record<string, string> = {
  ReLU: 'relu',
  LeakyReLU: 'leakyRelu',
  PReLU: 'prelu',
  ELU: 'elu',
  ThresholdedReLU: 'thresholdedRelu',
  Softmax: 'softmax',
};

/** The activation a layer applies to its output, from its config (`Dense`, `Activation`, …) or its class (`ReLU`, …). @internal */
export function layerActivation(layer: LayerLike): string | undefined {
  const byClass = ACTIVATION_CLASSES[layer.getClassName()];
  if (byClass) return byClass;
  let config: Record<string, unknown>;
  try {
    config = layer.getConfig();
  } catch {
    return undefined;
  }
  const a = config.activation;
  if (typeof a === 'string') return a;
  if (a && typeof a === 'object' && typeof (a as { className?: unknown }).className === 'string') return (a as { className: string }).className;
  return undefined;
}

/** Checks `model` looks like a tfjs-layers model (Sequential or functional). @internal */
export function readLayersModel(fn: string, model: unknown): ContainerLike {
  if (typeof model !== 'object' || model === null || !isContainer(model as LayerLike)) {
    failDiagnostics(fn, `model is ${show(model)}, expected a tf.LayersModel (Sequential or functional)`);
  }
  return model as ContainerLike;
}

/** Every layer path of the model, nested models' layers as `outer/inner`. @internal */
export function layerPaths(model: ContainerLike, prefix = ''): string[] {
  const out: string[] = [];
  for (const layer of model.layers) {
    if (layer.getClassName() === 'InputLayer') continue;
    if (isContainer(layer)) out.push(...layerPaths(layer, prefix + layer.name + '/'));
    else out.push(prefix + layer.name);
  }
  return out;
}

