/**
 * The contract every storage must pass (after Optuna's storage tests):
 * studies created, listed, found, deleted; unique names; trial numbers
 * contiguous even when created concurrently; the first finish wins and
 * later ones return false; no write to a finished trial; parameters,
 * intermediate values, attributes and states round-trip; immutable records.
 *
 * To add a storage, append one entry to STORAGES.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { floatDistribution, intDistribution, categoricalDistribution } from '../../src/search/distributions';
import { SearchError } from '../../src/search/errors';
import { inMemoryStorage } from '../../src/search/storages/inMemoryStorage';
import { journalFileStorage } from '../../src/search/storages/journalFileStorage';
import type { Storage } from '../../src/search/types';
import { postgresStorage } from '../../src/search/postgres';
import { startTestPostgres } from '../helpers/postgres';
import type { TestPostgres } from '../helpers/postgres';

const dir = mkdtempSync(join(tmpdir(), 'storage-contract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

interface StorageCase {
  readonly name: string;
  readonly make: () => Storage;
  /** Runs before the suite (e.g. starts a server). */
  readonly setup?: () => Promise<void>;
  /** Runs after the suite. */
  readonly teardown?: () => Promise<void>;
}

// postgresStorage: one real server for the suite, a fresh schema per storage.
let pg: TestPostgres | undefined;
const pgStorages: Storage[] = [];

export const STORAGES: StorageCase[] = [
  { name: 'inMemoryStorage', make: () => inMemoryStorage() },
  { name: 'journalFileStorage', make: () => journalFileStorage(join(dir, `s${n++}.jsonl`)) },
  {
    name: 'postgresStorage',
    make: () => {
      const s = postgresStorage(pg!.url, { schema: `contract_${n++}` });
      pgStorages.push(s);
      return s;
    },
    setup: async () => {
      pg = await startTestPostgres();
    },
    teardown: async () => {
      await Promise.all(pgStorages.map((s) => s.close?.()));
      await pg?.stop();
    },
  },
];

for (const sc of STORAGES) {
  describe(`${sc.name} (storage contract)`, () => {
    if (sc.setup) beforeAll(sc.setup, 60_000);
    if (sc.teardown) afterAll(sc.teardown, 60_000);
    it('creates, finds, lists and deletes studies; names are unique', async () => {
      const s = sc.make();
      const a = await s.createStudy('a', 'minimize');
      const b = await s.createStudy('b', 'maximize');
      expect(a).not.toBe(b);
      expect(await s.getStudyId('a')).toBe(a);
      expect(await s.getStudyId('zzz')).toBeUndefined();
      expect(await s.getStudyDirection(b)).toBe('maximize');
      await expect(s.createStudy('a', 'minimize')).rejects.toBeInstanceOf(SearchError);
      await s.createTrial(a);
      const list = await s.listStudies();
      expect(list.map((x) => [x.name, x.direction, x.nTrials])).toEqual([['a', 'minimize', 1], ['b', 'maximize', 0]]);
      await s.deleteStudy(a);
      expect(await s.getStudyId('a')).toBeUndefined();
      await expect(s.getAllTrials(a)).rejects.toBeInstanceOf(SearchError);
      await s.close?.();
    });

    it('numbers trials 0, 1, 2, … per study, also when created at once', async () => {
      const s = sc.make();
      const a = await s.createStudy('a', 'minimize');
      const b = await s.createStudy('b', 'minimize');
      const made = await Promise.all(Array.from({ length: 10 }, (_, i) => s.createTrial(i % 2 ? a : b)));
      expect(made.filter((_, i) => i % 2).map((t) => t.number).sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4]);
      expect((await s.getAllTrials(a)).map((t) => t.number)).toEqual([0, 1, 2, 3, 4]);
      expect(made[0]!.state).toBe('running');
      expect(made[0]!.datetimeStart).toBeTypeOf('number');
    });

    it('round-trips parameters, intermediate values, attributes and the final state', async () => {
      const s = sc.make();
      const id = await s.createStudy('s', 'minimize');
      const { number } = await s.createTrial(id);
      const lf = floatDistribution(1e-4, 1, { log: true });
      await s.setTrialParam(id, number, 'lr', lf, 0.01);
      await s.setTrialParam(id, number, 'k', intDistribution(1, 9, { step: 2 }), 5);
      await s.setTrialParam(id, number, 'opt', categoricalDistribution(['adam', null]), null);
      await s.setTrialIntermediateValue(id, number, 0, 3.5);
      await s.setTrialIntermediateValue(id, number, 4, 1.25);
      await s.setTrialUserAttr(id, number, 'note', { a: [1, 2] });
      await s.setTrialSystemAttr(id, number, 'sys', 'x');
      expect(await s.setTrialState(id, number, 'complete', { value: 0.5, datetimeComplete: (await s.getTrial(id, number)).datetimeStart! + 7 })).toBe(true);
      const t = await s.getTrial(id, number);
      expect(t.params).toEqual({ lr: 0.01, k: 5, opt: null });
      expect(t.distributions.lr).toEqual(lf);
      expect([...t.intermediateValues]).toEqual([[0, 3.5], [4, 1.25]]);
      expect(t.userAttrs).toEqual({ note: { a: [1, 2] } });
      expect(t.systemAttrs).toEqual({ sys: 'x' });
      expect([t.state, t.value, t.durationMs]).toEqual(['complete', 0.5, 7]);
      expect(Object.isFrozen(t)).toBe(true);
      expect(Object.isFrozen(t.params)).toBe(true);
    });

    it('lets only the first finish win and refuses writes to a finished trial', async () => {
      const s = sc.make();
      const id = await s.createStudy('s', 'minimize');
      const { number } = await s.createTrial(id);
      expect(await s.setTrialState(id, number, 'failed', { error: 'oom' })).toBe(true);
      expect(await s.setTrialState(id, number, 'complete', { value: 1 })).toBe(false);
      const t = await s.getTrial(id, number);
      expect([t.state, t.value, t.error]).toEqual(['failed', undefined, 'oom']);
      await expect(s.setTrialParam(id, number, 'x', floatDistribution(0, 1), 0.5)).rejects.toThrow(/trial 0 is already finished/);
      await expect(s.setTrialIntermediateValue(id, number, 0, 1)).rejects.toBeInstanceOf(SearchError);
    });

    it('filters trials by state and creates trials from a template', async () => {
      const s = sc.make();
      const id = await s.createStudy('s', 'maximize');
      await s.createTrial(id, { state: 'complete', value: 2, params: { x: 1 }, distributions: { x: intDistribution(0, 3) }, intermediateValues: new Map([[1, 1]]) });
      await s.createTrial(id, { state: 'waiting', params: { x: 2 } });
      await s.createTrial(id);
      expect((await s.getAllTrials(id, ['complete'])).map((t) => t.number)).toEqual([0]);
      expect((await s.getAllTrials(id, ['waiting', 'running'])).map((t) => t.number)).toEqual([1, 2]);
      const w = await s.getTrial(id, 1);
      expect([w.state, w.datetimeStart]).toEqual(['waiting', undefined]);
      expect(await s.setTrialState(id, 1, 'running')).toBe(true);
      expect(await s.setTrialState(id, 1, 'running')).toBe(false); // claimed once
      expect((await s.getTrial(id, 1)).datetimeStart).toBeTypeOf('number');
      expect((await s.getTrial(id, 0)).value).toBe(2);
    });

    it('names the unknown study or trial', async () => {
      const s = sc.make();
      await expect(s.getTrial('42', 0)).rejects.toThrow('getTrial: no study with id "42"');
      const id = await s.createStudy('s', 'minimize');
      await expect(s.getTrial(id, 3)).rejects.toThrow('getTrial: study "s" has no trial 3');
    });
  });
}

