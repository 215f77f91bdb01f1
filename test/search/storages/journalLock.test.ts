import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync, utimesSync, writeFileSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStudy } from '../../../src/search/Study';
import { journalFileStorage } from '../../../src/search/storages/journalFileStorage';

const dir = mkdtempSync(join(tmpdir(), 'journal-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const fresh = (): string => join(dir, `j${files++}.jsonl`);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function startAll(path: string, script: string, args: (id: number) => string[], n: number): Promise<(number | null)[]> {
  const exits = Promise.all(
    Array.from({ length: n }, (_, id) => new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'fixtures', script), ...args(id)], { stdio: 'ignore' });
      child.on('exit', resolve);
    })),
  );
  return (async () => {
    const deadline = Date.now() + 30000;
    while (!Array.from({ length: n }, (_, id) => existsSync(`${path}.${id}.ready`)).every(Boolean) && Date.now() < deadline) await sleep(10);
    writeFileSync(`${path}.go`, '');
    return exits;
  })();
}

describe('journalFileStorage with concurrent writer processes', () => {
  it('loses and tears no line and keeps numbers contiguous with 4 processes appending 20 000-byte lines', async () => {
    const path = fresh();
    const perWriter = 40;
    expect(await startAll(path, 'journalWriter.ts', (id) => [path, String(perWriter), String(id), process.env.NOLOCK ? 'nolock' : 'lock'], 4)).toEqual([0, 0, 0, 0]);
    const lines = readFileSync(path, 'utf8').split('\n');
    expect(lines.pop()).toBe(''); // ends with a newline
    const events = lines.map((l) => JSON.parse(l) as { op: string; userAttrs?: { writer: string; i: number; pad: string } });
    expect(events.filter((e) => e.op === 'createStudy').length).toBeLessThanOrEqual(4); // losers' createStudy lines are rejected on replay
    const creates = events.filter((e) => e.op === 'createTrial');
    expect(creates.length).toBe(4 * perWriter);
    for (const e of creates) expect(e.userAttrs!.pad).toBe(e.userAttrs!.writer.repeat(20000));
    const storage = journalFileStorage(path);
    const id = (await storage.getStudyId('w'))!;
    const trials = await storage.getAllTrials(id);
    expect(trials.map((t) => t.number)).toEqual([...Array(4 * perWriter).keys()]);
    expect(trials.every((t) => t.state === 'complete' && t.value === t.number)).toBe(true);
    // every writer's trials are all there, in its own order
    for (let w = 0; w < 4; w++) {
      expect(trials.filter((t) => t.userAttrs['writer'] === String(w)).map((t) => t.userAttrs['i'])).toEqual([...Array(perWriter).keys()]);
    }
    expect(storage.corruptLines).toEqual([]);
    expect(existsSync(`${path}.lock`)).toBe(false);
  }, 60000);

  it('breaks a lock left by a process that no longer exists, and waits for a live one', async () => {
    const path = fresh();
    // A pid that is surely dead on this host: a child that has exited.
    const child = spawn(process.execPath, ['-e', '0']);
    const deadPid = await new Promise<number>((resolve) => child.on('exit', () => resolve(child.pid!)));
    const host = (await import('node:os')).hostname();
    writeFileSync(`${path}.lock`, `${deadPid}@${host}`);
    const storage = journalFileStorage(path, { fsync: false });
    await storage.createStudy('s', 'minimize');
    expect(existsSync(`${path}.lock`)).toBe(false);

    // A live owner (this process, seen from another host name's view is not used): an old lock file is stale after 10 s.
    writeFileSync(`${path}.lock`, `1@another-host`);
    const t0 = Date.now();
    const write = storage.createStudy('t', 'minimize');
    await sleep(100);
    expect(existsSync(`${path}.lock`)).toBe(true); // still waiting on it
    const old = (Date.now() - 11_000) / 1000;
    utimesSync(`${path}.lock`, old, old); // now it looks 11 s old: stale
    await write;
    expect(Date.now() - t0).toBeGreaterThanOrEqual(100);
    expect((await storage.listStudies()).map((s) => s.name)).toEqual(['s', 't']);
    await storage.close?.();
  });

  it('makes every write wait while another live process holds the lock', async () => {
    const path = fresh();
    const storage = journalFileStorage(path, { fsync: false });
    await storage.createStudy('s', 'minimize');
    const host = (await import('node:os')).hostname();
    writeFileSync(`${path}.lock`, `${process.pid}@${host}`); // a live owner
    let done = false;
    const write = storage.createStudy('t', 'minimize').then(() => { done = true; });
    await sleep(200);
    expect(done).toBe(false);
    expect(readFileSync(path, 'utf8').split('\n').length).toBe(2); // nothing appended yet
    rmSync(`${path}.lock`);
    await write;
    expect((await storage.listStudies()).map((s) => s.name)).toEqual(['s', 't']);
  });

  it('skips a torn last line at once when it holds the lock (no writer can be in flight)', async () => {
    const path = fresh();
    const a = journalFileStorage(path, { fsync: false });
    await a.createStudy('s', 'minimize');
    const fd = openSync(path, 'a');
    writeFileSync(fd, '{"op":"createTrial","stu');
    closeSync(fd);
    const b = journalFileStorage(path, { fsync: false });
    const t0 = Date.now();
    const id = (await b.getStudyId('s'))!;
    expect(Date.now() - t0).toBeLessThan(100); // no 100 ms wait for a writer in flight
    expect(b.corruptLines.map((c) => c.reason)).toEqual(['torn last line (no newline)']);
    expect((await b.createTrial(id)).number).toBe(0);
    expect(readFileSync(path, 'utf8').split('\n').length).toBe(4); // study, torn fragment, trial, ''
  });
});

describe('journalFileStorage heartbeats', () => {
  it('fails the trial of a worker process killed mid-trial after the grace period, once', async () => {
    const path = fresh();
    const storage = journalFileStorage(path, { heartbeatIntervalMs: 50, gracePeriodMs: 400, fsync: false });
    expect(storage.heartbeat).toEqual({ intervalMs: 50, gracePeriodMs: 400 });
    const study = await createStudy({ storage, name: 'hb', retryFailedTrials: { maxRetries: 1 } });
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'fixtures', 'heartbeatWorker.ts'), path, 'hb'], { stdio: 'ignore' });
    const deadline = Date.now() + 30000;
    while (!existsSync(`${path}.started`) && Date.now() < deadline) await sleep(10);
    await sleep(500); // alive and beating: not stale
    expect(await storage.failStaleTrials!(study.studyId)).toEqual([]);
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    await sleep(500);
    const other = journalFileStorage(path, { heartbeatIntervalMs: 50, gracePeriodMs: 400, fsync: false });
    const [a, b] = await Promise.all([storage.failStaleTrials!(study.studyId), other.failStaleTrials!(study.studyId)]);
    expect([...a, ...b].map((t) => t.number)).toEqual([0]);
    const failed = (await other.getTrial(study.studyId, 0));
    expect(failed.state).toBe('failed');
    expect(failed.error).toMatch(/^heartbeat lost: no heartbeat for \d+ ms \(grace period 400 ms\)$/);
    expect(failed.params['x']).toBeTypeOf('number');
    // heartbeat lines are journal events like any other
    expect(readFileSync(path, 'utf8').split('\n').filter((l) => l.includes('"op":"heartbeat"')).length).toBeGreaterThan(3);
  }, 30000);

  it('rejects bad heartbeat options', () => {
    expect(() => journalFileStorage('x.jsonl', { heartbeatIntervalMs: -1 })).toThrow(/journalFileStorage: heartbeatIntervalMs is -1/);
  });
});
