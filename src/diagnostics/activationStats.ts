import * as tf from '@tensorflow/tfjs-core';
import { readChoice, readNumberOption } from '../core/assert';
import { show } from '../core/fail';
import { asDiagnosticsError, failDiagnostics } from './errors';
import { finiteSummary, hostSummary, type Summary } from './internal/hostSummary';
import { forwardAll, type ContainerLike, type LayerLike } from './internal/tfForwardAll';
import { hostValues } from './internal/tfHostValues';
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
  /**
   * Where the statistics are reduced: `'device'` with tf ops (one read of all
   * layers' packed statistics), `'host'` from each layer's values read once
   * (two float64 passes in JS; on wasm a view of its memory, no copy),
   * `'auto'` on the host for the cpu, wasm and tfjs-node backends, whose
   * tensors live in memory JS reads directly or with one copy (there two
   * passes cost less than a dozen kernels: see bench/RESULTS.md), on the
   * device otherwise (webgl, webgpu). Same results up to float32 rounding. Defaults to `'auto'`.
   */
  readonly reduceOn?: 'auto' | 'device' | 'host';
}

/** Bounds of the activations whose outputs saturate. */
const BOUNDS: Record<string, readonly [number, number]> = {
  sigmoid: [0, 1],
  hardSigmoid: [0, 1],
  softmax: [0, 1],
  tanh: [-1, 1],
  softsign: [-1, 1],
};

/** Per layer, the packed on-device summary: 7 statistics then `bins + 1` counts (the last one holds the maximum). */
const FIXED = 7;

/**
 * One layer's statistics reduced with tf ops on the device (float32), packed
 * as [mean, variance, min, max, nonZero, dead, saturated, counts…] so that
 * every layer's summary is read with a single `dataSync`.
 */
function summarize(out: tf.Tensor, ones: tf.Tensor2D, bins: number, bounds: readonly [number, number] | undefined, tol: number): tf.Tensor1D {
  const n = out.shape[0] ?? 1;
  const flat = tf.reshape(out.dtype === 'float32' ? out : tf.cast(out, 'float32'), [n, -1]) as tf.Tensor2D;
  const { mean, variance } = tf.moments(flat);
  const min = tf.min(flat);
  const max = tf.max(flat);
  // Non-zero outputs per unit, summed over the batch by a [1, n]·[n, units] product (a reduction over
  // axis 0 would transpose first); a unit is dead when its count is 0: exactly 0 for every example.
  const perUnit = tf.matMul(ones, tf.cast(tf.notEqual(flat, 0), 'float32'));
  const nonZero = tf.sum(perUnit);
  const dead = tf.sum(tf.cast(tf.equal(perUnit, 0), 'float32'));
  const saturated = bounds
    ? tf.sum(tf.cast(tf.logicalOr(tf.lessEqual(flat, bounds[0] + tol), tf.greaterEqual(flat, bounds[1] - tol)), 'float32'))
    : tf.scalar(NaN);
  // Histogram on [min, max]: bin = ⌊(v − min) · bins / (max − min)⌋ (the int32 cast truncates, and v − min ≥ 0);
  // the maximum lands in an extra bin `bins`, folded into the last one when read; a constant output lands in bin 0.
  const scale = tf.divNoNan(tf.scalar(bins), tf.sub(max, min));
  const index = tf.cast(tf.mul(tf.sub(tf.reshape(flat, [-1]), min), scale), 'int32') as tf.Tensor1D;
  const counts = tf.bincount(index, tf.tensor1d([], 'float32'), bins + 1);
  return tf.concat([tf.stack([mean, variance, min, max, nonZero, dead, saturated]) as tf.Tensor1D, counts]);
}

