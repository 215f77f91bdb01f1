// Reading tfjs-layers callback logs, shared by every callback of the library
// (reduceOnPlateau, pruningCallback). Duck-typed: no tfjs import.

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
