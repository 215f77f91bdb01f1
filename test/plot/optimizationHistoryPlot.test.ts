import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/core/configErrors';
import { optimizationHistoryPlot } from '../../src/plot/optimizationHistoryPlot';
import { optimizationHistory } from '../../src/search/analysis/optimizationHistory';
import { createStudy } from '../../src/search/Study';
import { randomSampler } from '../../src/search/samplers/randomSampler';
import { ariaFields, lineVertices, markItems, position, render, schemaErrors } from './helpers';

const history = { direction: 'minimize' as const, numbers: Float64Array.from([0, 1, 2]), values: Float64Array.from([3, 1, 2]), bestSoFar: Float64Array.from([3, 1, 1]) };

describe('optimizationHistoryPlot', () => {
  it('returns a Vega-Lite v6 spec that the schema accepts', () => {
    const spec = optimizationHistoryPlot(history, { objectiveName: 'Validation error' });
    expect(schemaErrors(spec)).toEqual([]);
    expect(spec.description).toBe('Optimization history of 3 complete trials (minimize): best value 1 at trial 1.');
    expect(JSON.stringify(spec)).toContain('Validation error');
  });

  it('draws one dot per trial and the best so far as a step line through the same scale', async () => {
    const { doc } = await render(optimizationHistoryPlot(history));
    const dots = markItems(doc, 'trials').filter((i) => i.tag === 'path');
    expect(dots).toHaveLength(3);
    const at = new Map(dots.map((d) => [Number(ariaFields(d).Trial), position(d)]));
    const [x0, y3] = at.get(0)!;
    const [x1, y1] = at.get(1)!;
    const [x2, y2] = at.get(2)!;
    expect(Math.abs(x1 - x0 - (x2 - x1))).toBeLessThan(1);
    expect(Math.abs(y2 - y3 - (y1 - y3) / 2)).toBeLessThan(1); // 2 is half-way from 3 to 1
    // step-after: (0, 3) → (1, 3) → (1, 1) → (2, 1), d3 closing on the last point itself
    const steps = lineVertices(doc, 'best');
    const expected = [[x0, y3], [x1, y3], [x1, y1], [x2, y1], [x2, y1]];
    expect(steps).toHaveLength(5);
    steps.forEach(([px, py], i) => {
      expect(Math.abs(px - expected[i][0])).toBeLessThan(1);
      expect(Math.abs(py - expected[i][1])).toBeLessThan(1);
    });
  });

  it('plots the history of a real seeded study, best-so-far never rising when minimising', async () => {
    const study = await createStudy({ sampler: randomSampler({ seed: 3 }) });
    await study.optimize((t) => (t.suggestFloat('x', -3, 3) - 1) ** 2, { trials: 25 });
    const h = optimizationHistory(study);
    const spec = optimizationHistoryPlot(h);
    expect(schemaErrors(spec)).toEqual([]);
    const { doc } = await render(spec);
    expect(markItems(doc, 'trials').filter((i) => i.tag === 'path')).toHaveLength(25);
    const steps = lineVertices(doc, 'best');
    for (let i = 1; i < steps.length; i++) expect(steps[i][1]).toBeGreaterThanOrEqual(steps[i - 1][1] - 1e-9); // pixels: down is larger
    expect(spec.description).toContain(`best value ${Number(study.bestValue!.toPrecision(4))}`);
  });

  it('throws InvalidOptionError for a log axis over a value <= 0', () => {
    expect(() => optimizationHistoryPlot({ ...history, values: Float64Array.from([3, 0, 2]) }, { logY: true })).toThrow(InvalidOptionError);
  });
});