// Study summaries (trialCounts, bestValue) and the study lock, for every storage.
for (const sc of STORAGES) {
  describe(`${sc.name} (storage contract: summaries and study lock)`, () => {
    if (sc.setup) beforeAll(sc.setup, 60_000);
    if (sc.teardown) afterAll(sc.teardown);
    it('lists each study with its trial counts by state and its best complete value in its direction', async () => {
      const s = sc.make();
      const min = await s.createStudy('min', 'minimize');
      const max = await s.createStudy('max', 'maximize');
      for (const [id, state, value] of [[min, 'complete', 3], [min, 'complete', -1], [min, 'pruned', -9], [min, 'failed', undefined], [max, 'complete', 2], [max, 'complete', 5]] as const) {
        const t = await s.createTrial(id);
        await s.setTrialState(id, t.number, state, { value });
      }
      await s.createTrial(min, { state: 'waiting' });
      await s.createTrial(min);
      const byName = new Map((await s.listStudies()).map((x) => [x.name, x]));
      expect({ ...byName.get('min')!.trialCounts }).toEqual({ running: 1, waiting: 1, complete: 2, pruned: 1, failed: 1 });
      expect(byName.get('min')!.nTrials).toBe(6);
      expect(byName.get('min')!.bestValue).toBe(-1);
      expect(byName.get('max')!.bestValue).toBe(5);
      const empty = await s.createStudy('empty', 'minimize');
      const e = (await s.listStudies()).find((x) => x.studyId === empty)!;
      expect([e.bestValue, e.nTrials, e.trialCounts.complete]).toEqual([undefined, 0, 0]);
      await s.close?.();
    });

    it('runs withStudyLock sections of one study one at a time, also when one throws', async () => {
      const s = sc.make();
      if (s.withStudyLock === undefined) return; // optional member
      const id = await s.createStudy('s', 'minimize');
      let inside = 0;
      let most = 0;
      const section = (fail: boolean) => s.withStudyLock!(id, async () => {
        most = Math.max(most, ++inside);
        await s.createTrial(id); // the storage's own writes work inside the lock
        await new Promise((r) => setTimeout(r, 5));
        inside--;
        if (fail) throw new Error('boom');
        return 1;
      });
      const results = await Promise.allSettled([section(false), section(true), section(false), section(false)]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      expect(most).toBe(1);
      expect((await s.getAllTrials(id)).length).toBe(4);
      await s.close?.();
    });
  });
}
