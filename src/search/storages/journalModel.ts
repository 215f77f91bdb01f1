/**
 * The state of a storage as the replay of a log of events, the design of
 * Optuna's `JournalStorage`: every write is one event, applied in log order,
 * so that a file (or a table) that many processes append to defines one
 * state. A trial's number is the count of earlier `createTrial` events of its
 * study, and the first event that finishes a trial wins; later writes to it
 * are rejected. Internal: shared by `inMemoryStorage` and `journalFileStorage`.
 */
import { failSearch } from '../errors';
import { describeDistribution, distributionFromJSON } from '../distributions';
import { FINISHED_STATES } from '../types';
import type { Direction, Distribution, FrozenTrial, ParamValue, StudySummary, TrialState } from '../types';

/** One write, as logged. Plain JSON. */
export type JournalEvent =
  | { op: 'createStudy'; name: string; direction: Direction; time: number }
  | { op: 'deleteStudy'; studyId: string }
  | {
      op: 'createTrial';
      studyId: string;
      time: number;
      state?: TrialState;
      params?: Record<string, ParamValue>;
      distributions?: Record<string, Distribution>;
      value?: number;
      intermediateValues?: [number, number][];
      datetimeStart?: number;
      datetimeComplete?: number;
      error?: string;
      userAttrs?: Record<string, unknown>;
      systemAttrs?: Record<string, unknown>;
    }
  | { op: 'setParam'; studyId: string; number: number; name: string; distribution: Distribution; value: ParamValue }
  | { op: 'setIntermediate'; studyId: string; number: number; step: number; value: number }
  | { op: 'setUserAttr' | 'setSystemAttr'; studyId: string; number: number; key: string; value: unknown }
  | { op: 'setState'; studyId: string; number: number; state: TrialState; value?: number; error?: string; time: number }
  | { op: 'heartbeat'; studyId: string; number: number; time: number }
  | { op: 'failStale'; studyId: string; time: number; gracePeriodMs: number };

interface TrialRecord {
  number: number;
  state: TrialState;
  params: Record<string, ParamValue>;
  distributions: Record<string, Distribution>;
  value: number | undefined;
  intermediateValues: Map<number, number>;
  datetimeStart: number | undefined;
  datetimeComplete: number | undefined;
  error: string | undefined;
  userAttrs: Record<string, unknown>;
  systemAttrs: Record<string, unknown>;
  /** The writer's clock at the trial's latest heartbeat; `undefined` if it never had one. */
  heartbeat: number | undefined;
  frozen: FrozenTrial | undefined; // cache, cleared on change
}

interface StudyRecord {
  studyId: string;
  name: string;
  direction: Direction;
  time: number;
  trials: TrialRecord[];
  frozenAll: readonly FrozenTrial[] | undefined;
}

const isFinished = (s: TrialState): boolean => FINISHED_STATES.includes(s);

/** The replayed state. `apply` throws a `SearchError` for an event that cannot apply (and changes nothing). */
export class JournalModel {
  private readonly studies = new Map<string, StudyRecord>();
  private nextStudyId = 0;

  /** Applies one event; returns the new study id, the new trial, or for `setState` whether it took effect. */
  apply(e: JournalEvent, fn = 'storage'): string | FrozenTrial | readonly FrozenTrial[] | boolean | undefined {
    switch (e.op) {
      case 'createStudy': {
        for (const s of this.studies.values()) if (s.name === e.name) failSearch(fn, `a study named ${JSON.stringify(e.name)} already exists`);
        const studyId = String(this.nextStudyId++);
        this.studies.set(studyId, { studyId, name: e.name, direction: e.direction, time: e.time, trials: [], frozenAll: undefined });
        return studyId;
      }
      case 'deleteStudy':
        this.study(e.studyId, fn);
        this.studies.delete(e.studyId);
        return undefined;
      case 'createTrial': {
        const s = this.study(e.studyId, fn);
        const state = e.state ?? 'running';
        const t: TrialRecord = {
          number: s.trials.length,
          state,
          params: { ...(e.params ?? {}) },
          distributions: {},
          value: e.value,
          intermediateValues: new Map(e.intermediateValues ?? []),
          datetimeStart: e.datetimeStart ?? (state === 'waiting' ? undefined : e.time),
          datetimeComplete: e.datetimeComplete ?? (isFinished(state) ? e.time : undefined),
          error: e.error,
          userAttrs: { ...(e.userAttrs ?? {}) },
          systemAttrs: { ...(e.systemAttrs ?? {}) },
          heartbeat: undefined,
          frozen: undefined,
        };
        for (const [k, d] of Object.entries(e.distributions ?? {})) t.distributions[k] = distributionFromJSON(d, fn);
        s.trials.push(t);
        s.frozenAll = undefined;
        return freeze(t);
      }
      case 'setState': {
        const s = this.study(e.studyId, fn);
        const t = this.trial(s, e.number, fn);
        if (isFinished(t.state)) return false;
        // Starting a trial is a claim: of two workers starting one enqueued trial, the first in the log gets it.
        if (e.state === 'running' && t.state === 'running') return false;
        if (e.state === 'waiting') failSearch(fn, `trial ${e.number} cannot go back to waiting`);
        t.state = e.state;
        if (e.state === 'running' && t.datetimeStart === undefined) t.datetimeStart = e.time;
        if (isFinished(e.state)) {
          t.value = e.value;
          t.error = e.error;
          t.datetimeComplete = e.time;
        }
        touch(s, t);
        return true;
      }
      case 'heartbeat': {
        // A heartbeat races with its trial's end: one that arrives after it changes nothing.
        const s = this.study(e.studyId, fn);
        const t = this.trial(s, e.number, fn);
        if (t.state === 'running') t.heartbeat = Math.max(t.heartbeat ?? -Infinity, e.time);
        return undefined;
      }
      case 'failStale': {
        // Decided at replay from the log alone, so every replica agrees on which trials this event failed.
        const s = this.study(e.studyId, fn);
        const failed: FrozenTrial[] = [];
        for (const t of s.trials) {
          if (t.state !== 'running' || t.heartbeat === undefined) continue;
          const age = e.time - t.heartbeat;
          if (!(age > e.gracePeriodMs)) continue;
          t.state = 'failed';
          t.value = undefined;
          t.error = `heartbeat lost: no heartbeat for ${Math.round(age)} ms (grace period ${e.gracePeriodMs} ms)`;
          t.datetimeComplete = e.time;
          touch(s, t);
          failed.push(freeze(t));
        }
        return failed;
      }
      default: {
        const s = this.study(e.studyId, fn);
        const t = this.trial(s, e.number, fn);
        if (isFinished(t.state)) failSearch(fn, `trial ${e.number} is already finished (${t.state})`);
        if (e.op === 'setParam') {
          const old = t.distributions[e.name];
          if (old !== undefined && describeDistribution(old) !== describeDistribution(e.distribution)) {
            failSearch(fn, `trial ${e.number} already has "${e.name}" as ${describeDistribution(old)}`);
          }
          t.params[e.name] = e.value;
          t.distributions[e.name] = old ?? distributionFromJSON(e.distribution, fn);
        } else if (e.op === 'setIntermediate') {
          if (!t.intermediateValues.has(e.step)) t.intermediateValues.set(e.step, e.value);
        } else if (e.op === 'setUserAttr') {
          t.userAttrs[e.key] = e.value;
        } else {
          t.systemAttrs[e.key] = e.value;
        }
        touch(s, t);
        return undefined;
      }
    }
  }

