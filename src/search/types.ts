/**
 * The data types and interfaces of the search module, after Optuna's
 * (`BaseSampler`, `BasePruner`, `BaseStorage`, `FrozenTrial`, `TrialState`).
 *
 * Reference: T. Akiba, S. Sano, T. Yanase, T. Ohta, M. Koyama (2019),
 * "Optuna: A Next-generation Hyperparameter Optimization Framework", KDD.
 */

/** A hyperparameter's value: what `suggest*` returns and `trial.params` holds. */
export type ParamValue = number | string | boolean | null;

/**
 * The range a hyperparameter is drawn from.
 *
 * - `float`: a real number in `[low, high]`; with `log`, sampled uniformly in
 *   `log(x)` (both bounds > 0); with `step`, one of `low, low + step, …` up to
 *   `high` (`step` and `log` exclude each other).
 * - `int`: an integer in `[low, high]` on the grid `low + k·step`; with `log`
 *   (step 1 only, `low >= 1`), sampled uniformly in `log(x)`.
 * - `categorical`: one of `choices` (numbers, strings, booleans or null);
 *   samplers treat choices as unordered.
 *
 * Build them with `floatDistribution`, `intDistribution` and
 * `categoricalDistribution`, which validate.
 */
export type Distribution =
  | { readonly type: 'float'; readonly low: number; readonly high: number; readonly log: boolean; readonly step?: number }
  | { readonly type: 'int'; readonly low: number; readonly high: number; readonly log: boolean; readonly step: number }
  | { readonly type: 'categorical'; readonly choices: readonly ParamValue[] };

/**
 * The life of a trial: `waiting` (enqueued, not started), `running`, and the
 * finished states `complete` (has a value), `pruned` (stopped early by a
 * pruner; its value, if any, is its last reported intermediate value) and
 * `failed` (threw, returned NaN, or timed out; `error` says why).
 */
export type TrialState = 'running' | 'complete' | 'pruned' | 'failed' | 'waiting';

/** The trial states that are final: a finished trial never changes again. */
export const FINISHED_STATES: readonly TrialState[] = ['complete', 'pruned', 'failed'];

/**
 * The immutable record of a trial, as stored and as samplers and pruners see
 * it (Optuna's `FrozenTrial`). `Trial` is the live object an objective uses.
 *
 * `intermediateValues` maps a step to the value reported at that step; in
 * JSON it is written as an array of `[step, value]` pairs. Times are epoch
 * milliseconds.
 */
export interface FrozenTrial {
  /** 0, 1, 2, … in order of creation within the study; unique and contiguous. */
  readonly number: number;
  readonly state: TrialState;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly distributions: Readonly<Record<string, Distribution>>;
  /** The objective's value for a `complete` trial (the last reported one for `pruned`), else `undefined`. */
  readonly value: number | undefined;
  readonly intermediateValues: ReadonlyMap<number, number>;
  readonly datetimeStart: number | undefined;
  readonly datetimeComplete: number | undefined;
  readonly durationMs: number | undefined;
  /** Why a `failed` trial failed (the error's message, or `returned NaN`, `timed out after …`). */
  readonly error: string | undefined;
  readonly userAttrs: Readonly<Record<string, unknown>>;
  readonly systemAttrs: Readonly<Record<string, unknown>>;
}

/** Whether the objective is minimised or maximised. */
export type Direction = 'minimize' | 'maximize';

/**
 * What samplers and pruners see of a study: its direction, name, and a
 * snapshot of its trials (read synchronously; the study refreshes it from
 * the storage before each trial).
 */
export interface StudyView {
  readonly direction: Direction;
  readonly name: string;
  /** The trials of the snapshot in order of number, optionally only those in `states`. */
  getTrials(options?: { states?: readonly TrialState[] }): readonly FrozenTrial[];
}

/**
 * Proposes parameter values (Optuna's `BaseSampler`). For each trial the study
 * calls `inferRelativeSearchSpace` and `sampleRelative` once, before the
 * objective runs, for the parameters a model-based sampler wants to sample
 * jointly; every parameter the objective asks that is not in the relative
 * sample is drawn by `sampleIndependent`. A sampler must be deterministic
 * given its seed and the sequence of trials it sees, ignore `failed` trials,
 * and treat `running` trials as pending (e.g. with a constant liar) so that
 * concurrent trials do not get the same point.
 */
