import { show } from '../core/fail';
import { failSearch, SearchError, TrialPruned } from './errors';
import { distributionFromJSON } from './distributions';
import { medianPruner } from './pruners/percentilePruner';
import { tpeSampler } from './samplers/tpe/tpeSampler';
import { inMemoryStorage } from './storages/inMemoryStorage';
import { Trial } from './Trial';
import type { TrialContext } from './Trial';
import type { Direction, Distribution, FrozenTrial, ParamValue, Pruner, Sampler, Storage, StudyView, TrialState } from './types';

/** Options of {@link createStudy}. */
export interface CreateStudyOptions {
  /** Whether smaller or larger objective values are better. Defaults to `'minimize'` (or, when loading, the stored direction). */
  readonly direction?: Direction;
  /** Proposes the parameters. Defaults to `tpeSampler()` (seed 0), as Optuna defaults to TPE. */
  readonly sampler?: Sampler;
  /** Stops unpromising trials early (only objectives that call `trial.shouldPrune()` or use `pruningCallback` are ever pruned). Defaults to `medianPruner()`, as Optuna. */
  readonly pruner?: Pruner;
  /** Where trials are kept. Defaults to a new `inMemoryStorage()`. */
  readonly storage?: Storage;
  /** The study's name within the storage. Defaults to the first unused `study-0`, `study-1`, … */
  readonly name?: string;
  /**
   * Load the study if the storage already has one with this name: to resume
   * it, or to join it as one of several workers sharing the storage (the
   * direction, if given, must be the stored one). Defaults to `false`.
   */
  readonly loadIfExists?: boolean;
  /**
   * Redo the trials of dead workers (Optuna's `RetryFailedTrialCallback`):
   * each trial that this study's heartbeat sweep fails (see
   * {@link Storage.failStaleTrials}; a storage opened with heartbeats) is
   * enqueued again with the same parameters, as a `waiting` trial with
   * system attributes `retriedFrom` (the failed trial's number) and
   * `retryHistory` (the numbers of the original and of every earlier retry,
   * oldest first), at most `maxRetries` times per original trial. Trials that
   * failed otherwise (the objective threw) are not retried. Defaults to no
   * retries.
   */
  readonly retryFailedTrials?: { readonly maxRetries: number };
}

/** The system attributes of a retried trial (see {@link CreateStudyOptions.retryFailedTrials}). */
export interface RetrySystemAttrs {
  /** The number of the failed trial this one redoes. */
  readonly retriedFrom: number;
  /** The original trial's number, then every retry's before this one: `retryHistory[0]` is the original. */
  readonly retryHistory: readonly number[];
}

/** What the objective returns or throws, as a trial's end: a value, or an explicit state. */
export type TellResult = number | { readonly state: 'complete'; readonly value: number } | { readonly state: 'pruned' | 'failed'; readonly value?: number; readonly error?: string };

/** Options of {@link Study.optimize}. */
export interface OptimizeOptions {
  /** How many trials this call runs (failed and pruned ones count). Defaults to no limit (then give `timeoutMs` or `signal`, or use an exhaustible sampler). */
  readonly trials?: number;
  /** No trial starts after this many milliseconds; running trials finish. Defaults to no limit. */
  readonly timeoutMs?: number;
  /** A trial still running after this many milliseconds is recorded as `failed` ("timed out"); only an async objective can be cut short. Defaults to no limit. */
  readonly trialTimeoutMs?: number;
  /** How many trials run at once (interleaved on this thread, for async objectives). Defaults to 1. */
  readonly concurrency?: number;
  /** Stops the study: no new trial starts, and running trials are recorded as `failed` ("aborted"). */
  readonly signal?: AbortSignal;
  /** Called after each trial is recorded, with its record and the study. */
  readonly onTrialComplete?: (trial: FrozenTrial, study: Study) => void | Promise<void>;
  /** Record a throwing objective as a `failed` trial and go on (`true`), or record it and rethrow after the running trials end (`false`). Defaults to `true`. */
  readonly catch?: boolean;
  /**
   * No new trial starts once the study — all workers sharing its storage —
   * has this many trials, a failed trial that was retried counting once with
   * its retries (Optuna's `MaxTrialsCallback`, made exact): with a storage
   * that has a study lock ({@link Storage.withStudyLock}), the count and the
   * trial's creation are one atomic step, so k workers each running
   * `optimize(objective, { maxStudyTrials: 100 })` stop at exactly 100
   * trials. Queued trials still start. Defaults to no limit.
   */
  readonly maxStudyTrials?: number;
}