/** Backends whose tensors live in memory JS reads directly or with one copy: there two host passes beat a dozen kernel launches. */
const HOST_BACKENDS = new Set(['cpu', 'wasm', 'tensorflow']);

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
 * activation read from its config or class. The statistics are reduced
 * either on the device with tf ops, all layers' results packed and read with
 * one `dataSync`, or on the host from each layer's values read once, in
 * float64 (`reduceOn`; by default the host for the cpu, wasm and tfjs-node
 * backends, the device for GPU backends); `std` is the population standard
 * deviation. A unit is one element of
 * the output without the batch axis (channels × positions for a
 * convolution). When an output has NaN or ±Infinity values, `mean`, `std`
 * are NaN or infinite and `min`, `max` and the histogram cover its finite
 * values (`nonFiniteFraction` says how many are not). Masks are propagated
 * as tfjs-layers does; a layer with several outputs is reported on its first.
 *
 * @param model - A `tf.LayersModel` (Sequential or functional, possibly nesting models).
 * @param x - The input batch (a tensor, or one per model input); not disposed.
 * @param options - `layers`, `bins`, `saturationTolerance`, `reduceOn`.
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

  const reduceOn = asDiagnosticsError(() => readChoice(options.reduceOn, ['auto', 'device', 'host'] as const, 'auto', fn, 'reduceOn'));
  const onHost = reduceOn === 'host' || (reduceOn === 'auto' && HOST_BACKENDS.has(tf.getBackend()));

  const layers: LayerActivationStats[] = [];
  tf.tidy(() => {
    const entries: { path: string; layer: LayerLike; activation: string | undefined; out: tf.Tensor; bounds: readonly [number, number] | undefined; summary: Summary | undefined }[] = [];
    const packed: tf.Tensor1D[] = [];
    const ones = onHost ? undefined : (tf.ones([1, examples]) as tf.Tensor2D);
    const summaries = new Map<object, { summary: Summary; bounds: readonly [number, number] | undefined }>();
    forwardAll(fn, m, xs, (path, layer, outs) => {
      if (wanted && !wanted.has(path)) return;
      const out = outs[0];
      const activation = layerActivation(layer);
      const bounds = activation === undefined ? undefined : BOUNDS[activation];
      let summary: Summary | undefined;
      if (ones) {
        packed.push(summarize(out, ones, bins, bounds, tol));
      } else {
        // Summarised as soon as the layer has run, while its output is still in the CPU's caches (read after
        // the whole forward pass, the first layers' values had to come back from memory). A Flatten or
        // Reshape output, or an inference-time Dropout, shares its input's data (same dataId): same values,
        // same statistics (the saturation count depends on the layer's own activation).
        const id = (out as unknown as { dataId: object }).dataId;
        const seen = summaries.get(id);
        summary = seen && seen.bounds === bounds ? { ...seen.summary, counts: seen.summary.counts.slice() } : hostSummary(hostValues(out), out.size / examples, bins, bounds, tol);
        summaries.set(id, { summary, bounds });
      }
      entries.push({ path, layer, activation, out, bounds, summary });
    });
    const all = packed.length > 0 ? tf.concat(packed).dataSync() : undefined;
    entries.forEach((e, k) => {
      const total = e.out.size;
      const units = total / examples;
      let r: Summary;
      if (all) {
        const base = k * (FIXED + bins + 1);
        const counts = Float64Array.from(all.subarray(base + FIXED, base + FIXED + bins));
        counts[bins - 1] += all[base + FIXED + bins];
        r = { mean: all[base], variance: all[base + 1], min: all[base + 2], max: all[base + 3], nonZero: all[base + 4], dead: all[base + 5], saturated: all[base + 6], counts };
        if (!(Number.isFinite(r.mean) && Number.isFinite(r.min) && Number.isFinite(r.max))) {
          r = { ...r, ...finiteSummary(e.out.dataSync() as Float32Array, bins) };
        }
      } else {
        r = e.summary!;
      }
      let finite = 0;
      for (let i = 0; i < bins; i++) finite += r.counts[i];
      layers.push({
        name: e.path,
        className: e.layer.getClassName(),
        activation: e.activation,
        outputShape: [null, ...e.out.shape.slice(1)],
        units,
        mean: r.mean,
        std: Math.sqrt(Math.max(0, r.variance)),
        min: r.min,
        max: r.max,
        zeroFraction: (total - r.nonZero) / total,
        deadUnits: r.dead,
        deadFraction: r.dead / units,
        saturatedFraction: e.bounds ? r.saturated / total : NaN,
        nonFiniteFraction: (total - finite) / total,
        histogram: { edges: edgesOf(r.min, r.max, bins), counts: r.counts },
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
