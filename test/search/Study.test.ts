import { describe, expect, it } from 'vitest';
import { createStudy, loadStudy } from '../../src/search/Study';
import { randomSampler } from '../../src/search/samplers/randomSampler';
import { inMemoryStorage } from '../../src/search/storages/inMemoryStorage';
import { SearchError, TrialPruned } from '../../src/search/errors';
import type { Pruner, Storage } from '../../src/search/types';
import { floatDistribution } from '../../src/search/distributions';

async function rejects(p: Promise<unknown>, message: string | RegExp): Promise<void> {
  await expect(p).rejects.toBeInstanceOf(SearchError);
  await expect(p).rejects.toThrow(message);
}

describe('createStudy', () => {
  it('creates an empty minimising study by default', async () => {
    const study = await createStudy();
    expect(study.direction).toBe('minimize');
    expect(study.name).toBe('study-0');
    expect(study.trials).toEqual([]);
    expect(() => study.bestTrial).toThrow('bestTrial: study "study-0" has no complete trial yet');
  });
  it('defaults, as Optuna, to a seeded TPE sampler and the median pruner', async () => {
    const run = async () => {
      const study = await createStudy();
      await study.optimize((t) => (t.suggestFloat('x', -5, 5) - 1) ** 2, { trials: 25 });
      return study;
    };
    const a = await run();
    expect((await run()).trials.map((t) => t.params)).toEqual(a.trials.map((t) => t.params));
    expect(a.bestValue).toBeLessThan(0.5);
    const study = await createStudy();
    for (let i = 0; i < 5; i++) {
      const t = await study.ask();
      t.report(i, 0);
      await study.tell(t, i);
    }
    const bad = await study.ask();
    bad.report(10, 0);
    expect(bad.shouldPrune()).toBe(true);
  });
  it('refuses a taken name unless loadIfExists, and a different direction', async () => {
    const storage = inMemoryStorage();
    await createStudy({ storage, name: 's' });
    await rejects(createStudy({ storage, name: 's' }), 'createStudy: a study named "s" already exists (pass loadIfExists: true to resume it)');
    await rejects(createStudy({ storage, name: 's', loadIfExists: true, direction: 'maximize' }), 'createStudy: study "s" is stored with direction "minimize", not "maximize"');
    expect((await createStudy({ storage, name: 's', loadIfExists: true })).name).toBe('s');
    expect((await createStudy({ storage })).name).toBe('study-0');
  });
});

