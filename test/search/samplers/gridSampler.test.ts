import { describe, expect, it } from 'vitest';
import { createStudy } from '../../../src/search/Study';
import { gridSampler } from '../../../src/search/samplers/gridSampler';
import { inMemoryStorage } from '../../../src/search/storages/inMemoryStorage';

const space = { lr: [1e-3, 1e-2, 1e-1], units: [16, 32], act: ['relu', 'tanh'] };
const objective = (t: import('../../../src/search/Trial').Trial): number =>
  t.suggestFloat('lr', 1e-4, 1, { log: true }) * t.suggestInt('units', 8, 64) + (t.suggestCategorical('act', ['relu', 'tanh']) === 'relu' ? 0 : 1);

describe('gridSampler', () => {
  it('visits every grid point exactly once and stops when exhausted', async () => {
    const sampler = gridSampler(space);
    expect(sampler.size).toBe(12);
    const study = await createStudy({ sampler });
    await study.optimize(objective);
    expect(study.trials.length).toBe(12);
    const keys = study.trials.map((t) => JSON.stringify([t.params.lr, t.params.units, t.params.act]));
    expect(new Set(keys).size).toBe(12);
    expect(sampler.isExhausted(study)).toBe(true);
    expect(study.trials[0]!.params).toEqual({ lr: 1e-3, units: 16, act: 'relu' });
    expect(study.trials[1]!.params).toEqual({ lr: 1e-3, units: 16, act: 'tanh' });
  });
  it('says when the grid is exhausted to ask-and-tell loops', async () => {
    const study = await createStudy({ sampler: gridSampler({ x: [1, 2] }) });
    for (let i = 0; i < 2; i++) {
      const t = await study.ask();
      await study.tell(t, t.suggestInt('x', 0, 5));
    }
    await expect(study.ask()).rejects.toThrow('ask: the sampler is exhausted (every point of its grid has a trial)');
    expect(study.trials.length).toBe(2);
  });
  it('stops at the grid size even when more trials are asked for', async () => {
    const study = await createStudy({ sampler: gridSampler({ x: [1, 2, 3] }) });
    await study.optimize((t) => t.suggestInt('x', 0, 5), { trials: 10 });
    expect(study.trials.map((t) => t.params.x)).toEqual([1, 2, 3]);
  });
  it('with a seed visits the points in a seeded order, the same for the same seed', async () => {
    const run = async (seed: number) => {
      const study = await createStudy({ sampler: gridSampler(space, { seed }) });
      await study.optimize(objective);
      return study.trials.map((t) => t.params);
    };
    const a = await run(1);
    expect(await run(1)).toEqual(a);
    expect(a).not.toEqual(await run(2));
    expect(new Set(a.map((p) => JSON.stringify(p))).size).toBe(12);
  });
  it('goes on where a resumed study stopped, without repeats', async () => {
    const storage = inMemoryStorage();
    const first = await createStudy({ storage, name: 'g', sampler: gridSampler(space) });
    await first.optimize(objective, { trials: 5 });
    const again = await createStudy({ storage, name: 'g', loadIfExists: true, sampler: gridSampler(space) });
    await again.optimize(objective);
    expect(again.trials.length).toBe(12);
    expect(new Set(again.trials.map((t) => JSON.stringify(t.params))).size).toBe(12);
  });
  it('does not repeat points under concurrency', async () => {
    const study = await createStudy({ sampler: gridSampler(space) });
    await study.optimize(async (t) => { await new Promise((r) => setTimeout(r, 2)); return objective(t); }, { trials: 12, concurrency: 3 });
    expect(new Set(study.trials.map((t) => JSON.stringify(t.params))).size).toBe(12);
  });
  it('names a parameter missing from the grid or a grid value outside the asked range', async () => {
    const study = await createStudy({ sampler: gridSampler({ units: [512] }) });
    await study.optimize((t) => t.suggestInt('units', 8, 256), { trials: 1 });
    expect(study.trials[0]!.error).toBe('SearchError: gridSampler: the grid value 512 of "units" is outside int in [8, 256]');
    const other = await createStudy({ sampler: gridSampler({ units: [16] }) });
    await other.optimize((t) => t.suggestInt('units', 8, 256) + t.suggestFloat('lr', 0, 1), { trials: 1 });
    expect(other.trials[0]!.error).toBe('SearchError: gridSampler: "lr" is not in the grid');
  });
  it('rejects an empty space or value list', () => {
    expect(() => gridSampler({})).toThrow('gridSampler: space is empty');
    expect(() => gridSampler({ a: [] })).toThrow('gridSampler: space.a is empty');
  });
});
