import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../../../src/core/configErrors';
import { categoricalDistribution, floatDistribution, intDistribution } from '../../../../src/search/distributions';
import { tpeSampler } from '../../../../src/search/samplers/tpe';
import type { Distribution, ParamValue } from '../../../../src/search/types';
import { ask, bestSoFar, branin, ListStudy, runLoop, tell } from '../../samplerLoop';

const braninSpace = { x: floatDistribution(-5, 10), y: floatDistribution(0, 15) };
const braninObjective = (p: Record<string, ParamValue>) => branin(p.x as number, p.y as number) - 0.397887357729738;
const mixedSpace: Record<string, Distribution> = {
  lr: floatDistribution(1e-5, 1e-1, { log: true }),
  units: intDistribution(1, 1024, { log: true }),
  batch: intDistribution(16, 256, { step: 16 }),
  dropout: floatDistribution(0, 0.5, { step: 0.1 }),
  act: categoricalDistribution(['relu', 'tanh', 'sigmoid']),
};
const mixedObjective = (p: Record<string, ParamValue>) =>
  (Math.log10(p.lr as number) + 2.5) ** 2 + 0.25 * (Math.log2(p.units as number) - 6) ** 2 + ((p.batch as number) - 64) ** 2 / 1e4 + (p.dropout as number) + (p.act === 'relu' ? 0 : 1);

