// A worker module for runWorkers tests: a 10 x 10 grid, a short objective with a distinct value per point.
import { gridSampler } from '../../../src/search/samplers/gridSampler';
import type { Trial } from '../../../src/search/Trial';

export const sampler = () => gridSampler({ a: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], b: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] });

export async function objective(trial: Trial): Promise<number> {
  const a = trial.suggestInt('a', 0, 9);
  const b = trial.suggestInt('b', 0, 9);
  await new Promise((r) => setTimeout(r, Number(process.env['OBJECTIVE_MS'] ?? 5)));
  return (a - 3) ** 2 + (b - 6) ** 2 + 0.01 * a + 0.001 * b;
}
