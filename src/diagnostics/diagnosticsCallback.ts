import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { readNumberOption } from '../core/assert';
import { show } from '../core/fail';
import { resolveLogs } from '../core/resolveLogs';
import { activationStats, type ActivationStatsOptions } from './activationStats';
import { asDiagnosticsError, failDiagnostics } from './errors';
import { gradientStats, type GradientStatsOptions } from './gradientStats';
import type { DiagnosticsReport, DiagnosticsWarning } from './types';

/** The fixed sample diagnostics are computed on: inputs, or inputs with targets (needed for gradient statistics). */
export type DiagnosticsSample = tf.Tensor | tf.Tensor[] | { readonly x: tf.Tensor | tf.Tensor[]; readonly y: tf.Tensor };

/** Options of {@link diagnosticsReport} (and of {@link diagnosticsCallback}). */
export interface DiagnosticsReportOptions extends ActivationStatsOptions, GradientStatsOptions {
  /** Warn about a layer whose dead fraction is above this. Defaults to `0.5`. */
  readonly deadFractionThreshold?: number;
  /** The epoch the report belongs to. Defaults to `-1` (outside training). */
  readonly epoch?: number;
  /** The training loss observed (warned about when NaN or ±Infinity). Defaults to none (`NaN` in the report, no warning). */
  readonly trainingLoss?: number;
}

/** Options of {@link diagnosticsCallback}: those of {@link diagnosticsReport} but `epoch` and `trainingLoss`, and: */
export interface DiagnosticsCallbackOptions extends Omit<DiagnosticsReportOptions, 'epoch' | 'trainingLoss'> {
  /**
   * The fixed sample: a tensor of inputs (one per model input as an array),
   * or `{ x, y }` to also get gradient statistics. Kept by reference: do not
   * dispose it before training ends.
   */
  readonly sample: DiagnosticsSample;
  /** Report at the end of every `every`-th epoch (epochs every−1, 2·every−1, …, and the epoch training stopped on a non-finite loss). Defaults to `1`. */
  readonly every?: number;
  /** Called with each report, awaited before training goes on. Defaults to none (read `history`). */
  readonly onReport?: (report: DiagnosticsReport) => void | Promise<void>;
  /** Stop training (`model.stopTraining = true`) as soon as a batch's or an epoch's loss is NaN or ±Infinity. Defaults to `false`. */
  readonly stopOnNaN?: boolean;
}

function readSample(fn: string, sample: unknown): { x: tf.Tensor | tf.Tensor[]; y: tf.Tensor | undefined } {
  const isTensors = (v: unknown): v is tf.Tensor | tf.Tensor[] =>
    v instanceof tf.Tensor || (Array.isArray(v) && v.length > 0 && v.every((t) => t instanceof tf.Tensor));
  if (isTensors(sample)) return { x: sample, y: undefined };
  const s = sample as { x?: unknown; y?: unknown } | null;
  if (typeof s === 'object' && s !== null && isTensors(s.x) && s.y instanceof tf.Tensor) return { x: s.x, y: s.y };
  return failDiagnostics(fn, `sample is ${show(sample)}, expected a tensor, an array of tensors or { x, y } of tensors`);
}

