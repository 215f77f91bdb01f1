import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/study';
import { formatTable } from '../../src/cli/table';
import { postgresStorage } from '../../src/search/postgres';
import { createStudy } from '../../src/search/Study';
import { startTestPostgres } from '../helpers/postgres';
import { randomSampler } from '../../src/search/samplers/randomSampler';
import { journalFileStorage } from '../../src/search/storages/journalFileStorage';

const dir = mkdtempSync(join(tmpdir(), 'cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const journal = join(dir, 'study.jsonl');
const lines = (s: string): string[] => s.trimEnd().split('\n');

beforeAll(async () => {
  const storage = journalFileStorage(journal, { fsync: false });
  const a = await createStudy({ storage, name: 'quadratic', sampler: randomSampler({ seed: 1 }) });
  await a.enqueueTrial({ x: 2, kind: 'b' });
  await a.enqueueTrial({ x: -1, kind: 'a' });
  await a.optimize((t) => (t.suggestFloat('x', -5, 5) - 2) ** 2 + (t.suggestCategorical('kind', ['a', 'b']) === 'a' ? 1 : 0), { trials: 2 });
  await a.optimize(() => { throw new Error('boom'); }, { trials: 1 });
  const b = await createStudy({ storage, name: 'accuracy', direction: 'maximize' });
  await b.tell(await b.ask(), 0.75);
  await b.tell(await b.ask(), 0.5);
  await storage.close?.();
});

describe('formatTable', () => {
  it('draws a bordered table with right-aligned number columns', () => {
    expect(formatTable(['a', 'name'], [['1', 'x'], ['10', 'yy']])).toBe(
      '+----+------+\n| a  | name |\n+----+------+\n|  1 | x    |\n| 10 | yy   |\n+----+------+\n',
    );
  });
});

describe('tfjs-methodology study', () => {
  it('list prints each study with its direction, trial counts and best value', async () => {
    const r = await runCli(['study', 'list', '--storage', journal]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = lines(r.stdout);
    expect(out[1]).toMatch(/^\| name +\| direction +\| trials \| complete \| pruned \| failed \| running \| waiting \| best value \| started +\|$/);
    expect(out[3]).toMatch(/^\| quadratic \| minimize +\| +3 \| +2 \| +0 \| +1 \| +0 \| +0 \| +0 \| \d{4}-\d\d-\d\dT/);
    expect(out[4]).toMatch(/^\| accuracy +\| maximize +\| +2 \| +2 \| +0 \| +0 \| +0 \| +0 \| +0.75 \|/);
    const json = JSON.parse((await runCli(['study', 'list', '--storage', journal, '--format', 'json'])).stdout);
    expect(json.map((s: { name: string; bestValue: number; trialCounts: { failed: number } }) => [s.name, s.bestValue, s.trialCounts.failed])).toEqual([['quadratic', 0, 1], ['accuracy', 0.75, 0]]);
  });

  it('trials prints one row per trial with a column per parameter', async () => {
    const r = await runCli(['study', 'trials', '--storage', journal, '--study', 'quadratic']);
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out[1]).toMatch(/^\| number \| state +\| value \| params_x \| params_kind \| duration ms \| started +\| error +\|$/);
    expect(out[3]).toMatch(/^\| +0 \| complete \| +0 \| +2 \| b +\|/);
    expect(out[4]).toMatch(/^\| +1 \| complete \| +10 \| +-1 \| a +\|/);
    expect(out[5]).toMatch(/^\| +2 \| failed +\| +\| +\| +\| .* \| Error: boom \|$/);
    expect(out.length).toBe(7);
  });

  it('best prints the best complete trial in the study\'s direction', async () => {
    const min = await runCli(['study', 'best', '--storage', journal, '--study=quadratic']);
    expect(lines(min.stdout)[3]).toMatch(/^\| +0 \| complete \| +0 \| +2 \| b +\|/);
    const max = JSON.parse((await runCli(['study', 'best', '--storage', journal, '--study', 'accuracy', '--format', 'json'])).stdout);
    expect([max.number, max.value]).toEqual([0, 0.75]);
  });

  it('explains what is wrong: no such study, several studies, a missing journal, bad usage', async () => {
    expect(await runCli(['study', 'trials', '--storage', journal])).toEqual({ code: 1, stdout: '', stderr: 'tfjs-methodology: the storage has 2 studies: give --study ("quadratic", "accuracy")\n' });
    expect((await runCli(['study', 'best', '--storage', journal, '--study', 'nope'])).stderr).toBe('tfjs-methodology: no study named "nope" (the storage has "quadratic", "accuracy")\n');
    const missing = join(dir, 'missing.jsonl');
    expect((await runCli(['study', 'list', '--storage', missing])).stderr).toBe(`tfjs-methodology: no journal file at ${missing}\n`);
    expect(existsSync(missing)).toBe(false);
    const usage = await runCli(['study', 'remove', '--storage', journal]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^tfjs-methodology: unknown study command "remove" \(expected list, trials or best\)\nUsage:/);
    expect((await runCli(['study', 'list'])).stderr).toMatch(/^tfjs-methodology: --storage is required/);
    expect((await runCli(['--help'])).stdout).toMatch(/^Usage:\n {2}tfjs-methodology study list/);
  });

  it('runs as a program (src/cli/main.ts) and exits with the code', async () => {
    const exec = (args: string[]) => new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
      execFile(process.execPath, ['--import', 'tsx', join(__dirname, '../../src/cli/main.ts'), ...args], (e, stdout, stderr) => resolve({ code: e ? Number(e.code) : 0, stdout, stderr })));
    const ok = await exec(['study', 'best', '--storage', journal, '--study', 'accuracy']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('0.75');
    const bad = await exec(['study', 'best', '--storage', journal]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('give --study');
  }, 30_000);
});

describe('tfjs-methodology study on PostgreSQL', () => {
  let pg: Awaited<ReturnType<typeof startTestPostgres>>;
  beforeAll(async () => {
    pg = await startTestPostgres();
    for (const schema of [undefined, 'other_schema']) {
      const storage = postgresStorage(pg.url, schema === undefined ? {} : { schema });
      const study = await createStudy({ storage, name: schema ?? 'default \'quoted\' "name"', sampler: randomSampler({ seed: 3 }) });
      await study.optimize((t) => t.suggestInt('n', 1, 9), { trials: 4 });
      await storage.close?.();
    }
  }, 60_000);
  afterAll(() => pg?.stop());

  it('lists, shows trials and the best trial of a postgres:// storage, in the default schema or --schema', async () => {
    const list = await runCli(['study', 'list', '--storage', pg.url]);
    expect(list.stderr).toBe('');
    expect(lines(list.stdout)[3]).toMatch(/^\| default 'quoted' "name" \| minimize +\| +4 \| +4 \|/);
    const trials = await runCli(['study', 'trials', '--storage', pg.url.replace(/^postgres:/, 'postgresql:')]);
    expect(lines(trials.stdout).length).toBe(4 + 4);
    const best = JSON.parse((await runCli(['study', 'best', '--storage', pg.url, '--schema', 'other_schema', '--format', 'json'])).stdout);
    const all = JSON.parse((await runCli(['study', 'trials', '--storage', pg.url, '--schema', 'other_schema', '--study', 'other_schema', '--format', 'json'])).stdout) as { value: number }[];
    expect(best.value).toBe(Math.min(...all.map((t) => t.value)));
    expect((await runCli(['study', 'list', '--storage', journal, '--schema', 'x'])).stderr).toMatch(/^tfjs-methodology: --schema is for a postgres:\/\/ storage/);
  }, 30_000);
});
