import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../../../src/core/configErrors';
import { categoricalDistribution, floatDistribution, intDistribution } from '../../../../src/search/distributions';
import { gpSampler } from '../../../../src/search/samplers/gp';
import { tpeSampler } from '../../../../src/search/samplers/tpe';
import type { Distribution, ParamValue } from '../../../../src/search/types';
import { ask, bestSoFar, branin, ListStudy, runLoop } from '../../samplerLoop';

const braninSpace = { x: floatDistribution(-5, 10), y: floatDistribution(0, 15) };
const braninObjective = (p: Record<string, ParamValue>) => branin(p.x as number, p.y as number) - 0.397887357729738;

describe('gpSampler', () => {
  it('proposes the same sequence for the same seed', () => {
    const a = runLoop(gpSampler({ seed: 3, startupTrials: 8 }), braninSpace, braninObjective, 16).trials.map((t) => t.params);
    const b = runLoop(gpSampler({ seed: 3, startupTrials: 8 }), braninSpace, braninObjective, 16).trials.map((t) => t.params);
    const c = runLoop(gpSampler({ seed: 4, startupTrials: 8 }), braninSpace, braninObjective, 16).trials.map((t) => t.params);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('handles log floats, log integers, stepped integers and categoricals, and finds the good category', () => {
    const space: Record<string, Distribution> = {
      lr: floatDistribution(1e-5, 1e-1, { log: true }),
      units: intDistribution(1, 1024, { log: true }),
      batch: intDistribution(16, 256, { step: 16 }),
      act: categoricalDistribution(['relu', 'tanh', 'sigmoid']),
    };
    const objective = (p: Record<string, ParamValue>) =>
      (Math.log10(p.lr as number) + 2.5) ** 2 + 0.25 * (Math.log2(p.units as number) - 6) ** 2 + ((p.batch as number) - 64) ** 2 / 1e4 + (p.act === 'tanh' ? 0 : 1);
    const study = runLoop(gpSampler({ seed: 1, startupTrials: 10 }), space, objective, 30);
    for (const t of study.trials) {
      const p = t.params;
      expect((p.lr as number) >= 1e-5 && (p.lr as number) <= 1e-1).toBe(true);
      expect(Number.isInteger(p.units) && (p.units as number) >= 1 && (p.units as number) <= 1024).toBe(true);
      expect(((p.batch as number) - 16) % 16 === 0 && (p.batch as number) <= 256).toBe(true);
      expect(['relu', 'tanh', 'sigmoid']).toContain(p.act);
    }
    const best = study.trials.reduce((a, b) => (b.value! < a.value! ? b : a));
    expect(best.params.act).toBe('tanh');
    expect(best.value!).toBeLessThan(0.3);
  });

  it('maximises when the study maximises', () => {
    const study = runLoop(gpSampler({ seed: 2, startupTrials: 5 }), { x: floatDistribution(0, 1) }, (p) => -(((p.x as number) - 0.2) ** 2), 16, 'maximize');
    expect(Math.abs((study.trials.reduce((a, b) => (b.value! > a.value! ? b : a)).params.x as number) - 0.2)).toBeLessThan(0.01);
  });

  it('treats running trials as pending (constant liar): concurrent asks get distinct points', () => {
    const d = { x: floatDistribution(0, 1), y: floatDistribution(0, 1) };
    const study = new ListStudy();
    for (let i = 0; i < 12; i++) study.add({ x: (i * 0.618) % 1, y: (i * 0.382) % 1 }, d, ((i * 0.618) % 1 - 0.3) ** 2 + ((i * 0.382) % 1 - 0.6) ** 2);
    const sampler = gpSampler({ seed: 5, startupTrials: 10 });
    const pts = Array.from({ length: 4 }, () => ask(study, sampler, d).params);
    for (let i = 0; i < 4; i++) for (let j = 0; j < i; j++) {
      expect(Math.hypot((pts[i]!.x as number) - (pts[j]!.x as number), (pts[i]!.y as number) - (pts[j]!.y as number))).toBeGreaterThan(1e-3);
    }
  });

  it('clearly beats random sampling, and TPE, on Branin in a small seeded test', () => {
    const seeds = [0, 1, 2, 3, 4];
    const gp = seeds.map((seed) => bestSoFar(runLoop(gpSampler({ seed, startupTrials: 10 }), braninSpace, braninObjective, 30))[29]!).sort((a, b) => a - b);
    const random = seeds.map((seed) => bestSoFar(runLoop(tpeSampler({ seed, startupTrials: 1000 }), braninSpace, braninObjective, 30))[29]!).sort((a, b) => a - b);
    expect(gp[2]!).toBeLessThan(0.01);
    expect(gp[2]!).toBeLessThan(random[2]! / 20);
  }, 30_000);

  it('samples at random during its 20 startup trials by default', () => {
    // A random sequence does not depend on the objective; the model's proposals do.
    const a = runLoop(gpSampler({ seed: 6 }), braninSpace, braninObjective, 24).trials.map((t) => t.params);
    const b = runLoop(gpSampler({ seed: 6 }), braninSpace, () => 1, 24).trials.map((t) => t.params);
    expect(b.slice(0, 20)).toEqual(a.slice(0, 20));
    expect(b.slice(20)).not.toEqual(a.slice(20));
  });

  it('names the option in its errors', () => {
    expect(() => gpSampler({ candidates: 0 })).toThrow(InvalidOptionError);
    expect(() => gpSampler({ startupTrials: 1.5 })).toThrow(/gpSampler: startupTrials/);
  });
});