/** The objective of {@link Study.optimize}: builds and evaluates a model from `trial`'s suggestions. */
export type Objective = (trial: Trial) => number | Promise<number>;

/** `study.toJSON()`: a study as plain JSON. Intermediate values are `[step, value]` pairs; an infinite value is written as the string `"Infinity"` or `"-Infinity"`. */
export interface StudyJSON {
  readonly format: 'tfjs-methodology/study';
  readonly version: 1;
  readonly name: string;
  readonly direction: Direction;
  readonly trials: readonly FrozenTrialJSON[];
}

/** A {@link FrozenTrial} in JSON. */
export type FrozenTrialJSON = Omit<FrozenTrial, 'intermediateValues' | 'value'> & {
  readonly value: number | string | undefined;
  readonly intermediateValues: readonly (readonly [number, number])[];
};

const FINISHED: readonly TrialState[] = ['complete', 'pruned', 'failed'];

/**
 * A hyperparameter search: a direction, a sampler, a pruner and a storage
 * holding its trials (Optuna's `Study`). Create it with {@link createStudy}
 * (or {@link loadStudy}); run it with `optimize`, or drive it with `ask` and
 * `tell`.
 *
 * `trials` is a snapshot of the storage, refreshed by `optimize`, `ask`,
 * `tell` and `await study.refresh()`; `bestTrial`, `bestValue` and
 * `bestParams` read that snapshot.
 */
export class Study implements StudyView {
  private snapshot: readonly FrozenTrial[] = [];
  private readonly live = new Map<number, Trial>();
  private readonly beats = new Map<number, ReturnType<typeof setInterval>>();
  private readonly ctx: TrialContext;
  /** @internal */ retryFailedTrials: { readonly maxRetries: number } | undefined;

  /** @internal Use {@link createStudy}. */
  constructor(
    readonly name: string,
    readonly direction: Direction,
    readonly storage: Storage,
    /** @internal */ readonly studyId: string,
    readonly sampler: Sampler,
    readonly pruner: Pruner,
  ) {
    this.ctx = { storage, studyId, sampler, pruner, view: () => this, refresh: () => this.refresh() };
  }

  /** The trials of the last snapshot, in order of number. */
  get trials(): readonly FrozenTrial[] {
    return this.snapshot;
  }

  /** The trials of the last snapshot, optionally only those in `states` (the {@link StudyView} samplers and pruners read). */
  getTrials(options: { states?: readonly TrialState[] } = {}): readonly FrozenTrial[] {
    const { states } = options;
    return states === undefined ? this.snapshot : this.snapshot.filter((t) => states.includes(t.state));
  }

  /** Reloads the snapshot from the storage (to see other processes' trials). */
  async refresh(): Promise<void> {
    this.snapshot = await this.storage.getAllTrials(this.studyId);
  }

  /**
   * The complete trial with the best value (the first one on ties).
   *
   * @throws {SearchError} `bestTrial: study "s" has no complete trial yet`.
   */
  get bestTrial(): FrozenTrial {
    let best: FrozenTrial | undefined;
    const better = this.direction === 'minimize' ? (a: number, b: number) => a < b : (a: number, b: number) => a > b;
    for (const t of this.snapshot) {
      if (t.state === 'complete' && t.value !== undefined && (best === undefined || better(t.value, best.value!))) best = t;
    }
    if (best === undefined) failSearch('bestTrial', `study ${JSON.stringify(this.name)} has no complete trial yet`);
    return best;
  }

  /** The best trial's value. @throws {SearchError} when no trial is complete. */
  get bestValue(): number {
    return this.bestTrial.value!;
  }

  /** The best trial's parameters. @throws {SearchError} when no trial is complete. */
  get bestParams(): Readonly<Record<string, ParamValue>> {
    return this.bestTrial.params;
  }

