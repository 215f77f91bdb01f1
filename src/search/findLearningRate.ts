import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { failOption, readIntOption, readNumOption } from '../core/configErrors';
import { createRng, DEFAULT_SEED } from '../core/random';
import { setLearningRate } from '../baselines/setLearningRate';

/** Options of {@link findLearningRate}. */
export interface FindLearningRateOptions {
  /** The first learning rate of the sweep. Defaults to `1e-7`. */
  readonly minLearningRate?: number;
  /** The last learning rate of the sweep. Defaults to `10`. */
  readonly maxLearningRate?: number;
  /** The number of training steps (one mini-batch each); the rate grows by a constant factor per step. Defaults to `100`. */
  readonly steps?: number;
  /** Examples per step, drawn in a seeded shuffled order (reshuffled after each pass). Defaults to `32`. */
  readonly batchSize?: number;
  /** β of the bias-corrected exponential moving average of the loss (fastai's 0.98). Defaults to `0.98`. */
  readonly smoothing?: number;
  /** Stop once the smoothed loss exceeds this multiple of its minimum (or is not finite). Defaults to `4`. */
  readonly divergenceFactor?: number;
  /** Seed of the batch order. Defaults to `0`. */
  readonly seed?: string | number;
}

/** The result of {@link findLearningRate}: the curve and the suggested rates (plain data). */
export interface LearningRateFinderResult {
  /** The learning rate of each step taken. */
  readonly learningRates: Float64Array;
  /** The mini-batch loss at each step (before that step's update). */
  readonly losses: Float64Array;
  /** The bias-corrected exponential moving average of `losses`. */
  readonly smoothedLosses: Float64Array;
  /** The rate where the smoothed loss falls fastest per unit of log rate ("steep" in fastai). */
  readonly steepest: number;
  /**
   * The rate about half-way into the longest stretch over which the smoothed
   * loss keeps falling ("valley" in fastai): a conservative choice, often a
   * decade below `steepest`.
   */
  readonly valley: number;
  /** A tenth of the rate with the lowest smoothed loss ("minimum" in fastai). */
  readonly minimum: number;
  /** Whether the sweep stopped early because the loss diverged. */
  readonly diverged: boolean;
}

type OptimizerClass = { new (...args: never[]): tf.Optimizer; fromConfig: (cls: unknown, config: tf.serialization.ConfigDict) => tf.Optimizer };

/**
 * The learning-rate range test: trains a compiled tfjs-layers model for a few
 * mini-batches of the training set while the learning rate grows
 * exponentially from `minLearningRate` to `maxLearningRate`, records the
 * loss, stops when it diverges, and suggests rates from the smoothed curve.
 * The model is left exactly as it was: its weights are snapshotted and
 * restored bit for bit, and its optimizer is never used — the sweep trains
 * with a fresh optimizer of the same class and configuration (as a range
 * test before training would), so the model's optimizer state (Adam's
 * moments, the iteration count) is untouched.
 *
 * Learning rate at step i (of n): lr_i = min·(max/min)^(i/(n−1)). Smoothed
 * loss: a_i = β a_{i−1} + (1−β) loss_i, s_i = a_i/(1−β^(i+1)). Suggestions,
 * from the curve without its first tenth of steps and its last 5 points (as fastai):
 * `steepest` = lr at the most negative d s / d log lr (central differences);
 * `valley` = fastai's valley (the longest decreasing subsequence of s, then
 * the point ⌊len/3⌋ + ⌊len/6⌋ into it); `minimum` = lr at the lowest s, /10.
 * The loss is the model's compiled loss (mean over the batch) plus its
 * regularisation losses; only single-output models are supported.
 *
 * Reference: L. N. Smith (2017), "Cyclical Learning Rates for Training
 * Neural Networks", WACV (arXiv 1506.01186, 2015); J. Howard, S. Gugger
 * (2020), "Fastai: A Layered API for Deep Learning" (`lr_find`, valley).
 *
 * @param model - A compiled `tf.LayersModel` with one output.
 * @param x - Training inputs, first axis = examples.
 * @param y - Training targets, same number of examples.
 * @param options - Range, steps, batch size, smoothing, divergence factor, seed.
 * @returns The curve and suggestions (plain data; no tensors to dispose).
 * @throws {InvalidOptionError} `findLearningRate: the model is not compiled`;
 *   `findLearningRate: minLearningRate is 1, expected < maxLearningRate (0.1)`;
 *   `findLearningRate: y has 10 examples but x has 12`.
 * @example
 * const r = await findLearningRate(model, xTrain, yTrain, { steps: 100 });
 * r.valley; // a rate to start training with, e.g.
 * // => 0.0031
 */
