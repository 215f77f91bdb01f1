// The worker module of the `workers` part of `npm run bench:distributed`:
// plain JavaScript over the built package (dist/), as a user deploys it, so
// that a worker starts with plain `node` (no TypeScript loader).
import { randomSampler } from '../../dist/search/index.js';

const OBJECTIVE_MS = Number(process.env.BENCH_OBJECTIVE_MS ?? 200);

/** The worker module's sampler: random, seeded per worker (its cost is negligible next to 200 ms). */
export const sampler = (context) => randomSampler({ seed: context.workerIndex });

/** The worker module's objective: 200 ms asleep, or a fixed amount of CPU work (BENCH_OBJECTIVE_KIND). */
export async function objective(trial) {
  const x = trial.suggestFloat('x', -5, 5);
  if (process.env.BENCH_OBJECTIVE_KIND === 'sleep') {
    await new Promise((r) => setTimeout(r, OBJECTIVE_MS));
  } else {
    // A fixed amount of work (not a fixed wall time): four processes sharing two cores each take longer.
    const s = work(Number(process.env.BENCH_OBJECTIVE_CHUNKS));
    if (s < 0) return s;
  }
  return (x - 2) ** 2;
}

/** `chunks` chunks of CPU work (10^4 square roots each). */
export function work(chunks) {
  let s = 0;
  for (let c = 0; c < chunks; c++) for (let i = 0; i < 1e4; i++) s += Math.sqrt(i + c);
  return s;
}