  /**
   * Starts a trial for a custom loop (ask-and-tell): the storage gives it the
   * next number, the sampler its relative sample.
   *
   * @returns A running {@link Trial}; finish it with {@link Study.tell}.
   * @throws {SearchError} `ask: the sampler is exhausted (every point of its grid has a trial)`.
   * @example
   * const trial = await study.ask();
   * const x = trial.suggestFloat('x', -10, 10);
   * await study.tell(trial, (x - 2) ** 2);
   */
  async ask(): Promise<Trial> {
    const trial = await this.askWith(new AbortController().signal);
    if (trial === undefined) failSearch('ask', 'the sampler is exhausted (every point of its grid has a trial)');
    return trial;
  }

  /**
   * Queues a trial with fixed parameters (a known-good configuration, a
   * default to compare with), run before any sampled trial: the next `ask`
   * (or trial of `optimize`) takes the oldest queued trial, and its
   * `suggest*` calls return these values (each must lie in the range asked
   * for); parameters not given are sampled. The queued trial is in
   * `study.trials` with state `waiting` until it starts. Several processes
   * sharing a storage each start a queued trial at most once.
   *
   * @param params - Parameter name → value.
   * @returns The queued trial's number.
   * @throws {SearchError} `enqueueTrial: params is null, expected an object of parameter values`.
   * @example
   * await study.enqueueTrial({ learningRate: 1e-3, units: 64 });
   * await study.optimize(objective, { trials: 20 }); // trial 0 uses lr 1e-3 and 64 units
   */
  async enqueueTrial(params: Readonly<Record<string, ParamValue>>): Promise<number> {
    if (params === null || typeof params !== 'object' || Array.isArray(params)) failSearch('enqueueTrial', `params is ${show(params)}, expected an object of parameter values`);
    const record = await this.locked(() => this.storage.createTrial(this.studyId, { state: 'waiting', params: { ...params } }));
    await this.refresh();
    return record.number;
  }

  /**
   * Runs the heartbeat sweep now (`optimize` and `ask` run it before each
   * trial): on a storage with heartbeats, fails the running trials whose
   * heartbeat is older than the grace period and, with `retryFailedTrials`,
   * queues each again. Without heartbeats it does nothing.
   *
   * @returns The trials this call failed (another worker's sweep may have failed others).
   * @example
   * const dead = await study.failStaleTrials();
   * dead.map((t) => t.error);
   * // => ['heartbeat lost: no heartbeat for 61234 ms (grace period 60000 ms)']
   */
  async failStaleTrials(): Promise<readonly FrozenTrial[]> {
    const failed = await this.sweep();
    await this.refresh();
    return failed;
  }

  /** Runs `fn` under the storage's study lock (see {@link Storage.withStudyLock}), or directly if it has none. */
  private locked<T>(fn: () => Promise<T>): Promise<T> {
    return this.storage.withStudyLock === undefined ? fn() : this.storage.withStudyLock(this.studyId, fn);
  }

  /**
   * Fails the trials of dead workers (a storage with heartbeats) and, with
   * `retryFailedTrials`, enqueues each again. The storage gives each stale
   * trial to exactly one sweeper, so exactly one retry is enqueued.
   */
  private async sweep(): Promise<readonly FrozenTrial[]> {
    const { storage, studyId } = this;
    if (storage.heartbeat === undefined || storage.failStaleTrials === undefined) return [];
    const failed = await storage.failStaleTrials(studyId);
    const maxRetries = this.retryFailedTrials?.maxRetries ?? 0;
    for (const t of failed) {
      const history = t.systemAttrs['retryHistory'];
      const retryHistory = [...(Array.isArray(history) ? (history as number[]) : []), t.number];
      // retryHistory lists the original and its retries: the new trial is retry number retryHistory.length.
      if (retryHistory.length > maxRetries) continue;
      const systemAttrs: RetrySystemAttrs = { retriedFrom: t.number, retryHistory };
      await this.locked(() => storage.createTrial(studyId, { state: 'waiting', params: { ...t.params }, systemAttrs: { ...systemAttrs } }));
    }
    return failed;
  }

  /** Records a heartbeat for a starting trial and every `intervalMs` until it is told (a storage with heartbeats). */
  private async startHeartbeat(number: number): Promise<void> {
    const { storage, studyId } = this;
    const hb = storage.heartbeat;
    const record = storage.recordHeartbeat?.bind(storage);
    if (hb === undefined || record === undefined) return;
    await record(studyId, number);
    const timer = setInterval(() => {
      // A failed heartbeat write is retried at the next tick; the sweep judges only the last one that landed.
      record(studyId, number).catch(() => undefined);
    }, hb.intervalMs);
    (timer as { unref?: () => void }).unref?.();
    this.beats.set(number, timer);
  }

