/**
 * The contract every sampler must pass (after Optuna's
 * `testing/pytest_samplers.py`): values inside each distribution (bounds,
 * log, step, integers, categories), single-valued distributions, conditional
 * and changing spaces, determinism per seed, failed and pruned trials
 * ignored, concurrent (pending) trials, ask-and-tell.
 *
 * To add a sampler, append one entry to SAMPLERS (engineers add theirs).
 */
import { describe, expect, it } from 'vitest';
import { createStudy } from '../../src/search/Study';
import { containsValue, floatDistribution, intDistribution, categoricalDistribution } from '../../src/search/distributions';
import { TrialPruned } from '../../src/search/errors';
import { qmcSampler } from '../../src/search/samplers/qmcSampler';
import { randomSampler } from '../../src/search/samplers/randomSampler';
import { tpeSampler } from '../../src/search/samplers/tpe';
import { gpSampler } from '../../src/search/samplers/gp';
import type { Trial } from '../../src/search/Trial';
import type { Sampler } from '../../src/search/types';

interface SamplerCase {
  readonly name: string;
  /** A fresh sampler with this seed. */
  readonly make: (seed: number) => Sampler;
  /** Trials per test: enough to pass the sampler's start-up phase, few enough to stay fast. */
  readonly trials: number;
}

export const SAMPLERS: SamplerCase[] = [
  { name: 'randomSampler', make: (seed) => randomSampler({ seed }), trials: 40 },
  { name: 'qmcSampler', make: (seed) => qmcSampler({ seed }), trials: 40 },
  // I2's model-based samplers, with a small startup so the model-based path runs.
  { name: 'tpeSampler', make: (seed) => tpeSampler({ seed, startupTrials: 5 }), trials: 30 },
  { name: 'tpeSampler (multivariate, constant liar)', make: (seed) => tpeSampler({ seed, startupTrials: 5, multivariate: true, constantLiar: true }), trials: 30 },
  { name: 'gpSampler', make: (seed) => gpSampler({ seed, startupTrials: 5 }), trials: 20 },
];

const space = {
  f: floatDistribution(-2, 3),
  lf: floatDistribution(1e-5, 1e-1, { log: true }),
  sf: floatDistribution(0, 1, { step: 0.125 }),
  i: intDistribution(-5, 5),
  si: intDistribution(0, 100, { step: 10 }),
  li: intDistribution(1, 1024, { log: true }),
  c: categoricalDistribution(['adam', 'sgd', null, true, 3]),
};

/** Asks every parameter of `space`; a smooth function of them, minimum near the middle. */
function full(t: Trial): number {
  const f = t.suggestFloat('f', -2, 3);
  const lf = t.suggestFloat('lf', 1e-5, 1e-1, { log: true });
  const sf = t.suggestFloat('sf', 0, 1, { step: 0.125 });
  const i = t.suggestInt('i', -5, 5);
  const si = t.suggestInt('si', 0, 100, { step: 10 });
  const li = t.suggestInt('li', 1, 1024, { log: true });
  const c = t.suggestCategorical('c', ['adam', 'sgd', null, true, 3]);
  return (f - 0.5) ** 2 + (Math.log10(lf) + 3) ** 2 + (sf - 0.5) ** 2 + i * i / 10 + (si - 50) ** 2 / 1000 + Math.log2(li) / 10 + (c === 'sgd' ? 0 : 1);
}

for (const sc of SAMPLERS) {
  describe(`${sc.name} (sampler contract)`, () => {
    it('keeps every value inside its distribution: bounds, log, step, integer, category', async () => {
      const study = await createStudy({ sampler: sc.make(1) });
      await study.optimize(full, { trials: sc.trials });
      expect(study.trials.filter((t) => t.state === 'complete').length).toBe(sc.trials);
      for (const t of study.trials) for (const [k, d] of Object.entries(space)) expect(containsValue(d, t.params[k]), `${k} = ${String(t.params[k])}`).toBe(true);
    });

    it('returns the only value of a single-valued distribution', async () => {
      const study = await createStudy({ sampler: sc.make(2) });
      await study.optimize((t) => t.suggestFloat('a', 2, 2) + t.suggestInt('b', 7, 7) + (t.suggestCategorical('c', ['x']) === 'x' ? 0 : 1) + t.suggestFloat('x', 0, 1), { trials: Math.min(sc.trials, 15) });
      for (const t of study.trials) expect([t.params.a, t.params.b, t.params.c]).toEqual([2, 7, 'x']);
    });

    it('is deterministic given its seed', async () => {
      const run = async () => {
        const study = await createStudy({ sampler: sc.make(7) });
        await study.optimize(full, { trials: Math.min(sc.trials, 25) });
        return study.trials.map((t) => t.params);
      };
      expect(await run()).toEqual(await run());
    });

    it('handles conditional spaces and ranges that change between trials', async () => {
      const study = await createStudy({ sampler: sc.make(3) });
      await study.optimize(
        (t) => {
          const kind = t.suggestCategorical('kind', ['linear', 'mlp']);
          if (kind === 'mlp') {
            const layers = t.suggestInt('layers', 1, 3);
            let s = 0;
            for (let l = 0; l < layers; l++) s += t.suggestInt(`units${l}`, 4, 64, { log: true });
            return s / 100;
          }
          const hi = t.number % 2 === 0 ? 1 : 10; // a range that changes
          return t.suggestFloat('c', 0, hi);
        },
        { trials: sc.trials },
      );
      expect(study.trials.every((t) => t.state === 'complete')).toBe(true);
      for (const t of study.trials) for (const [k, d] of Object.entries(t.distributions)) expect(containsValue(d, t.params[k])).toBe(true);
    });

    it('ignores failed trials and copes with pruned ones', async () => {
      const study = await createStudy({ sampler: sc.make(4) });
      await study.optimize(
        (t) => {
          const x = t.suggestFloat('x', -1, 1);
          if (t.number % 3 === 1) throw new Error('fails');
          if (t.number % 3 === 2) {
            t.report(x, 0);
            throw new TrialPruned();
          }
          return x * x;
        },
        { trials: sc.trials },
      );
      const states = study.trials.map((t) => t.state);
      expect(states.filter((s) => s === 'complete').length).toBe(Math.ceil(sc.trials / 3));
      expect(states.includes('failed') && states.includes('pruned')).toBe(true);
    });

    it('proposes valid, not all identical, points for concurrent trials', async () => {
      const study = await createStudy({ sampler: sc.make(5) });
      await study.optimize(
        async (t) => {
          const x = t.suggestFloat('x', -1, 1);
          await new Promise((r) => setTimeout(r, 1));
          return x * x;
        },
        { trials: sc.trials, concurrency: 4 },
      );
      const xs = study.trials.map((t) => t.params.x as number);
      expect(xs.every((x) => x >= -1 && x <= 1)).toBe(true);
      // within each window of 4 simultaneous trials, not all the same point
      for (let i = 0; i + 4 <= xs.length; i += 4) expect(new Set(xs.slice(i, i + 4)).size).toBeGreaterThan(1);
    });

    it('works through ask and tell, and maximises', async () => {
      const study = await createStudy({ sampler: sc.make(6), direction: 'maximize' });
      for (let n = 0; n < Math.min(sc.trials, 20); n++) {
        const trial = await study.ask();
        await study.tell(trial, -((trial.suggestFloat('x', -1, 1) - 0.3) ** 2));
      }
      expect(study.bestValue).toBeLessThanOrEqual(0);
      expect(study.trials.length).toBe(Math.min(sc.trials, 20));
    });
  });
}
