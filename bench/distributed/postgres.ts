/**
 * The PostgreSQL part of `npm run bench:distributed` (section
 * `distributed-storage` of bench/RESULTS.md):
 *
 * 1. Storage overhead per trial at 1,000 finished trials: one trial's storage
 *    round trips — `study.ask()` (refresh, create, refresh), two suggestions
 *    (two parameter writes), `recordHeartbeat`, `failStaleTrials` (the sweep
 *    before each trial), `study.tell()` (finish, refresh) — with the random
 *    sampler (negligible), on postgres, against the same on the in-memory
 *    storage measured in the same run.
 * 2. TPE time per trial at 100 and at 1,000 finished trials, postgres vs
 *    in-memory: the difference is what the storage adds; it must not grow
 *    with the study (finished trials are cached, only what changed is read).
 *
 * Environment: BENCH_TRIALS (timed trials per measurement, default 100).
 */
import { postgresStorage } from '../../src/search/postgres';
import { floatDistribution, intDistribution } from '../../src/search/distributions';
import { createStudy } from '../../src/search/Study';
import { randomSampler } from '../../src/search/samplers/randomSampler';
import { tpeSampler } from '../../src/search/samplers/tpe';
import { inMemoryStorage } from '../../src/search/storages/inMemoryStorage';
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

/** Mean wall time per trial (ms) of `TIMED` ask/suggest/heartbeat/sweep/tell cycles on a study prefilled with `n` trials. */
async function perTrial(storage: Storage, name: string, n: number, sampler: Sampler): Promise<number> {
  const studyId = await prefill(storage, name, n);
  const study = await createStudy({ storage, name, loadIfExists: true, sampler });
  const cycle = async (): Promise<void> => {
    const trial = await study.ask();
    const x = trial.suggestFloat('x', -5, 5);
    const k = trial.suggestInt('k', 1, 64);
    await storage.recordHeartbeat?.(studyId, trial.number);
    await storage.failStaleTrials?.(studyId);
    await study.tell(trial, (x - 1) ** 2 + (Math.log2(k) - 3) ** 2);
  };
  for (let i = 0; i < 5; i++) await cycle(); // warm-up (connections, JIT)
  const t0 = performance.now();
  for (let i = 0; i < TIMED; i++) await cycle();
  return (performance.now() - t0) / TIMED;
}

const fmt = (ms: number): string => ms.toFixed(2);

/** Runs the measurements against the server at `url`; returns the section's markdown body (without the machine line). */
export async function postgresBench(url: string, log: (line: string) => void = () => undefined): Promise<string> {
  const opened: { close(): Promise<void> }[] = [];
  const pg = (schema: string): Storage => {
    const s = postgresStorage(url, { schema, ...HEARTBEAT });
    opened.push(s);
    return s;
  };
  const stamp = Date.now().toString(36);
  try {
    // 1. Storage overhead at 1,000 finished trials (random sampler).
    const memRandom = await perTrial(inMemoryStorage(HEARTBEAT), 'overhead', 1000, randomSampler({ seed: 1 }));
    log(`in-memory, random sampler, 1000 trials: ${fmt(memRandom)} ms/trial`);
    const pgRandom = await perTrial(pg(`bench_overhead_${stamp}`), 'overhead', 1000, randomSampler({ seed: 1 }));
    log(`postgres, random sampler, 1000 trials: ${fmt(pgRandom)} ms/trial`);
    const overhead = pgRandom - memRandom;

    // 2. TPE at 100 and 1,000 finished trials.
    const rows: { n: number; mem: number; pg: number }[] = [];
    for (const n of [100, 1000]) {
      const mem = await perTrial(inMemoryStorage(HEARTBEAT), `tpe${n}`, n, tpeSampler({ seed: 1 }));
      const onPg = await perTrial(pg(`bench_tpe${n}_${stamp}`), `tpe${n}`, n, tpeSampler({ seed: 1 }));
      log(`TPE at ${n} trials: in-memory ${fmt(mem)} ms/trial, postgres ${fmt(onPg)} ms/trial`);
      rows.push({ n, mem, pg: onPg });
    }
    const added = rows.map((r) => r.pg - r.mem);
    const growth = added[1]! - added[0]!;
    const pass = overhead <= TARGET_OVERHEAD_MS;
    return [
      `Storage overhead per trial at 1,000 finished trials: **${fmt(overhead)} ms** (postgres ${fmt(pgRandom)} ms/trial − in-memory ${fmt(memRandom)} ms/trial, random sampler; target ≤ ${TARGET_OVERHEAD_MS} ms: **${pass ? 'PASS' : 'FAIL'}**). A trial is \`study.ask()\`, two suggestions, \`recordHeartbeat\`, \`failStaleTrials\` and \`study.tell()\`: about ten round trips to the server, mean of ${TIMED} trials after 5 warm-up ones.`,
      '',
      '| finished trials | TPE in-memory (ms/trial) | TPE postgres (ms/trial) | added by postgres (ms/trial) | ratio |',
      '|---:|---:|---:|---:|---:|',
      ...rows.map((r, i) => `| ${r.n} | ${fmt(r.mem)} | ${fmt(r.pg)} | ${fmt(added[i]!)} | ${(r.pg / r.mem).toFixed(2)}x |`),
      '',
      `What postgres adds per TPE trial changes by ${growth >= 0 ? '+' : ''}${fmt(growth)} ms from 100 to 1,000 trials (TPE's own time grows with the study in both storages): finished trials are cached by the storage and each refresh reads only unfinished and new rows.`,
    ].join('\n');
  } finally {
    await Promise.all(opened.map((s) => s.close()));
  }
}
