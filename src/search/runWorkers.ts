import { show } from '../core/fail';
import { failSearch } from './errors';
import { assertPlainDescriptor } from './openStorage';
import type { StorageDescriptor } from './openStorage';
import type { WorkerConfig, WorkerMessage } from './runWorkersChild';
import type { Direction, FrozenTrial } from './types';

/** Options of {@link runWorkers}. */
export interface RunWorkersOptions {
  /** How many worker processes to start (one core each for a tfjs cpu objective). */
  readonly workers: number;
  /**
   * The shared storage, as plain data each worker opens: a journal path
   * (one machine), a `postgres://` URL (many), or `{ journal, …options }` /
   * `{ postgres, …options }` with heartbeat options so that a dead worker's
   * trial is failed and retried: `{ journal: 'study.jsonl', heartbeatIntervalMs: 5000 }`.
   */
  readonly storage: StorageDescriptor;
  /** The study's name; created by the first worker if missing, joined otherwise. */
  readonly studyName: string;
  /**
   * Run until the study has this many trials, all finished (counted as
   * `optimize`'s `maxStudyTrials`: a failed trial that was retried counts
   * once with its retries). Trials the study already has count.
   */
  readonly trials: number;
  /** The study's direction when the workers create it; checked against the stored one when they join. Defaults to `'minimize'` (or the stored direction). */
  readonly direction?: Direction;
  /** Each worker's study option `retryFailedTrials` (needs a storage with heartbeats). Defaults to no retries. */
  readonly retryFailedTrials?: { readonly maxRetries: number };
  /** Each worker's `optimize` option `trialTimeoutMs`. Defaults to none. */
  readonly trialTimeoutMs?: number;
  /** Called in this process for each trial a worker records, with the worker's index. */
  readonly onTrialComplete?: (trial: FrozenTrial, worker: number) => void;
  /** Stops the workers: each records its running trials as `failed` ("aborted") and exits; one that has not exited after `stopTimeoutMs` is killed. */
  readonly signal?: AbortSignal;
  /** How long a stopped worker may take to exit before it is killed (SIGKILL). Defaults to 10 000 ms. */
  readonly stopTimeoutMs?: number;
  /**
   * Node options of the worker processes. Defaults to `['--import', 'tsx']`
   * when the module (or this library's own source) is TypeScript (`.ts`,
   * `.mts`, `.cts`) — `tsx` must then be installed where the workers run —
   * and to none for JavaScript.
   */
  readonly execArgv?: readonly string[];
  /** Extra environment variables of the worker processes (added to this process's). */
  readonly env?: Readonly<Record<string, string>>;
}

/** How one worker process ended. */
export interface WorkerExit {
  readonly worker: number;
  readonly pid: number | undefined;
  /** The exit code (0 when it finished its part), or `null` when a signal ended it. */
  readonly exitCode: number | null;
  /** The signal that ended it (`'SIGKILL'`), or `null`. */
  readonly signal: string | null;
  /** The last 4 000 characters it wrote to stderr (its error, when it crashed). */
  readonly stderr: string;
}

/** What {@link runWorkers} resolves to. */
export interface RunWorkersResult {
  /** How each worker ended, by index. */
  readonly workers: readonly WorkerExit[];
  /** How many trials the workers recorded (reported through `onTrialComplete`). */
  readonly trialsRecorded: number;
}

type ChildProcess = import('node:child_process').ChildProcess;

