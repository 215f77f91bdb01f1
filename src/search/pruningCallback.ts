import * as tfl from '@tensorflow/tfjs-layers';
import { resolveLogs } from '../core/resolveLogs';
import { failSearch, TrialPruned } from './errors';
import type { Trial } from './Trial';

/** Options of {@link pruningCallback}. */
export interface PruningCallbackOptions {
  /** The log key reported each epoch (e.g. `'val_loss'`, `'val_acc'`; the study's direction must match it). Defaults to `'val_loss'`. */
  readonly monitor?: string;
}

/**
 * A tfjs-layers callback that reports a monitored value to a trial after
 * every epoch and stops training when the trial's pruner says so. See
 * {@link pruningCallback}.
 */
export class PruningCallback extends tfl.Callback {
  /** Whether training was stopped because the trial was pruned (or its monitored value became NaN or infinite). */
  pruned = false;
  /** The epoch after which training was stopped, if it was. */
  prunedAtEpoch: number | undefined = undefined;

  constructor(
    private readonly trial: Trial,
    readonly monitor: string,
  ) {
    super();
  }

  /** Reports the monitored value at this epoch to the trial and stops training (the trial is then pruned) when the pruner says so or the value is not finite. */
  override async onEpochEnd(epoch: number, logs?: tfl.Logs): Promise<void> {
    const values = await resolveLogs(logs as Record<string, unknown> | undefined);
    const v = values[this.monitor];
    if (typeof v !== 'number') {
      const keys = Object.keys(values);
      failSearch('pruningCallback', `logs has no "${this.monitor}" at epoch ${epoch} (available: ${keys.length ? keys.join(', ') : 'none'}); pass validationData or validationSplit to fit`);
    }
    // A diverged run (NaN or infinite loss) cannot be ranked: it is stopped as pruned, as Optuna's pruners prune NaN.
    let stop = !Number.isFinite(v);
    if (!stop) {
      this.trial.report(v, epoch);
      // Epochs are long: read the other trials' latest reports (other processes sharing the storage) before deciding.
      await this.trial.refreshStudy();
      stop = this.trial.shouldPrune();
    }
    if (stop) {
      this.pruned = true;
      this.prunedAtEpoch = epoch;
      this.trial.markPruned();
      this.model.stopTraining = true;
    }
  }

  /** Throws {@link TrialPruned} if training was stopped by pruning; call it after `fit`. */
  throwIfPruned(): void {
    if (this.pruned) throw new TrialPruned(`trial ${this.trial.number} was pruned after epoch ${this.prunedAtEpoch}`);
  }
}

/**
 * Prunes a tfjs-layers training run: after each epoch the callback reports
 * `logs[monitor]` to the trial (`trial.report(value, epoch)`) and asks its
 * pruner (`trial.shouldPrune()`); if the trial should stop, it sets
 * `model.stopTraining = true`, so `fit` ends cleanly after that epoch (no
 * exception inside tfjs's loop, no leaked tensors). Then end the objective
 * with `callback.throwIfPruned()`; `study.optimize` records the trial as
 * `pruned` even if the objective returns a value instead. A NaN or infinite
 * monitored value also stops the run as pruned.
 *
 * Reference: Optuna's `TFKerasPruningCallback`.
 *
 * @param trial - The running trial.
 * @param options - `monitor` (defaults to `'val_loss'`).
 * @returns A {@link PruningCallback} for `model.fit`'s `callbacks`.
 * @throws {SearchError} during `fit`: `pruningCallback: logs has no "val_loss" at epoch 0 (available: loss); pass validationData or validationSplit to fit`.
 * @example
 * const pruning = pruningCallback(trial, { monitor: 'val_loss' });
 * await model.fit(x, y, { epochs: 50, validationSplit: 0.2, callbacks: [pruning] });
 * pruning.throwIfPruned();
 */
export function pruningCallback(trial: Trial, options: PruningCallbackOptions = {}): PruningCallback {
  const monitor = options.monitor ?? 'val_loss';
  if (typeof monitor !== 'string' || monitor === '') failSearch('pruningCallback', `monitor is ${JSON.stringify(monitor)}, expected a log key`);
  return new PruningCallback(trial, monitor);
}
