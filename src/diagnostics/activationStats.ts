import * as tf from '@tensorflow/tfjs-core';
import { readNumberOption } from '../core/assert';
import { show } from '../core/fail';
import { asDiagnosticsError, failDiagnostics } from './errors';
import { forwardAll, type ContainerLike, type LayerLike } from './internal/tfForwardAll';
import { layerActivation, layerPaths, readLayersModel } from './internal/tfModel';
import type { ActivationStats, LayerActivationStats } from './types';

/** Options of {@link activationStats}. */
export interface ActivationStatsOptions {
  /**
   * The layers to report, by name (`outer/inner` inside a nested model), in
   * any order; the result keeps forward order. Defaults to every layer but
   * the input layers.
   */
  readonly layers?: readonly string[];
  /** Number of histogram bins per layer. Defaults to `30`. */
  readonly bins?: number;
  /**
   * A bounded activation's output counts as saturated within this absolute
   * distance of a bound (sigmoid < 0.01 or > 0.99 at the default). Defaults to `0.01`.
   */
  readonly saturationTolerance?: number;
}

/** Bounds of the activations whose outputs saturate. */
const BOUNDS: Record<string, readonly [number, number]> = {
  sigmoid: [0, 1],
  hardSigmoid: [0, 1],
  softmax: [0, 1],
  tanh: [-1, 1],
  softsign: [-1, 1],
};

/** Per layer, the packed on-device summary: 7 statistics then `bins` counts. */
const FIXED = 7;

function summarize(out: tf.Tensor, bins: number, bounds: readonly [number, number] | undefined, tol: number): tf.Tensor1D {
  const n = out.shape[0] ?? 1;
  const flat = tf.reshape(out.dtype === 'float32' ? out : tf.cast(out, 'float32'), [n, -1]);
  const { mean, variance } = tf.moments(flat);
  const min = tf.min(flat);
  const max = tf.max(flat);
  const isZero = tf.equal(flat, 0);
  const zeros = tf.sum(tf.cast(isZero, 'float32'));
  // A unit is dead when it outputs exactly 0 for every example of the batch.
  const dead = tf.sum(tf.cast(tf.all(isZero, 0), 'float32'));
  const saturated = bounds
    ? tf.sum(tf.cast(tf.logicalOr(tf.lessEqual(flat, bounds[0] + tol), tf.greaterEqual(flat, bounds[1] - tol)), 'float32'))
    : tf.scalar(NaN);
  // Histogram on [min, max]: bin = floor((v − min) · bins / (max − min)), the maximum in the last bin; a constant output lands in bin 0.
  const range = tf.sub(max, min);
  const scale = tf.where(tf.greater(range, 0), tf.div(tf.scalar(bins), range), tf.scalar(0));
  const index = tf.cast(tf.clipByValue(tf.floor(tf.mul(tf.sub(tf.reshape(flat, [-1]), min), scale)), 0, bins - 1), 'int32');
  const counts = tf.bincount(index as tf.Tensor1D, tf.tensor1d([], 'float32'), bins);
  return tf.concat([tf.stack([mean, variance, min, max, zeros, dead, saturated]) as tf.Tensor1D, counts]);
}

/** Statistics of a layer whose output has NaN or ±Infinity values, from its values in JS (the rare path): histogram and range of the finite values. */
function finiteSummary(values: Float32Array | Int32Array | Uint8Array, bins: number): { min: number; max: number; counts: Float64Array } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  const counts = new Float64Array(bins);
  if (min > max) return { min: NaN, max: NaN, counts };
  const scale = max > min ? bins / (max - min) : 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) counts[Math.min(bins - 1, Math.floor((v - min) * scale))]++;
  }
  return { min, max, counts };
}

function edgesOf(min: number, max: number, bins: number): Float64Array {
  const edges = new Float64Array(bins + 1);
  if (!(Number.isFinite(min) && Number.isFinite(max))) return edges.fill(NaN);
  // A constant output gets bins of width 1/bins starting at its value, so that the edges still increase.
  const width = max > min ? (max - min) / bins : 1 / bins;
  for (let i = 0; i <= bins; i++) edges[i] = min + i * width;
  edges[bins] = max > min ? max : min + 1;
  return edges;
}

function readInputs(fn: string, x: unknown): tf.Tensor[] {
  const xs = Array.isArray(x) ? x : [x];
  if (xs.length === 0) failDiagnostics(fn, 'x is an empty array, expected a tensor or an array of tensors');
  xs.forEach((t, i) => {
    if (!(t instanceof tf.Tensor)) failDiagnostics(fn, `${Array.isArray(x) ? `x[${i}]` : 'x'} is ${show(t)}, expected a tensor`);
    if (t.rank === 0 || t.shape[0] === 0) failDiagnostics(fn, `${Array.isArray(x) ? `x[${i}]` : 'x'} has shape [${t.shape}], expected a batch of at least one example`);
  });
  return xs as tf.Tensor[];
}

