import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/core/configErrors';
import { createRng } from '../../src/core/random';
import { categoricalDistribution, floatDistribution, fromUnit, intDistribution } from '../../src/search/distributions';
import { parameterImportance } from '../../src/search/parameterImportance';
import type { Distribution, ParamValue } from '../../src/search/types';
import { ListStudy } from './samplerLoop';

function randomStudy(space: Record<string, Distribution>, objective: (p: Record<string, ParamValue>) => number, n: number, seed = 1, direction: 'minimize' | 'maximize' = 'minimize'): ListStudy {
  const rng = createRng(seed);
  const study = new ListStudy(direction);
  for (let i = 0; i < n; i++) {
    const params = Object.fromEntries(Object.entries(space).map(([k, d]) => [k, fromUnit(d, rng())]));
    study.add(params, space, objective(params));
  }
  return study;
}

describe('parameterImportance', () => {
  const space = { x: floatDistribution(0, 1), y: floatDistribution(0, 1), lr: floatDistribution(1e-5, 1, { log: true }) };

  it('rates the parameter that decides the objective far above ones that barely matter, and sums to 1', () => {
    const study = randomStudy(space, (p) => ((p.x as number) - 0.3) ** 2 + 0.001 * (p.y as number) + 0.001 * Math.log10(p.lr as number), 300);
    const imp = parameterImportance(study);
    expect(Object.keys(imp)[0]).toBe('x');
    expect(imp.x!).toBeGreaterThan(0.8);
    expect(Object.values(imp).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    for (const v of Object.values(imp)) expect(v).toBeGreaterThanOrEqual(0);
  });

  it('works on the log scale of log parameters, on integers and on categories', () => {
    const mixed = { lr: floatDistribution(1e-5, 1, { log: true }), units: intDistribution(1, 8), act: categoricalDistribution(['relu', 'tanh', 'sigmoid']) };
    const study = randomStudy(mixed, (p) => (Math.log10(p.lr as number) + 3) ** 2 + (p.act === 'relu' ? 0 : 4) + 0.01 * (p.units as number), 400, 2);
    const imp = parameterImportance(study);
    expect(imp.units!).toBeLessThan(0.1);
    expect(imp.lr! + imp.act!).toBeGreaterThan(0.9);
    expect(imp.act!).toBeGreaterThan(0.2);
  });

  it('follows the study direction: maximising the negated objective gives the same importances', () => {
    const f = (p: Record<string, ParamValue>) => ((p.x as number) - 0.3) ** 2 + 0.2 * (p.y as number);
    const a = parameterImportance(randomStudy(space, f, 200, 3));
    const b = parameterImportance(randomStudy(space, (p) => -f(p), 200, 3, 'maximize'));
    expect(b).toEqual(a);
  });

  it('ignores failed trials and rates only the requested parameters', () => {
    const study = randomStudy(space, (p) => (p.y as number), 100, 4);
    study.add({ x: 0.5, y: 0.5, lr: 0.1 }, space, undefined, 'failed');
    const imp = parameterImportance(study, { params: ['x', 'y'] });
    expect(Object.keys(imp)).toEqual(['y', 'x']);
    expect(imp.y!).toBeGreaterThan(0.8);
  });

  it('leaves out parameters that not every completed trial has (conditional ones), unless asked, then throws', () => {
    const study = randomStudy(space, (p) => p.x as number, 50, 5);
    study.add({ x: 0.1, y: 0.1 }, { x: space.x, y: space.y }, 0.1);
    expect(Object.keys(parameterImportance(study)).sort()).toEqual(['x', 'y']);
    expect(() => parameterImportance(study, { params: ['lr'] })).toThrow(/parameterImportance: params\[0\] is "lr"/);
  });

  it('needs two completed trials', () => {
    const study = randomStudy(space, (p) => p.x as number, 1);
    expect(() => parameterImportance(study)).toThrow(InvalidOptionError);
    expect(() => parameterImportance(study)).toThrow(/has 1 completed trials, expected at least 2/);
  });
});