export interface Sampler {
  /** The parameters to sample jointly for `trial` (e.g. those every finished trial has), as name → distribution; `{}` for an independent sampler. */
  inferRelativeSearchSpace(study: StudyView, trial: FrozenTrial): Record<string, Distribution>;
  /** Values for the parameters of `searchSpace`, drawn together from the study's trials; the objective's `suggest*` returns each one that fits the range it asks. */
  sampleRelative(study: StudyView, trial: FrozenTrial, searchSpace: Record<string, Distribution>): Record<string, ParamValue>;
  /** A value for one parameter the relative sample does not cover, drawn within `distribution`. */
  sampleIndependent(study: StudyView, trial: FrozenTrial, name: string, distribution: Distribution): ParamValue;
  /** Called once when a trial starts, before any sampling for it. */
  beforeTrial?(study: StudyView, trial: FrozenTrial): void;
  /** Called once when a trial ends, with its final state and value, before the storage records it. */
  afterTrial?(study: StudyView, trial: FrozenTrial, state: TrialState, value: number | undefined): void;
  /** True when the sampler has nothing left to propose (an exhausted grid); `optimize` then stops. */
  isExhausted?(study: StudyView): boolean;
}

/**
 * Decides whether a running trial should stop early (Optuna's `BasePruner`),
 * from its intermediate values and those of the study's other trials.
 * `trial` is the running trial's current record, with its latest report.
 */
export interface Pruner {
  /** True when `trial` should stop now (the objective then throws `TrialPruned`), judged from its last report and the study's other trials. */
  prune(study: StudyView, trial: FrozenTrial): boolean;
}

/**
 * A study as a storage lists it (what `npx tfjs-methodology study list`
 * prints, like Optuna's `get_all_study_summaries`).
 */
export interface StudySummary {
  readonly studyId: string;
  readonly name: string;
  readonly direction: Direction;
  /** Every trial of the study, whatever its state (the sum of `trialCounts`). */
  readonly nTrials: number;
  /** How many of the study's trials are in each state; every state is a key (0 when none). */
  readonly trialCounts: Readonly<Record<TrialState, number>>;
  /**
   * The best value among the study's `complete` trials in its direction (the
   * smallest when minimising, the largest when maximising), or `undefined`
   * when no trial is complete. Pruned and failed trials never count.
   */
  readonly bestValue: number | undefined;
  readonly datetimeStart: number | undefined;
}

/**
 * The heartbeat settings of a storage opened with heartbeats (Optuna's
 * `heartbeat_interval` and `grace_period`), as {@link Storage.heartbeat}.
 */
export interface HeartbeatSettings {
  /** How often a running trial's worker records that it is alive, in milliseconds. */
  readonly intervalMs: number;
  /**
   * How long after its last heartbeat a `running` trial is taken for dead
   * and may be failed by {@link Storage.failStaleTrials}, in milliseconds.
   * Larger than `intervalMs` (Optuna's default is twice the interval), with
   * room for a worker that is busy on a long synchronous step.
   */
  readonly gracePeriodMs: number;
}

/** The final fields of a trial, written by {@link Storage.setTrialState}. */
export interface TrialFinish {
  readonly value?: number;
  readonly error?: string;
  /** Epoch ms; defaults to the storage's clock. */
  readonly datetimeComplete?: number;
}

/** Fields a new trial may start with (an enqueued `waiting` trial, an imported one). */
export interface TrialTemplate {
  readonly state?: TrialState;
  readonly params?: Readonly<Record<string, ParamValue>>;
  readonly distributions?: Readonly<Record<string, Distribution>>;
  readonly value?: number;
  readonly intermediateValues?: ReadonlyMap<number, number>;
  readonly datetimeStart?: number;
  readonly datetimeComplete?: number;
  readonly error?: string;
  readonly userAttrs?: Readonly<Record<string, unknown>>;
  readonly systemAttrs?: Readonly<Record<string, unknown>>;
}

/**
 * Where studies and trials live (Optuna's `BaseStorage`). Every method is
 * async so that a file or a database can back it, and every write is one
 * atomic event: several processes may share one storage, so a trial's number
 * is assigned by the storage (`createTrial`), and only one writer can finish
 * a trial (`setTrialState` returns `false` if it was already finished).
 * Writes to a finished trial throw a {@link SearchError}. Reads return
 * immutable {@link FrozenTrial} records.
 *
 * Implementations: `inMemoryStorage()` (the default) and
 * `journalFileStorage(path)` (Node; append-only JSON lines, fsync'd).
 */