/**
 * Runs one study on several cores: starts `workers` Node child processes,
 * each importing `modulePath`, opening the shared `storage` and running
 * trials of the study `studyName` until it has `trials` finished trials —
 * Optuna's "run the same script in several processes on one storage", with
 * the processes started and watched for you (Node only).
 *
 * The module exports `objective(trial)` (or a default function), and
 * optionally `sampler(context)` and `pruner(context)` factories, where
 * `context` is `{ workerIndex, workers, studyName }`; the default sampler
 * is `tpeSampler({ seed: workerIndex })` (workers must not share a seed, or
 * their random startup trials coincide). A TypeScript module is loaded
 * through `tsx` (`execArgv`).
 *
 * Guarantees come from the storage: trial numbers are unique and contiguous,
 * an enqueued or retried trial runs once, the study stops at exactly
 * `trials` trials and a grid point runs once (with a study lock: the
 * journal and PostgreSQL have one). A worker that crashes does not stop the
 * others; with heartbeat options in `storage` and `retryFailedTrials`, its
 * running trial is failed after the grace period and run again by another
 * worker, and the others wait for that before they exit. Each recorded trial
 * reaches `onTrialComplete` here (over IPC).
 *
 * @param modulePath - The worker module's file (absolute, or relative to the current directory).
 * @param options - `workers`, `storage`, `studyName`, `trials`, `direction`, `retryFailedTrials`, `trialTimeoutMs`, `onTrialComplete`, `signal`, `stopTimeoutMs`, `execArgv`, `env`.
 * @returns When every worker has exited: how each ended and how many trials they recorded.
 * @throws {SearchError} bad options, a missing module; `runWorkers: every worker failed (worker 0 exited with code 1: …)` when none recorded a trial.
 * @example
 * // objective.ts: export const objective = (trial: Trial) => (trial.suggestFloat('x', -5, 5) - 2) ** 2;
 * const result = await runWorkers('objective.ts', {
 *   workers: 4, trials: 100, studyName: 'quadratic',
 *   storage: { journal: 'study.jsonl', heartbeatIntervalMs: 5000 },
 *   retryFailedTrials: { maxRetries: 1 },
 * });
 * result.workers.map((w) => w.exitCode);
 * // => [0, 0, 0, 0]
 */
