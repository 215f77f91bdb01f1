import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/core/configErrors';
import { parameterImportancePlot } from '../../src/plot/parameterImportancePlot';
import { parameterImportance } from '../../src/search/parameterImportance';
import { createStudy } from '../../src/search/Study';
import { randomSampler } from '../../src/search/samplers/randomSampler';
import { ariaFields, markItems, rectOf, render, schemaErrors } from './helpers';

describe('parameterImportancePlot', () => {
  it('returns a Vega-Lite v6 spec that the schema accepts, most important first', () => {
    const spec = parameterImportancePlot({ l2: 0.2, learningRate: 0.7, hidden: 0.1 });
    expect(schemaErrors(spec)).toEqual([]);
    expect(spec.description).toBe('Importance of 3 hyperparameters: learningRate 0.7, l2 0.2, hidden 0.1.');
  });

  it('draws bars from 0 whose lengths are proportional to the importances, ordered from the top', async () => {
    const { doc } = await render(parameterImportancePlot({ l2: 0.2, learningRate: 0.7, hidden: 0.1 }));
    const bars = markItems(doc, 'bars').filter((i) => i.tag === 'path');
    expect(bars).toHaveLength(3);
    const rect = new Map(bars.map((b) => [ariaFields(b).parameter, rectOf(b)]));
    const len = (k: string) => rect.get(k)![2] - rect.get(k)![0];
    expect(rect.get('learningRate')![0]).toBeCloseTo(0, 5);
    expect(Math.abs(len('l2') / len('learningRate') - 0.2 / 0.7)).toBeLessThan(0.01);
    expect(Math.abs(len('hidden') / len('learningRate') - 0.1 / 0.7)).toBeLessThan(0.01);
    expect(rect.get('learningRate')![1]).toBeLessThan(rect.get('l2')![1]);
    expect(rect.get('l2')![1]).toBeLessThan(rect.get('hidden')![1]);
  });

  it('plots the PED-ANOVA importances of a real seeded study', async () => {
    const study = await createStudy({ sampler: randomSampler({ seed: 1 }) });
    await study.optimize((t) => t.suggestFloat('x', 0, 1) ** 2 + 0.01 * t.suggestFloat('y', 0, 1), { trials: 60 });
    const importance = parameterImportance(study);
    const spec = parameterImportancePlot(importance);
    expect(schemaErrors(spec)).toEqual([]);
    const { doc } = await render(spec);
    const bars = markItems(doc, 'bars').filter((i) => i.tag === 'path');
    const top = bars.reduce((a, b) => (rectOf(a)[1] < rectOf(b)[1] ? a : b));
    expect(ariaFields(top).parameter).toBe('x');
  });

  it('throws InvalidOptionError for a negative importance or none at all', () => {
    expect(() => parameterImportancePlot({ a: -0.1 })).toThrow(new InvalidOptionError('parameterImportancePlot: importance.a is -0.1, expected a finite number >= 0'));
    expect(() => parameterImportancePlot({})).toThrow(InvalidOptionError);
  });
});
