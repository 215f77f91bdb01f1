import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { readNumberOption } from '../core/assert';
import { show } from '../core/fail';
import { createRng } from '../core/random';
import { modelLossValue, resolveLoss, type ModelLike, type ModelLoss } from '../gradcheck/engine/modelLoss';
import { ensureGradientsRegistered, translateTfError, withTapeCleanup } from '../gradcheck/engine/tfErrors';
import { asDiagnosticsError, failDiagnostics } from './errors';
import { readLoss, type CompiledModel } from './internal/tfLoss';
import { readLayersModel } from './internal/tfModel';
import type { OverfitTinyBatchResult } from './types';

/** Options of {@link overfitTinyBatch}. */
export interface OverfitTinyBatchOptions {
  /** Size of the tiny batch, drawn without replacement from `x`, `y` (all of them when fewer). Defaults to `16`. */
  readonly examples?: number;
  /** Maximum number of full-batch training steps. Defaults to `300`. */
  readonly epochs?: number;
  /** The loss to reach. Defaults to 2% of the initial loss on the tiny batch. */
  readonly targetLoss?: number;
  /** Adam's learning rate. Defaults to `0.01`. */
  readonly learningRate?: number;
  /** The loss, as in `gradientStats`. Defaults to the compiled model's loss when it is one of the supported names; required otherwise. */
  readonly loss?: ModelLoss;
  /** Seed of the draw of the tiny batch. Defaults to `0`. */
  readonly seed?: number | string;
  /** Trains with `training: true` (dropout on, as in `fit`). Defaults to `true`. */
  readonly training?: boolean;
}

function readTensors(fn: string, arg: string, v: unknown): tf.Tensor[] {
  const list = Array.isArray(v) ? v : [v];
  list.forEach((t, i) => {
    if (!(t instanceof tf.Tensor)) failDiagnostics(fn, `${Array.isArray(v) ? `${arg}[${i}]` : arg} is ${show(t)}, expected a tensor`);
  });
  return list as tf.Tensor[];
}

/** `k` distinct indices of `[0, n)` in increasing order (partial Fisher–Yates on a seeded stream). */
function drawIndices(n: number, k: number, seed: number | string, fn: string): Int32Array {
  const rng = asDiagnosticsError(() => createRng(seed, fn));
  const perm = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (n - i));
    const t = perm[i];
    perm[i] = perm[j];
    perm[j] = t;
  }
  return perm.subarray(0, k).sort();
}

/**
 * A copy of the model with its own weights (same topology and values): the
 * topology through `toJSON`/`modelFromJSON`, the weights copied, so that
 * training it never touches the caller's variables.
 */
async function cloneModel(fn: string, model: tfl.LayersModel): Promise<tfl.LayersModel> {
  let clone: tfl.LayersModel;
  try {
    const topology = model.toJSON(undefined, false) as tf.io.ModelJSON['modelTopology'];
    clone = await tfl.models.modelFromJSON({ modelTopology: topology } as tf.io.ModelJSON);
  } catch (e) {
    return failDiagnostics(fn, `could not copy the model through toJSON/modelFromJSON (${e instanceof Error ? e.message : String(e)}); register custom layers with tf.serialization.registerClass`);
  }
  const copies = model.getWeights().map((w) => tf.clone(w));
  clone.setWeights(copies);
  tf.dispose(copies);
  return clone;
}

/**
 * "If training error is high, try to overfit a tiny dataset": trains a copy
 * of the model on a few examples until the loss reaches `targetLoss`
 * (default: 2% of its initial value). A sound model and training setup
 * drive the loss of 8–32 examples to nearly zero in a few hundred steps; a
 * model that cannot (frozen layers, a learning rate of 0, an output
 * activation that cannot produce the targets, a loss that does not match
 * the output, a bug in the data pipeline) fails here in seconds instead of
 * after a long run. Never throws for a model that cannot learn: the result
 * says `passed: false` and why.
 *
 * Full-batch Adam steps (`learningRate`, default 0.01) on the tiny batch,
 * drawn without replacement with `seed`; stops as soon as the target is
 * reached or the loss is not finite. The copy is made through
 * `toJSON`/`modelFromJSON` with copied weights and disposed at the end: the
 * caller's model (weights, optimizer, `trainable` flags) is not changed,
 * and no tensor is left behind.
 *
 * Reference: Goodfellow, Bengio & Courville, Deep Learning (2016), §11.5
 * ("fit a tiny dataset"); Karpathy, "A recipe for training neural networks"
 * (2019), "overfit one batch"; PyTorch Lightning's `overfit_batches`.
 *
 * @param model - A `tf.LayersModel` with one output whose layers are serializable.
 * @param x - Inputs (a tensor or one per model input); not disposed.
 * @param y - Targets; not disposed.
 * @param options - `examples`, `epochs`, `targetLoss`, `learningRate`, `loss`, `seed`, `training`.
 * @returns A promise of an {@link OverfitTinyBatchResult}.
 * @throws {DiagnosticsInputError} bad options, no usable loss, `x` and `y` of different lengths, a model that cannot be copied.
 * @example
 * const r = await overfitTinyBatch(model, x, y, { loss: 'meanSquaredError', examples: 8, epochs: 200 });
 * [r.passed, r.finalLoss <= r.targetLoss];
 * // => [true, true]
 */
