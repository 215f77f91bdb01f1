import { describe, expect, it } from 'vitest';
import { createStudy } from '../../src/search/Study';
import { optimizationHistory } from '../../src/search/analysis/optimizationHistory';
import { slices } from '../../src/search/analysis/slices';
import { intermediateValueCurves } from '../../src/search/analysis/intermediateValueCurves';
import { randomSampler } from '../../src/search/samplers/randomSampler';

async function scripted(direction: 'minimize' | 'maximize' = 'minimize') {
  const study = await createStudy({ direction, sampler: randomSampler({ seed: 1 }) });
  const values = [3, 1, NaN, 2, 0.5];
  await study.optimize(
    (t) => {
      const v = values[t.number]!;
      t.suggestFloat('lr', 1e-4, 1, { log: true });
      if (t.number % 2 === 0) t.suggestCategorical('opt', ['adam', 'sgd']);
      t.report(v + 1, 1);
      t.report(v + 2, 0);
      return v;
    },
    { trials: 5 },
  );
  return study;
}

describe('analysis helpers', () => {
  it('optimizationHistory gives the complete trials and the running best', async () => {
    const h = optimizationHistory(await scripted());
    expect([...h.numbers]).toEqual([0, 1, 3, 4]);
    expect([...h.values]).toEqual([3, 1, 2, 0.5]);
    expect([...h.bestSoFar]).toEqual([3, 1, 1, 0.5]);
    expect([...optimizationHistory(await scripted('maximize')).bestSoFar]).toEqual([3, 3, 3, 3]);
  });
  it('slices give each parameter against the objective, categories as indices', async () => {
    const study = await scripted();
    const [lr, opt] = slices(study);
    expect(lr!.name).toBe('lr');
    expect(lr!.log).toBe(true);
    expect([...lr!.numbers]).toEqual([0, 1, 3, 4]);
    expect([...lr!.x]).toEqual([0, 1, 3, 4].map((n) => study.trials[n]!.params.lr));
    expect(lr!.categories).toBeUndefined();
    expect(opt!.categories).toEqual(['adam', 'sgd']);
    expect([...opt!.numbers]).toEqual([0, 4]);
    expect([...opt!.x]).toEqual([0, 4].map((n) => ['adam', 'sgd'].indexOf(study.trials[n]!.params.opt as string)));
    expect([...opt!.objective]).toEqual([3, 0.5]);
    expect(slices(study, { params: ['opt'] }).map((s) => s.name)).toEqual(['opt']);
  });
  it('intermediateValueCurves sort the steps of every trial that reported', async () => {
    const curves = intermediateValueCurves(await scripted());
    expect(curves.length).toBe(4); // trial 2 failed at its first report (NaN + 2 is not finite)
    expect([...curves[0]!.steps]).toEqual([0, 1]);
    expect([...curves[0]!.values]).toEqual([5, 4]);
    expect(curves.map((c) => c.state)).toEqual(['complete', 'complete', 'complete', 'complete']);
  });
});