describe('Study.optimize', () => {
  it('runs the given number of trials and finds the minimum of a parabola', async () => {
    const study = await createStudy({ sampler: randomSampler({ seed: 3 }) });
    await study.optimize((t) => (t.suggestFloat('x', -10, 10) - 2) ** 2, { trials: 200 });
    expect(study.trials.map((t) => t.number)).toEqual([...Array(200).keys()]);
    expect(study.trials.every((t) => t.state === 'complete')).toBe(true);
    expect(study.bestValue).toBeLessThan(0.01);
    expect(study.bestParams.x as number).toBeCloseTo(2, 1);
    expect(study.bestTrial.value).toBe(study.bestValue);
  });
  it('maximises when asked', async () => {
    const study = await createStudy({ direction: 'maximize', sampler: randomSampler({ seed: 1 }) });
    await study.optimize((t) => t.suggestInt('n', 0, 10), { trials: 40 });
    expect(study.bestValue).toBe(10);
  });
  it('is deterministic given the seed', async () => {
    const run = async () => {
      const study = await createStudy({ sampler: randomSampler({ seed: 'a' }) });
      await study.optimize((t) => t.suggestFloat('x', 0, 1) + t.suggestInt('k', 1, 100, { log: true }), { trials: 20 });
      return study.trials.map((t) => t.params);
    };
    expect(await run()).toEqual(await run());
  });
  it('records throws, NaN and non-numbers as failed trials with their error and goes on', async () => {
    const study = await createStudy();
    let i = 0;
    await study.optimize(
      () => {
        i++;
        if (i === 1) throw new RangeError('boom');
        if (i === 2) return NaN;
        if (i === 3) return 'x' as unknown as number;
        return 1;
      },
      { trials: 4 },
    );
    expect(study.trials.map((t) => t.state)).toEqual(['failed', 'failed', 'failed', 'complete']);
    expect(study.trials.map((t) => t.error)).toEqual(['RangeError: boom', 'objective returned NaN', 'objective returned "x", expected a number', undefined]);
    expect(study.trials[0]!.value).toBeUndefined();
  });
  it('with catch: false records the failure and rethrows the error', async () => {
    const study = await createStudy();
    const err = new Error('stop');
    await expect(study.optimize(() => { throw err; }, { trials: 5, catch: false })).rejects.toBe(err);
    expect(study.trials.map((t) => t.state)).toEqual(['failed']);
  });
  it('fails a trial that exceeds trialTimeoutMs', async () => {
    const study = await createStudy();
    await study.optimize(
      (t) => new Promise<number>((resolve) => { const h = setTimeout(() => resolve(1), 5000); t.signal.addEventListener('abort', () => clearTimeout(h)); }),
      { trials: 1, trialTimeoutMs: 20 },
    );
    expect(study.trials[0]!.state).toBe('failed');
    expect(study.trials[0]!.error).toBe('timed out after 20 ms');
  });
  it('stops starting trials after timeoutMs', async () => {
    const study = await createStudy();
    const t0 = Date.now();
    await study.optimize(async () => { await new Promise((r) => setTimeout(r, 10)); return 1; }, { timeoutMs: 60 });
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(study.trials.length).toBeGreaterThanOrEqual(1);
    expect(study.trials.length).toBeLessThan(10); // 60 ms of 10 ms trials, not the unbounded loop
  });
  it('stops on an AbortSignal and fails the running trials as aborted', async () => {
    const study = await createStudy();
    const controller = new AbortController();
    await study.optimize(
      (t) => {
        if (t.number === 2) controller.abort();
        return new Promise<number>((resolve) => setTimeout(() => resolve(1), t.number === 2 ? 1000 : 0));
      },
      { signal: controller.signal },
    );
    expect(study.trials.map((t) => t.state)).toEqual(['complete', 'complete', 'failed']);
    expect(study.trials[2]!.error).toBe('aborted');
  });
  it('runs trials concurrently, with contiguous numbers', async () => {
    const study = await createStudy();
    let running = 0, peak = 0;
    await study.optimize(
      async (t) => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        return t.suggestFloat('x', 0, 1);
      },
      { trials: 12, concurrency: 4 },
    );
    expect(peak).toBe(4);
    expect(study.trials.map((t) => t.number)).toEqual([...Array(12).keys()]);
    expect(study.trials.every((t) => t.state === 'complete')).toBe(true);
  });
  it('calls onTrialComplete with each finished record', async () => {
    const study = await createStudy();
    const seen: number[] = [];
    await study.optimize(() => 3, { trials: 3, onTrialComplete: (t, s) => { seen.push(t.number); expect(s).toBe(study); expect(t.value).toBe(3); } });
    expect(seen).toEqual([0, 1, 2]);
  });
  it('records a trial that throws TrialPruned as pruned with its last report', async () => {
    const pruneAtTwo: Pruner = { prune: (_s, t) => t.intermediateValues.size >= 2 };
    const study = await createStudy({ pruner: pruneAtTwo });
    await study.optimize(
      (t) => {
        for (let step = 0; step < 5; step++) {
          t.report(10 - step, step);
          if (t.shouldPrune()) throw new TrialPruned();
        }
        return 0;
      },
      { trials: 1 },
    );
    const [t] = study.trials;
    expect(t!.state).toBe('pruned');
    expect(t!.value).toBe(9);
    expect([...t!.intermediateValues]).toEqual([[0, 10], [1, 9]]);
  });
  it('rejects bad options and an objective without stopping rule', async () => {
    const study = await createStudy();
    await rejects(study.optimize(() => 1), 'optimize: no stopping rule: give trials, timeoutMs, maxStudyTrials or signal');
    await rejects(study.optimize(() => 1, { trials: -1 }), 'optimize: trials is -1, expected an integer >= 0');
    await rejects(study.optimize(() => 1, { trials: 1, concurrency: 0 }), 'optimize: concurrency is 0, expected an integer >= 1');
  });
});

