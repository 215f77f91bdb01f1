import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { floatDistribution } from '../../../src/search/distributions';
import { SearchError } from '../../../src/search/errors';
import { postgresStorage } from '../../../src/search/postgres';
import type { PostgresPool, PostgresStorage } from '../../../src/search/postgres';
import { loadPg } from '../../../src/search/postgres/pgClient';
import { gridSampler } from '../../../src/search/samplers/gridSampler';
import { randomSampler } from '../../../src/search/samplers/randomSampler';
import { tpeSampler } from '../../../src/search/samplers/tpe';
import { createStudy } from '../../../src/search/Study';
import { startTestPostgres } from '../../helpers/postgres';
import type { TestPostgres } from '../../helpers/postgres';

let server: TestPostgres;
const opened: PostgresStorage[] = [];
let schemas = 0;

/** A storage on a fresh schema (or on `schema`), closed after the file. */
function open(options: Parameters<typeof postgresStorage>[1] = {}, connection?: string | PostgresPool): PostgresStorage {
  const s = postgresStorage(connection ?? server.url, { schema: `t${schemas++}`, ...options });
  opened.push(s);
  return s;
}

beforeAll(async () => {
  server = await startTestPostgres();
}, 60_000);

afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()));
  await server?.stop();
});

describe('postgresStorage', () => {
  it('numbers trials 0..99 exactly once when two pools create 50 each at once', async () => {
    const a = open({ schema: 'race_numbers', poolSize: 6 });
    const b = open({ schema: 'race_numbers', poolSize: 6 });
    const id = await a.createStudy('s', 'minimize');
    const made = await Promise.all(Array.from({ length: 100 }, (_, i) => (i % 2 ? a : b).createTrial(id)));
    expect(made.map((t) => t.number).sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect((await b.getAllTrials(id)).map((t) => t.number)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('lets exactly one of six concurrent finishes of a trial win, across two pools, and keeps its value', async () => {
    const a = open({ schema: 'race_finish', poolSize: 6 });
    const b = open({ schema: 'race_finish', poolSize: 6 });
    const id = await a.createStudy('s', 'minimize');
    for (let i = 0; i < 20; i++) await a.createTrial(id);
    const attempts = Array.from({ length: 20 * 6 }, (_, k) => ({ number: k % 20, value: k }));
    const won = await Promise.all(attempts.map(({ number, value }) => (value % 2 ? a : b).setTrialState(id, number, 'complete', { value })));
    const trials = await a.getAllTrials(id);
    for (let n = 0; n < 20; n++) {
      const winners = attempts.filter((x, k) => x.number === n && won[k]);
      expect(winners.length).toBe(1);
      expect(trials[n]!.value).toBe(winners[0]!.value);
      expect(trials[n]!.state).toBe('complete');
    }
  });

  it('gives an enqueued trial to exactly one of many concurrent claims', async () => {
    const a = open({ schema: 'race_claim' });
    const b = open({ schema: 'race_claim' });
    const id = await a.createStudy('s', 'minimize');
    const { number } = await a.createTrial(id, { state: 'waiting', params: { x: 1 } });
    const claims = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).setTrialState(id, number, 'running')));
    expect(claims.filter(Boolean).length).toBe(1);
    const t = await b.getTrial(id, number);
    expect(t.state).toBe('running');
    expect(t.datetimeStart).toBeTypeOf('number');
  });

  it('stores study, parameter and attribute names with quotes or SQL in them verbatim', async () => {
    const s = open({ schema: 'injection' });
    const names = [`x'); DROP TABLE injection.trials; --`, `"quoted" \\ ' ; $1 $$ --`, 'Robert\'); DELETE FROM injection.studies;--'];
    for (const name of names) {
      const id = await s.createStudy(name, 'minimize');
      expect(await s.getStudyId(name)).toBe(id);
      const t = await s.createTrial(id);
      await s.setTrialParam(id, t.number, name, floatDistribution(0, 1), 0.5);
      await s.setTrialUserAttr(id, t.number, name, name);
      await s.setTrialState(id, t.number, 'complete', { value: 1, error: undefined });
      const back = await s.getTrial(id, t.number);
      expect(back.params).toEqual({ [name]: 0.5 });
      expect(back.userAttrs).toEqual({ [name]: name });
    }
    expect((await s.listStudies()).map((x) => x.name)).toEqual(names);
    await expect(s.createStudy(names[0]!, 'minimize')).rejects.toThrow(`createStudy: a study named ${JSON.stringify(names[0])} already exists`);
  });

  it('refuses a schema name that is not a plain lower-case identifier, before connecting', () => {
    for (const schema of ['a; DROP SCHEMA public', 'Upper', '1abc', '', 'x'.repeat(64), 'a"b']) {
      expect(() => postgresStorage(server.url, { schema })).toThrow(SearchError);
    }
    expect(() => postgresStorage(server.url, { schema: 'a-b' })).toThrow(`postgresStorage: schema is "a-b", expected a lower-case SQL identifier`);
    expect(() => postgresStorage('', {})).toThrow(/connection is ""/);
    expect(() => postgresStorage(42 as unknown as string)).toThrow('postgresStorage: connection is 42, expected a connection string or a pg Pool');
    expect(() => postgresStorage(server.url, { poolSize: 1 })).toThrow(/postgresStorage: poolSize is 1/);
    expect(() => postgresStorage(server.url, { heartbeatIntervalMs: 50, gracePeriodMs: 10 })).toThrow('gracePeriodMs is 10, expected a number >= heartbeatIntervalMs (50)');
  });

  it('names the study that exists with another direction when a worker joins it', async () => {
    const storage = open();
    await createStudy({ storage, name: 'joined', direction: 'minimize', sampler: randomSampler({ seed: 1 }) });
    await expect(createStudy({ storage, name: 'joined', direction: 'maximize', loadIfExists: true })).rejects.toThrow(
      'createStudy: study "joined" is stored with direction "minimize", not "maximize"',
    );
    const other = open({ schema: storage.schema });
    const joined = await createStudy({ storage: other, name: 'joined', loadIfExists: true });
    expect(joined.direction).toBe('minimize');
  });

  it('counts the trials of each state and gives the best complete value in the study direction', async () => {
    const s = open();
    const min = await s.createStudy('min', 'minimize');
    const max = await s.createStudy('max', 'maximize');
    await s.createStudy('empty', 'minimize');
    for (const [id, state, value] of [
      [min, 'complete', 3], [min, 'complete', 1], [min, 'pruned', -5], [min, 'failed', undefined],
      [max, 'complete', 3], [max, 'complete', 7], [max, 'complete', 5],
    ] as const) {
      const t = await s.createTrial(id);
      await s.setTrialState(id, t.number, state, { value });
    }
    await s.createTrial(min);
    await s.createTrial(min, { state: 'waiting' });
    const [a, b, c] = await s.listStudies();
    expect(a!.trialCounts).toEqual({ running: 1, complete: 2, pruned: 1, failed: 1, waiting: 1 });
    expect([a!.nTrials, a!.bestValue, b!.bestValue, c!.bestValue]).toEqual([6, 1, 7, undefined]);
    expect(c!.trialCounts).toEqual({ running: 0, complete: 0, pruned: 0, failed: 0, waiting: 0 });
    expect(a!.datetimeStart).toBeTypeOf('number');
  });

  it('round-trips infinite values and non-finite attribute numbers, and keeps the order parameters were set in', async () => {
    const s = open();
    const id = await s.createStudy('s', 'maximize');
    const t = await s.createTrial(id);
    await s.setTrialParam(id, t.number, 'zeta', floatDistribution(0, 1), 0.25);
    await s.setTrialParam(id, t.number, 'a', floatDistribution(0, 1), 0.75);
    await s.setTrialParam(id, t.number, 'zeta', floatDistribution(0, 1), 0.25);
    await s.setTrialUserAttr(id, t.number, 'x', { nan: NaN, inf: -Infinity, list: [1, 'two', null] });
    await s.setTrialIntermediateValue(id, t.number, 10, 2);
    await s.setTrialIntermediateValue(id, t.number, 2, 1);
    await s.setTrialIntermediateValue(id, t.number, 2, 5); // a step keeps its first value
    await s.setTrialState(id, t.number, 'complete', { value: Infinity });
    const back = await s.getTrial(id, t.number);
    expect(Object.keys(back.params)).toEqual(['zeta', 'a']);
    expect(back.userAttrs).toEqual({ x: { nan: NaN, inf: -Infinity, list: [1, 'two', null] } });
    expect([...back.intermediateValues]).toEqual([[2, 1], [10, 2]]);
    expect(back.value).toBe(Infinity);
    await expect(s.setTrialParam(id, t.number, 'a', floatDistribution(0, 1), 0.5)).rejects.toThrow('setTrialParam: trial 0 is already finished (complete)');
  });

  it('refuses a parameter set again with another distribution, naming the stored one', async () => {
    const s = open();
    const id = await s.createStudy('s', 'minimize');
    const t = await s.createTrial(id);
    await s.setTrialParam(id, t.number, 'lr', floatDistribution(1e-4, 1, { log: true }), 0.01);
    await expect(s.setTrialParam(id, t.number, 'lr', floatDistribution(0, 1), 0.01)).rejects.toThrow('setTrialParam: trial 0 already has "lr" as float in [0.0001, 1] (log)');
    await expect(s.setTrialState(id, t.number, 'waiting')).rejects.toThrow('setTrialState: trial 0 cannot go back to waiting');
  });

  it('reads only the unfinished and new trials again, and returns the same snapshot when nothing changed', async () => {
    const inner = new pg.Pool({ connectionString: server.url, max: 2 });
    inner.on('error', () => undefined); // connections still closing when the server stops
    let rowsRead = 0;
    const counting: PostgresPool = {
      query: async (config, values) => {
        const text = typeof config === 'string' ? config : config.text;
        const r = await inner.query(config as pg.QueryConfig, values as unknown[]);
        if (/LEFT JOIN LATERAL/.test(text)) rowsRead += r.rows.filter((row) => row.number !== null).length;
        return r;
      },
      connect: () => inner.connect(),
      on: (e, l) => inner.on(e, l),
      removeListener: (e, l) => inner.removeListener(e, l),
      end: () => inner.end(),
    };
    const s = open({}, counting);
    const id = await s.createStudy('s', 'minimize');
    for (let i = 0; i < 40; i++) {
      const t = await s.createTrial(id);
      await s.setTrialState(id, t.number, 'complete', { value: i });
    }
    const writer = open({ schema: s.schema });
    const first = await s.getAllTrials(id);
    expect(first.length).toBe(40);
    rowsRead = 0;
    expect(await s.getAllTrials(id)).toBe(first);
    expect(rowsRead).toBe(0);
    const running = await writer.createTrial(id);
    expect((await s.getAllTrials(id)).length).toBe(41);
    expect(rowsRead).toBe(1);
    rowsRead = 0;
    await writer.setTrialState(id, running.number, 'complete', { value: -1 });
    const after = await s.getAllTrials(id);
    expect(rowsRead).toBe(1); // only the trial that was running
    expect(after[40]!.value).toBe(-1);
    expect(after[0]).toBe(first[0]); // finished records are kept, not rebuilt
    rowsRead = 0;
    await s.getAllTrials(id);
    expect(rowsRead).toBe(0);
    expect((await s.getAllTrials(id, ['complete'])).length).toBe(41);
    await s.close();
    await inner.query('SELECT 1'); // a pool passed in stays open
    await inner.end();
  });

  it('accepts a pg Pool as it is, leaves it open on close(), and works without prepared statements', async () => {
    const pool = new pg.Pool({ connectionString: server.url, max: 3 });
    pool.on('error', () => undefined);
    const s = postgresStorage(pool, { schema: 'given_pool', prepare: false });
    const id = await s.createStudy('s', 'minimize');
    const t = await s.createTrial(id);
    await s.setTrialParam(id, t.number, 'x', floatDistribution(0, 1), 0.5);
    expect(await s.setTrialState(id, t.number, 'complete', { value: 2 })).toBe(true);
    expect((await s.getAllTrials(id))[0]!.params).toEqual({ x: 0.5 });
    await s.close();
    expect((await pool.query('SELECT count(*)::int AS n FROM given_pool.trials')).rows[0].n).toBe(1);
    await pool.end();
    expect(() => postgresStorage(server.url, { prepare: 'yes' as unknown as boolean })).toThrow('postgresStorage: prepare is "yes", expected a boolean');
  });

  it('ends its own pool on close() and refuses calls afterwards', async () => {
    const name = 'pa_close_test';
    const s = postgresStorage(server.url, { schema: 'closing', poolOptions: { application_name: name } });
    const id = await s.createStudy('s', 'minimize');
    await Promise.all([s.createTrial(id), s.createTrial(id), s.getAllTrials(id)]);
    const admin = new pg.Client(server.url);
    await admin.connect();
    const count = async (): Promise<number> => (await admin.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1', [name])).rows[0].n;
    expect(await count()).toBeGreaterThan(0);
    await s.close();
    await expect.poll(count).toBe(0);
    await expect(s.getAllTrials(id)).rejects.toThrow('postgresStorage: the storage is closed');
    await s.close(); // twice is fine
    await admin.end();
  });

  it('runs two workers on one study with TPE: numbers 0..19, every trial finished, best equal to the minimum', async () => {
    const schema = 'workers';
    const objective = async (t: { suggestFloat(n: string, l: number, h: number): number }): Promise<number> => {
      const x = t.suggestFloat('x', -5, 5);
      const y = t.suggestFloat('y', -5, 5);
      await new Promise((r) => setTimeout(r, 2));
      return (x - 1) ** 2 + (y + 2) ** 2;
    };
    const worker = async (seed: number) => {
      const study = await createStudy({ storage: open({ schema }), name: 'shared', loadIfExists: true, sampler: tpeSampler({ seed, startupTrials: 5 }) });
      await study.optimize(objective, { trials: 10, concurrency: 2 });
      return study;
    };
    const [a] = await Promise.all([worker(1), worker(2)]);
    await a.refresh();
    expect(a.trials.map((t) => t.number)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(a.trials.every((t) => t.state === 'complete')).toBe(true);
    expect(a.bestValue).toBe(Math.min(...a.trials.map((t) => t.value!)));
    const [summary] = await open({ schema }).listStudies();
    expect([summary!.name, summary!.nTrials, summary!.bestValue]).toEqual(['shared', 20, a.bestValue]);
  });

  it('runs withStudyLock sections one at a time, across two pools and within one, and releases the lock when fn throws', async () => {
    const a = open({ schema: 'locks' });
    const b = open({ schema: 'locks' });
    const id = await a.createStudy('s', 'minimize');
    const spans: [number, number][] = [];
    const section = (s: PostgresStorage, i: number) =>
      s.withStudyLock!(id, async () => {
        const enter = performance.now();
        await s.getAllTrials(id); // fn may use the storage (other connections of the pool)
        await new Promise((r) => setTimeout(r, 5));
        spans.push([enter, performance.now()]);
        if (i === 3) throw new Error('boom');
        return i;
      });
    const results = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => section(i % 2 ? a : b, i)));
    expect(results.filter((r) => r.status === 'rejected').length).toBe(1);
    expect(results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<number>).value).sort((x, y) => x - y)).toEqual([0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11]);
    spans.sort((x, y) => x[0] - y[0]);
    for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]);
    expect(spans.length).toBe(12);
  });

  it('does not deadlock a pool of two when two studies of one storage take their locks at once', async () => {
    const pool = new pg.Pool({ connectionString: server.url, max: 2 });
    pool.on('error', () => undefined);
    const s = postgresStorage(pool, { schema: 'two_studies' });
    const ids = [await s.createStudy('a', 'minimize'), await s.createStudy('b', 'minimize')];
    const made = await Promise.all(Array.from({ length: 8 }, (_, i) => s.withStudyLock!(ids[i % 2]!, async () => (await s.createTrial(ids[i % 2]!)).number)));
    expect(made.sort((x, y) => x - y)).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
    await s.close();
    await pool.end();
  });

  it('evaluates no grid point twice when two workers on two pools share a grid study', async () => {
    const space = { a: [1, 2, 3, 4], b: ['x', 'y', 'z'] };
    const worker = async () => {
      const study = await createStudy({ storage: open({ schema: 'grid' }), name: 'grid', loadIfExists: true, sampler: gridSampler(space) });
      await study.optimize(async (t) => {
        const a = t.suggestInt('a', 1, 4);
        const b = t.suggestCategorical('b', ['x', 'y', 'z']);
        await new Promise((r) => setTimeout(r, 3));
        return a + b.length;
      }, { concurrency: 2 });
      return study;
    };
    const [study] = await Promise.all([worker(), worker()]);
    await study.refresh();
    const points = study.trials.map((t) => `${t.params.a}${t.params.b}`);
    expect(points.length).toBe(12);
    expect(new Set(points).size).toBe(12);
    expect(study.trials.map((t) => t.number)).toEqual(Array.from({ length: 12 }, (_, i) => i));
  });

  it('deletes a study with its trials and names an unknown one', async () => {
    const s = open();
    const id = await s.createStudy('gone', 'minimize');
    await s.createTrial(id);
    await s.deleteStudy(id);
    expect(await s.getStudyId('gone')).toBeUndefined();
    await expect(s.deleteStudy(id)).rejects.toThrow(`deleteStudy: no study with id "${id}"`);
    await expect(s.getAllTrials(id)).rejects.toThrow(`getAllTrials: no study with id "${id}"`);
    await expect(s.createTrial('not-an-id')).rejects.toThrow('createTrial: no study with id "not-an-id"');
    // Another worker that had read the study's finished trials sees it gone too.
    const other = open({ schema: s.schema });
    const id2 = await s.createStudy('gone-too', 'minimize');
    const t = await s.createTrial(id2);
    await s.setTrialState(id2, t.number, 'complete', { value: 1 });
    expect((await other.getAllTrials(id2)).length).toBe(1);
    await s.deleteStudy(id2);
    await expect(other.getTrial(id2, 0)).rejects.toThrow(`getTrial: no study with id "${id2}"`);
  });
});

describe('loading pg', () => {
  it('throws a SearchError naming pg and how to install it when pg cannot be loaded', async () => {
    const missing = (): Promise<unknown> => Promise.reject(new Error("Cannot find package 'pg'"));
    await expect(loadPg('postgresStorage', missing)).rejects.toBeInstanceOf(SearchError);
    await expect(loadPg('postgresStorage', missing)).rejects.toThrow(/^postgresStorage: needs the PostgreSQL client "pg", an optional peer dependency that is not installed: run `npm install pg`/);
    await expect(loadPg('postgresStorage', async () => ({ default: {} }))).rejects.toThrow('the module "pg" has no Pool constructor');
    expect(typeof (await loadPg('postgresStorage'))).toBe('function');
  });
});
