import { readHeartbeatOptions } from './heartbeatOptions';
import type { HeartbeatOptions } from './heartbeatOptions';
import { JournalModel } from './journalModel';
import type { JournalEvent } from './journalModel';
import type { Direction, Distribution, FrozenTrial, HeartbeatSettings, ParamValue, Storage, StudySummary, TrialFinish, TrialState, TrialTemplate } from '../types';

/** Options of {@link inMemoryStorage}. */
export type InMemoryStorageOptions = HeartbeatOptions;

/**
 * A storage that keeps studies in this process's memory (the default of
 * `createStudy`). Lost when the process ends; save a study with
 * `study.toJSON()` or use `journalFileStorage(path)` to keep it.
 *
 * Every write is one event applied to the same replayed model as the journal
 * file storage, so both behave identically (trial numbers 0, 1, 2, … per
 * study; the first `setTrialState` that finishes a trial wins and later ones
 * return `false`; writes to a finished trial throw a `SearchError`).
 * With `heartbeatIntervalMs` it has the heartbeat members of {@link Storage}
 * (on this process's `Date.now()`), which is how the heartbeat and retry
 * logic of a study is tested without files or processes.
 *
 * @param options - `heartbeatIntervalMs`, `gracePeriodMs` (defaults to no heartbeats).
 * @returns A new, empty {@link Storage}.
 * @throws {SearchError} a bad heartbeat option (`inMemoryStorage: heartbeatIntervalMs is 0, expected a finite number > 0 and <= 2147483647`).
 * @example
 * const storage = inMemoryStorage();
 * const id = await storage.createStudy('s', 'minimize');
 * (await storage.createTrial(id)).number;
 * // => 0
 */
export function inMemoryStorage(options: InMemoryStorageOptions = {}): Storage {
  const heartbeat = readHeartbeatOptions(options ?? {}, 'inMemoryStorage');
  const model = new JournalModel();
  return new EventStorage((e, fn) => model.apply(e, fn), () => model, Date.now, heartbeat);
}

/**
 * A {@link Storage} over a {@link JournalModel}: `write` records and applies
 * one event (in memory, or appended to a journal and replayed); `read`
 * returns the model brought up to date. Internal.
 */
export class EventStorage implements Storage {
  readonly heartbeat?: HeartbeatSettings;
  readonly recordHeartbeat?: (studyId: string, number: number) => Promise<void>;
  readonly failStaleTrials?: (studyId: string) => Promise<readonly FrozenTrial[]>;

  constructor(
    private readonly write: (e: JournalEvent, fn: string) => unknown | Promise<unknown>,
    private readonly read: () => JournalModel | Promise<JournalModel>,
    private readonly now: () => number = Date.now,
    heartbeat?: HeartbeatSettings,
    /** Takes the study's lock across processes (the journal's lock file); returns its release. */
    private readonly processLock?: (studyId: string) => Promise<() => void>,
  ) {
    // The heartbeat members exist only on a storage opened with heartbeats, as the Storage interface says.
    if (heartbeat !== undefined) {
      this.heartbeat = heartbeat;
      this.recordHeartbeat = async (studyId, number) => {
        await this.write({ op: 'heartbeat', studyId, number, time: this.now() }, 'recordHeartbeat');
      };
      this.failStaleTrials = async (studyId) => {
        // Most sweeps find nothing: they read, and write (a journal line) only when a trial is stale.
        // Which trials the event fails is decided again when it is applied, in log order.
        if (!(await this.read()).hasStale(studyId, this.now(), heartbeat.gracePeriodMs, 'failStaleTrials')) return [];
        return (await this.write({ op: 'failStale', studyId, time: this.now(), gracePeriodMs: heartbeat.gracePeriodMs }, 'failStaleTrials')) as readonly FrozenTrial[];
      };
    }
  }

  private readonly studyLocks = new Map<string, Promise<void>>();

  async withStudyLock<T>(studyId: string, fn: () => Promise<T>): Promise<T> {
    // In this process, a promise chain per study; across processes, the storage's own lock inside it.
    const previous = this.studyLocks.get(studyId) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    const tail = previous.then(() => mine);
    this.studyLocks.set(studyId, tail);
    await previous;
    try {
      const releaseProcess = this.processLock === undefined ? undefined : await this.processLock(studyId);
      try {
        return await fn();
      } finally {
        releaseProcess?.();
      }
    } finally {
      release();
      if (this.studyLocks.get(studyId) === tail) this.studyLocks.delete(studyId);
    }
  }

  async createStudy(name: string, direction: Direction): Promise<string> {
    return (await this.write({ op: 'createStudy', name, direction, time: this.now() }, 'createStudy')) as string;
  }
  async getStudyId(name: string): Promise<string | undefined> {
    return (await this.read()).studyId(name);
  }
  async getStudyDirection(studyId: string): Promise<Direction> {
    return (await this.read()).direction(studyId, 'getStudyDirection');
  }
  async listStudies(): Promise<readonly StudySummary[]> {
    return (await this.read()).list();
  }
  async deleteStudy(studyId: string): Promise<void> {
    await this.write({ op: 'deleteStudy', studyId }, 'deleteStudy');
  }
  async createTrial(studyId: string, template: TrialTemplate = {}): Promise<FrozenTrial> {
    const e: JournalEvent = {
      op: 'createTrial',
      studyId,
      time: this.now(),
      ...template,
      params: template.params && { ...template.params },
      distributions: template.distributions && { ...template.distributions },
      intermediateValues: template.intermediateValues && [...template.intermediateValues],
      userAttrs: template.userAttrs && { ...template.userAttrs },
      systemAttrs: template.systemAttrs && { ...template.systemAttrs },
    };
    return (await this.write(e, 'createTrial')) as FrozenTrial;
  }
  async setTrialParam(studyId: string, number: number, name: string, distribution: Distribution, value: ParamValue): Promise<void> {
    await this.write({ op: 'setParam', studyId, number, name, distribution, value }, 'setTrialParam');
  }
  async setTrialIntermediateValue(studyId: string, number: number, step: number, value: number): Promise<void> {
    await this.write({ op: 'setIntermediate', studyId, number, step, value }, 'setTrialIntermediateValue');
  }
  async setTrialUserAttr(studyId: string, number: number, key: string, value: unknown): Promise<void> {
    await this.write({ op: 'setUserAttr', studyId, number, key, value }, 'setTrialUserAttr');
  }
  async setTrialSystemAttr(studyId: string, number: number, key: string, value: unknown): Promise<void> {
    await this.write({ op: 'setSystemAttr', studyId, number, key, value }, 'setTrialSystemAttr');
  }
  async setTrialState(studyId: string, number: number, state: TrialState, finish: TrialFinish = {}): Promise<boolean> {
    const e: JournalEvent = { op: 'setState', studyId, number, state, value: finish.value, error: finish.error, time: finish.datetimeComplete ?? this.now() };
    return (await this.write(e, 'setTrialState')) as boolean;
  }
  async getTrial(studyId: string, number: number): Promise<FrozenTrial> {
    return (await this.read()).getTrial(studyId, number, 'getTrial');
  }
  async getAllTrials(studyId: string, states?: readonly TrialState[]): Promise<readonly FrozenTrial[]> {
    return (await this.read()).getAllTrials(studyId, states, 'getAllTrials');
  }
}
