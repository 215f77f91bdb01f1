import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { floatDistribution } from '../../../src/search/distributions';
import { postgresStorage } from '../../../src/search/postgres';
import { randomSampler } from '../../../src/search/samplers/randomSampler';
import { createStudy } from '../../../src/search/Study';
import type { PostgresStorage, PostgresStorageOptions } from '../../../src/search/postgres';
import { startTestPostgres } from '../../helpers/postgres';
import type { TestPostgres } from '../../helpers/postgres';

let server: TestPostgres;
const opened: PostgresStorage[] = [];
let schemas = 0;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function open(options: PostgresStorageOptions = {}): PostgresStorage {
  const s = postgresStorage(server.url, { schema: `hb${schemas++}`, ...options });
  opened.push(s);
  return s;
}

beforeAll(async () => {
  server = await startTestPostgres();
}, 60_000);

afterAll(async () => {
  vi.restoreAllMocks();
  await Promise.all(opened.map((s) => s.close()));
  await server?.stop();
});

describe('heartbeats of postgresStorage', () => {
  it('has heartbeat members only when opened with heartbeatIntervalMs (grace period twice the interval by default)', () => {
    const s = open();
    expect(s.heartbeat).toBeUndefined();
    expect(s.recordHeartbeat).toBeUndefined();
    expect(s.failStaleTrials).toBeUndefined();
    const h = open({ heartbeatIntervalMs: 50 });
    expect(h.heartbeat).toEqual({ intervalMs: 50, gracePeriodMs: 100 });
    expect(typeof h.recordHeartbeat).toBe('function');
    expect(typeof h.failStaleTrials).toBe('function');
  });

  it('fails only running trials whose heartbeat is older than the grace period, once, with the age in the error', async () => {
    const s = open({ heartbeatIntervalMs: 20, gracePeriodMs: 150 });
    const id = await s.createStudy('s', 'minimize');
    const stale = await s.createTrial(id);
    const alive = await s.createTrial(id);
    // A trial of a worker without heartbeats (its storage opened without them) never has one.
    const noHeartbeats = postgresStorage(server.url, { schema: s.schema });
    opened.push(noHeartbeats);
    const noBeat = await noHeartbeats.createTrial(id);
    const done = await s.createTrial(id);
    await s.recordHeartbeat!(id, stale.number);
    await s.recordHeartbeat!(id, done.number);
    await s.setTrialState(id, done.number, 'complete', { value: 1 });
    await sleep(250);
    await s.recordHeartbeat!(id, alive.number);
    await s.recordHeartbeat!(id, done.number); // after its end: ignored, no error
    const failed = await s.failStaleTrials!(id);
    expect(failed.map((t) => t.number)).toEqual([stale.number]);
    expect([failed[0]!.state, failed[0]!.value]).toEqual(['failed', undefined]);
    expect(failed[0]!.error).toMatch(/^heartbeat lost: no heartbeat for \d+ ms \(grace period 150 ms\)$/);
    const age = Number(/for (\d+) ms/.exec(failed[0]!.error!)![1]);
    expect(age).toBeGreaterThan(150);
    expect(age).toBeLessThan(5000);
    expect(failed[0]!.datetimeComplete).toBeTypeOf('number');
    expect(await s.failStaleTrials!(id)).toEqual([]);
    expect((await s.getTrial(id, noBeat.number)).state).toBe('running');
    expect((await s.getTrial(id, alive.number)).state).toBe('running');
    // The dead worker's late tell changes nothing.
    expect(await s.setTrialState(id, stale.number, 'complete', { value: 0 })).toBe(false);
    expect((await s.getTrial(id, stale.number)).error).toMatch(/^heartbeat lost/);
    await expect(s.recordHeartbeat!(id, 99)).rejects.toThrow('recordHeartbeat: study "s" has no trial 99');
    await expect(s.failStaleTrials!('12345')).rejects.toThrow('failStaleTrials: no study with id "12345"');
  });

  it('gives a trial its first heartbeat when it creates or claims it, only when opened with heartbeats', async () => {
    const s = open({ heartbeatIntervalMs: 20, gracePeriodMs: 80 });
    const plain = postgresStorage(server.url, { schema: s.schema });
    opened.push(plain);
    const id = await s.createStudy('s', 'minimize');
    const created = await s.createTrial(id); // its worker dies before recordHeartbeat
    await s.createTrial(id, { state: 'waiting' });
    expect(await s.setTrialState(id, 1, 'running')).toBe(true); // claimed, then the worker dies
    const other = await plain.createTrial(id); // a worker without heartbeats: never swept
    await sleep(150);
    const failed = await s.failStaleTrials!(id);
    expect(failed.map((t) => t.number)).toEqual([created.number, 1]);
    expect((await s.getTrial(id, other.number)).state).toBe('running');
  });

  it('gives each stale trial to exactly one of many concurrent sweeps from two pools', async () => {
    const a = open({ heartbeatIntervalMs: 5, gracePeriodMs: 20 });
    const b = postgresStorage(server.url, { schema: a.schema, heartbeatIntervalMs: 5, gracePeriodMs: 20 });
    opened.push(b);
    const id = await a.createStudy('s', 'minimize');
    for (let i = 0; i < 12; i++) {
      const t = await a.createTrial(id);
      await a.recordHeartbeat!(id, t.number);
    }
    await sleep(80);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).failStaleTrials!(id)));
    expect(results.flat().map((t) => t.number).sort((x, y) => x - y)).toEqual(Array.from({ length: 12 }, (_, i) => i));
  });

  it("judges heartbeats by the database's clock, not the worker's", async () => {
    const s = open({ heartbeatIntervalMs: 50, gracePeriodMs: 200 });
    const id = await s.createStudy('s', 'minimize');
    const t = await s.createTrial(id);
    const real = Date.now();
    // A worker whose clock is an hour ahead: with its clock, every other worker's heartbeat would look dead.
    vi.spyOn(Date, 'now').mockReturnValue(real + 3_600_000);
    await s.recordHeartbeat!(id, t.number);
    expect(await s.failStaleTrials!(id)).toEqual([]);
    const later = await s.createTrial(id);
    vi.restoreAllMocks();
    expect(Math.abs(later.datetimeStart! - real)).toBeLessThan(10_000);
    const admin = new pg.Client(server.url);
    await admin.connect();
    const { rows } = await admin.query(`SELECT extract(epoch FROM now() - heartbeat) * 1000 AS age FROM ${s.schema}.trials WHERE number = 0`);
    await admin.end();
    expect(Number(rows[0].age)).toBeGreaterThanOrEqual(0);
    expect(Number(rows[0].age)).toBeLessThan(10_000);
  });

  it("retries a dead worker's trial once through a study on another pool, and rejects the dead worker's late tell", async () => {
    const options = { schema: 'retry', heartbeatIntervalMs: 20, gracePeriodMs: 100 };
    // The dead worker: started trial 0 with x = 0.25, sent one heartbeat, then vanished.
    const dead = postgresStorage(server.url, options);
    const id = await dead.createStudy('s', 'minimize');
    const t = await dead.createTrial(id);
    await dead.setTrialParam(id, t.number, 'x', floatDistribution(0, 1), 0.25);
    await dead.recordHeartbeat!(id, t.number);
    await dead.close();
    await sleep(150);
    const study = await createStudy({ storage: open(options), name: 's', loadIfExists: true, sampler: randomSampler({ seed: 3 }), retryFailedTrials: { maxRetries: 1 } });
    const seen: number[] = [];
    await study.optimize((trial) => {
      const x = trial.suggestFloat('x', 0, 1);
      seen.push(x);
      return x;
    }, { trials: 3 });
    const [original, retry] = study.trials;
    expect(original!.state).toBe('failed');
    expect(original!.error).toMatch(/^heartbeat lost: no heartbeat for \d+ ms \(grace period 100 ms\)$/);
    expect([retry!.state, retry!.params.x, retry!.systemAttrs.retriedFrom]).toEqual(['complete', 0.25, 0]);
    expect(seen[0]).toBe(0.25);
    expect(study.trials.length).toBe(4); // the failed original, then the three trials of this optimize call (the retry counts)
    const late = open(options);
    expect(await late.setTrialState(id, original!.number, 'complete', { value: 0 })).toBe(false);
    expect((await late.getTrial(id, original!.number)).state).toBe('failed');
  });
});
