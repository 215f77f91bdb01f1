/**
 * The PostgreSQL part of `npm run bench:distributed` (section
 * `distributed-storage` of bench/RESULTS.md):
 *
 * 1. Storage overhead per trial at 1,000 finished trials: one trial's
 *    storage work as a study does it — `study.ask()` (sweep of stale trials,
 *    study lock, refresh, create, heartbeat, refresh), two suggestions (two
 *    parameter writes), `study.tell()` (finish, refresh) — with the random
 *    sampler (negligible), on postgres with heartbeats, against the same on
 *    the in-memory storage measured in the same run. Also the number of
 *    round trips per trial and the round trip of `SELECT 1` in the same run,
 *    since on a loaded machine the time is mostly waiting for the server
 *    process to be scheduled.
 * 2. TPE time per trial at 100 and at 1,000 finished trials, postgres vs
 *    in-memory: the difference is what the storage adds; it must not grow
 *    with the study (finished trials are cached, only what changed is read).
 *
 * Environment: BENCH_TRIALS (timed trials per measurement, default 100).
 */
import pg from 'pg';
import { postgresStorage } from '../../src/search/postgres';
import { floatDistribution, intDistribution } from '../../src/search/distributions';
import { createStudy } from '../../src/search/Study';
import { randomSampler } from '../../src/search/samplers/randomSampler';
import { tpeSampler } from '../../src/search/samplers/tpe';
import { inMemoryStorage } from '../../src/search/storages/inMemoryStorage';
import type { PgQueryConfig, PgResult, PostgresPool } from '../../src/search/postgres';
import type { Sampler, Storage } from '../../src/search/types';

const TIMED = Number(process.env.BENCH_TRIALS ?? 100);
const TARGET_OVERHEAD_MS = 10;
const HEARTBEAT = { heartbeatIntervalMs: 60_000, gracePeriodMs: 120_000 };

/** A study with `n` finished trials (params x in [-5, 5], k in [1, 64]) written straight to the storage. */
async function prefill(storage: Storage, name: string, n: number): Promise<string> {
  const id = await storage.createStudy(name, 'minimize');
  const dx = floatDistribution(-5, 5);
  const dk = intDistribution(1, 64);
  let seed = 12345;
  const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < n; i++) {
    const x = -5 + 10 * rand();
    const k = 1 + Math.floor(64 * rand());
    await storage.createTrial(id, { state: 'complete', params: { x, k }, distributions: { x: dx, k: dk }, value: (x - 1) ** 2 + (Math.log2(k) - 3) ** 2 });
  }
  return id;
}

interface PerTrial {
  /** Median over the timed trials, ms: robust to the scheduling stalls of a loaded machine. */
  readonly median: number;
  /** Mean, ms. */
  readonly mean: number;
}

/** One study to time: its storage, size and sampler, and a hook told when the timed trials start and end. */
interface Setup {
  readonly storage: Storage;
  readonly name: string;
  readonly n: number;
  readonly sampler: Sampler;
  readonly onTimed?: (timing: boolean) => void;
}

/**
 * Wall time per trial of `TIMED` ask/suggest/tell cycles on each setup's
 * study (prefilled with `n` trials). The setups take turns, trial by trial,
 * so that each sees the same load of this shared machine.
 */
async function interleaved(setups: readonly Setup[]): Promise<PerTrial[]> {
  const cycles: (() => Promise<void>)[] = [];
  for (const { storage, name, n, sampler } of setups) {
    await prefill(storage, name, n);
    const study = await createStudy({ storage, name, loadIfExists: true, sampler });
    cycles.push(async () => {
      const trial = await study.ask(); // with heartbeats: sweeps stale trials, records the first heartbeat
      const x = trial.suggestFloat('x', -5, 5);
      const k = trial.suggestInt('k', 1, 64);
      await study.tell(trial, (x - 1) ** 2 + (Math.log2(k) - 3) ** 2);
    });
  }
  for (let i = 0; i < 5; i++) for (const cycle of cycles) await cycle(); // warm-up (connections, prepared statements, JIT)
  const times = setups.map(() => new Float64Array(TIMED));
  for (let i = 0; i < TIMED; i++) {
    for (let j = 0; j < cycles.length; j++) {
      setups[j]!.onTimed?.(true);
      const t0 = performance.now();
      await cycles[j]!();
      times[j]![i] = performance.now() - t0;
      setups[j]!.onTimed?.(false);
    }
  }
  return times.map((t) => {
    t.sort();
    const mid = TIMED >> 1;
    return { median: TIMED % 2 ? t[mid]! : (t[mid - 1]! + t[mid]!) / 2, mean: t.reduce((a, b) => a + b, 0) / TIMED };
  });
}