  private stopHeartbeat(number: number): void {
    const timer = this.beats.get(number);
    if (timer !== undefined) clearInterval(timer);
    this.beats.delete(number);
  }

  /**
   * Starts the next trial: sweeps dead workers' trials, then, under the
   * storage's study lock, claims the oldest queued trial or creates one.
   * Returns `undefined` when nothing may start: `admit` refused a new trial,
   * or an exhaustible sampler has no point left and nothing is queued.
   *
   * An exhaustible sampler (one with `isExhausted`, e.g. `gridSampler`)
   * draws its relative sample under the lock for the trial about to be
   * created, and the trial is created with those parameters (as fixed
   * values, like an enqueued trial), so that the next worker to take the
   * lock sees the point as taken: no point runs twice across processes.
   */
  private async askWith(signal: AbortSignal, admit?: (trials: readonly FrozenTrial[]) => boolean): Promise<Trial | undefined> {
    await this.sweep();
    type Started = { record: FrozenTrial; ahead?: { space: Record<string, Distribution>; params: Record<string, ParamValue> }; error?: unknown };
    const started = await this.locked(async (): Promise<Started | undefined> => {
      await this.refresh();
      for (const w of this.getTrials({ states: ['waiting'] })) {
        if (await this.storage.setTrialState(this.studyId, w.number, 'running')) return { record: await this.storage.getTrial(this.studyId, w.number) };
      }
      if (admit !== undefined && !admit(this.snapshot)) return undefined;
      const exhaustible = this.sampler.isExhausted !== undefined;
      if (!exhaustible) return { record: await this.storage.createTrial(this.studyId) };
      if (this.sampler.isExhausted!(this)) return undefined;
      let ahead: Started['ahead'];
      try {
        ahead = this.sampleAhead();
      } catch (error) {
        return { record: await this.storage.createTrial(this.studyId), error };
      }
      return { record: await this.storage.createTrial(this.studyId, { params: ahead.params }), ahead };
    });
    if (started === undefined) return undefined;
    const { ahead } = started;
    // A point drawn ahead is stored with the trial (for other workers to see) but reaches the objective as the
    // sampler's relative sample, not as fixed values: the trial replays it through a sampler that returns it.
    const trial =
      ahead === undefined
        ? new Trial(this.ctx, started.record, signal)
        : new Trial({ ...this.ctx, sampler: replaying(this.sampler, ahead.space, ahead.params) }, { ...started.record, params: {} }, signal);
    this.live.set(trial.number, trial);
    try {
      if (started.error !== undefined) throw started.error;
      await this.startHeartbeat(trial.number);
      await this.refresh();
      trial.startRelative();
    } catch (e) {
      // The trial exists in the storage: record why it could not start rather than leave it running.
      await this.tell(trial, { state: 'failed', error: errorMessage(e) });
      throw e;
    }
    return trial;
  }

  /** The relative sample of the trial about to be created (number = the snapshot's length, exact under the study lock). */
  private sampleAhead(): { space: Record<string, Distribution>; params: Record<string, ParamValue> } {
    const next: FrozenTrial = Object.freeze({
      number: this.snapshot.length,
      state: 'running',
      params: {},
      distributions: {},
      value: undefined,
      intermediateValues: new Map<number, number>(),
      datetimeStart: Date.now(),
      datetimeComplete: undefined,
      durationMs: undefined,
      error: undefined,
      userAttrs: {},
      systemAttrs: {},
    });
    this.sampler.beforeTrial?.(this, next);
    const space = this.sampler.inferRelativeSearchSpace(this, next);
    return { space, params: Object.keys(space).length > 0 ? { ...this.sampler.sampleRelative(this, next, space) } : {} };
  }