/** The warnings of a report: non-finite loss, dead layers, vanishing or exploding gradients. */
function warningsOf(report: Omit<DiagnosticsReport, 'warnings'>, deadThreshold: number, lossGiven: boolean): DiagnosticsWarning[] {
  const epoch = report.epoch;
  const out: DiagnosticsWarning[] = [];
  if (lossGiven && !Number.isFinite(report.loss)) {
    out.push({ kind: 'non-finite-loss', epoch, target: undefined, value: report.loss, threshold: NaN, message: `the training loss is ${report.loss}` });
  }
  for (const l of report.activations.layers) {
    if (l.deadFraction > deadThreshold) {
      out.push({
        kind: 'dead-units',
        epoch,
        target: l.name,
        value: l.deadFraction,
        threshold: deadThreshold,
        message: `${l.name}: ${l.deadUnits} of ${l.units} units (${(100 * l.deadFraction).toFixed(1)}%) output 0 for every example of the sample`,
      });
    }
  }
  const g = report.gradients;
  if (g) {
    for (const v of g.variables) {
      if (v.status === 'ok') continue;
      const size = v.weightNorm === 0 ? v.gradientNorm : v.ratio;
      const what = v.weightNorm === 0 ? '‖g‖' : '‖g‖/‖w‖';
      const threshold = v.status === 'vanishing' ? g.thresholds.vanishing : g.thresholds.exploding;
      out.push({
        kind: v.status === 'vanishing' ? 'vanishing-gradient' : 'exploding-gradient',
        epoch,
        target: v.name,
        value: size,
        threshold,
        message: Number.isFinite(size)
          ? `${v.name}: ${what} = ${size.toExponential(2)} is ${v.status === 'vanishing' ? 'below' : 'above'} ${threshold}`
          : `${v.name}: the gradient is not finite`,
      });
    }
  }
  return out;
}

/**
 * The diagnostics of a model on a fixed sample, now: its
 * {@link activationStats}, its {@link gradientStats} when the sample has
 * targets, and warnings as plain objects — a non-finite `trainingLoss`, a
 * layer whose dead fraction is above `deadFractionThreshold`, a variable
 * whose gradient is vanishing or exploding. The plain function behind
 * {@link diagnosticsCallback}, for custom training loops.
 *
 * @param model - A `tf.LayersModel`.
 * @param sample - Inputs, or `{ x, y }` for gradient statistics too; not disposed.
 * @param options - Those of `activationStats` and `gradientStats`, `deadFractionThreshold`, `epoch`, `trainingLoss`.
 * @returns A {@link DiagnosticsReport}; leaves no tensor behind and does not change the model.
 * @throws {DiagnosticsInputError} a bad sample or option.
 * @example
 * const r = diagnosticsReport(model, { x, y }, { loss: 'meanSquaredError', trainingLoss: NaN });
 * r.warnings[0].kind;
 * // => 'non-finite-loss'
 */
export function diagnosticsReport(model: unknown, sample: DiagnosticsSample, options: DiagnosticsReportOptions = {}): DiagnosticsReport {
  const fn = 'diagnosticsReport';
  const { x, y } = readSample(fn, sample);
  const dead = asDiagnosticsError(() => readNumberOption(options.deadFractionThreshold, 0.5, fn, 'deadFractionThreshold', { min: 0, max: 1 }));
  const epoch = asDiagnosticsError(() => readNumberOption(options.epoch, -1, fn, 'epoch', { min: -1, integer: true }));
  const lossGiven = options.trainingLoss !== undefined;
  if (lossGiven && typeof options.trainingLoss !== 'number') failDiagnostics(fn, `trainingLoss is ${show(options.trainingLoss)}, expected a number`);
  const activations = activationStats(model, x, options);
  const gradients = y === undefined ? undefined : gradientStats(model, x, y, options);
  const partial = { epoch, loss: lossGiven ? (options.trainingLoss as number) : NaN, activations, gradients };
  return { ...partial, warnings: warningsOf(partial, dead, lossGiven) };
}

/**
 * A tfjs-layers callback that records {@link diagnosticsReport}s over
 * training; see {@link diagnosticsCallback}.
 */
export class DiagnosticsCallback extends tfl.Callback {
  /** Every report taken, in order. */
  readonly history: DiagnosticsReport[] = [];
  /** Whether training was stopped because the loss became NaN or ±Infinity. */
  stoppedOnNaN = false;
  /** Where training was stopped: the epoch, and the batch when a batch's loss was not finite. */
  stoppedAt: { readonly epoch: number; readonly batch: number | undefined } | undefined = undefined;
  private epoch = 0;

  constructor(
    private readonly sample: DiagnosticsSample,
    private readonly options: DiagnosticsCallbackOptions,
    private readonly every: number,
    private readonly stopOnNaN: boolean,
  ) {
    super();
  }

  /** Remembers the epoch, so that a NaN stop inside it can say where it happened. */
  override async onEpochBegin(epoch: number): Promise<void> {
    this.epoch = epoch;
  }