/**
 * A pg pool that counts and times the round trips made while `counting`
 * (the statements of the pool and those of a checked-out connection: the
 * study lock's lock and unlock).
 */
function countingPool(url: string): { pool: PostgresPool & { end(): Promise<void> }; trips: () => number; typicalMs: () => number; count: (on: boolean) => void } {
  const inner = new pg.Pool({ connectionString: url, max: 4 });
  inner.on('error', () => undefined);
  let counting = false;
  const times = new Map<string, number[]>(); // statement → durations
  const timed = async (config: string | PgQueryConfig, run: () => Promise<pg.QueryResult>): Promise<PgResult> => {
    if (!counting) return run();
    const t0 = performance.now();
    const r = await run();
    const key = typeof config === 'string' ? config : config.text;
    (times.get(key) ?? times.set(key, []).get(key)!).push(performance.now() - t0);
    return r;
  };
  const pool: PostgresPool & { end(): Promise<void> } = {
    query: (config: string | PgQueryConfig, values?: readonly unknown[]) => timed(config, () => inner.query(config as pg.QueryConfig, values as unknown[])),
    connect: async () => {
      const client = await inner.connect();
      return {
        query: (config: string | PgQueryConfig, values?: readonly unknown[]) => timed(config, () => client.query(config as pg.QueryConfig, values as unknown[])),
        release: (e?: Error | boolean) => client.release(e),
        on: (e: 'error', l: (error: Error) => void) => client.on(e, l),
        removeListener: (e: 'error', l: (error: Error) => void) => client.removeListener(e, l),
      };
    },
    on: (e, l) => inner.on(e, l),
    removeListener: (e, l) => inner.removeListener(e, l),
    end: () => inner.end(),
  };
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  return {
    pool,
    trips: () => [...times.values()].reduce((n, xs) => n + xs.length, 0),
    // Each statement's median time × how often it ran: a trial's storage time without the scheduling stalls.
    typicalMs: () => [...times.values()].reduce((ms, xs) => ms + median(xs) * xs.length, 0),
    count: (on) => (counting = on),
  };
}

/** Median time of a `SELECT 1` round trip, ms. */
async function roundTrip(url: string): Promise<number> {
  const c = new pg.Client(url);
  c.on('error', () => undefined);
  await c.connect();
  for (let i = 0; i < 50; i++) await c.query('SELECT 1');
  const times = new Float64Array(501);
  for (let i = 0; i < times.length; i++) {
    const t0 = performance.now();
    await c.query('SELECT 1');
    times[i] = performance.now() - t0;
  }
  await c.end();
  return times.sort()[250]!;
}

const fmt = (ms: number): string => ms.toFixed(2);