export async function findLearningRate(model: tfl.LayersModel, x: tf.Tensor, y: tf.Tensor, options: FindLearningRateOptions = {}): Promise<LearningRateFinderResult> {
  const fn = 'findLearningRate';
  const minLr = readNumOption(options.minLearningRate, 1e-7, fn, 'minLearningRate', { min: 0, minExclusive: true });
  const maxLr = readNumOption(options.maxLearningRate, 10, fn, 'maxLearningRate', { min: 0, minExclusive: true });
  if (!(minLr < maxLr)) failOption(fn, `minLearningRate is ${minLr}, expected < maxLearningRate (${maxLr})`);
  const steps = readIntOption(options.steps, 100, fn, 'steps', 2);
  const batchSize = readIntOption(options.batchSize, 32, fn, 'batchSize', 1);
  const beta = readNumOption(options.smoothing, 0.98, fn, 'smoothing', { min: 0, max: 1, maxExclusive: true });
  const divergence = readNumOption(options.divergenceFactor, 4, fn, 'divergenceFactor', { min: 1, minExclusive: true });
  type Compiled = { optimizer?: tf.Optimizer; lossFunctions?: ((yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor)[]; outputs: unknown[]; model?: Compiled };
  // A Sequential model keeps its compiled loss functions on its inner LayersModel.
  const outer = model as unknown as Compiled;
  const m = outer.lossFunctions ? outer : (outer.model ?? outer);
  if (!m.optimizer || !m.lossFunctions?.length) failOption(fn, 'the model is not compiled');
  if (m.outputs.length !== 1) failOption(fn, `the model has ${m.outputs.length} outputs, expected 1`);
  const n = x.shape[0] ?? 0;
  if (n < 1) failOption(fn, 'x has no examples');
  if (y.shape[0] !== n) failOption(fn, `y has ${y.shape[0]} examples but x has ${n}`);
  const lossFn = m.lossFunctions[0]!;

  // The sweep's own optimizer: same class and configuration as the model's, fresh state.
  const cls = m.optimizer.constructor as unknown as OptimizerClass;
  const optimizer = cls.fromConfig(cls, m.optimizer.getConfig());
  const snapshot = model.getWeights().map((w) => tf.clone(w));
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const rng = createRng(options.seed ?? DEFAULT_SEED, fn);
  const order = new Int32Array(n);
  let cursor = n;
  const nextBatch = (): Int32Array => {
    const size = Math.min(batchSize, n);
    const idx = new Int32Array(size);
    for (let i = 0; i < size; i++) {
      if (cursor >= n) {
        for (let k = 0; k < n; k++) order[k] = k;
        for (let k = n - 1; k > 0; k--) {
          const j = Math.floor(rng() * (k + 1));
          [order[k], order[j]] = [order[j]!, order[k]!];
        }
        cursor = 0;
      }
      idx[i] = order[cursor++]!;
    }
    return idx;
  };

  const lrs: number[] = [], losses: number[] = [], smoothed: number[] = [];
  let avg = 0, best = Infinity, diverged = false;
  try {
    for (let i = 0; i < steps; i++) {
      const lr = minLr * (maxLr / minLr) ** (i / (steps - 1));
      setLearningRate(optimizer, lr);
      const idx = nextBatch();
      const cost = tf.tidy((): tf.Scalar => {
        const indices = tf.tensor1d(idx, 'int32');
        const xb = tf.gather(x, indices), yb = tf.gather(y, indices);
        return optimizer.minimize(() => {
          const pred = model.apply(xb, { training: true }) as tf.Tensor;
          // As model.fit, a 1-D target meets an [n, 1] output as a column.
          const target = yb.rank === pred.rank - 1 ? tf.expandDims(yb, -1) : yb;
          let total = tf.mean(lossFn(target, pred)) as tf.Scalar;
          for (const r of model.calculateLosses()) total = tf.add(total, r);
          return total;
        }, true, variables) as tf.Scalar;
      });
      const loss = (await cost.data())[0]!;
      cost.dispose();
      lrs.push(lr);
      losses.push(loss);
      avg = beta * avg + (1 - beta) * loss;
      const s = avg / (1 - beta ** (i + 1));
      smoothed.push(s);
      if (!Number.isFinite(s) || (i > 0 && s > divergence * best)) {
        diverged = true;
        break;
      }
      best = Math.min(best, s);
    }
  } finally {
    model.setWeights(snapshot);
    tf.dispose(snapshot);
    optimizer.dispose();
  }
  return { learningRates: Float64Array.from(lrs), losses: Float64Array.from(losses), smoothedLosses: Float64Array.from(smoothed), ...suggestions(lrs, smoothed, steps), diverged };
}

/**
 * The suggested rates from the curve. As fastai's `lr_find`, the first tenth
 * of the planned steps (where the moving average has seen few batches) and
 * the last 5 points (where the loss is blowing up) are left out, when enough
 * points remain.
 */
function suggestions(allLrs: readonly number[], allSmoothed: readonly number[], steps: number): { steepest: number; valley: number; minimum: number } {
  let from = Math.floor(steps / 10), to = allSmoothed.length - 5;
  if (to - from < 3) [from, to] = [0, allSmoothed.length];
  const lrs = allLrs.slice(from, to), smoothed = allSmoothed.slice(from, to);
  let k = smoothed.length;
  while (k > 0 && !Number.isFinite(smoothed[k - 1]!)) k--;
  if (k < 2) return { steepest: lrs[0] ?? NaN, valley: lrs[0] ?? NaN, minimum: (lrs[0] ?? NaN) / 10 };
  const s = smoothed.slice(0, k), logLr = lrs.slice(0, k).map(Math.log);
  let steep = 0, steepSlope = Infinity, minI = 0;
  for (let i = 0; i < k; i++) {
    const a = Math.max(0, i - 1), b = Math.min(k - 1, i + 1);
    const slope = (s[b]! - s[a]!) / (logLr[b]! - logLr[a]!);
    if (slope < steepSlope) [steep, steepSlope] = [i, slope];
    if (s[i]! < s[minI]!) minI = i;
  }
  // fastai's valley: the longest decreasing subsequence, then ⌊len/3⌋ + ⌊len/6⌋ into it.
  const lds = new Int32Array(k).fill(1);
  let maxStart = 0, maxEnd = 0;
  for (let i = 1; i < k; i++) {
    for (let j = 0; j < i; j++) {
      if (s[i]! < s[j]! && lds[i]! < lds[j]! + 1) lds[i] = lds[j]! + 1;
      if (lds[maxEnd]! < lds[i]!) {
        maxEnd = i;
        maxStart = maxEnd - lds[maxEnd]!;
      }
    }
  }
  const sections = (maxEnd - maxStart) / 3;
  const valleyIndex = Math.min(k - 1, Math.max(0, maxStart + Math.floor(sections) + Math.floor(sections / 2)));
  return { steepest: lrs[steep]!, valley: lrs[valleyIndex]!, minimum: lrs[minI]! / 10 };
}