describe('Trial', () => {
  it('returns the same value for the same name and throws naming both ranges for another range', async () => {
    const study = await createStudy();
    const trial = await study.ask();
    const a = trial.suggestFloat('lr', 1e-3, 1e-1, { log: true });
    expect(trial.suggestFloat('lr', 1e-3, 1e-1, { log: true })).toBe(a);
    expect(() => trial.suggestFloat('lr', 0.01, 1)).toThrow('suggestFloat: "lr" was suggested as float in [0.001, 0.1] (log), now as float in [0.01, 1]');
    expect(() => trial.suggestInt('lr', 1, 2)).toThrow('suggestInt: "lr" was suggested as float in [0.001, 0.1] (log), now as int in [1, 2]');
  });
  it('respects each distribution', async () => {
    const study = await createStudy({ sampler: randomSampler({ seed: 9 }) });
    await study.optimize(
      (t) => {
        const f = t.suggestFloat('f', -1, 1);
        const l = t.suggestFloat('l', 1e-4, 1, { log: true });
        const s = t.suggestFloat('s', 0, 1, { step: 0.25 });
        const i = t.suggestInt('i', -3, 3, { step: 3 });
        const li = t.suggestInt('li', 1, 1000, { log: true });
        const c = t.suggestCategorical('c', ['a', null, true]);
        expect(f).toBeGreaterThanOrEqual(-1);
        expect(f).toBeLessThanOrEqual(1);
        expect(l).toBeGreaterThanOrEqual(1e-4);
        expect([0, 0.25, 0.5, 0.75, 1]).toContain(s);
        expect([-3, 0, 3]).toContain(i);
        expect(Number.isInteger(li) && li >= 1 && li <= 1000).toBe(true);
        expect(['a', null, true]).toContain(c);
        return 0;
      },
      { trials: 300 },
    );
    const logs = study.trials.map((t) => Math.log10(t.params.l as number));
    // log-uniform: about a quarter of the draws in each decade of [1e-4, 1]
    const firstDecade = logs.filter((x) => x < -3).length / logs.length;
    expect(firstDecade).toBeGreaterThan(0.17);
    expect(firstDecade).toBeLessThan(0.33);
    expect(new Set(study.trials.map((t) => t.params.c)).size).toBe(3);
  });
  it('supports conditional spaces', async () => {
    const study = await createStudy({ sampler: randomSampler({ seed: 2 }) });
    await study.optimize(
      (t) => {
        const kind = t.suggestCategorical('kind', ['linear', 'mlp']);
        if (kind === 'mlp') return t.suggestInt('units', 1, 64);
        return t.suggestFloat('c', 0, 1);
      },
      { trials: 30 },
    );
    for (const t of study.trials) {
      expect(Object.keys(t.params).sort()).toEqual(t.params.kind === 'mlp' ? ['kind', 'units'] : ['c', 'kind']);
      expect(Object.keys(t.distributions).sort()).toEqual(Object.keys(t.params).sort());
    }
  });
  it('rejects a non-finite report and use after the trial is told', async () => {
    const study = await createStudy();
    const trial = await study.ask();
    expect(() => trial.report(NaN, 0)).toThrow('report: value is NaN, expected a finite number');
    expect(() => trial.report(1, 0.5)).toThrow('report: step is 0.5, expected an integer >= 0');
    trial.report(1, 0);
    trial.report(2, 0);
    expect([...trial.intermediateValues]).toEqual([[0, 1]]);
    trial.setUserAttr('note', 'hi');
    await study.tell(trial, 5);
    expect(() => trial.suggestFloat('x', 0, 1)).toThrow('suggestFloat: trial 0 is already finished');
    expect(study.trials[0]!.userAttrs).toEqual({ note: 'hi' });
  });
});

describe('ask and tell', () => {
  it('drive a custom loop', async () => {
    const study = await createStudy({ sampler: randomSampler({ seed: 5 }) });
    for (let i = 0; i < 10; i++) {
      const trial = await study.ask();
      const x = trial.suggestFloat('x', -10, 10);
      await study.tell(trial, (x - 2) ** 2);
    }
    expect(study.trials.length).toBe(10);
    expect(study.trials.every((t) => t.state === 'complete' && t.durationMs !== undefined)).toBe(true);
  });
  it('tell accepts a number, pruned and failed states, and refuses a second tell', async () => {
    const study = await createStudy();
    const a = await study.ask();
    const b = await study.ask();
    const c = await study.ask();
    b.report(7, 3);
    expect((await study.tell(a, { state: 'failed', error: 'oom' })).error).toBe('oom');
    expect((await study.tell(b.number, { state: 'pruned' })).value).toBe(7);
    expect((await study.tell(c, NaN)).state).toBe('failed');
    await rejects(study.tell(a, 1), 'tell: trial 0 is already finished');
    await rejects(study.tell(await study.ask(), { state: 'bogus' } as never), /tell: result is/);
  });
});