/** Runs the measurements against the server at `url`; returns the section's markdown body (without the machine line). */
export async function postgresBench(url: string, log: (line: string) => void = () => undefined): Promise<string> {
  const stamp = Date.now().toString(36);
  // 1. Storage overhead at 1,000 finished trials (random sampler), postgres and in-memory taking turns.
  const rtt = await roundTrip(url);
  log(`SELECT 1 round trip (median): ${fmt(rtt)} ms`);
  const counted = countingPool(url);
  const counting = postgresStorage(counted.pool, { schema: `bench_overhead_${stamp}`, ...HEARTBEAT });
  let memRandom: PerTrial;
  let pgRandom: PerTrial;
  try {
    [memRandom, pgRandom] = (await interleaved([
      { storage: inMemoryStorage(HEARTBEAT), name: 'overhead', n: 1000, sampler: randomSampler({ seed: 1 }) },
      { storage: counting, name: 'overhead', n: 1000, sampler: randomSampler({ seed: 1 }), onTimed: counted.count },
    ])) as [PerTrial, PerTrial];
  } finally {
    await counting.close();
    await counted.pool.end();
  }
  const trips = counted.trips() / TIMED;
  const typical = counted.typicalMs() / TIMED;
  log(`random sampler, 1000 trials: in-memory median ${fmt(memRandom.median)}, postgres median ${fmt(pgRandom.median)} (mean ${fmt(pgRandom.mean)}) ms/trial, ${trips.toFixed(1)} round trips/trial, ${fmt(typical)} ms/trial at each statement's median`);
  const overhead = pgRandom.median - memRandom.median;
  const overheadMean = pgRandom.mean - memRandom.mean;

  // 2. TPE at 100 and 1,000 finished trials, the four studies taking turns.
  const pools = [countingPool(url), countingPool(url)];
  const pgStorages = [100, 1000].map((n, i) => postgresStorage(pools[i]!.pool, { schema: `bench_tpe${n}_${stamp}`, ...HEARTBEAT }));
  let tpe: PerTrial[];
  try {
    tpe = await interleaved([
      { storage: inMemoryStorage(HEARTBEAT), name: 'tpe100', n: 100, sampler: tpeSampler({ seed: 1 }) },
      { storage: pgStorages[0]!, name: 'tpe100', n: 100, sampler: tpeSampler({ seed: 1 }), onTimed: pools[0]!.count },
      { storage: inMemoryStorage(HEARTBEAT), name: 'tpe1000', n: 1000, sampler: tpeSampler({ seed: 1 }) },
      { storage: pgStorages[1]!, name: 'tpe1000', n: 1000, sampler: tpeSampler({ seed: 1 }), onTimed: pools[1]!.count },
    ]);
  } finally {
    await Promise.all(pgStorages.map((x) => x.close()));
    await Promise.all(pools.map((x) => x.pool.end()));
  }
  const rows = [100, 1000].map((n, i) => ({ n, mem: tpe[2 * i]!, pg: tpe[2 * i + 1]!, typical: pools[i]!.typicalMs() / TIMED }));
  for (const r of rows) log(`TPE at ${r.n} trials: in-memory median ${fmt(r.mem.median)} ms/trial, postgres median ${fmt(r.pg.median)} ms/trial, storage ${fmt(r.typical)} ms/trial at statement medians`);
  const added = rows.map((r) => r.pg.median - r.mem.median);
  const growth = added[1]! - added[0]!;
  const typicalGrowth = rows[1]!.typical - rows[0]!.typical;
  const pass = overhead <= TARGET_OVERHEAD_MS;
  return [
    `Storage overhead per trial at 1,000 finished trials: **${fmt(overhead)} ms** median (postgres ${fmt(pgRandom.median)} − in-memory ${fmt(memRandom.median)} ms/trial; means ${fmt(pgRandom.mean)} − ${fmt(memRandom.mean)} = ${fmt(overheadMean)} ms), random sampler, ${TIMED} trials of each after 5 warm-up ones, the two storages taking turns; target ≤ ${TARGET_OVERHEAD_MS} ms (median): **${pass ? 'PASS' : 'FAIL'}**.`,
    '',
    `A trial is \`study.ask()\`, two suggestions and \`study.tell()\` on a storage with heartbeats: ${trips.toFixed(1)} round trips to the server (the stale-trial sweep, the study lock and its release, refreshes, the new trial, its first heartbeat, two parameters, the finish); a \`SELECT 1\` round trip took ${fmt(rtt)} ms (median) in this run. On this loaded machine most statements take a fraction of a millisecond but some wait milliseconds for the server process to be scheduled, and a trial has ${trips.toFixed(0)} of them: at each statement's own median time, a trial's round trips add up to **${fmt(typical)} ms** (${typical <= TARGET_OVERHEAD_MS ? 'within' : 'above'} the target), an estimate of what the storage costs on a machine with a core free for the server.`,
    '',
    '| finished trials | TPE in-memory (ms/trial, median) | TPE postgres (ms/trial, median) | added by postgres (ms/trial) | postgres statements at their medians (ms/trial) |',
    '|---:|---:|---:|---:|---:|',
    ...rows.map((r, i) => `| ${r.n} | ${fmt(r.mem.median)} | ${fmt(r.pg.median)} | ${fmt(added[i]!)} | ${fmt(r.typical)} |`),
    '',
    `The four studies took turns trial by trial. From 100 to 1,000 finished trials TPE's own time grows in both storages; what postgres adds changes by ${growth >= 0 ? '+' : ''}${fmt(growth)} ms of wall time per trial, and the storage's statements at their median times by ${typicalGrowth >= 0 ? '+' : ''}${fmt(typicalGrowth)} ms (finished trials are cached and each refresh reads only the unfinished and new rows; what remains is rebuilding the snapshot array, as the in-memory storage does).`,
  ].join('\n');
}
