import * as tfl from '@tensorflow/tfjs-layers';
import { readIntOption as readInt, readNumOption as readNum, readChoiceOption as readOneOf } from '../core/configErrors';
import { resolveLogs } from '../core/resolveLogs';
import { monitored } from './internal/logs';
import { getLearningRate, setLearningRate } from './setLearningRate';

/** Options of {@link reduceOnPlateau}, named as Keras's `ReduceLROnPlateau`. */
export interface ReduceOnPlateauOptions {
  /** The log key to watch. Defaults to `'val_loss'`. */
  monitor?: string;
  /** The multiplier applied to the rate on a plateau, in (0, 1). Defaults to `0.1`. */
  factor?: number;
  /** Epochs without improvement before the rate is reduced. Defaults to `10`. */
  patience?: number;
  /** The rate is never reduced below this. Defaults to `0`. */
  minLearningRate?: number;
  /** `'min'`, `'max'`, or `'auto'` (max for names containing acc, auc, auprc, precision, recall, f1 or ap; min otherwise). Defaults to `'auto'`. */
  mode?: 'auto' | 'min' | 'max';
  /** The smallest change that counts as an improvement. Defaults to `1e-4`. */
  minDelta?: number;
  /** Epochs to wait after a reduction before counting again. Defaults to `0`. */
  cooldown?: number;
}

/** One reduction made by {@link ReduceOnPlateau}. */
export interface PlateauReduction {
  readonly epoch: number;
  readonly from: number;
  readonly to: number;
}

const MAX_KEYS = /(acc|auc|auprc|precision|recall|f1|fbeta|^ap$|_ap$|average_precision)/i;

/**
 * A tfjs-layers callback that reduces the learning rate when a monitored
 * value stops improving. See {@link reduceOnPlateau}.
 */
export class ReduceOnPlateau extends tfl.Callback {
  /** Every reduction made, in order. */
  readonly reductions: PlateauReduction[] = [];
  private best = NaN;
  private readonly initialBest: number;
  private wait = 0;
  private cooldownLeft = 0;
  private readonly better: (current: number, best: number) => boolean;

  constructor(
    readonly monitor: string,
    private readonly factor: number,
    private readonly patience: number,
    private readonly minLearningRate: number,
    mode: 'min' | 'max',
    minDelta: number,
    private readonly cooldown: number,
  ) {
    super();
    this.better = mode === 'min' ? (c, b) => c < b - minDelta : (c, b) => c > b + minDelta;
    this.initialBest = mode === 'min' ? Infinity : -Infinity;
    this.best = this.initialBest;
  }

  /** Called by tfjs-layers when training starts: resets the plateau state. */
  override async onTrainBegin(): Promise<void> {
    // Keras resets the best value, the wait and the cooldown at every fit.
    this.best = this.initialBest;
    this.wait = 0;
    this.cooldownLeft = 0;
  }

  /** Called by tfjs-layers after each epoch: reads the monitored value and lowers the learning rate after a plateau. */
  override async onEpochEnd(epoch: number, logs?: tfl.Logs): Promise<void> {
    const resolved = await resolveLogs(logs as Record<string, unknown>);
    const current = monitored(resolved, this.monitor, 'reduceOnPlateau', epoch);
    const optimizer = this.model.optimizer;
    if (this.cooldownLeft > 0) {
      this.cooldownLeft--;
      this.wait = 0;
    }
    if (this.better(current, this.best)) {
      this.best = current;
      this.wait = 0;
    } else if (this.cooldownLeft === 0) {
      this.wait++;
      if (this.wait >= this.patience) {
        const old = getLearningRate(optimizer);
        if (old > this.minLearningRate) {
          const next = Math.max(old * this.factor, this.minLearningRate);
          setLearningRate(optimizer, next);
          this.reductions.push({ epoch, from: old, to: next });
          this.cooldownLeft = this.cooldown;
          this.wait = 0;
        }
      }
    }
    resolved.learning_rate = getLearningRate(optimizer);
  }
}

/**
 * A tfjs-layers callback that multiplies the learning rate by `factor` when
 * `monitor` has not improved (by more than `minDelta`) for `patience`
 * epochs, never going below `minLearningRate`, then waits `cooldown` epochs
 * — Keras's `ReduceLROnPlateau`, which tfjs lacks. The rate is set with
 * {@link setLearningRate} (so SGD and momentum really change), every
 * reduction is recorded in `callback.reductions`, and the rate in force is
 * written to the logs as `learning_rate`. To monitor an exact whole-set
 * metric such as `val_auprc`, put a {@link metricsCallback} before it in the
 * callbacks list.
 *
 * Reference: `keras.callbacks.ReduceLROnPlateau`.
 *
 * @param options - See {@link ReduceOnPlateauOptions}.
 * @returns A {@link ReduceOnPlateau} callback.
 * @throws {InvalidOptionError} `reduceOnPlateau: factor is 1, expected a finite number > 0 and < 1`;
 *   during `fit`, `reduceOnPlateau: logs has no "val_loss" at epoch 0 (available: loss, acc); …`.
 * @example
 * const plateau = reduceOnPlateau({ monitor: 'val_loss', factor: 0.5, patience: 3 });
 * await model.fit(x, y, { epochs: 50, validationSplit: 0.2, callbacks: [plateau] });
 * plateau.reductions[0];
 * // => { epoch: 17, from: 0.001, to: 0.0005 } (depends on the run)
 */
export function reduceOnPlateau(options: ReduceOnPlateauOptions = {}): ReduceOnPlateau {
  const fn = 'reduceOnPlateau';
  const monitor = options.monitor ?? 'val_loss';
  const factor = readNum(options.factor, 0.1, fn, 'factor', { min: 0, max: 1, minExclusive: true, maxExclusive: true });
  const patience = readInt(options.patience, 10, fn, 'patience', 0);
  const minLearningRate = readNum(options.minLearningRate, 0, fn, 'minLearningRate', { min: 0 });
  const modeOption = readOneOf(options.mode, ['auto', 'min', 'max'] as const, 'auto', fn, 'mode');
  const mode = modeOption === 'auto' ? (MAX_KEYS.test(monitor) ? 'max' : 'min') : modeOption;
  const minDelta = readNum(options.minDelta, 1e-4, fn, 'minDelta', { min: 0 });
  const cooldown = readInt(options.cooldown, 0, fn, 'cooldown', 0);
  return new ReduceOnPlateau(monitor, factor, patience, minLearningRate, mode, minDelta, cooldown);
}