describe('toJSON and loadStudy', () => {
  it('round-trip a study through JSON text', async () => {
    const study = await createStudy({ name: 'round', direction: 'maximize', sampler: randomSampler({ seed: 4 }) });
    await study.optimize(
      (t) => {
        t.report(1, 0);
        t.setUserAttr('k', [1, 2]);
        if (t.number === 3) throw new Error('bad');
        if (t.number === 4) return Infinity;
        return t.suggestFloat('x', 0, 1) + (t.suggestCategorical('b', [true, false]) ? 1 : 0);
      },
      { trials: 6 },
    );
    const pending = await study.ask();
    pending.suggestInt('n', 1, 3);
    await study.enqueueTrial({ n: 2 });
    const text = JSON.stringify(study.toJSON());
    const copy = await loadStudy(text);
    expect(copy.name).toBe('round');
    expect(copy.direction).toBe('maximize');
    expect(copy.trials.slice(0, 6)).toEqual(study.trials.slice(0, 6));
    expect(copy.bestValue).toBe(Infinity);
    expect(copy.trials[6]!.state).toBe('failed');
    expect(copy.trials[6]!.error).toBe('running when the study was saved');
    expect(copy.trials[7]!.state).toBe('waiting');
    await copy.optimize((t) => t.suggestInt('n', 1, 3), { trials: 2 });
    expect(copy.trials.slice(7).map((t) => [t.number, t.state])).toEqual([[7, 'complete'], [8, 'complete']]);
    expect(copy.trials[7]!.value).toBe(2);
  });
  it('rejects what is not a study', async () => {
    await rejects(loadStudy('{"format":"x"}'), 'loadStudy: json.format is "x", expected "tfjs-methodology/study"');
    await rejects(loadStudy('{'), /loadStudy: json is not valid JSON/);
  });
});

describe('enqueueTrial', () => {
  it('runs queued parameters first, sampling the ones not given', async () => {
    const study = await createStudy({ sampler: randomSampler({ seed: 1 }) });
    expect(await study.enqueueTrial({ x: 0.25, units: 32 })).toBe(0);
    expect(await study.enqueueTrial({ x: 0.75 })).toBe(1);
    expect(study.trials.map((t) => t.state)).toEqual(['waiting', 'waiting']);
    await study.optimize((t) => t.suggestFloat('x', 0, 1) + t.suggestInt('units', 8, 64, { log: true }), { trials: 3 });
    expect(study.trials.map((t) => t.state)).toEqual(['complete', 'complete', 'complete']);
    expect(study.trials[0]!.params).toEqual({ x: 0.25, units: 32 });
    expect(study.trials[0]!.distributions.x).toEqual({ type: 'float', low: 0, high: 1, log: false });
    expect(study.trials[1]!.params.x).toBe(0.75);
    expect(study.trials[1]!.params.units).toBeTypeOf('number');
    expect(study.trials[2]!.params.x).not.toBe(0.75);
  });
  it('fails a trial whose queued value is outside the range asked for', async () => {
    const study = await createStudy();
    await study.enqueueTrial({ units: 512 });
    await study.optimize((t) => t.suggestInt('units', 8, 256), { trials: 1 });
    expect(study.trials[0]!.error).toBe('SearchError: suggestInt: the enqueued value 512 of "units" is outside int in [8, 256]');
  });
  it('gives a queued trial to one of two studies sharing a storage', async () => {
    const storage = inMemoryStorage();
    const a = await createStudy({ storage, name: 'q' });
    const b = await createStudy({ storage, name: 'q', loadIfExists: true });
    await a.enqueueTrial({ x: 1 });
    const [ta, tb] = await Promise.all([a.ask(), b.ask()]);
    expect([ta.number, tb.number].sort()).toEqual([0, 1]);
    const queued = ta.number === 0 ? ta : tb;
    expect(queued.suggestFloat('x', 0, 2)).toBe(1);
  });
  it('rejects what is not an object of values', async () => {
    await rejects((await createStudy()).enqueueTrial(null as never), 'enqueueTrial: params is null, expected an object of parameter values');
  });
});


