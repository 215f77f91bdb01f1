import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresStorage } from '../../src/search/postgres';
import type { Storage } from '../../src/search/types';
import { startTestPostgres } from '../helpers/postgres';
import { SearchError } from '../../src/search/errors';
import { runWorkers } from '../../src/search/runWorkers';
import { journalFileStorage } from '../../src/search/storages/journalFileStorage';
import type { StorageDescriptor } from '../../src/search/openStorage';
import type { FrozenTrial } from '../../src/search/types';

const dir = mkdtempSync(join(tmpdir(), 'run-workers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const fresh = (): string => join(dir, `j${files++}.jsonl`);
const fixture = (name: string): string => join(__dirname, 'runWorkersFixtures', name);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** 4 workers x 25 trials of a 100-point grid on one study. */
async function fourByTwentyFive(descriptor: StorageDescriptor, open: () => Storage): Promise<void> {
  const reported: [number, number][] = [];
  const result = await runWorkers(fixture('gridObjective.ts'), {
    workers: 4,
    trials: 100,
    studyName: 'grid',
    storage: descriptor,
    env: { OBJECTIVE_MS: '40' }, // long enough that the first worker cannot finish all 100 before the others start
    onTrialComplete: (t: FrozenTrial, worker: number) => reported.push([t.number, worker]),
  });
  expect(result.workers.map((w) => w.exitCode)).toEqual([0, 0, 0, 0]);
  expect(result.trialsRecorded).toBe(100);
  const storage = open();
  try {
    const id = (await storage.getStudyId('grid'))!;
    const trials = await storage.getAllTrials(id);
    expect(trials.map((t) => t.number)).toEqual([...Array(100).keys()]);
    expect(trials.every((t) => t.state === 'complete')).toBe(true);
    expect(new Set(trials.map((t) => `${t.params['a']},${t.params['b']}`)).size).toBe(100);
    expect(reported.map(([n]) => n).sort((x, y) => x - y)).toEqual([...Array(100).keys()]);
    expect(new Set(reported.map(([, w]) => w)).size).toBeGreaterThan(1);
    const [summary] = await storage.listStudies();
    expect(summary!.bestValue).toBe(Math.min(...trials.map((t) => t.value!)));
    expect(summary!.bestValue).toBeCloseTo(0.036, 12); // a = 3, b = 6
  } finally {
    await storage.close?.();
  }
}

/** A worker killed mid-trial: its trial fails after the grace period, is retried once, and the count is reached. */
async function killedWorker(descriptor: StorageDescriptor, open: () => Storage): Promise<void> {
  const markers = mkdtempSync(join(dir, 'markers-'));
  let killed: { pid: number; number: number } | undefined;
  let completes = 0;
  const run = runWorkers(fixture('slowObjective.ts'), {
    workers: 3,
    trials: 12,
    studyName: 'faults',
    storage: descriptor,
    retryFailedTrials: { maxRetries: 1 },
    env: { MARKER_DIR: markers, OBJECTIVE_MS: '150' },
    onTrialComplete: () => { completes++; },
  });
  const deadline = Date.now() + 60_000;
  while (killed === undefined && Date.now() < deadline) {
    await sleep(10);
    if (completes < 3) continue;
    const running = readdirSync(markers).map((f) => /^started-(\d+)-(\d+)$/.exec(f)).find(Boolean);
    if (running) {
      killed = { pid: Number(running[1]), number: Number(running[2]) };
      process.kill(killed.pid, 'SIGKILL');
    }
  }
  const result = await run;
  expect(killed).toBeDefined();
  // The killed trial is the one whose marker its dead worker left behind (the marker read before the kill may
  // belong to a trial that ended just before it, on a loaded machine).
  const left = readdirSync(markers).map((f) => /^started-(\d+)-(\d+)$/.exec(f)).filter((m) => m !== null && Number(m[1]) === killed!.pid);
  expect(left.length, 'the worker was killed between two trials').toBe(1);
  killed!.number = Number(left[0]![2]);
  expect(result.workers.filter((w) => w.signal === 'SIGKILL').map((w) => w.pid)).toEqual([killed!.pid]);
  expect(result.workers.filter((w) => w.exitCode === 0).length).toBe(2);
  const storage = open();
  try {
    const trials = await storage.getAllTrials((await storage.getStudyId('faults'))!);
    const dead = trials[killed!.number]!;
    expect(dead.state).toBe('failed');
    expect(dead.error).toMatch(/^heartbeat lost: no heartbeat for \d+ ms \(grace period 1000 ms\)$/);
    const retries = trials.filter((t) => t.systemAttrs['retriedFrom'] === killed!.number);
    expect(retries.length).toBe(1);
    expect(retries[0]!.state).toBe('complete');
    expect(retries[0]!.params).toEqual(dead.params);
    expect(retries[0]!.systemAttrs['retryHistory']).toEqual([killed!.number]);
    // 12 trials counted (the killed one counts once with its retry): 13 in all, every one finished
    expect(trials.map((t) => t.number)).toEqual([...Array(13).keys()]);
    expect(trials.filter((t) => t.state === 'complete').length).toBe(12);
    expect(readdirSync(markers).filter((f) => !f.includes(String(killed!.pid)))).toEqual([]);
  } finally {
    await storage.close?.();
  }
}

describe('runWorkers on a journal', () => {
  it('runs 4 worker processes x 25 trials on one study: numbers 0..99 once, no grid point twice, best = min', async () => {
    const path = fresh();
    await fourByTwentyFive({ journal: path, fsync: false }, () => journalFileStorage(path));
  }, 90_000);

  it('retries the trial of a worker killed mid-trial once, on a surviving worker, and still reaches the count', async () => {
    const path = fresh();
    await killedWorker({ journal: path, fsync: false, heartbeatIntervalMs: 100, gracePeriodMs: 1000 }, () => journalFileStorage(path));
  }, 90_000);


  it('stops every worker cleanly on abort, recording their running trials as failed', async () => {
    const path = fresh();
    const markers = mkdtempSync(join(dir, 'markers-'));
    const controller = new AbortController();
    const run = runWorkers(fixture('slowObjective.ts'), {
      workers: 2,
      trials: 1000,
      studyName: 'abort',
      storage: path,
      env: { MARKER_DIR: markers, OBJECTIVE_MS: '100' },
      signal: controller.signal,
      onTrialComplete: () => controller.abort(),
    });
    const result = await run;
    expect(result.workers.map((w) => w.exitCode)).toEqual([0, 0]);
    const storage = journalFileStorage(path);
    const trials = await storage.getAllTrials((await storage.getStudyId('abort'))!);
    expect(trials.length).toBeLessThan(10);
    expect(trials.every((t) => t.state === 'complete' || (t.state === 'failed' && t.error === 'aborted'))).toBe(true);
  }, 60_000);

  it('fails with the workers\' error when every worker fails', async () => {
    const run = runWorkers(fixture('brokenModule.ts'), { workers: 2, trials: 3, studyName: 's', storage: fresh() });
    await expect(run).rejects.toBeInstanceOf(SearchError);
    await expect(run).rejects.toThrow(/^runWorkers: every worker failed \(worker 0 exited with code 1: [\s\S]*this module is broken/);
  }, 60_000);

  it('rejects bad options', async () => {
    const ok = { workers: 1, trials: 1, studyName: 's', storage: 'x.jsonl' };
    await expect(runWorkers('no/such/module.ts', ok)).rejects.toThrow(/^runWorkers: modulePath "no\/such\/module.ts" does not exist/);
    await expect(runWorkers(fixture('gridObjective.ts'), { ...ok, workers: 0 })).rejects.toThrow('runWorkers: workers is 0, expected an integer >= 1');
    await expect(runWorkers(fixture('gridObjective.ts'), { ...ok, studyName: '' })).rejects.toThrow('runWorkers: studyName is "", expected a non-empty string');
    await expect(runWorkers(fixture('gridObjective.ts'), { ...ok, storage: { journal: 'x', onConnectionError: () => 1 } as never })).rejects.toThrow(/cannot be sent to a worker process/);
  });
});

describe('runWorkers on PostgreSQL', () => {
  let pg: Awaited<ReturnType<typeof startTestPostgres>>;
  beforeAll(async () => { pg = await startTestPostgres(); }, 60_000);
  afterAll(() => pg?.stop());

  it('runs 4 worker processes x 25 trials on one study: numbers 0..99 once, no grid point twice, best = min', async () => {
    await fourByTwentyFive({ postgres: pg.url, schema: 'grid_study' }, () => postgresStorage(pg.url, { schema: 'grid_study' }));
  }, 90_000);

  it('retries the trial of a worker killed mid-trial once, on a surviving worker, and still reaches the count', async () => {
    await killedWorker({ postgres: pg.url, schema: 'faults_study', heartbeatIntervalMs: 100, gracePeriodMs: 1000 }, () => postgresStorage(pg.url, { schema: 'faults_study' }));
  }, 90_000);
});
