import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_TEST_TIMEOUT, consumer, run, runOk, writeFiles } from './helpers/packedPackage';

/**
 * The `tfjs-methodology` program and `runWorkers` from the packed tarball:
 * the `bin` link runs (shebang, built file), and worker processes find the
 * built worker program next to the built `runWorkers`.
 */
describe('the packed package\'s program and worker processes', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await consumer('tfjs');
    await writeFiles(dir, {
      'cli-objective.mjs': `export const objective = (trial) => (trial.suggestFloat('x', -5, 5) - 2) ** 2;\n`,
      'cli-make.mjs': `
import { rmSync } from 'node:fs';
import { runWorkers, randomSampler } from 'tfjs-methodology/search';
rmSync('cli-study.jsonl', { force: true });
rmSync('cli-study.jsonl.lock', { force: true });
const result = await runWorkers('cli-objective.mjs', { workers: 2, trials: 6, studyName: 'packed', storage: 'cli-study.jsonl' });
console.log(JSON.stringify({ exits: result.workers.map((w) => w.exitCode), recorded: result.trialsRecorded }));
`,
    });
  }, PACKAGE_TEST_TIMEOUT);

  it(
    'runs a study in worker processes, then lists it with the tfjs-methodology bin',
    async () => {
      const made = await runOk(process.execPath, ['cli-make.mjs'], { cwd: dir });
      expect(JSON.parse(made.stdout.trim().split('\n').pop()!)).toEqual({ exits: [0, 0], recorded: 6 });
      const bin = path.join(dir, 'node_modules', '.bin', 'tfjs-methodology');
      const list = await runOk(bin, ['study', 'list', '--storage', 'cli-study.jsonl'], { cwd: dir });
      expect(list.stdout).toMatch(/\| packed \| minimize +\| +6 \| +6 \|/);
      const best = await runOk(bin, ['study', 'best', '--storage', 'cli-study.jsonl', '--format', 'json'], { cwd: dir });
      expect(JSON.parse(best.stdout).state).toBe('complete');
      const bad = await run(bin, ['study', 'list', '--storage', 'nothing.jsonl'], { cwd: dir });
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('no journal file at nothing.jsonl');
    },
    PACKAGE_TEST_TIMEOUT,
  );
});
