import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { failOption, readIntOption as readInt } from '../core/configErrors';
import type { TensorLike } from '../core/tensorLike';
import { argMaxRows, scoresFor } from './internal/scores';

/**
 * A whole-set metric: true labels (or targets) and the model's scores, to a
 * number. `yScore` is a `Float32Array` of n scores for a model with one
 * output unit (binary or regression), or a tensor-like `[n, k]` object
 * (`shape`, `dtype`, `dataSync`) for k > 1 — both forms every metric of the
 * metrics module accepts, e.g. `(y, s) => averagePrecision(y, s)`.
 */
export type MetricFunction = (yTrue: Int32Array | Float32Array, yScore: Float32Array | TensorLike) => number;

/** Options of {@link metricsCallback} and {@link evaluateMetrics}. */
export interface MetricsCallbackOptions {
  /**
   * Held-out `[x, y]`: `x` a tensor; `y` a tensor or array of labels
   * (`[n]`, `[n, 1]`, or one-hot `[n, k]`, read as class ids) or targets.
   * Read once, when the callback is created; the caller keeps ownership.
   */
  validationData: [tf.Tensor, tf.Tensor | ArrayLike<number>];
  /** The metrics, by log key (e.g. `val_auprc`). */
  metrics: Record<string, MetricFunction>;
  /**
   * Compute at the end of every `every`-th epoch (epochs every−1, 2·every−1, …);
   * other epochs' logs lack the keys, so keep `1` when a monitor such as
   * {@link reduceOnPlateau} (which rejects a missing key) watches them. Defaults to `1`.
   */
  every?: number;
  /** The prediction batch size. Defaults to `256`. */
  batchSize?: number;
}

/** Labels read once from the validation data. */
interface ReadLabels {
  readonly yTrue: Int32Array | Float32Array;
  readonly n: number;
}

function readValidationLabels(y: tf.Tensor | ArrayLike<number>, n: number, fn: string): ReadLabels {
  let yTrue: Int32Array | Float32Array;
  if (y instanceof tf.Tensor) {
    const data = y.dataSync();
    const k = y.rank === 2 ? (y.shape[1] as number) : 1;
    if (y.shape[0] !== n || y.rank > 2) failOption(fn, `validationData y has shape [${y.shape}], expected [${n}], [${n}, 1] or [${n}, k]`);
    if (k > 1) yTrue = argMaxRows(data as ArrayLike<number>, n, k);
    else yTrue = y.dtype === 'int32' ? Int32Array.from(data as Int32Array) : Float32Array.from(data as Float32Array);
  } else {
    if (y == null || y.length !== n) failOption(fn, `validationData y has ${y?.length} entries but x has ${n} rows`);
    yTrue = y instanceof Int32Array ? y.slice() : Float32Array.from(y);
  }
  return { yTrue, n };
}

/**
 * Predicts `x` in batches (each batch in its own tidy, its output read and
 * disposed before the next) and returns the scores row-major with their
 * number of columns.
 */
async function predictInBatches(model: tfl.LayersModel, x: tf.Tensor, batchSize: number, fn: string): Promise<{ scores: Float32Array; k: number }> {
  const n = x.shape[0];
  let scores: Float32Array | undefined;
  let k = 0;
  for (let start = 0; start < n; start += batchSize) {
    const size = Math.min(batchSize, n - start);
    const out = tf.tidy(() => {
      const p = model.predict(tf.slice(x, start, size));
      if (Array.isArray(p)) failOption(fn, 'the model has several outputs; metricsCallback reads a single output');
      return p as tf.Tensor;
    });
    try {
      if (!scores) {
        k = out.size / size;
        scores = new Float32Array(n * k);
      }
      scores.set((await out.data()) as Float32Array, start * k);
    } finally {
      out.dispose();
    }
  }
  return { scores: scores ?? new Float32Array(0), k: Math.max(k, 1) };
}

/**
 * Computes whole-set metrics of a model on held-out data — the plain
 * function behind {@link metricsCallback}, for custom training loops.
 * Predicts in batches of `batchSize` and leaves no tensors behind.
 *
 * @param model - A tfjs-layers model with one output.
 * @param validationData - `[x, y]` as in {@link MetricsCallbackOptions}.
 * @param metrics - Metric functions by name.
 * @param options - `batchSize` (defaults to `256`).
 * @returns The metric values by name.
 * @throws {InvalidOptionError} `evaluateMetrics: validationData y has 3 entries but x has 4 rows`.
 * @example
 * await evaluateMetrics(model, [xVal, yVal], { val_auprc: (y, s) => averagePrecision(y, s) });
 * // => { val_auprc: 0.83 } (depends on the model)
 */
export async function evaluateMetrics(
  model: tfl.LayersModel,
  validationData: [tf.Tensor, tf.Tensor | ArrayLike<number>],
  metrics: Record<string, MetricFunction>,
  options: { batchSize?: number } = {},
): Promise<Record<string, number>> {
  const fn = 'evaluateMetrics';
  const batchSize = readInt(options.batchSize, 256, fn, 'batchSize', 1);
  const [x, y] = checkValidationData(validationData, fn);
  const labels = readValidationLabels(y, x.shape[0], fn);
  return compute(model, x, labels, checkMetrics(metrics, fn), batchSize, fn);
}

