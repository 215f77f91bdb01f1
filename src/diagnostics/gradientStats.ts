import * as tf from '@tensorflow/tfjs-core';
import { readNumberOption } from '../core/assert';
import { show } from '../core/fail';
import type { ModelLoss } from '../gradcheck/engine/modelLoss';
import { gradientNorms } from '../gradcheck/gradientNorms';
import { asDiagnosticsError, failDiagnostics } from './errors';
import { isContainer, type ContainerLike, type LayerLike } from './internal/tfForwardAll';
import { defaultLearningRate, readLoss, type CompiledModel } from './internal/tfLoss';
import { readLayersModel } from './internal/tfModel';
import type { GradientStats, GradientStatus, GradientTrend, VariableGradientStats } from './types';

/** Options of {@link gradientStats}. */
export interface GradientStatsOptions {
  /**
   * The loss, by name (`'meanSquaredError'`, `'meanAbsoluteError'`,
   * `'categoricalCrossentropy'`, `'binaryCrossentropy'`,
   * `'softmaxCrossEntropy'`) or as `(yTrue, yPred) => tensor`. Defaults to
   * the loss the model was compiled with when it is one of those names;
   * required otherwise.
   */
  readonly loss?: ModelLoss;
  /**
   * The learning rate of `updateRatio` = learningRate · ‖g‖ / ‖w‖ (the size
   * of one plain SGD step relative to the weights). Defaults to the compiled
   * optimizer's `learningRate` when it has one, else `0.01`.
   */
  readonly learningRate?: number;
  /** Status `'vanishing'` when ‖g‖/‖w‖ (‖g‖ while ‖w‖ = 0) is below this. Defaults to `1e-5`. */
  readonly vanishingThreshold?: number;
  /** Status `'exploding'` when ‖g‖/‖w‖ (‖g‖ while ‖w‖ = 0) is above this, or the gradient is not finite. Defaults to `1e2`. */
  readonly explodingThreshold?: number;
  /**
   * The trend is `flat` while |slope| ≤ this, in decades of gradient norm
   * per layer of depth (0.4: a factor 2.5 per layer). Freshly initialised
   * shallow ReLU nets measure 0.1–0.3 (the output layer's gradient is
   * larger), tanh nets about 0, deep sigmoid nets 0.6–0.8. Defaults to `0.4`.
   */
  readonly trendTolerance?: number;
}


/** Layers with trainable weights, in forward order, nested models' layers as `outer/inner`. */
function weightedLayers(model: ContainerLike, prefix = '', out: { path: string; layer: LayerLike }[] = []): { path: string; layer: LayerLike }[] {
  for (const layer of model.layers) {
    if (isContainer(layer)) weightedLayers(layer, prefix + layer.name + '/', out);
    else if (layer.trainableWeights.length > 0) out.push({ path: prefix + layer.name, layer });
  }
  return out;
}

/** Judges a gradient: on ‖g‖/‖w‖, or on ‖g‖ alone while the weights are all zero (a fresh bias). */
function statusOf(gradientNorm: number, weightNorm: number, vanishing: number, exploding: number): GradientStatus {
  if (!Number.isFinite(gradientNorm)) return 'exploding';
  const size = weightNorm === 0 ? gradientNorm : gradientNorm / weightNorm;
  if (size < vanishing) return 'vanishing';
  if (size > exploding) return 'exploding';
  return 'ok';
}

/**
 * Least-squares slope of log10(‖g‖) of each layer (its variables' gradients
 * together: √Σ‖g_v‖²) against its depth; layers whose gradient is zero or
 * not finite are left out. NaN with fewer than two layers left.
 */
function trendOf(variables: readonly VariableGradientStats[], tolerance: number): GradientTrend {
  const ssq = new Map<number, number>();
  for (const v of variables) ssq.set(v.depth, (ssq.get(v.depth) ?? 0) + v.gradientNorm * v.gradientNorm);
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [depth, s] of ssq) {
    if (Number.isFinite(s) && s > 0) {
      xs.push(depth);
      ys.push(0.5 * Math.log10(s));
    }
  }
  if (xs.length < 2) return { slope: NaN, direction: 'flat' };
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
  }
  const slope = sxy / sxx;
  // Depth grows toward the output: a positive slope means smaller gradients near the input.
  const direction = Math.abs(slope) <= tolerance ? 'flat' : slope > 0 ? 'shrinking-toward-input' : 'growing-toward-input';
  return { slope, direction };
}