  /** With `stopOnNaN`, stops training at the first batch whose loss is NaN or ±Infinity. */
  override async onBatchEnd(batch: number, logs?: tfl.Logs): Promise<void> {
    if (!this.stopOnNaN || this.stoppedOnNaN) return;
    const loss = (await resolveLogs(logs as Record<string, unknown> | undefined)).loss;
    if (typeof loss === 'number' && !Number.isFinite(loss)) this.stop(this.epoch, batch);
  }

  /** Checks the epoch's loss and, every `every` epochs, takes a report on the sample, keeps it in `history` and passes it to `onReport`. */
  override async onEpochEnd(epoch: number, logs?: tfl.Logs): Promise<void> {
    const values = await resolveLogs(logs as Record<string, unknown> | undefined);
    const loss = typeof values.loss === 'number' ? values.loss : undefined;
    if (this.stopOnNaN && !this.stoppedOnNaN && loss !== undefined && !Number.isFinite(loss)) this.stop(epoch, undefined);
    if ((epoch + 1) % this.every !== 0 && !this.stoppedOnNaN) return;
    const report = diagnosticsReport(this.model, this.sample, { ...this.options, epoch, trainingLoss: loss });
    this.history.push(report);
    if (this.options.onReport) await this.options.onReport(report);
  }

  private stop(epoch: number, batch: number | undefined): void {
    this.stoppedOnNaN = true;
    this.stoppedAt = { epoch, batch };
    this.model.stopTraining = true;
  }
}

/**
 * A tfjs-layers callback for `model.fit` that watches training on a fixed
 * sample: at the end of every `every`-th epoch it takes a
 * {@link diagnosticsReport} (activation statistics, gradient statistics when
 * the sample is `{ x, y }`, warnings for a non-finite loss, dead layers and
 * vanishing or exploding gradients), keeps it in `history` (for plots) and
 * passes it to `onReport`. With `stopOnNaN` it reads the loss after every
 * batch and sets `model.stopTraining = true` as soon as it is NaN or
 * ±Infinity — the epoch ends there, gets a report with the
 * `non-finite-loss` warning, and `fit` returns (Keras's `TerminateOnNaN`).
 * Reports are per epoch; the NaN check is per batch (one scalar read per
 * batch, only with `stopOnNaN`).
 *
 * Each report costs one forward pass over the sample (and one backward
 * pass with targets): keep the sample small (a few hundred examples).
 *
 * @param options - `sample`, `every`, `onReport`, `stopOnNaN`, `deadFractionThreshold` and the options of `activationStats`/`gradientStats`.
 * @returns A {@link DiagnosticsCallback}; its `history` keeps every report, `stoppedOnNaN`/`stoppedAt` say whether and where training was stopped.
 * @throws {DiagnosticsInputError} `diagnosticsCallback: sample is undefined, expected a tensor, an array of tensors or { x, y } of tensors`, bad `every`.
 * @example
 * const monitor = diagnosticsCallback({ sample: { x: xSample, y: ySample }, loss: 'meanSquaredError', stopOnNaN: true });
 * await model.fit(x, y, { epochs: 20, callbacks: [monitor] });
 * monitor.history.flatMap((r) => r.warnings.map((w) => w.message));
 * // => [] for a healthy run
 */
export function diagnosticsCallback(options: DiagnosticsCallbackOptions): DiagnosticsCallback {
  const fn = 'diagnosticsCallback';
  if (options == null || typeof options !== 'object') failDiagnostics(fn, 'options are required (at least { sample })');
  readSample(fn, options.sample);
  const every = asDiagnosticsError(() => readNumberOption(options.every, 1, fn, 'every', { min: 1, integer: true }));
  if (options.onReport !== undefined && typeof options.onReport !== 'function') failDiagnostics(fn, `onReport is ${show(options.onReport)}, expected a function`);
  asDiagnosticsError(() => readNumberOption(options.deadFractionThreshold, 0.5, fn, 'deadFractionThreshold', { min: 0, max: 1 }));
  return new DiagnosticsCallback(options.sample, options, every, options.stopOnNaN ?? false);
}