  /**
   * Finishes a trial started by {@link Study.ask} (or by another process, by
   * number): a number makes it `complete` (NaN makes it `failed`, "objective
   * returned NaN"); `{ state: 'pruned' }` records it as pruned with its last
   * reported value; `{ state: 'failed', error }` as failed.
   *
   * @param trial - The trial or its number.
   * @param result - The objective's value, or the state to record.
   * @returns The trial's finished record.
   * @throws {SearchError} `tell: trial 3 is already finished`; a bad result.
   * @example
   * await study.tell(trial, { state: 'pruned' });
   */
  async tell(trial: Trial | number, result: TellResult): Promise<FrozenTrial> {
    const number = typeof trial === 'number' ? trial : trial.number;
    const live = typeof trial === 'number' ? this.live.get(trial) : trial;
    let state: TrialState;
    let value: number | undefined;
    let error: string | undefined;
    if (typeof result === 'number') {
      if (Number.isNaN(result)) [state, error] = ['failed', 'objective returned NaN'];
      else [state, value] = ['complete', result];
    } else if (result !== null && typeof result === 'object' && FINISHED.includes(result.state)) {
      state = result.state;
      value = result.value;
      error = 'error' in result ? result.error : undefined;
      if (state === 'complete' && !(typeof value === 'number' && !Number.isNaN(value))) failSearch('tell', `value is ${show(value)}, expected a number`);
      if (state === 'pruned' && value === undefined) value = live?.lastReported();
      if (state === 'failed') {
        value = undefined;
        error ??= 'failed';
      }
    } else {
      failSearch('tell', `result is ${show(result)}, expected a number or { state: 'complete' | 'pruned' | 'failed' }`);
    }
    if (live !== undefined) {
      if (live.finished) failSearch('tell', `trial ${number} is already finished`);
      live.finished = true;
      try {
        await live.flush();
      } catch (e) {
        [state, value, error] = ['failed', undefined, `storage write failed: ${errorMessage(e)}`];
      }
      this.sampler.afterTrial?.(this, live.toFrozen(), state, value);
    }
    let ok: boolean;
    try {
      ok = await this.storage.setTrialState(this.studyId, number, state, { value, error });
    } finally {
      this.stopHeartbeat(number);
      this.live.delete(number);
    }
    await this.refresh();
    const stored = this.snapshot[number] ?? (await this.storage.getTrial(this.studyId, number));
    if (!ok) {
      const told = state === 'complete' ? `value ${value}` : `state ${state}`;
      const why = stored.error !== undefined ? ` (${stored.error})` : '';
      const err = new SearchError(`tell: trial ${number} is already finished as ${stored.state}${why}; its result (${told}) is discarded and the stored record is kept`);
      (err as LateTell).lateTell = stored;
      throw err;
    }
    return stored;
  }