/**
 * Gradient health per trainable variable, and its trend across depth:
 * ‖∂loss/∂w‖₂, ‖w‖₂, their ratio, the relative size of one SGD step
 * `learningRate · ‖g‖/‖w‖` (healthy around 1e-3: Karpathy, CS231n, "ratio of
 * weights:updates") and a status: `'vanishing'` when ‖g‖/‖w‖ <
 * `vanishingThreshold` (1e-5), `'exploding'` when > `explodingThreshold`
 * (1e2) or not finite, else `'ok'`; while ‖w‖ = 0 (a freshly zeroed bias)
 * ‖g‖ alone is judged. The trend is the least-squares slope of log10 of
 * each layer's gradient norm (√ of the sum of its variables' squared norms)
 * against its depth (0 nearest the input; layers with trainable weights
 * only, nested models' layers included): positive when gradients shrink
 * toward the input, as they vanish through a deep stack of saturating
 * sigmoids (Glorot & Bengio 2010; Hochreiter 1991), negative when they grow
 * toward it, `flat` within `trendTolerance`.
 *
 * One forward and one backward pass in inference mode (dropout off), through
 * `gradientNorms` of the gradcheck module (norms accumulated in float64 with
 * a scaled sum of squares); the model's weights are not changed and no
 * tensor is left behind.
 *
 * @param model - A `tf.LayersModel` with trainable weights and one output.
 * @param x - The input batch (not disposed).
 * @param y - The targets (not disposed).
 * @param options - `loss`, `learningRate`, the thresholds and `trendTolerance`.
 * @returns A {@link GradientStats}.
 * @throws {DiagnosticsInputError} no trainable weights, no usable loss, a threshold out of range (`vanishingThreshold` must be below `explodingThreshold`).
 * @throws {GradientCheckError} a kernel whose gradient the current backend lacks.
 * @example
 * const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });
 * model.setWeights([tf.tensor2d([[1], [2]]), tf.tensor1d([0.5])]);
 * const g = gradientStats(model, tf.tensor2d([[1, 1], [2, 0]]), tf.tensor2d([[3], [1]]), { loss: 'meanSquaredError', learningRate: 0.1 });
 * [g.loss, g.variables[1].gradientNorm, g.variables[1].ratio, g.variables[0].status];
 * // => [1.25, 2, 4, 'ok']
 */
export function gradientStats(model: unknown, x: tf.Tensor | tf.Tensor[], y: tf.Tensor, options: GradientStatsOptions = {}): GradientStats {
  const fn = 'gradientStats';
  const m = readLayersModel(fn, model);
  if (m.trainableWeights.length === 0) failDiagnostics(fn, 'model has no trainable weights');
  if (!(y instanceof tf.Tensor)) failDiagnostics(fn, `y is ${show(y)}, expected a tensor`);
  const loss = readLoss(fn, model as CompiledModel, options.loss);
  const learningRate = asDiagnosticsError(() => readNumberOption(options.learningRate, defaultLearningRate(model), fn, 'learningRate', { min: 0 }));
  const vanishing = asDiagnosticsError(() => readNumberOption(options.vanishingThreshold, 1e-5, fn, 'vanishingThreshold', { min: 0 }));
  const exploding = asDiagnosticsError(() => readNumberOption(options.explodingThreshold, 1e2, fn, 'explodingThreshold', { min: 0 }));
  if (!(vanishing < exploding)) failDiagnostics(fn, `vanishingThreshold (${vanishing}) must be below explodingThreshold (${exploding})`);
  const tolerance = asDiagnosticsError(() => readNumberOption(options.trendTolerance, 0.4, fn, 'trendTolerance', { min: 0 }));

  const owner = new Map<unknown, { path: string; depth: number }>();
  weightedLayers(m).forEach(({ path, layer }, depth) => {
    for (const w of layer.trainableWeights) owner.set(w, { path, depth });
  });
  const report = gradientNorms(m as unknown as Parameters<typeof gradientNorms>[0], x, y, { loss });
  const variables = report.variables.map((v, i): VariableGradientStats => {
    const w = m.trainableWeights[i] as unknown as { shape: readonly number[] };
    const o = owner.get(m.trainableWeights[i]) ?? { path: v.name.split('/')[0], depth: 0 };
    return {
      name: v.name,
      layerName: o.path,
      depth: o.depth,
      shape: [...w.shape],
      gradientNorm: v.gradientNorm,
      weightNorm: v.weightNorm,
      ratio: v.ratio,
      updateRatio: learningRate * v.ratio,
      status: statusOf(v.gradientNorm, v.weightNorm, vanishing, exploding),
    };
  });
  return {
    loss: report.loss,
    learningRate,
    thresholds: { vanishing, exploding },
    variables,
    trend: trendOf(variables, tolerance),
  };
}
