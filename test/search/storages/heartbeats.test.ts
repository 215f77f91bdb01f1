import { describe, expect, it } from 'vitest';
import { SearchError } from '../../../src/search/errors';
import { inMemoryStorage } from '../../../src/search/storages/inMemoryStorage';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('StudySummary', () => {
  it('counts the trials in each state and gives the best complete value in the direction', async () => {
    const s = inMemoryStorage();
    const min = await s.createStudy('min', 'minimize');
    const max = await s.createStudy('max', 'maximize');
    await s.createStudy('empty', 'minimize');
    for (const [id, state, value] of [
      [min, 'complete', 3], [min, 'complete', 1], [min, 'pruned', -5], [min, 'failed', undefined],
      [max, 'complete', 3], [max, 'complete', 7], [max, 'complete', 5],
    ] as const) {
      const t = await s.createTrial(id);
      await s.setTrialState(id, t.number, state, { value });
    }
    await s.createTrial(min);
    await s.createTrial(min, { state: 'waiting' });
    const [a, b, c] = await s.listStudies();
    expect(a!.trialCounts).toEqual({ running: 1, complete: 2, pruned: 1, failed: 1, waiting: 1 });
    expect(a!.nTrials).toBe(6);
    expect(a!.bestValue).toBe(1);
    expect(b!.bestValue).toBe(7);
    expect(b!.trialCounts.complete).toBe(3);
    expect(c!.bestValue).toBeUndefined();
    expect(c!.trialCounts).toEqual({ running: 0, complete: 0, pruned: 0, failed: 0, waiting: 0 });
  });
});

describe('heartbeats of inMemoryStorage', () => {
  it('has no heartbeat members unless opened with heartbeatIntervalMs', () => {
    const s = inMemoryStorage();
    expect(s.heartbeat).toBeUndefined();
    expect(s.recordHeartbeat).toBeUndefined();
    expect(s.failStaleTrials).toBeUndefined();
    const h = inMemoryStorage({ heartbeatIntervalMs: 50 });
    expect(h.heartbeat).toEqual({ intervalMs: 50, gracePeriodMs: 100 });
    expect(typeof h.recordHeartbeat).toBe('function');
    expect(inMemoryStorage({ heartbeatIntervalMs: 50, gracePeriodMs: 70 }).heartbeat).toEqual({ intervalMs: 50, gracePeriodMs: 70 });
  });

  it('rejects bad heartbeat options with messages naming them', () => {
    expect(() => inMemoryStorage({ heartbeatIntervalMs: 0 })).toThrow(/inMemoryStorage: heartbeatIntervalMs is 0/);
    expect(() => inMemoryStorage({ gracePeriodMs: 10 })).toThrow(/gracePeriodMs needs heartbeatIntervalMs/);
    expect(() => inMemoryStorage({ heartbeatIntervalMs: 50, gracePeriodMs: 10 })).toThrow(SearchError);
    expect(() => inMemoryStorage({ heartbeatIntervalMs: 50, gracePeriodMs: 10 })).toThrow('gracePeriodMs is 10, expected a number >= heartbeatIntervalMs (50)');
  });

  it('fails only running trials whose heartbeat is older than the grace period, once', async () => {
    const s = inMemoryStorage({ heartbeatIntervalMs: 10, gracePeriodMs: 100 });
    const id = await s.createStudy('s', 'minimize');
    const stale = await s.createTrial(id);
    const alive = await s.createTrial(id);
    const noBeat = await s.createTrial(id);
    const done = await s.createTrial(id);
    await s.recordHeartbeat!(id, stale.number);
    await s.recordHeartbeat!(id, done.number);
    await s.setTrialState(id, done.number, 'complete', { value: 1 });
    await sleep(150);
    await s.recordHeartbeat!(id, alive.number);
    await s.recordHeartbeat!(id, done.number); // after its end: ignored, no error
    const failed = await s.failStaleTrials!(id);
    expect(failed.map((t) => t.number)).toEqual([stale.number]);
    expect(failed[0]!.state).toBe('failed');
    expect(failed[0]!.error).toMatch(/^heartbeat lost: no heartbeat for \d+ ms \(grace period 100 ms\)$/);
    expect(Number(/for (\d+) ms/.exec(failed[0]!.error!)![1])).toBeGreaterThan(100);
    expect(await s.failStaleTrials!(id)).toEqual([]);
    expect((await s.getTrial(id, noBeat.number)).state).toBe('running');
    expect((await s.getTrial(id, alive.number)).state).toBe('running');
    // A late finish of the failed trial changes nothing.
    expect(await s.setTrialState(id, stale.number, 'complete', { value: 0 })).toBe(false);
    expect((await s.getTrial(id, stale.number)).error).toMatch(/heartbeat lost/);
  });

  it('gives each stale trial to exactly one of many concurrent sweeps', async () => {
    const s = inMemoryStorage({ heartbeatIntervalMs: 5, gracePeriodMs: 10 });
    const id = await s.createStudy('s', 'minimize');
    for (let i = 0; i < 5; i++) {
      const t = await s.createTrial(id);
      await s.recordHeartbeat!(id, t.number);
    }
    await sleep(30);
    const results = await Promise.all(Array.from({ length: 8 }, () => s.failStaleTrials!(id)));
    expect(results.flat().map((t) => t.number).sort()).toEqual([0, 1, 2, 3, 4]);
  });
});
