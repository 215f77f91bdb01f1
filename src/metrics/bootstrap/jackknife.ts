// The jackknife values behind the BCa acceleration of bootstrapInterval.
import type { Rng } from '../../core/random';

/**
 * Jackknife values of the metric: leave-one-out when n ≤ blocks, else leave
 * out one of `blocks` blocks of a seeded random partition (sizes ⌊n/G⌋ or
 * ⌈n/G⌉).
 */
export function jackknife(
  n: number,
  blocks: number,
  rng: Rng,
  evaluate: (idx: Int32Array, count: number) => number,
): Float64Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const g = Math.min(n, blocks);
  if (g < n) {
    // Fisher–Yates: blocks of a random partition, so that no block is one
    // class or one region of the data when the input happens to be sorted.
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }
  const out = new Float64Array(g);
  const idx = new Int32Array(n);
  for (let b = 0; b < g; b++) {
    const start = Math.floor((b * n) / g);
    const end = Math.floor(((b + 1) * n) / g);
    idx.set(order.subarray(0, start), 0);
    idx.set(order.subarray(end), start);
    out[b] = evaluate(idx, n - (end - start));
  }
  return out;
}
