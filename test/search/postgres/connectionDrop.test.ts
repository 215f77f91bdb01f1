import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresStorage } from '../../../src/search/postgres';
import type { PgQueryConfig, PgResult, PostgresPool, PostgresStorage } from '../../../src/search/postgres';
import { randomSampler } from '../../../src/search/samplers/randomSampler';
import { createStudy } from '../../../src/search/Study';
import { startTestPostgres } from '../../helpers/postgres';
import type { TestPostgres } from '../../helpers/postgres';

let server: TestPostgres;
let admin: pg.Client;
const opened: PostgresStorage[] = [];
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  server = await startTestPostgres();
  admin = new pg.Client(server.url);
  admin.on('error', () => undefined);
  await admin.connect();
}, 60_000);

afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()));
  await admin?.end();
  await server?.stop();
});

/** Terminates every backend of `application` from another connection; returns how many. */
async function terminate(application: string): Promise<number> {
  const { rows } = await admin.query('SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = $1', [application]);
  return rows[0].n as number;
}

/**
 * A pool that, for the first statement matching `pattern`, runs it and then
 * throws as if the connection had dropped before the answer came back: the
 * write took effect but the caller cannot know.
 */
function losingAnswerOnce(inner: pg.Pool, pattern: RegExp): PostgresPool & { lost: number } {
  const pool = {
    lost: 0,
    query: async (config: string | PgQueryConfig, values?: readonly unknown[]): Promise<PgResult> => {
      const text = typeof config === 'string' ? config : config.text;
      const r = await inner.query(config as pg.QueryConfig, values as unknown[]);
      if (pool.lost === 0 && pattern.test(text)) {
        pool.lost++;
        throw new Error('Connection terminated unexpectedly');
      }
      return r;
    },
    connect: () => inner.connect(),
    on: (e: 'error', l: (error: Error) => void) => inner.on(e, l),
    removeListener: (e: 'error', l: (error: Error) => void) => inner.removeListener(e, l),
    end: () => inner.end(),
  };
  return pool;
}

describe('postgresStorage when the server drops connections', () => {
  it('loses and duplicates no trial of a study whose backends are terminated again and again mid-study', async () => {
    const application = 'pa_drop_study';
    const dropped: Error[] = [];
    const storage = (): PostgresStorage => {
      const s = postgresStorage(server.url, { schema: 'drops', poolSize: 3, poolOptions: { application_name: application }, onConnectionError: (e) => dropped.push(e) });
      opened.push(s);
      return s;
    };
    const objective = async (t: { suggestFloat(n: string, l: number, h: number): number; report(v: number, s: number): void }): Promise<number> => {
      const x = t.suggestFloat('x', -3, 3);
      t.report(x * x + 1, 0);
      await sleep(5);
      return x * x;
    };
    // Both workers join the study first; then every connection of theirs is terminated, six times, while they run.
    const studies = await Promise.all([1, 2].map((seed) => createStudy({ storage: storage(), name: 'dropped', loadIfExists: true, sampler: randomSampler({ seed }) })));
    let killed = 0;
    let running = true;
    const killer = (async () => {
      for (let i = 0; i < 6 && running; i++) {
        await sleep(150);
        killed += await terminate(application);
      }
    })();
    await Promise.all(studies.map((study) => study.optimize(objective, { trials: 30, concurrency: 2, catch: false })));
    running = false;
    await killer;
    expect(killed).toBeGreaterThan(0);
    const check = storage();
    const id = (await check.getStudyId('dropped'))!;
    const trials = await check.getAllTrials(id);
    expect(trials.map((t) => t.number)).toEqual(Array.from({ length: 60 }, (_, i) => i));
    expect(trials.filter((t) => t.state !== 'complete').map((t) => [t.number, t.state, t.error])).toEqual([]);
    for (const t of trials) {
      expect(t.value).toBeCloseTo((t.params.x as number) ** 2, 12);
      expect(t.intermediateValues.size).toBe(1);
    }
    expect(dropped.length).toBeGreaterThan(0); // idle connections the server dropped reached onConnectionError, not the process
  });

  it('does not create a second trial when the answer to a committed createTrial is lost', async () => {
    const inner = new pg.Pool({ connectionString: server.url, max: 2 });
    inner.on('error', () => undefined);
    const pool = losingAnswerOnce(inner, /INSERT INTO "lost_create"\.trials/);
    const s = postgresStorage(pool, { schema: 'lost_create' });
    const id = await s.createStudy('s', 'minimize');
    const t = await s.createTrial(id);
    expect(pool.lost).toBe(1);
    expect(t.number).toBe(0);
    expect((await s.getAllTrials(id)).map((x) => x.number)).toEqual([0]);
    expect((await s.createTrial(id)).number).toBe(1);
    await s.close();
    await inner.end();
  });

  it('reports a finish whose answer was lost as won, not as already finished by someone else', async () => {
    const inner = new pg.Pool({ connectionString: server.url, max: 2 });
    inner.on('error', () => undefined);
    const pool = losingAnswerOnce(inner, /SET state = \$3, value/);
    const s = postgresStorage(pool, { schema: 'lost_finish' });
    const id = await s.createStudy('s', 'minimize');
    const t = await s.createTrial(id);
    expect(await s.setTrialState(id, t.number, 'complete', { value: 3 })).toBe(true);
    expect(pool.lost).toBe(1);
    expect(await s.setTrialState(id, t.number, 'complete', { value: 4 })).toBe(false); // a real second finish still loses
    expect((await s.getTrial(id, t.number)).value).toBe(3);
    await s.close();
    await inner.end();
  });

  it('runs a lost claim of an enqueued trial, and a lost study creation, exactly once', async () => {
    const inner = new pg.Pool({ connectionString: server.url, max: 2 });
    inner.on('error', () => undefined);
    const claim = losingAnswerOnce(inner, /SET state = 'running'/);
    const s = postgresStorage(claim, { schema: 'lost_claim' });
    const id = await s.createStudy('s', 'minimize');
    await s.createTrial(id, { state: 'waiting' });
    expect(await s.setTrialState(id, 0, 'running')).toBe(true);
    expect(claim.lost).toBe(1);
    const create = losingAnswerOnce(inner, /INSERT INTO "lost_claim"\.studies/);
    const s2 = postgresStorage(create, { schema: 'lost_claim' });
    const id2 = await s2.createStudy('other', 'maximize');
    expect(create.lost).toBe(1);
    expect(await s2.getStudyId('other')).toBe(id2);
    await Promise.all([s.close(), s2.close()]);
    await inner.end();
  });

  it('reconnects after every connection of its pool was terminated while idle', async () => {
    const application = 'pa_drop_idle';
    const dropped: Error[] = [];
    const s = postgresStorage(server.url, { schema: 'idle', poolOptions: { application_name: application }, onConnectionError: (e) => dropped.push(e) });
    opened.push(s);
    const id = await s.createStudy('s', 'minimize');
    await Promise.all([s.createTrial(id), s.createTrial(id), s.createTrial(id)]);
    expect(await terminate(application)).toBeGreaterThan(0);
    await expect.poll(() => dropped.length).toBeGreaterThan(0);
    expect((dropped[0] as Error & { code?: string }).code).toBe('57P01');
    expect((await s.createTrial(id)).number).toBe(3);
    expect((await s.getAllTrials(id)).length).toBe(4);
  });
});