export interface Storage {
  /** Creates a study; throws a `SearchError` if the name is taken. Returns its id. */
  createStudy(name: string, direction: Direction): Promise<string>;
  /** The id of the study with this name, or `undefined`. */
  getStudyId(name: string): Promise<string | undefined>;
  /** The study's direction; throws a `SearchError` for an unknown id. */
  getStudyDirection(studyId: string): Promise<Direction>;
  /** Every study, with its trial counts and best value. */
  listStudies(): Promise<readonly StudySummary[]>;
  /** Deletes the study and its trials; throws a `SearchError` for an unknown id. */
  deleteStudy(studyId: string): Promise<void>;
  /** Creates a trial with the next number (atomically); `running` unless the template says otherwise. */
  createTrial(studyId: string, template?: TrialTemplate): Promise<FrozenTrial>;
  /** Records a parameter's value and distribution; the same name with another distribution throws a `SearchError`. */
  setTrialParam(studyId: string, number: number, name: string, distribution: Distribution, value: ParamValue): Promise<void>;
  /** Records the value reported at `step`; a step already reported keeps its first value. */
  setTrialIntermediateValue(studyId: string, number: number, step: number, value: number): Promise<void>;
  /** Sets a user attribute (plain JSON). */
  setTrialUserAttr(studyId: string, number: number, key: string, value: unknown): Promise<void>;
  /** Sets a system attribute (plain JSON; the library's own, e.g. `retriedFrom`). */
  setTrialSystemAttr(studyId: string, number: number, key: string, value: unknown): Promise<void>;
  /**
   * Moves a trial to `state`; for a finished state also records `value`,
   * `error` and the completion time. Returns `false`, changing nothing, if
   * the trial was already finished (another worker or a late `tell` won),
   * or if `state` is `running` and the trial already runs (another worker
   * claimed the enqueued trial first).
   */
  setTrialState(studyId: string, number: number, state: TrialState, finish?: TrialFinish): Promise<boolean>;
  /** The trial's current record; throws a `SearchError` for an unknown study or trial. */
  getTrial(studyId: string, number: number): Promise<FrozenTrial>;
  /** The study's trials in order of number, optionally only those in `states`. */
  getAllTrials(studyId: string, states?: readonly TrialState[]): Promise<readonly FrozenTrial[]>;
  /** Releases files or connections. */
  close?(): Promise<void>;
  /**
   * Present when the storage was opened with heartbeats (e.g.
   * `journalFileStorage(path, { heartbeatIntervalMs })`,
   * `postgresStorage(url, { heartbeatIntervalMs })`); then it also has
   * {@link Storage.recordHeartbeat} and {@link Storage.failStaleTrials}, and
   * a study records a heartbeat for each of its running trials every
   * `intervalMs` and sweeps stale trials before starting each trial.
   */
  readonly heartbeat?: HeartbeatSettings;
  /**
   * Records that trial `number` is alive now, on the storage's clock (the
   * writer's `Date.now()` for a journal, the server's `now()` for a
   * database). Only the latest heartbeat of a trial matters. A heartbeat for
   * a trial that is not `running` changes nothing and does not throw (it
   * races with the trial's own end).
   *
   * @param studyId - The study's id.
   * @param number - The trial's number.
   */
  recordHeartbeat?(studyId: string, number: number): Promise<void>;
  /**
   * Fails the study's dead trials, atomically: every `running` trial that
   * HAS a heartbeat (trials never given one are left alone: their worker may
   * not use heartbeats) whose latest heartbeat is older than
   * `heartbeat.gracePeriodMs` on the storage's clock becomes `failed`, with
   * `datetimeComplete` now and `error` exactly
   * `heartbeat lost: no heartbeat for <age> ms (grace period <grace> ms)`
   * (e.g. `heartbeat lost: no heartbeat for 61234 ms (grace period 60000 ms)`;
   * `<age>` is a whole number of milliseconds). Each stale trial is failed by
   * exactly one call, even when many workers sweep at once, and only the
   * trials THIS call failed are returned, so exactly one sweeper sees (and
   * may retry) each of them. A trial's late `setTrialState` after the sweep
   * returns `false` and changes nothing.
   *
   * @param studyId - The study's id.
   * @returns The trials this call failed, in order of number, as now stored (state `failed`).
   */
  failStaleTrials?(studyId: string): Promise<readonly FrozenTrial[]>;
  /**
   * Runs `fn` while holding the study's lock, exclusive across every process
   * sharing the storage (a lock file for the journal, an advisory lock for
   * PostgreSQL, a promise chain in memory), and releases it when `fn`
   * settles, also when it throws. A study takes it around "read the trials,
   * then create or claim a trial": so a check of the study's trial count and
   * the trial's creation are one step (`runWorkers` stops at exactly
   * `trials`), and an exhaustible sampler (`gridSampler`) draws its point and
   * stores it with the new trial before another worker reads the trials (no
   * grid point runs twice). `fn` may call the storage's other methods (their
   * own atomicity is separate: no deadlock). Optional: without it those two
   * guarantees hold within one process only.
   *
   * @param studyId - The study's id.
   * @param fn - The work to do under the lock; keep it short (milliseconds).
   * @returns What `fn` returns.
   */
  withStudyLock?<T>(studyId: string, fn: () => Promise<T>): Promise<T>;
}
