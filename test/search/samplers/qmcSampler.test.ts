import { describe, expect, it } from 'vitest';
import { createStudy } from '../../../src/search/Study';
import { qmcSampler, Scrambled } from '../../../src/search/samplers/qmcSampler';
import { randomSampler } from '../../../src/search/samplers/randomSampler';
import { createRng } from '../../../src/core/random';

describe('qmcSampler', () => {
  it('puts the first b^m points of each coordinate one in each interval of width b^-m', () => {
    for (const [base, m] of [[2, 6], [3, 4], [5, 3], [29, 2]] as const) {
      const s = new Scrambled(base, createRng(base));
      const n = base ** m;
      const cells = new Set(Array.from({ length: n }, (_, i) => Math.floor(s.at(i) * n)));
      expect(cells.size).toBe(n);
    }
  });
  it('gives each parameter its own coordinate, evenly spread from the first trials', async () => {
    const study = await createStudy({ sampler: qmcSampler({ seed: 1 }) });
    await study.optimize((t) => t.suggestFloat('x', 0, 1) + t.suggestFloat('y', 0, 1), { trials: 9 });
    const xs = study.trials.slice(0, 8).map((t) => Math.floor(8 * (t.params.x as number))).sort();
    const ys = study.trials.map((t) => Math.floor(9 * (t.params.y as number))).sort();
    expect(xs).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(ys).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });
  it('covers a 2-D square more evenly than random search', async () => {
    // star discrepancy proxy: worst count error over a 4x4 grid of cells, 64 points
    const worst = async (sampler: ReturnType<typeof qmcSampler>) => {
      const study = await createStudy({ sampler });
      await study.optimize((t) => t.suggestFloat('a', 0, 1) + t.suggestFloat('b', 0, 1), { trials: 64 });
      const counts = new Array(16).fill(0);
      for (const t of study.trials) counts[Math.floor(4 * (t.params.a as number)) * 4 + Math.floor(4 * (t.params.b as number))]++;
      return Math.max(...counts.map((c) => Math.abs(c - 4)));
    };
    let qmcWorse = 0;
    for (let seed = 0; seed < 5; seed++) if ((await worst(qmcSampler({ seed }))) >= (await worst(randomSampler({ seed })))) qmcWorse++;
    expect(qmcWorse).toBeLessThanOrEqual(1);
  });
  it('is deterministic given its seed and differs between seeds', async () => {
    const run = async (seed: number) => {
      const study = await createStudy({ sampler: qmcSampler({ seed }) });
      await study.optimize((t) => t.suggestInt('k', 1, 100, { log: true }) + t.suggestFloat('z', -1, 1), { trials: 10 });
      return study.trials.map((t) => t.params);
    };
    expect(await run(3)).toEqual(await run(3));
    expect(await run(3)).not.toEqual(await run(4));
  });
  it('rejects a bad seed', () => {
    expect(() => qmcSampler({ seed: NaN })).toThrow('qmcSampler: seed is NaN, expected a string or a finite number');
  });
});