export async function overfitTinyBatch(model: unknown, x: tf.Tensor | tf.Tensor[], y: tf.Tensor, options: OverfitTinyBatchOptions = {}): Promise<OverfitTinyBatchResult> {
  const fn = 'overfitTinyBatch';
  const m = readLayersModel(fn, model) as unknown as tfl.LayersModel;
  const xs = readTensors(fn, 'x', x);
  const [yt] = readTensors(fn, 'y', y);
  const n = yt.shape[0] ?? 0;
  if (n === 0) failDiagnostics(fn, 'y is empty');
  xs.forEach((t, i) => {
    if (t.shape[0] !== n) failDiagnostics(fn, `${xs.length > 1 ? `x[${i}]` : 'x'} has ${t.shape[0]} examples but y has ${n}`);
  });
  const examples = Math.min(n, asDiagnosticsError(() => readNumberOption(options.examples, 16, fn, 'examples', { min: 1, integer: true })));
  const epochs = asDiagnosticsError(() => readNumberOption(options.epochs, 300, fn, 'epochs', { min: 1, integer: true }));
  const learningRate = asDiagnosticsError(() => readNumberOption(options.learningRate, 0.01, fn, 'learningRate', { min: 0 }));
  const target = options.targetLoss === undefined ? undefined : asDiagnosticsError(() => readNumberOption(options.targetLoss, 0, fn, 'targetLoss', {}));
  const lossFn = resolveLoss(fn, readLoss(fn, m as unknown as CompiledModel, options.loss));
  const training = options.training ?? true;
  const seed = options.seed ?? 0;

  const indices = drawIndices(n, examples, seed, fn);
  const clone = await cloneModel(fn, m);
  const idx = tf.tensor1d(indices, 'int32');
  const bx = xs.map((t) => tf.gather(t, idx));
  const by = tf.gather(yt, idx);
  idx.dispose();
  const input = bx.length === 1 ? bx[0] : bx;
  const lossAt = (train: boolean): number =>
    tf.tidy(() => modelLossValue(clone as unknown as ModelLike, input, by, lossFn, train, fn).dataSync()[0]);
  const optimizer = tf.train.adam(learningRate);
  const history: number[] = [];
  try {
    ensureGradientsRegistered(fn);
    const initialLoss = lossAt(false);
    history.push(initialLoss);
    const targetLoss = target ?? 0.02 * initialLoss;
    const result = (passed: boolean, reason: string | undefined): OverfitTinyBatchResult => ({
      passed,
      initialLoss,
      finalLoss: history[history.length - 1],
      targetLoss,
      epochs: history.length - 1,
      history: Float64Array.from(history),
      reason,
    });
    if (!Number.isFinite(initialLoss)) return result(false, `the initial loss is ${initialLoss}: check the data and the model's output`);
    if (initialLoss <= targetLoss) return result(true, undefined);
    const vars = clone.trainableWeights.map((w) => w.read() as tf.Variable);
    if (vars.length === 0) return result(false, 'the model has no trainable weights (every layer is frozen?): nothing can learn');
    for (let epoch = 0; epoch < epochs; epoch++) {
      withTapeCleanup(() => {
        tf.tidy(() => {
          optimizer.minimize(() => modelLossValue(clone as unknown as ModelLike, input, by, lossFn, training, fn), false, vars);
        });
      });
      const loss = lossAt(false);
      history.push(loss);
      if (!Number.isFinite(loss)) return result(false, `the loss became ${loss} after ${epoch + 1} steps: lower the learning rate or check the loss and the data`);
      if (loss <= targetLoss) return result(true, undefined);
    }
    const finalLoss = history[history.length - 1];
    const reason = learningRate === 0
      ? `the learning rate is 0: the loss stayed at ${finalLoss}`
      : `the loss reached ${finalLoss} after ${epochs} steps, above the target ${targetLoss} (initial ${initialLoss}): the model cannot fit ${examples} examples (output activation, loss, frozen layers, capacity?)`;
    return result(false, reason);
  } catch (error) {
    throw translateTfError(fn, error);
  } finally {
    optimizer.dispose();
    tf.dispose([...bx, by]);
    clone.dispose();
  }
}
