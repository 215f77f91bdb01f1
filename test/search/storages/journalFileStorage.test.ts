import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStudy } from '../../../src/search/Study';
import { randomSampler } from '../../../src/search/samplers/randomSampler';
import { journalFileStorage } from '../../../src/search/storages/journalFileStorage';

const dir = mkdtempSync(join(tmpdir(), 'journal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const fresh = (): string => join(dir, `j${files++}.jsonl`);

describe('journalFileStorage', () => {
  it('writes one fsynced JSON line per event and replays them in a new storage', async () => {
    const path = fresh();
    const study = await createStudy({ storage: journalFileStorage(path), name: 's', sampler: randomSampler({ seed: 2 }) });
    await study.optimize((t) => { t.report(1, 0); return t.suggestFloat('x', 0, 1); }, { trials: 5 });
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    // createStudy + 5 × (createTrial, setIntermediate, setParam, setState)
    expect(lines.length).toBe(1 + 5 * 4);
    expect(lines.every((l) => typeof JSON.parse(l).op === 'string')).toBe(true);
    const again = await createStudy({ storage: journalFileStorage(path), name: 's', loadIfExists: true });
    expect(again.trials).toEqual(study.trials);
  });

  it('stores infinite values', async () => {
    const path = fresh();
    const study = await createStudy({ storage: journalFileStorage(path), name: 'inf', direction: 'maximize' });
    await study.optimize(() => Infinity, { trials: 1 });
    const again = await createStudy({ storage: journalFileStorage(path), name: 'inf', loadIfExists: true });
    expect(again.bestValue).toBe(Infinity);
  });

  it('gives distinct trial numbers to two storages appending to one file', async () => {
    const path = fresh();
    const a = await createStudy({ storage: journalFileStorage(path), name: 'shared', loadIfExists: true });
    const b = await createStudy({ storage: journalFileStorage(path), name: 'shared', loadIfExists: true });
    const ta = await a.ask();
    const tb = await b.ask();
    const tc = await a.ask();
    expect([ta.number, tb.number, tc.number]).toEqual([0, 1, 2]);
    await a.tell(ta, 1);
    await b.tell(tb, 2);
    // a trial finished by one writer cannot be finished again by another
    await expect(b.tell(ta.number, 5)).rejects.toThrow('tell: trial 0 is already finished');
    await a.tell(tc, 3);
    await b.refresh();
    expect(b.trials.map((t) => [t.number, t.value])).toEqual([[0, 1], [1, 2], [2, 3]]);
  });

  it('tolerates and reports a torn last line', async () => {
    const path = fresh();
    const study = await createStudy({ storage: journalFileStorage(path), name: 'torn' });
    await study.optimize((t) => t.suggestFloat('x', 0, 1), { trials: 3 });
    appendFileSync(path, '{"op":"createTrial","studyId":"0","ti');
    const storage = journalFileStorage(path);
    const resumed = await createStudy({ storage, name: 'torn', loadIfExists: true });
    expect(resumed.trials.length).toBe(3);
    expect(storage.corruptLines).toEqual([{ line: 11, text: '{"op":"createTrial","studyId":"0","ti', reason: 'torn last line (no newline)' }]);
    await resumed.optimize((t) => t.suggestFloat('x', 0, 1), { trials: 2 });
    expect(resumed.trials.map((t) => t.number)).toEqual([0, 1, 2, 3, 4]);
    // the torn fragment is now a line of its own, reported as unreadable by later readers
    const later = journalFileStorage(path);
    const reread = await createStudy({ storage: later, name: 'torn', loadIfExists: true });
    expect(reread.trials).toEqual(resumed.trials);
    expect(later.corruptLines.map((c) => c.reason)).toEqual(['invalid JSON']);
  });

  it('gives contiguous, distinct trial numbers to processes appending to one journal at once', async () => {
    const path = fresh();
    const run = (seed: number) =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '../fixtures/journalConcurrentWorker.ts'), path, '15', String(seed)], { stdio: 'ignore' });
        child.on('exit', resolve);
      });
    const exits = Promise.all([run(1), run(2), run(3)]);
    const deadline = Date.now() + 30000;
    while (![1, 2, 3].every((seed) => existsSync(`${path}.${seed}.ready`)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    writeFileSync(`${path}.go`, '');
    expect(await exits).toEqual([0, 0, 0]);
    const storage = journalFileStorage(path);
    const study = await createStudy({ storage, name: 'shared', loadIfExists: true });
    expect(study.trials.map((t) => t.number)).toEqual([...Array(45).keys()]);
    expect(study.trials.every((t) => t.state === 'complete' && t.intermediateValues.get(0) === t.value)).toBe(true);
    expect(storage.corruptLines).toEqual([]);
    expect((await storage.listStudies()).length).toBe(1);
    // the writers really interleaved: the creator of consecutive trials changes several times
    const creators = readFileSync(path, 'utf8').split('\n').filter((l) => l.includes('"op":"createTrial"')).map((l) => JSON.parse(l).w as string);
    expect(creators.filter((w, i) => i > 0 && w !== creators[i - 1]).length).toBeGreaterThan(2);
  }, 60000);

  it('rejects an empty path', () => {
    expect(() => journalFileStorage('')).toThrow('journalFileStorage: path is "", expected a file path');
  });

  it('resumes a study after its process is killed: numbers contiguous, none lost, none run twice', async () => {
    const path = fresh();
    writeFileSync(path, '');
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '../fixtures/journalWorker.ts'), path], { stdio: 'ignore' });
    const completeLines = (): number => readFileSync(path, 'utf8').split('\n').filter((l) => l.includes('"op":"setState"') && l.includes('"complete"')).length;
    const deadline = Date.now() + 30000;
    while (completeLines() < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    // kill in the middle of a trial: after its first report, before its end
    const reportsOf = (): number => readFileSync(path, 'utf8').split('\n').filter((l) => l.includes('"op":"setIntermediate"')).length;
    while (reportsOf() % 3 === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    expect(completeLines()).toBeGreaterThanOrEqual(5);

    const storage = journalFileStorage(path);
    const study = await createStudy({ storage, name: 'killed', loadIfExists: true, sampler: randomSampler({ seed: 7 }) });
    const before = study.trials;
    const finishedBefore = before.filter((t) => t.state === 'complete');
    expect(finishedBefore.length).toBe(completeLines());
    expect(before.map((t) => t.number)).toEqual([...before.keys()]);
    const running = before.filter((t) => t.state === 'running');
    expect(running.length).toBe(1);
    expect(running[0]!.number).toBe(before.length - 1);
    expect(running[0]!.intermediateValues.size).toBeGreaterThan(0);
    await study.tell(running[0]!.number, { state: 'failed', error: 'worker killed' });

    await study.optimize((t) => t.suggestFloat('x', -5, 5) ** 2, { trials: 5 });
    const after = study.trials;
    expect(after.map((t) => t.number)).toEqual([...after.keys()]);
    expect(after.length).toBe(before.length + 5);
    expect(after.filter((t) => t.state === 'complete').length).toBe(finishedBefore.length + 5);
    // the finished trials of the killed process are intact
    expect(after.slice(0, before.length - 1)).toEqual(before.slice(0, before.length - 1));
    expect(after[running[0]!.number]!.error).toBe('worker killed');
    expect(storage.corruptLines.length).toBeLessThanOrEqual(1);
  }, 60000);
});