  studyId(name: string): string | undefined {
    for (const s of this.studies.values()) if (s.name === name) return s.studyId;
    return undefined;
  }

  direction(studyId: string, fn = 'storage'): Direction {
    return this.study(studyId, fn).direction;
  }

  list(): StudySummary[] {
    return [...this.studies.values()].map((s) => {
      const trialCounts: Record<TrialState, number> = { running: 0, complete: 0, pruned: 0, failed: 0, waiting: 0 };
      let bestValue: number | undefined;
      const min = s.direction === 'minimize';
      for (const t of s.trials) {
        trialCounts[t.state]++;
        if (t.state !== 'complete' || t.value === undefined || Number.isNaN(t.value)) continue;
        if (bestValue === undefined || (min ? t.value < bestValue : t.value > bestValue)) bestValue = t.value;
      }
      return {
        studyId: s.studyId,
        name: s.name,
        direction: s.direction,
        nTrials: s.trials.length,
        trialCounts: Object.freeze(trialCounts),
        bestValue,
        datetimeStart: s.time,
      };
    });
  }

  /** Whether a `failStale` event at `time` would fail any trial of the study (so that a sweep that finds nothing writes nothing). */
  hasStale(studyId: string, time: number, gracePeriodMs: number, fn = 'storage'): boolean {
    return this.study(studyId, fn).trials.some((t) => t.state === 'running' && t.heartbeat !== undefined && time - t.heartbeat > gracePeriodMs);
  }

  getTrial(studyId: string, number: number, fn = 'storage'): FrozenTrial {
    return freeze(this.trial(this.study(studyId, fn), number, fn));
  }

  getAllTrials(studyId: string, states?: readonly TrialState[], fn = 'storage'): readonly FrozenTrial[] {
    const s = this.study(studyId, fn);
    s.frozenAll ??= Object.freeze(s.trials.map(freeze));
    return states === undefined ? s.frozenAll : s.frozenAll.filter((t) => states.includes(t.state));
  }

  private study(studyId: string, fn: string): StudyRecord {
    const s = this.studies.get(studyId);
    if (s === undefined) failSearch(fn, `no study with id ${JSON.stringify(studyId)}`);
    return s;
  }

  private trial(s: StudyRecord, number: number, fn: string): TrialRecord {
    const t = s.trials[number];
    if (t === undefined) failSearch(fn, `study ${JSON.stringify(s.name)} has no trial ${number}`);
    return t;
  }
}

function touch(s: StudyRecord, t: TrialRecord): void {
  t.frozen = undefined;
  s.frozenAll = undefined;
}

function freeze(t: TrialRecord): FrozenTrial {
  t.frozen ??= Object.freeze({
    number: t.number,
    state: t.state,
    params: Object.freeze({ ...t.params }),
    distributions: Object.freeze({ ...t.distributions }),
    value: t.value,
    intermediateValues: new Map(t.intermediateValues) as ReadonlyMap<number, number>,
    datetimeStart: t.datetimeStart,
    datetimeComplete: t.datetimeComplete,
    durationMs: t.datetimeStart !== undefined && t.datetimeComplete !== undefined ? t.datetimeComplete - t.datetimeStart : undefined,
    error: t.error,
    userAttrs: Object.freeze({ ...t.userAttrs }),
    systemAttrs: Object.freeze({ ...t.systemAttrs }),
  });
  return t.frozen;
}
