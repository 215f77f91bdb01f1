/**
 * The program each worker process of {@link runWorkers} runs (Node only;
 * internal, no index re-exports it). It reads its configuration from the
 * environment, imports the user's module, opens the shared storage, joins
 * the study and runs trials until the study has its count, sending each
 * finished trial to the parent over IPC. It does nothing when imported
 * elsewhere: it runs only in a process started by `runWorkers`.
 */
import { failSearch } from './errors';
import { openStorage } from './openStorage';
import type { StorageDescriptor } from './openStorage';
import { tpeSampler } from './samplers/tpe/tpeSampler';
import { createStudy } from './Study';
import type { Objective } from './Study';
import type { Direction, FrozenTrial, Pruner, Sampler } from './types';

/** What `runWorkers` passes to each worker (as JSON in `TFJS_METHODOLOGY_WORKER_CONFIG`). Internal. */
export interface WorkerConfig {
  readonly modulePath: string;
  readonly workerIndex: number;
  readonly workers: number;
  readonly storage: StorageDescriptor;
  readonly studyName: string;
  readonly trials: number;
  readonly direction?: Direction;
  readonly retryFailedTrials?: { readonly maxRetries: number };
  readonly trialTimeoutMs?: number;
}

/** Messages from a worker to `runWorkers`. Internal. */
export type WorkerMessage = { readonly type: 'trial'; readonly trial: FrozenTrial } | { readonly type: 'done' };

/** What a worker module's `sampler` and `pruner` factories receive (see {@link runWorkers}). */
export interface WorkerContext {
  /** 0, 1, …, `workers - 1`: use it to give each worker's sampler its own seed. */
  readonly workerIndex: number;
  readonly workers: number;
  readonly studyName: string;
}

/** The exports `runWorkers` reads from a worker module (see {@link runWorkers}). */
export interface WorkerModule {
  /** The objective (or give it as the default export). */
  readonly objective?: Objective;
  readonly default?: Objective | WorkerModule;
  /** Builds this worker's sampler. Defaults to `tpeSampler({ seed: workerIndex })`. */
  readonly sampler?: (context: WorkerContext) => Sampler;
  /** Builds this worker's pruner. Defaults to the study's default (`medianPruner()`). */
  readonly pruner?: (context: WorkerContext) => Pruner;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Runs one worker. Internal. */
export async function runWorker(config: WorkerConfig, send: (m: WorkerMessage) => void, signal: AbortSignal): Promise<void> {
  const { pathToFileURL } = await import('node:url');
  const loaded = (await import(pathToFileURL(config.modulePath).href)) as WorkerModule;
  // A CommonJS module imported from ESM arrives as { default: module.exports }.
  const mod: WorkerModule = typeof loaded.default === 'object' && loaded.default !== null && loaded.objective === undefined ? loaded.default : loaded;
  const objective = mod.objective ?? (typeof mod.default === 'function' ? mod.default : undefined);
  if (typeof objective !== 'function') failSearch('runWorkers', `${config.modulePath} exports no objective (export function objective(trial) { … } or a default function)`);
  const context: WorkerContext = { workerIndex: config.workerIndex, workers: config.workers, studyName: config.studyName };
  const sampler = mod.sampler?.(context) ?? tpeSampler({ seed: config.workerIndex });
  const pruner = mod.pruner?.(context);
  const storage = await openStorage(config.storage, 'runWorkers');
  try {
    const study = await createStudy({
      storage,
      name: config.studyName,
      loadIfExists: true,
      direction: config.direction,
      sampler,
      pruner,
      retryFailedTrials: config.retryFailedTrials,
    });
    for (;;) {
      await study.optimize(objective, {
        maxStudyTrials: config.trials,
        signal,
        trialTimeoutMs: config.trialTimeoutMs,
        onTrialComplete: (trial) => send({ type: 'trial', trial }),
      });
      if (signal.aborted) break;
      // Nothing more to start. Other workers' trials may still run; if one of them dies, its trial is
      // failed by a sweep after the grace period and retried: so wait for them while heartbeats can tell.
      await study.refresh();
      const pending = study.trials.some((t) => t.state === 'running' || t.state === 'waiting');
      const heartbeat = storage.heartbeat;
      if (!pending || heartbeat === undefined) break;
      await sleep(heartbeat.intervalMs);
      await study.failStaleTrials();
    }
  } finally {
    await storage.close?.();
  }
}

async function main(): Promise<void> {
  const config = JSON.parse(process.env['TFJS_METHODOLOGY_WORKER_CONFIG']!) as WorkerConfig;
  const controller = new AbortController();
  process.on('message', (m: { type?: string }) => {
    if (m?.type === 'stop') controller.abort();
  });
  process.on('disconnect', () => controller.abort()); // the parent is gone
  const send = (m: WorkerMessage): void => {
    if (process.connected) process.send!(m);
  };
  await runWorker(config, send, controller.signal);
  await new Promise<void>((resolve) => (process.connected ? process.send!({ type: 'done' }, () => resolve()) : resolve()));
  process.exit(0);
}

if (typeof process !== 'undefined' && process.env?.['TFJS_METHODOLOGY_WORKER'] === '1' && typeof process.send === 'function') {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