  /**
   * Runs trials: each asks the sampler for parameters through
   * `trial.suggest*`, evaluates `objective(trial)` and records the result.
   * A trial whose objective throws, returns NaN or something not a number,
   * or exceeds `trialTimeoutMs`, is recorded as `failed` with the reason in
   * its `error` and the study goes on (unless `catch: false`); one that
   * throws {@link TrialPruned} is recorded as `pruned`.
   *
   * @param objective - `(trial) => number | Promise<number>`.
   * @param options - `trials`, `timeoutMs`, `trialTimeoutMs`, `concurrency`, `signal`, `onTrialComplete`, `catch`, `maxStudyTrials`.
   * @returns When no more trials are to start and the running ones are recorded.
   * @throws {SearchError} bad options; with `catch: false`, the objective's error.
   * @example
   * const study = await createStudy({ sampler: randomSampler({ seed: 3 }) });
   * await study.optimize((t) => (t.suggestFloat('x', -10, 10) - 2) ** 2, { trials: 50 });
   * study.trials.length;
   * // => 50
   */
  async optimize(objective: Objective, options: OptimizeOptions = {}): Promise<void> {
    const fn = 'optimize';
    if (typeof objective !== 'function') failSearch(fn, `objective is ${show(objective)}, expected a function`);
    const { trials, timeoutMs, trialTimeoutMs, concurrency = 1, signal, onTrialComplete, catch: catchErrors = true, maxStudyTrials } = options;
    if (trials !== undefined && !(Number.isSafeInteger(trials) && trials >= 0)) failSearch(fn, `trials is ${show(trials)}, expected an integer >= 0`);
    if (maxStudyTrials !== undefined && !(Number.isSafeInteger(maxStudyTrials) && maxStudyTrials >= 0)) failSearch(fn, `maxStudyTrials is ${show(maxStudyTrials)}, expected an integer >= 0`);
    const admit = maxStudyTrials === undefined ? undefined : (all: readonly FrozenTrial[]): boolean => countedTrials(all) < maxStudyTrials;
    for (const [k, v] of [['timeoutMs', timeoutMs], ['trialTimeoutMs', trialTimeoutMs]] as const) {
      if (v !== undefined && !(typeof v === 'number' && v > 0)) failSearch(fn, `${k} is ${show(v)}, expected a number > 0`);
    }
    if (!(Number.isSafeInteger(concurrency) && concurrency >= 1)) failSearch(fn, `concurrency is ${show(concurrency)}, expected an integer >= 1`);
    if (trials === undefined && timeoutMs === undefined && signal === undefined && maxStudyTrials === undefined && this.sampler.isExhausted === undefined) {
      failSearch(fn, 'no stopping rule: give trials, timeoutMs, maxStudyTrials or signal');
    }
    const start = Date.now();
    let started = 0;
    let stopped = false;
    let stopError: { e: unknown } | undefined;
    await this.refresh();
    const canStart = (): boolean =>
      !stopped &&
      (trials === undefined || started < trials) &&
      (timeoutMs === undefined || Date.now() - start < timeoutMs) &&
      !(signal?.aborted ?? false) &&
      // queued trials (a retry, an enqueued point) still run when the sampler has nothing left
      !((this.sampler.isExhausted?.(this) ?? false) && !this.snapshot.some((t) => t.state === 'waiting'));

    const runOne = async (): Promise<void> => {
      const controller = new AbortController();
      let reason: string | undefined;
      const abort = (why: string): void => {
        reason ??= why;
        controller.abort();
      };
      const onSignal = (): void => abort('aborted');
      signal?.addEventListener('abort', onSignal);
      const timer = trialTimeoutMs === undefined ? undefined : setTimeout(() => abort(`timed out after ${trialTimeoutMs} ms`), trialTimeoutMs);
      let result: TellResult;
      let trial: Trial | undefined;
      try {
        trial = await this.askWith(controller.signal, admit);
        if (trial === undefined) {
          // Nothing may start (the study is full or the grid is taken): this call is done.
          stopped = true;
          started--;
          return;
        }
        const out = objective(trial);
        let value: unknown = out;
        if (isThenable(out)) {
          out.then(undefined, () => undefined); // a late rejection after a timeout is not unhandled
          value = await new Promise((resolve, reject) => {
            if (controller.signal.aborted) reject(new AbortedTrial());
            controller.signal.addEventListener('abort', () => reject(new AbortedTrial()));
            out.then(resolve, reject);
          });
        }
        if (trial.prunedByCallback) result = { state: 'pruned' };
        else if (typeof value !== 'number') result = { state: 'failed', error: `objective returned ${show(value)}, expected a number` };
        else result = value;
      } catch (e) {
        if (trial === undefined) throw e; // the storage or the sampler failed: not a trial's failure
        if (e instanceof TrialPruned || (e instanceof Error && e.name === 'TrialPruned') || trial.prunedByCallback) result = { state: 'pruned' };
        else if (e instanceof AbortedTrial) result = { state: 'failed', error: reason ?? 'aborted' };
        else {
          result = { state: 'failed', error: errorMessage(e) };
          if (!catchErrors) {
            stopped = true;
            stopError ??= { e };
          }
        }
      } finally {
        if (timer !== undefined) clearTimeout(timer);
        signal?.removeEventListener('abort', onSignal);
      }
      let frozen: FrozenTrial;
      try {
        frozen = await this.tell(trial, result);
      } catch (e) {
        // Another worker's heartbeat sweep failed this trial while it ran (this process stalled past the
        // grace period): its result is discarded, the stored record stands, and the study goes on.
        const stored = (e as LateTell).lateTell;
        if (stored === undefined || this.storage.heartbeat === undefined) throw e;
        frozen = stored;
      }
      await onTrialComplete?.(frozen, this);
    };

    const worker = async (): Promise<void> => {
      while (canStart()) {
        started++;
        try {
          await runOne();
        } catch (e) {
          stopped = true;
          stopError ??= { e };
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    if (stopError !== undefined) throw stopError.e;
  }

  /**
   * The study as plain JSON (name, direction, every trial), for
   * `JSON.stringify` and {@link loadStudy}.
   *
   * @returns A {@link StudyJSON}.
   * @example
   * JSON.parse(JSON.stringify(study.toJSON())).trials.length === study.trials.length;
   * // => true
   */
  toJSON(): StudyJSON {
    return {
      format: 'tfjs-methodology/study',
      version: 1,
      name: this.name,
      direction: this.direction,
      trials: this.snapshot.map((t) => ({
        ...t,
        value: t.value !== undefined && !Number.isFinite(t.value) ? String(t.value) : t.value,
        intermediateValues: [...t.intermediateValues],
      })),
    };
  }
}

/**
 * The trials that count toward `maxStudyTrials`: every trial except a failed
 * one that was retried (its retry stands for it).
 */
function countedTrials(trials: readonly FrozenTrial[]): number {
  const retried = new Set<number>();
  for (const t of trials) {
    const from = t.systemAttrs['retriedFrom'];
    if (typeof from === 'number') retried.add(from);
  }
  let n = 0;
  for (const t of trials) if (!(t.state === 'failed' && retried.has(t.number))) n++;
  return n;
}

/** The sampler as a trial whose relative sample was drawn ahead sees it: that sample, then the sampler itself. */
function replaying(sampler: Sampler, space: Record<string, Distribution>, params: Record<string, ParamValue>): Sampler {
  return {
    inferRelativeSearchSpace: () => space,
    sampleRelative: () => params,
    sampleIndependent: (study, trial, name, distribution) => sampler.sampleIndependent(study, trial, name, distribution),
  };
}

/** Internal marker: the trial's signal fired. */
class AbortedTrial extends Error {}

/** A `tell` rejected because the trial was already finished: carries the stored record. Internal. */
type LateTell = SearchError & { lateTell?: FrozenTrial };

function isThenable(x: unknown): x is PromiseLike<unknown> {
  return x !== null && (typeof x === 'object' || typeof x === 'function') && typeof (x as { then?: unknown }).then === 'function';
}

/** The text recorded as a failed trial's `error`. */
function errorMessage(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

async function openStudy(options: CreateStudyOptions, fn: string): Promise<Study> {
  const { direction, sampler = tpeSampler(), pruner = medianPruner(), storage = inMemoryStorage(), name, loadIfExists = false, retryFailedTrials } = options;
  if (retryFailedTrials !== undefined) {
    const m = (retryFailedTrials as { maxRetries?: unknown } | null)?.maxRetries;
    if (!(typeof m === 'number' && Number.isSafeInteger(m) && m >= 0)) failSearch(fn, `retryFailedTrials.maxRetries is ${show(m)}, expected an integer >= 0`);
  }
  if (direction !== undefined && direction !== 'minimize' && direction !== 'maximize') {
    failSearch(fn, `direction is ${show(direction)}, expected "minimize" or "maximize"`);
  }
  if (name !== undefined && (typeof name !== 'string' || name === '')) failSearch(fn, `name is ${show(name)}, expected a non-empty string`);
  let studyName = name;
  if (studyName === undefined) {
    const taken = new Set((await storage.listStudies()).map((s) => s.name));
    let i = 0;
    while (taken.has(`study-${i}`)) i++;
    studyName = `study-${i}`;
  }
  let studyId = await storage.getStudyId(studyName);
  if (studyId === undefined) {
    try {
      studyId = await storage.createStudy(studyName, direction ?? 'minimize');
    } catch (e) {
      // Another process created it between our look-up and our write.
      studyId = loadIfExists && e instanceof SearchError ? await storage.getStudyId(studyName) : undefined;
      if (studyId === undefined) throw e;
    }
  } else if (!loadIfExists) {
    failSearch(fn, `a study named ${JSON.stringify(studyName)} already exists (pass loadIfExists: true to resume it)`);
  }
  const stored = await storage.getStudyDirection(studyId);
  if (direction !== undefined && direction !== stored) {
    failSearch(fn, `study ${JSON.stringify(studyName)} is stored with direction ${JSON.stringify(stored)}, not ${JSON.stringify(direction)}`);
  }
  const study = new Study(studyName, stored, storage, studyId, sampler, pruner);
  study.retryFailedTrials = retryFailedTrials && { maxRetries: retryFailedTrials.maxRetries };
  await study.refresh();
  return study;
}

/**
 * Creates a study, or with `loadIfExists` loads (resumes) the one of that
 * name in the storage. Async for every storage, since a file or a database
 * may back it.
 *
 * @param options - `direction`, `sampler`, `pruner`, `storage`, `name`, `loadIfExists`, `retryFailedTrials`.
 * @returns The {@link Study}, its snapshot loaded.
 * @throws {SearchError} `createStudy: a study named "s" already exists (pass loadIfExists: true to resume it)`;
 *   `createStudy: study "s" is stored with direction "minimize", not "maximize"`.
 * @example
 * const study = await createStudy({ direction: 'maximize', sampler: randomSampler({ seed: 1 }) });
 * study.direction;
 * // => 'maximize'
 */
export async function createStudy(options: CreateStudyOptions = {}): Promise<Study> {
  return openStudy(options, 'createStudy');
}

/** Options of {@link loadStudy}: the live parts JSON cannot hold. */
export interface LoadStudyOptions {
  /** Defaults to `tpeSampler()` (seed 0). */
  readonly sampler?: Sampler;
  /** Defaults to `medianPruner()`. */
  readonly pruner?: Pruner;
  /** Where to put the loaded study. Defaults to a new `inMemoryStorage()`. */
  readonly storage?: Storage;
}

/**
 * Rebuilds a study from `study.toJSON()` (or its `JSON.stringify` text):
 * same name, direction and trials (numbers, states, parameters,
 * distributions, values, intermediate values, times, attributes), with the
 * given sampler and pruner, in a new storage. A trial that was `running`
 * when saved is loaded as `failed` ("running when the study was saved"),
 * since nothing will finish it; a queued (`waiting`) one stays queued.
 *
 * @param json - A {@link StudyJSON} or its text.
 * @param options - `sampler`, `pruner`, `storage`.
 * @returns The {@link Study}.
 * @throws {SearchError} `loadStudy: json.format is "x", expected "tfjs-methodology/study"`; a bad trial.
 * @example
 * const copy = await loadStudy(JSON.stringify(study.toJSON()), { sampler: randomSampler({ seed: 1 }) });
 * copy.bestValue === study.bestValue;
 * // => true
 */
export async function loadStudy(json: StudyJSON | string, options: LoadStudyOptions = {}): Promise<Study> {
  const fn = 'loadStudy';
  let data: StudyJSON;
  try {
    data = typeof json === 'string' ? (JSON.parse(json) as StudyJSON) : json;
  } catch (e) {
    failSearch(fn, `json is not valid JSON (${errorMessage(e)})`);
  }
  if (data === null || typeof data !== 'object') failSearch(fn, `json is ${show(data)}, expected a study`);
  if (data.format !== 'tfjs-methodology/study') failSearch(fn, `json.format is ${show(data.format)}, expected "tfjs-methodology/study"`);
  if (data.version !== 1) failSearch(fn, `json.version is ${show(data.version)}, expected 1`);
  if (!Array.isArray(data.trials)) failSearch(fn, `json.trials is ${show(data.trials)}, expected an array`);
  const storage = options.storage ?? inMemoryStorage();
  const studyId = await storage.createStudy(data.name, data.direction);
  for (let i = 0; i < data.trials.length; i++) {
    const t = data.trials[i]!;
    if (t.number !== i) failSearch(fn, `json.trials[${i}].number is ${show(t.number)}, expected ${i}`);
    const unfinished = t.state === 'running';
    const distributions: Record<string, ReturnType<typeof distributionFromJSON>> = {};
    for (const [k, d] of Object.entries(t.distributions ?? {})) distributions[k] = distributionFromJSON(d, fn);
    await storage.createTrial(studyId, {
      state: unfinished ? 'failed' : t.state,
      params: t.params,
      distributions,
      value: typeof t.value === 'string' ? Number(t.value) : t.value,
      intermediateValues: new Map(t.intermediateValues as [number, number][]),
      datetimeStart: t.datetimeStart,
      datetimeComplete: unfinished ? t.datetimeStart : t.datetimeComplete,
      error: unfinished ? 'running when the study was saved' : t.error,
      userAttrs: t.userAttrs,
      systemAttrs: t.systemAttrs,
    });
  }
  return openStudy({ name: data.name, storage, loadIfExists: true, sampler: options.sampler, pruner: options.pruner }, fn);
}