describe('heartbeats and retries', () => {
  const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
  /** A trial left running by a worker that died after one heartbeat, with x = 0.5 suggested. */
  async function deadTrial(storage: Storage, studyId: string): Promise<number> {
    const t = await storage.createTrial(studyId);
    await storage.setTrialParam(studyId, t.number, 'x', floatDistribution(0, 1), 0.5);
    await storage.recordHeartbeat!(studyId, t.number);
    return t.number;
  }

  it('fails a dead worker\'s trial before starting a trial, and runs its parameters again once', async () => {
    // Margins for a loaded machine: the live trial beats every 20 ms and runs 3 grace periods.
    const storage = inMemoryStorage({ heartbeatIntervalMs: 20, gracePeriodMs: 120 });
    const study = await createStudy({ storage, name: 's', sampler: randomSampler({ seed: 1 }), retryFailedTrials: { maxRetries: 1 } });
    await deadTrial(storage, study.studyId);
    const seen: number[] = [];
    await study.optimize(async (t) => { await sleep(150); return t.suggestFloat('x', 0, 1); }, { trials: 3, onTrialComplete: (t) => { seen.push(t.number); } });
    const [dead, first, retry, last] = study.trials;
    expect(study.trials.length).toBe(4);
    expect(dead!.state).toBe('failed');
    expect(dead!.error).toMatch(/^heartbeat lost: no heartbeat for \d+ ms \(grace period 120 ms\)$/);
    // The study's own trial kept beating while it ran for longer than the grace period.
    expect(first!.state).toBe('complete');
    expect(retry!.params).toEqual({ x: 0.5 });
    expect(retry!.value).toBe(0.5);
    expect(retry!.systemAttrs).toEqual({ retriedFrom: 0, retryHistory: [0] });
    expect(last!.systemAttrs).toEqual({});
    // The retry counted toward this call's 3 trials.
    expect(seen).toEqual([1, 2, 3]);
  });

  it('retries at most maxRetries times per original trial, recording the chain', async () => {
    const storage = inMemoryStorage({ heartbeatIntervalMs: 10, gracePeriodMs: 60 });
    const study = await createStudy({ storage, name: 's', sampler: randomSampler({ seed: 1 }), retryFailedTrials: { maxRetries: 2 } });
    const id = study.studyId;
    await deadTrial(storage, id);
    await sleep(100);
    const killRetry = async (): Promise<void> => {
      // Another worker claims the queued retry and dies in it.
      const waiting = (await storage.getAllTrials(id, ['waiting']))[0]!;
      expect(await storage.setTrialState(id, waiting.number, 'running')).toBe(true);
      await storage.recordHeartbeat!(id, waiting.number);
      await sleep(100);
    };
    (await study.ask()).suggestFloat('x', 0, 1); // sweeps: fails 0, queues 1 (and asks trial 2 after it was queued)
    await study.refresh();
    expect(study.trials[1]!.systemAttrs).toEqual({ retriedFrom: 0, retryHistory: [0] });
    expect(study.trials[1]!.state).toBe('running'); // ask took the queued retry
    // Run the retry's story again through a dead worker: stop this study's own trial first.
    await study.tell(1, { state: 'failed', error: 'x' });
    await storage.createTrial(id, { state: 'waiting', params: { x: 0.5 }, systemAttrs: { retriedFrom: 0, retryHistory: [0] } }); // 2
    await killRetry();
    await study.ask(); // fails 2, queues 3 = second retry
    await study.refresh();
    const third = study.trials.find((t) => (t.systemAttrs['retryHistory'] as number[] | undefined)?.length === 2)!;
    expect(third.systemAttrs).toEqual({ retriedFrom: 2, retryHistory: [0, 2] });
    await study.tell(third.number, { state: 'failed', error: 'x' });
    await storage.createTrial(id, { state: 'waiting', params: { x: 0.5 }, systemAttrs: { retriedFrom: 2, retryHistory: [0, 2] } });
    await killRetry();
    const before = (await storage.getAllTrials(id)).length;
    const t = await study.ask(); // fails the third attempt; maxRetries 2 reached: nothing queued
    await study.refresh();
    expect(study.trials.length).toBe(before + 1);
    expect(study.trials.filter((x) => x.state === 'waiting')).toEqual([]);
    expect(study.trials[t.number]!.systemAttrs).toEqual({});
  });

  it('does not retry without retryFailedTrials, and validates maxRetries', async () => {
    const storage = inMemoryStorage({ heartbeatIntervalMs: 5, gracePeriodMs: 10 });
    const study = await createStudy({ storage, name: 's' });
    await deadTrial(storage, study.studyId);
    await sleep(20);
    await study.ask();
    expect(study.trials.map((t) => t.state)).toEqual(['failed', 'running']);
    await rejects(createStudy({ retryFailedTrials: { maxRetries: -1 } }), 'createStudy: retryFailedTrials.maxRetries is -1, expected an integer >= 0');
  });

  it('rejects a late tell for a trial another worker failed, keeping the stored record', async () => {
    const storage = inMemoryStorage({ heartbeatIntervalMs: 5, gracePeriodMs: 15 });
    // Worker A stalls: its storage records the first heartbeat only.
    let beats = 0;
    const stalled = Object.create(storage) as Storage;
    (stalled as { recordHeartbeat: Storage['recordHeartbeat'] }).recordHeartbeat = async (id, n) => { if (beats++ === 0) await storage.recordHeartbeat!(id, n); };
    const a = await createStudy({ storage: stalled, name: 's' });
    const b = await createStudy({ storage, name: 's', loadIfExists: true });
    const trial = await a.ask();
    await sleep(30);
    await b.ask(); // B's sweep fails A's trial
    await rejects(a.tell(trial, 1), /^tell: trial 0 is already finished as failed \(heartbeat lost: no heartbeat for \d+ ms \(grace period 15 ms\)\); its result \(value 1\) is discarded and the stored record is kept$/);
    const stored = await storage.getTrial(b.studyId, 0);
    expect(stored.state).toBe('failed');
    expect(stored.value).toBeUndefined();
  });

  it('goes on when optimize\'s own trial was failed by another worker, reporting the stored record', async () => {
    const storage = inMemoryStorage({ heartbeatIntervalMs: 5, gracePeriodMs: 15 });
    let beats = 0;
    const stalled = Object.create(storage) as Storage;
    (stalled as { recordHeartbeat: Storage['recordHeartbeat'] }).recordHeartbeat = async (id, n) => { if (beats++ === 0) await storage.recordHeartbeat!(id, n); };
    const a = await createStudy({ storage: stalled, name: 's', sampler: randomSampler({ seed: 0 }) });
    const b = await createStudy({ storage, name: 's', loadIfExists: true, sampler: randomSampler({ seed: 1 }) });
    const reported: string[] = [];
    await a.optimize(async (t) => {
      if (t.number === 0) { await sleep(30); await b.ask(); }
      return 1;
    }, { trials: 2, onTrialComplete: (t) => { reported.push(`${t.number}:${t.state}`); } });
    expect(reported).toEqual(['0:failed', '2:complete']);
  });

  it('stops recording heartbeats once the trial is told', async () => {
    const storage = inMemoryStorage({ heartbeatIntervalMs: 5 });
    let beats = 0;
    const counting = Object.create(storage) as Storage;
    (counting as { recordHeartbeat: Storage['recordHeartbeat'] }).recordHeartbeat = async (id, n) => { beats++; await storage.recordHeartbeat!(id, n); };
    const study = await createStudy({ storage: counting, name: 's' });
    await study.optimize(async () => { await sleep(30); return 1; }, { trials: 1 });
    expect(beats).toBeGreaterThanOrEqual(3);
    const after = beats;
    await sleep(30);
    expect(beats).toBe(after);
  });

  it('lets several studies on one storage each claim a queued trial at most once', async () => {
    const storage = inMemoryStorage();
    const a = await createStudy({ storage, name: 's', sampler: randomSampler({ seed: 0 }) });
    const b = await createStudy({ storage, name: 's', loadIfExists: true, sampler: randomSampler({ seed: 1 }) });
    await a.enqueueTrial({ x: 0.25 });
    const [ta, tb] = await Promise.all([a.ask(), b.ask()]);
    const xs = [ta.suggestFloat('x', 0, 1), tb.suggestFloat('x', 0, 1)];
    expect(xs.filter((x) => x === 0.25).length).toBe(1);
    expect(new Set([ta.number, tb.number])).toEqual(new Set([0, 1]));
  });
});