export async function runWorkers(modulePath: string, options: RunWorkersOptions): Promise<RunWorkersResult> {
  const fn = 'runWorkers';
  if (typeof modulePath !== 'string' || modulePath === '') failSearch(fn, `modulePath is ${show(modulePath)}, expected a file path`);
  if (options === null || typeof options !== 'object') failSearch(fn, `options is ${show(options)}, expected { workers, storage, studyName, trials }`);
  const { workers, storage, studyName, trials, direction, retryFailedTrials, trialTimeoutMs, onTrialComplete, signal, stopTimeoutMs = 10_000, env = {} } = options;
  if (!(Number.isSafeInteger(workers) && workers >= 1)) failSearch(fn, `workers is ${show(workers)}, expected an integer >= 1`);
  if (!(Number.isSafeInteger(trials) && trials >= 0)) failSearch(fn, `trials is ${show(trials)}, expected an integer >= 0`);
  if (typeof studyName !== 'string' || studyName === '') failSearch(fn, `studyName is ${show(studyName)}, expected a non-empty string`);
  if (direction !== undefined && direction !== 'minimize' && direction !== 'maximize') failSearch(fn, `direction is ${show(direction)}, expected "minimize" or "maximize"`);
  if (!(typeof stopTimeoutMs === 'number' && stopTimeoutMs >= 0)) failSearch(fn, `stopTimeoutMs is ${show(stopTimeoutMs)}, expected a number >= 0`);
  if (typeof storage !== 'string' && (storage === null || typeof storage !== 'object')) failSearch(fn, `storage is ${show(storage)}, expected a journal path, a postgres:// URL or { journal } / { postgres }`);
  assertPlainDescriptor(storage, fn);

  let childProcess: typeof import('node:child_process');
  let path: typeof import('node:path');
  let fs: typeof import('node:fs');
  let url: typeof import('node:url');
  try {
    [childProcess, path, fs, url] = await Promise.all([import('node:child_process'), import('node:path'), import('node:fs'), import('node:url')]);
  } catch (e) {
    failSearch(fn, `needs Node's child processes (node:child_process), which this environment lacks (${(e as Error).message})`);
  }
  const absolute = path.resolve(modulePath);
  if (!fs.existsSync(absolute)) failSearch(fn, `modulePath ${JSON.stringify(modulePath)} does not exist (resolved to ${absolute})`);
  // A journal path is resolved here, so that workers started in another directory open the same file.
  const resolvedStorage: StorageDescriptor =
    typeof storage === 'string'
      ? /^postgres(ql)?:\/\//i.test(storage) ? storage : path.resolve(storage)
      : 'journal' in storage ? { ...storage, journal: path.resolve(storage.journal) } : storage;

  const child = childScript(path, url);
  const isTs = (p: string): boolean => /\.[mc]?ts$/.test(p);
  const execArgv = options.execArgv ?? (isTs(absolute) || isTs(child) ? ['--import', 'tsx'] : []);

  const exits: WorkerExit[] = [];
  let recorded = 0;
  if (signal?.aborted) return { workers: exits, trialsRecorded: 0 };
  const procs: ChildProcess[] = [];
  const ended = Array.from({ length: workers }, (_, worker) => {
    const config: WorkerConfig = { modulePath: absolute, workerIndex: worker, workers, storage: resolvedStorage, studyName, trials, direction, retryFailedTrials, trialTimeoutMs };
    const proc = childProcess.fork(child, [], {
      execArgv: [...execArgv],
      env: { ...process.env, ...env, TFJS_METHODOLOGY_WORKER: '1', TFJS_METHODOLOGY_WORKER_CONFIG: JSON.stringify(config) },
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
      serialization: 'advanced', // structured clone: a FrozenTrial's Map and infinite values cross intact
    });
    procs.push(proc);
    let stderr = '';
    proc.stderr?.setEncoding('utf8');
    proc.stderr?.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    proc.on('message', (m: WorkerMessage) => {
      if (m?.type !== 'trial') return;
      recorded++;
      onTrialComplete?.(m.trial, worker);
    });
    return new Promise<void>((resolve) => {
      let done = false;
      const finish = (exitCode: number | null, sig: string | null): void => {
        if (done) return;
        done = true;
        exits[worker] = { worker, pid: proc.pid, exitCode, signal: sig, stderr };
        resolve();
      };
      // 'close': the process has exited and its stderr is drained.
      proc.on('close', (code, sig) => finish(code, sig));
      proc.on('error', (e) => {
        stderr += `\n${e.message}`;
        finish(null, null);
      });
    });
  });

  const stop = (): void => {
    for (const p of procs) {
      if (p.exitCode !== null || p.signalCode !== null) continue;
      if (p.connected) p.send({ type: 'stop' });
      setTimeout(() => {
        if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
      }, stopTimeoutMs).unref();
    }
  };
  signal?.addEventListener('abort', stop);
  try {
    await Promise.all(ended);
  } finally {
    signal?.removeEventListener('abort', stop);
  }
  if (recorded === 0 && trials > 0 && !(signal?.aborted ?? false) && exits.every((e) => e.exitCode !== 0)) {
    const first = exits[0]!;
    const how = first.signal !== null ? `was killed by ${first.signal}` : `exited with code ${first.exitCode}`;
    failSearch(fn, `every worker failed (worker 0 ${how}${first.stderr.trim() ? `: ${first.stderr.trim().split('\n').slice(0, 8).join('\n')}` : ''})`);
  }
  return { workers: exits, trialsRecorded: recorded };
}

/** The worker program next to this file, with this file's extension (`.ts` from source, `.js`/`.cjs` when built). */
function childScript(path: typeof import('node:path'), url: typeof import('node:url')): string {
  const here = thisFile(url);
  const ext = path.extname(here);
  return path.join(path.dirname(here), `runWorkersChild${ext}`);
}

declare const __filename: string | undefined;

function thisFile(url: typeof import('node:url')): string {
  // CommonJS build: __filename; ESM build and source: import.meta.url.
  if (typeof __filename === 'string' && __filename !== '') return __filename;
  return url.fileURLToPath(import.meta.url);
}