describe('tpeSampler', () => {
  it('proposes the same sequence for the same seed and a different one for another seed', () => {
    const a = runLoop(tpeSampler({ seed: 7 }), braninSpace, braninObjective, 30).trials.map((t) => t.params);
    const b = runLoop(tpeSampler({ seed: 7 }), braninSpace, braninObjective, 30).trials.map((t) => t.params);
    const c = runLoop(tpeSampler({ seed: 8 }), braninSpace, braninObjective, 30).trials.map((t) => t.params);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('respects bounds, log scale, steps, integers and choices in every proposal, univariate and multivariate', () => {
    for (const multivariate of [false, true]) {
      const study = runLoop(tpeSampler({ seed: 1, multivariate }), mixedSpace, mixedObjective, 60);
      for (const t of study.trials) {
        const p = t.params;
        expect(p.lr as number).toBeGreaterThanOrEqual(1e-5);
        expect(p.lr as number).toBeLessThanOrEqual(1e-1);
        expect(Number.isInteger(p.units) && (p.units as number) >= 1 && (p.units as number) <= 1024).toBe(true);
        expect(((p.batch as number) - 16) % 16 === 0 && (p.batch as number) >= 16 && (p.batch as number) <= 256).toBe(true);
        expect([0, 0.1, 0.2, 0.3, 0.4, 0.5]).toContain(p.dropout);
        expect(['relu', 'tanh', 'sigmoid']).toContain(p.act);
      }
    }
  });

  it('concentrates on the good region of a mixed space (log-float, log-int, grid, categorical)', () => {
    const study = runLoop(tpeSampler({ seed: 2 }), mixedSpace, mixedObjective, 80);
    const late = study.trials.slice(60);
    expect(late.filter((t) => t.params.act === 'relu').length).toBeGreaterThan(12);
    expect(Math.min(...study.trials.map((t) => t.value!))).toBeLessThan(0.3);
  });

  it('samples at random for the first startupTrials trials, then from the model', () => {
    // With a model, proposals cluster near the best point; at random they cover the range.
    const objective = (p: Record<string, ParamValue>) => ((p.x as number) - 0.9) ** 2;
    const space = { x: floatDistribution(0, 1) };
    const study = runLoop(tpeSampler({ seed: 3, startupTrials: 5 }), space, objective, 40);
    const late = study.trials.slice(20).map((t) => t.params.x as number);
    expect(late.filter((x) => x > 0.7).length).toBeGreaterThan(15);
    const allRandom = runLoop(tpeSampler({ seed: 3, startupTrials: 100 }), space, objective, 40).trials.slice(20).map((t) => t.params.x as number);
    expect(allRandom.filter((x) => x > 0.7).length).toBeLessThan(12);
  });

  it('maximises when the study maximises', () => {
    const study = runLoop(tpeSampler({ seed: 4 }), { x: floatDistribution(0, 1) }, (p) => -(((p.x as number) - 0.2) ** 2), 40, 'maximize');
    const late = study.trials.slice(25).map((t) => t.params.x as number);
    // Minimising the same function would drive x to the far end, 1.
    expect(late.filter((x) => Math.abs(x - 0.2) < 0.15).length).toBeGreaterThanOrEqual(8);
    expect(late.filter((x) => x > 0.6).length).toBeLessThan(4);
  });

  it('handles conditional parameters: each is modelled from the trials that have it', () => {
    const sampler = tpeSampler({ seed: 5 });
    const study = new ListStudy();
    const kind = categoricalDistribution(['a', 'b']);
    const xa = floatDistribution(0, 1), xb = floatDistribution(10, 20);
    for (let i = 0; i < 50; i++) {
      const { params, running } = ask(study, sampler, { kind });
      const extra = params.kind === 'a' ? { xa } : { xb };
      const name = Object.keys(extra)[0]!;
      const d = Object.values(extra)[0]!;
      const v = sampler.sampleIndependent(study, running, name, d) as number;
      expect(v >= (d as { low: number }).low && v <= (d as { high: number }).high).toBe(true);
      const done = { ...running, params: { ...running.params, [name]: v }, distributions: { ...running.distributions, [name]: d } };
      study.trials[running.number] = done;
      tell(study, done, params.kind === 'a' ? Math.abs(v - 0.7) : 1 + Math.abs(v - 15));
    }
    const late = study.trials.slice(30);
    expect(late.filter((t) => t.params.kind === 'a').length).toBeGreaterThan(12);
  });

  it('ignores failed trials and ranks pruned trials behind completed ones', () => {
    const d = { x: floatDistribution(0, 1) };
    const study = new ListStudy();
    for (let i = 0; i < 20; i++) study.add({ x: 0.05 * i }, d, 1 + 0.01 * i);
    // Failed trials near 0.95 with no value and pruned ones with tiny intermediate values must not attract proposals.
    for (let i = 0; i < 10; i++) study.add({ x: 0.95 }, d, undefined, 'failed');
    for (let i = 0; i < 10; i++) study.add({ x: 0.9 }, d, -100, 'pruned', [[1, -100]]);
    const sampler = tpeSampler({ seed: 6 });
    const xs: number[] = [];
    for (let i = 0; i < 20; i++) {
      const { params, running } = ask(study, sampler, d);
      xs.push(params.x as number);
      study.trials.pop();
      void running;
    }
    expect(xs.filter((x) => x < 0.3).length).toBeGreaterThan(12);
  });

  it('with constantLiar, concurrent asks do not pile onto the same point', () => {
    const d = { x: floatDistribution(0, 1) };
    const spread = (constantLiar: boolean) => {
      const study = new ListStudy();
      for (let i = 0; i < 20; i++) study.add({ x: i / 19 }, d, Math.abs(i / 19 - 0.5));
      const sampler = tpeSampler({ seed: 9, constantLiar });
      const xs = Array.from({ length: 8 }, () => ask(study, sampler, d).params.x as number);
      xs.sort((a, b) => a - b);
      return Math.min(...xs.slice(1).map((x, i) => x - xs[i]!));
    };
    expect(spread(true)).toBeGreaterThan(spread(false));
  });

  it('clearly beats random sampling on Branin in a small seeded test', () => {
    const seeds = [0, 1, 2, 3, 4, 5, 6, 7];
    const regret = (startupTrials: number) =>
      seeds.map((seed) => bestSoFar(runLoop(tpeSampler({ seed, startupTrials }), braninSpace, braninObjective, 60))[59]!).sort((a, b) => a - b);
    const tpe = regret(10), random = regret(1000);
    expect(tpe[4]!).toBeLessThan(random[4]! / 2);
    expect(tpe.filter((r, i) => r < random[i]!).length).toBeGreaterThanOrEqual(6);
  });

  it('models numeric parameters jointly by default and leaves categorical ones to independent sampling unless jointCategoricals', () => {
    const study = runLoop(tpeSampler({ seed: 1, multivariate: false }), mixedSpace, mixedObjective, 12);
    const running = ask(study, tpeSampler({ seed: 1 }), {}).running;
    expect(Object.keys(tpeSampler().inferRelativeSearchSpace(study, running)).sort()).toEqual(['batch', 'dropout', 'lr', 'units']);
    expect(Object.keys(tpeSampler({ jointCategoricals: true }).inferRelativeSearchSpace(study, running)).sort()).toEqual(['act', 'batch', 'dropout', 'lr', 'units']);
    expect(tpeSampler({ multivariate: false }).inferRelativeSearchSpace(study, running)).toEqual({});
  });

  it('beats the independent TPE on Branin with its joint neighbour-bandwidth model (seeded, 8 runs)', () => {
    const seeds = [0, 1, 2, 3, 4, 5, 6, 7];
    const regret = (multivariate: boolean) =>
      seeds.map((seed) => bestSoFar(runLoop(tpeSampler({ seed, multivariate }), braninSpace, braninObjective, 50))[49]!).sort((a, b) => a - b);
    const joint = regret(true), independent = regret(false);
    expect(joint[3]! + joint[4]!).toBeLessThan(independent[3]! + independent[4]!);
  });

  it('names the option in its errors', () => {
    expect(() => tpeSampler({ bandwidth: 'silverman' as 'scott' })).toThrow(/tpeSampler: bandwidth/);
    expect(() => tpeSampler({ startupTrials: -1 })).toThrow(InvalidOptionError);
    expect(() => tpeSampler({ nEiCandidates: 0 })).toThrow(/tpeSampler: nEiCandidates/);
    expect(() => tpeSampler({ seed: Number.NaN })).toThrow(/tpeSampler: seed is NaN/);
    expect(() => tpeSampler({ weights: () => [-1] }).sampleIndependent(filled(), filled().trials[0]!, 'x', floatDistribution(0, 1))).toThrow(/weights/);
  });
});

function filled(): ListStudy {
  const s = new ListStudy();
  for (let i = 0; i < 12; i++) s.add({ x: i / 12 }, { x: floatDistribution(0, 1) }, i);
  return s;
}

describe('tpeSampler in a concurrent study', () => {
  it('gives 4 trials started together 4 different points (constant liar by default)', async () => {
    const { createStudy } = await import('../../../../src/search/Study');
    const study = await createStudy({ sampler: tpeSampler({ seed: 3, startupTrials: 4 }) });
    await study.optimize(
      async (t) => {
        const x = t.suggestFloat('x', 0, 1), y = t.suggestInt('y', 0, 3);
        await new Promise((r) => setTimeout(r, 2));
        return (x - 0.3) ** 2 + y;
      },
      { trials: 24, concurrency: 4 },
    );
    const points = study.trials.map((t) => `${t.params.x}/${t.params.y}`);
    expect(new Set(points).size).toBe(24);
  });
});
