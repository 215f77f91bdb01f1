// A worker module whose trials take OBJECTIVE_MS and leave a marker file `started-<pid>-<number>` in MARKER_DIR while they run.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomSampler } from '../../../src/search/samplers/randomSampler';
import type { WorkerContext } from '../../../src/search/runWorkersChild';
import type { Trial } from '../../../src/search/Trial';

export const sampler = (context: WorkerContext) => randomSampler({ seed: context.workerIndex });

export default async function (trial: Trial): Promise<number> {
  const x = trial.suggestFloat('x', -5, 5);
  const marker = join(process.env['MARKER_DIR']!, `started-${process.pid}-${trial.number}`);
  writeFileSync(marker, '');
  await new Promise((r) => setTimeout(r, Number(process.env['OBJECTIVE_MS'] ?? 150)));
  rmSync(marker, { force: true });
  return (x - 2) ** 2;
}