describe('shared studies', () => {
  const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

  it('stops at exactly maxStudyTrials trials across several studies on one storage', async () => {
    const storage = inMemoryStorage();
    const studies = await Promise.all([0, 1, 2].map((seed) => createStudy({ storage, name: 's', loadIfExists: true, sampler: randomSampler({ seed }) })));
    await Promise.all(studies.map((st) => st.optimize(async (t) => { await sleep(3); return t.suggestFloat('x', 0, 1); }, { maxStudyTrials: 10, concurrency: 2 })));
    const all = await storage.getAllTrials(studies[0]!.studyId);
    expect(all.map((t) => t.number)).toEqual([...Array(10).keys()]);
    expect(all.every((t) => t.state === 'complete')).toBe(true);
    await rejects(studies[0]!.optimize(() => 1, { maxStudyTrials: -1 }), 'optimize: maxStudyTrials is -1, expected an integer >= 0');
  });

  it('counts a retried trial once toward maxStudyTrials', async () => {
    const storage = inMemoryStorage({ heartbeatIntervalMs: 5, gracePeriodMs: 10 });
    const study = await createStudy({ storage, name: 's', sampler: randomSampler({ seed: 0 }), retryFailedTrials: { maxRetries: 1 } });
    const dead = await storage.createTrial(study.studyId);
    await storage.recordHeartbeat!(study.studyId, dead.number);
    await sleep(20);
    await study.optimize((t) => t.suggestFloat('x', 0, 1), { maxStudyTrials: 4 });
    expect(study.trials.map((t) => t.state)).toEqual(['failed', 'complete', 'complete', 'complete', 'complete']);
    expect(study.trials[1]!.systemAttrs).toEqual({ retriedFrom: 0, retryHistory: [0] });
  });

  it('never gives one grid point to two studies sharing a storage, even when they ask at once', async () => {
    const { gridSampler } = await import('../../src/search/samplers/gridSampler');
    const storage = inMemoryStorage();
    const space = { a: [0, 1, 2, 3], b: [0, 1, 2] };
    const studies = await Promise.all([0, 1, 2, 3].map(() => createStudy({ storage, name: 'g', loadIfExists: true, sampler: gridSampler(space) })));
    await Promise.all(studies.map((st) => st.optimize(async (t) => { const v = t.suggestInt('a', 0, 3) * 10 + t.suggestInt('b', 0, 2); await sleep(2); return v; }, { concurrency: 2 })));
    const all = await storage.getAllTrials(studies[0]!.studyId);
    expect(all.length).toBe(12);
    expect(new Set(all.map((t) => t.value)).size).toBe(12);
    expect(all.every((t) => t.state === 'complete' && t.distributions['a']?.type === 'int')).toBe(true);
  });

  it('runs the queued trials of an exhausted grid (a retry) before stopping', async () => {
    const { gridSampler } = await import('../../src/search/samplers/gridSampler');
    const study = await createStudy({ sampler: gridSampler({ a: [1, 2] }) });
    await study.optimize((t) => t.suggestInt('a', 0, 3));
    await study.enqueueTrial({ a: 2 });
    await study.optimize((t) => t.suggestInt('a', 0, 3));
    expect(study.trials.map((t) => [t.state, t.value])).toEqual([['complete', 1], ['complete', 2], ['complete', 2]]);
  });

  it('serialises withStudyLock sections of one study, and releases the lock when one throws', async () => {
    const storage = inMemoryStorage();
    const log: string[] = [];
    const section = (name: string, fail = false) => storage.withStudyLock!('0', async () => {
      log.push(`${name}+`);
      await sleep(5);
      log.push(`${name}-`);
      if (fail) throw new Error('boom');
      return name;
    });
    const results = await Promise.allSettled([section('a'), section('b', true), section('c')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(log).toEqual(['a+', 'a-', 'b+', 'b-', 'c+', 'c-']);
  });
});