/**
 * Activation statistics of every layer over one batch — what TensorBoard's
 * histograms and fastai's `ActivationStats` show: per layer, the mean and
 * standard deviation, the range, the fraction of exact zeros, the dead units
 * (units whose output is exactly 0 for every example of the batch: a ReLU
 * unit whose pre-activation is negative everywhere gets no gradient and
 * stays dead), the saturated fraction of a bounded activation (sigmoid,
 * hard sigmoid, softmax in [0, 1]; tanh, softsign in [−1, 1]: values within
 * `saturationTolerance` of a bound, where the derivative nearly vanishes)
 * and a histogram on `[min, max]`.
 *
 * One forward pass in inference mode: the model's graph is walked as
 * `model.predict` walks it, and a nested model's layers (reported as
 * `outer/inner`, the nested model itself has no entry of its own) are walked
 * inside the same pass. A layer whose activation is a separate layer
 * (`tf.layers.activation`, `tf.layers.reLU`) has its own entry, with the
 * activation read from its config or class. The statistics are reduced on
 * the device (float32) and read with a single `dataSync` for all layers;
 * `std` is the population standard deviation. A unit is one element of
 * the output without the batch axis (channels × positions for a
 * convolution). When an output has NaN or ±Infinity values, `mean`, `std`
 * are NaN or infinite and `min`, `max` and the histogram cover its finite
 * values (`nonFiniteFraction` says how many are not). Masks are propagated
 * as tfjs-layers does; a layer with several outputs is reported on its first.
 *
 * @param model - A `tf.LayersModel` (Sequential or functional, possibly nesting models).
 * @param x - The input batch (a tensor, or one per model input); not disposed.
 * @param options - `layers`, `bins`, `saturationTolerance`.
 * @returns An {@link ActivationStats}: one entry per layer in forward order, the input layers excluded.
 * @throws {DiagnosticsInputError} `activationStats: layers[0] is "dense_9", which is not a layer of the model (…)`, bad `bins` or `saturationTolerance`, a model or `x` of the wrong kind.
 * @example
 * const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [1], activation: 'relu', kernelInitializer: 'ones', biasInitializer: 'zeros' })] });
 * const s = activationStats(model, tf.tensor2d([[1], [-1]]));
 * [s.layers[0].mean, s.layers[0].zeroFraction, s.layers[0].deadUnits];
 * // => [0.5, 0.5, 0]
 *
 * Reference: Glorot & Bengio, "Understanding the difficulty of training deep
 * feedforward neural networks" (AISTATS 2010) for saturation; fastai's
 * `ActivationStats` hook; Goodfellow et al., Deep Learning, §11.5.
 */
export function activationStats(model: unknown, x: tf.Tensor | tf.Tensor[], options: ActivationStatsOptions = {}): ActivationStats {
  const fn = 'activationStats';
  const m = readLayersModel(fn, model);
  const xs = readInputs(fn, x);
  const bins = asDiagnosticsError(() => readNumberOption(options.bins, 30, fn, 'bins', { min: 1, max: 1e6, integer: true }));
  const tol = asDiagnosticsError(() => readNumberOption(options.saturationTolerance, 0.01, fn, 'saturationTolerance', { min: 0 }));
  const wanted = options.layers === undefined ? undefined : readLayerNames(fn, m, options.layers);
  const examples = xs[0].shape[0];

  interface Entry {
    path: string;
    layer: LayerLike;
    activation: string | undefined;
    shape: number[];
    out: tf.Tensor;
  }
  const entries: Entry[] = [];
  const layers: LayerActivationStats[] = [];
  tf.tidy(() => {
    const packed: tf.Tensor1D[] = [];
    forwardAll(m, xs, (path, layer, outs) => {
      if (wanted && !wanted.has(path)) return;
      const out = outs[0];
      const activation = layerActivation(layer);
      entries.push({ path, layer, activation, shape: out.shape, out });
      packed.push(summarize(out, bins, activation === undefined ? undefined : BOUNDS[activation], tol));
    });
    if (packed.length === 0) return;
    const all = tf.concat(packed).dataSync();
    entries.forEach((e, k) => {
      const base = k * (FIXED + bins);
      const total = e.out.size;
      const units = total / examples;
      const [mean, variance] = [all[base], all[base + 1]];
      let [min, max] = [all[base + 2], all[base + 3]];
      let counts: Float64Array = Float64Array.from(all.subarray(base + FIXED, base + FIXED + bins));
      if (!(Number.isFinite(mean) && Number.isFinite(min) && Number.isFinite(max))) {
        const f = finiteSummary(e.out.dataSync() as Float32Array, bins);
        ({ min, max, counts } = f);
      }
      let finite = 0;
      for (let i = 0; i < bins; i++) finite += counts[i];
      const bounded = e.activation !== undefined && BOUNDS[e.activation] !== undefined;
      const deadUnits = all[base + 5];
      layers.push({
        name: e.path,
        className: e.layer.getClassName(),
        activation: e.activation,
        outputShape: [null, ...e.shape.slice(1)],
        units,
        mean,
        std: Math.sqrt(Math.max(0, variance)),
        min,
        max,
        zeroFraction: all[base + 4] / total,
        deadUnits,
        deadFraction: deadUnits / units,
        saturatedFraction: bounded ? all[base + 6] / total : NaN,
        nonFiniteFraction: (total - finite) / total,
        histogram: { edges: edgesOf(min, max, bins), counts },
      });
    });
  });
  return { examples, layers };
}

function readLayerNames(fn: string, model: ContainerLike, names: readonly string[]): Set<string> {
  if (!Array.isArray(names)) failDiagnostics(fn, `layers is ${show(names)}, expected an array of layer names`);
  const known = layerPaths(model);
  names.forEach((name, i) => {
    if (!known.includes(name)) {
      const list = known.length > 8 ? `${known.slice(0, 8).join(', ')}, …` : known.join(', ');
      failDiagnostics(fn, `layers[${i}] is ${show(name)}, which is not a layer of the model (${list})`);
    }
  });
  return new Set(names);
}
