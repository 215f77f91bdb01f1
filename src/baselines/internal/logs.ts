// Internal: reading the monitored value from resolved tfjs-layers logs.
import { failOption } from '../../core/configErrors';

/** Reads the monitored value from resolved logs, naming what is there when it is missing. */
export function monitored(logs: Record<string, number>, monitor: string, fn: string, epoch: number): number {
  const v = logs[monitor];
  if (typeof v !== 'number') {
    const keys = Object.keys(logs);
    failOption(fn, `logs has no "${monitor}" at epoch ${epoch} (available: ${keys.length ? keys.join(', ') : 'none'}); pass validationData to fit or add a metricsCallback before this callback`);
  }
  return v;
}
