import * as tfl from '@tensorflow/tfjs-layers';
import { failOption, readChoiceOption as readOneOf } from '../core/configErrors';
import type { LearningRateSchedule } from './schedules/LearningRateSchedule';
import { getLearningRate, setLearningRate } from './setLearningRate';

/** Options of {@link learningRateScheduler}. */
export interface LearningRateSchedulerOptions {
  /**
   * What the schedule's step counts: `'epoch'` (the epoch index passed by
   * `fit`, from 0 or from `initialEpoch`, as Keras's `LearningRateScheduler`)
   * or `'batch'` (batches seen by this callback since it was created, across
   * `fit` calls). Defaults to `'epoch'`.
   */
  per?: 'batch' | 'epoch';
}

/** What a {@link LearningRateScheduler} has set so far: parallel arrays, one entry per step. */
export interface LearningRateHistory {
  readonly step: number[];
  readonly learningRate: number[];
}

/**
 * A tfjs-layers callback that sets the optimizer's learning rate from a
 * schedule before each epoch (or batch), the way Keras's
 * `LearningRateScheduler` does. See {@link learningRateScheduler}.
 */
export class LearningRateScheduler extends tfl.Callback {
  /** Every rate set, with its step. */
  readonly history: LearningRateHistory = { step: [], learningRate: [] };
  private batches = 0;

  constructor(
    private readonly schedule: LearningRateSchedule,
    private readonly per: 'batch' | 'epoch',
  ) {
    super();
  }

  private apply(step: number): void {
    const optimizer = this.model?.optimizer;
    if (!optimizer) failOption('learningRateScheduler', 'the model has no optimizer: compile it before fit');
    const lr = this.schedule(step);
    setLearningRate(optimizer, lr);
    this.history.step.push(step);
    this.history.learningRate.push(lr);
  }

  /** Called by tfjs-layers before each epoch: records the epoch the next steps belong to. */
  override async onEpochBegin(epoch: number): Promise<void> {
    if (this.per === 'epoch') this.apply(epoch);
  }

  /** Called by tfjs-layers before each batch: sets the optimizer's learning rate for this step. */
  override async onBatchBegin(): Promise<void> {
    if (this.per === 'batch') this.apply(this.batches++);
  }

  /** Called by tfjs-layers after each epoch: writes the current learning rate into `logs`. */
  override async onEpochEnd(_epoch: number, logs?: tfl.Logs): Promise<void> {
    // Keras 3 writes the rate into the epoch logs under this name.
    if (logs && this.model?.optimizer) (logs as Record<string, number>).learning_rate = getLearningRate(this.model.optimizer);
  }
}

/**
 * A tfjs-layers callback that sets the learning rate of the model's
 * optimizer from `schedule` — tfjs has no learning-rate schedules of its own.
 *
 * Before each epoch (`per: 'epoch'`, step = epoch index) or each batch
 * (`per: 'batch'`, step = batches seen), the rate `schedule(step)` is set
 * with {@link setLearningRate}, which calls `setLearningRate()` on SGD and
 * momentum (they cache the rate in a tensor) and assigns the `learningRate`
 * field of Adam, Adamax, RMSProp, Adagrad and Adadelta (they read it each
 * step). Each rate is recorded in `callback.history`, and the rate in force
 * is written to the epoch logs as `learning_rate` (so `fit`'s `History`
 * has it).
 *
 * Reference: `keras.callbacks.LearningRateScheduler`.
 *
 * @param schedule - `(step) => learningRate`, e.g. from {@link cosineDecay}.
 * @param options - See {@link LearningRateSchedulerOptions}.
 * @returns A {@link LearningRateScheduler} to pass in `model.fit(x, y, { callbacks })`.
 * @throws {InvalidOptionError} `learningRateScheduler: per is "step", expected one of "batch", "epoch"`;
 *   during `fit`, if the model has no optimizer or the schedule returns a bad rate.
 * @example
 * const cb = learningRateScheduler(stepDecay({ initialLearningRate: 0.1, every: 10 }));
 * await model.fit(x, y, { epochs: 20, callbacks: [cb] });
 * cb.history.learningRate[15];
 * // => 0.010000000000000002
 */
export function learningRateScheduler(
  schedule: LearningRateSchedule,
  options: LearningRateSchedulerOptions = {},
): LearningRateScheduler {
  const fn = 'learningRateScheduler';
  if (typeof schedule !== 'function') failOption(fn, 'schedule must be a function (step) => learningRate');
  const per = readOneOf(options.per, ['batch', 'epoch'] as const, 'epoch', fn, 'per');
  return new LearningRateScheduler(schedule, per);
}
