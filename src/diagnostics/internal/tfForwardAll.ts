import * as tf from '@tensorflow/tfjs-core';
import { failDiagnostics } from '../errors';

/**
 * The structural part of a tfjs-layers layer the graph walk reads. Layers
 * models (Sequential or functional) are containers: they also have
 * `nodesByDepth`, `inputs` and `outputs`.
 *
 * @internal
 */
export interface LayerLike {
  readonly name: string;
  getClassName(): string;
  getConfig(): Record<string, unknown>;
  call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor | tf.Tensor[];
  computeMask(inputs: tf.Tensor | tf.Tensor[], mask?: unknown): tf.Tensor | tf.Tensor[] | null;
  readonly trainableWeights: readonly { readonly name: string }[];
  readonly outputShape: unknown;
}

interface SymbolicLike {
  readonly id: number;
}

interface NodeLike {
  readonly outboundLayer: LayerLike;
  readonly inputTensors: readonly SymbolicLike[];
  readonly outputTensors: readonly SymbolicLike[];
  readonly callArgs?: Record<string, unknown> | null;
}

/** A layers model seen as a graph: what `Container.runInternalGraph` walks. @internal */
export interface ContainerLike extends LayerLike {
  readonly layers: readonly LayerLike[];
  readonly inputs: readonly SymbolicLike[];
  readonly outputs: readonly SymbolicLike[];
  readonly nodesByDepth?: Record<string, readonly NodeLike[]>;
  /** A Sequential model keeps its graph in an inner functional model once built. */
  readonly model?: ContainerLike;
  build?(inputShape?: unknown): void;
}

/** Whether a layer is itself a layers model (a nested model). @internal */
export function isContainer(layer: LayerLike): layer is ContainerLike {
  const c = layer as Partial<ContainerLike>;
  return Array.isArray(c.layers) && Array.isArray(c.inputs) && Array.isArray(c.outputs);
}

/** The container that holds the graph: a built Sequential's inner model, else the model itself. */
function graphOf(c: ContainerLike, fn: string): ContainerLike {
  // A Sequential model keeps its graph in an inner functional model, built lazily (as its own predict does);
  // its own nodesByDepth is an empty placeholder.
  if (c.getClassName() === 'Sequential') {
    if (!c.model && typeof c.build === 'function') {
      try {
        c.build();
      } catch {
        // An empty Sequential, or one whose first layer has no input shape: reported below.
      }
    }
    if (c.model?.nodesByDepth) return c.model;
    return failDiagnostics(fn, `model ${c.name} has no graph (no layers, or a first layer without an inputShape)`);
  }
  return c;
}

/**
 * Called once per layer application in forward order, with the layer's path
 * (`outer/inner` inside nested models) and its output tensors.
 *
 * @internal
 */
export type LayerVisitor = (path: string, layer: LayerLike, outputs: tf.Tensor[]) => void;

/**
 * Runs `model` on `inputs` in inference mode exactly as tfjs-layers'
 * `Container.runInternalGraph` does (nodes by decreasing depth, each layer's
 * `call` with the node's call arguments and the propagated masks), except
 * that a nested model is walked layer by layer instead of being called as
 * one layer: every layer's output, at any nesting depth, is seen once, in a
 * single forward pass. Input layers are not visited. Returns the model's
 * outputs; every tensor created is left to the caller's `tf.tidy`.
 *
 * @internal
 */
export function forwardAll(fn: string, model: ContainerLike, inputs: tf.Tensor[], visit: LayerVisitor, prefix = ''): tf.Tensor[] {
  const g = graphOf(model, fn);
  if (inputs.length !== g.inputs.length) failDiagnostics(fn, `${prefix ? `nested model ${model.name}` : 'the model'} has ${g.inputs.length} inputs but x has ${inputs.length} tensors`);
  const values = new Map<number, [tf.Tensor, tf.Tensor | null]>();
  g.inputs.forEach((s, i) => values.set(s.id, [inputs[i], null]));
  const depths = Object.keys(g.nodesByDepth ?? {})
    .map(Number)
    .sort((a, b) => b - a);
  for (const depth of depths) {
    for (const node of g.nodesByDepth![depth]) {
      const layer = node.outboundLayer;
      if (layer.getClassName() === 'InputLayer') continue;
      const computed = node.inputTensors.map((s) => values.get(s.id));
      if (computed.some((c) => c === undefined)) continue;
      const xs = computed.map((c) => c![0]);
      const masks = computed.map((c) => c![1]);
      const single = xs.length === 1;
      const path = prefix + layer.name;
      let outs: tf.Tensor[];
      let outMasks: (tf.Tensor | null)[];
      if (isContainer(layer)) {
        outs = forwardAll(fn, layer, xs, visit, path + '/');
        outMasks = outs.map(() => null);
      } else {
        const kwargs: Record<string, unknown> = { ...(node.callArgs ?? {}) };
        if (kwargs.mask == null) kwargs.mask = single ? masks[0] : masks;
        outs = toList(layer.call(single ? xs[0] : xs, kwargs)) as tf.Tensor[];
        outMasks = toList(layer.computeMask(single ? xs[0] : xs, single ? masks[0] : masks));
        visit(path, layer, outs);
      }
      node.outputTensors.forEach((s, i) => values.set(s.id, [outs[i], outMasks[i] ?? null]));
    }
  }
  return g.outputs.map((s) => {
    const v = values.get(s.id);
    if (!v) return failDiagnostics(fn, `could not compute the output of ${model.name} from its inputs`);
    return v[0];
  });
}

function toList<T>(x: T | T[] | null): (T | null)[] {
  return Array.isArray(x) ? x : [x];
}
