// Internal: reading tfjs-layers callback logs.
import { failOption } from '../../core/configErrors';

type LogValue = number | { data(): Promise<ArrayLike<number> | Uint8Array>; dispose(): void };

/**
 * Replaces scalar tensors in `logs` by their numbers and disposes them — what
 * tfjs-layers' own `EarlyStopping` does (`resolveScalarsInLogs`, not
 * exported), so that callbacks later in the list see numbers too.
 */
export async function resolveLogs(logs: Record<string, unknown> | undefined): Promise<Record<string, number>> {
  const out = (logs ?? {}) as Record<string, LogValue>;
  for (const key of Object.keys(out)) {
    const v = out[key];
    if (typeof v === 'object' && v !== null && typeof v.data === 'function') {
      const data = await v.data();
      out[key] = Number(data[0]);
      v.dispose();
    }
  }
  return out as Record<string, number>;
}

/** Reads the monitored value from resolved logs, naming what is there when it is missing. */
export function monitored(logs: Record<string, number>, monitor: string, fn: string, epoch: number): number {
  const v = logs[monitor];
  if (typeof v !== 'number') {
    const keys = Object.keys(logs);
    failOption(fn, `logs has no "${monitor}" at epoch ${epoch} (available: ${keys.length ? keys.join(', ') : 'none'}); pass validationData to fit or add a metricsCallback before this callback`);
  }
  return v;
}