async function compute(
  model: tfl.LayersModel,
  x: tf.Tensor,
  labels: ReadLabels,
  metrics: Record<string, MetricFunction>,
  batchSize: number,
  fn: string,
): Promise<Record<string, number>> {
  const { scores, k } = await predictInBatches(model, x, batchSize, fn);
  const yScore = scoresFor(scores, labels.n, k);
  const out: Record<string, number> = {};
  for (const [name, metric] of Object.entries(metrics)) out[name] = metric(labels.yTrue, yScore);
  return out;
}

function checkValidationData(v: unknown, fn: string): [tf.Tensor, tf.Tensor | ArrayLike<number>] {
  if (!Array.isArray(v) || v.length !== 2 || !(v[0] instanceof tf.Tensor)) {
    failOption(fn, 'validationData must be [x, y] with x a tensor');
  }
  return v as [tf.Tensor, tf.Tensor | ArrayLike<number>];
}

function checkMetrics(metrics: Record<string, MetricFunction>, fn: string): Record<string, MetricFunction> {
  if (metrics == null || typeof metrics !== 'object' || Object.keys(metrics).length === 0) {
    failOption(fn, 'metrics must be an object of one or more metric functions by name');
  }
  for (const [name, m] of Object.entries(metrics)) if (typeof m !== 'function') failOption(fn, `metrics.${name} is not a function`);
  return metrics;
}

/**
 * A tfjs-layers callback that writes exact whole-set metrics of the
 * validation data into the epoch logs. See {@link metricsCallback}.
 */
export class MetricsCallback extends tfl.Callback {
  /** The values computed so far: the epochs and, per metric, one value per computed epoch. */
  readonly history: { readonly epoch: number[]; readonly values: Record<string, number[]> };

  /** @internal Built by {@link metricsCallback}, which validates the data and options first. */
  constructor(
    private readonly x: tf.Tensor,
    private readonly labels: ReadLabels,
    private readonly metricFns: Record<string, MetricFunction>,
    private readonly every: number,
    private readonly batchSize: number,
  ) {
    super();
    const values: Record<string, number[]> = {};
    for (const name of Object.keys(metricFns)) values[name] = [];
    this.history = { epoch: [], values };
  }

  /** Called by tfjs-layers after each epoch: computes the metrics every `every` epochs and writes them into `logs`. */
  override async onEpochEnd(epoch: number, logs?: tfl.Logs): Promise<void> {
    if ((epoch + 1) % this.every !== 0) return;
    const values = await compute(this.model, this.x, this.labels, this.metricFns, this.batchSize, 'metricsCallback');
    this.history.epoch.push(epoch);
    for (const [name, v] of Object.entries(values)) {
      this.history.values[name].push(v);
      if (logs) (logs as Record<string, number>)[name] = v;
    }
  }
}

/**
 * A tfjs-layers callback that computes exact, whole-set metrics (from the
 * metrics module or any `(yTrue, yScore) => number`) on held-out data at the
 * end of an epoch and writes them into `logs`, so that `fit`'s history,
 * tfjs's `earlyStopping`, {@link reduceOnPlateau} and a search pruner can
 * monitor them. Place it before those callbacks in the list.
 *
 * Why not a compiled metric: tfjs (like Keras before `AUC(curve='PR')`)
 * averages a metric passed to `compile` over batches; the mean of per-batch
 * average precisions, AUCs or F-scores is not the whole-set value (a batch
 * without positives does not even have one). This callback predicts the
 * whole validation set (in batches of `batchSize`, no tensor leaks) and
 * evaluates each metric once on all of it.
 *
 * @param options - See {@link MetricsCallbackOptions}.
 * @returns A {@link MetricsCallback}; its `history` keeps every value.
 * @throws {InvalidOptionError} `metricsCallback: metrics.val_auprc is not a function`.
 * @example
 * const cb = metricsCallback({ validationData: [xVal, yVal], metrics: { val_auprc: (y, s) => averagePrecision(y, s) } });
 * const h = await model.fit(x, y, { epochs: 5, callbacks: [cb, tfl.callbacks.earlyStopping({ monitor: 'val_auprc', mode: 'max' })] });
 * h.history.val_auprc.length;
 * // => 5
 */
export function metricsCallback(options: MetricsCallbackOptions): MetricsCallback {
  const fn = 'metricsCallback';
  if (options == null) failOption(fn, 'options are required');
  const [x, y] = checkValidationData(options.validationData, fn);
  const metrics = checkMetrics(options.metrics, fn);
  const every = readInt(options.every, 1, fn, 'every', 1);
  const batchSize = readInt(options.batchSize, 256, fn, 'batchSize', 1);
  return new MetricsCallback(x, readValidationLabels(y, x.shape[0], fn), metrics, every, batchSize);
}
