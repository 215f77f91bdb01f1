import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/core/configErrors';
import { learningCurveFromErrors } from '../../src/diagnostics/learningCurve';
import { learningCurvePlot } from '../../src/plot/learningCurvePlot';
import { learningCurveFixture } from './fixtures';
import { ariaFields, lineVertices, log, markItems, position, render, schemaErrors } from './helpers';

describe('learningCurvePlot', () => {
  const curve = learningCurveFixture();

  it('returns a Vega-Lite v6 spec that the schema accepts, describing the curve, the fit and the target', () => {
    const spec = learningCurvePlot(curve, { targetError: 0.08 });
    expect(schemaErrors(spec)).toEqual([]);
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    // 2 / (0.08 - 0.05) = 66.67, squared: 4444.4 -> 4445 examples
    expect(spec.description).toBe(
      'Learning curve at 5 training-set sizes from 100 to 1600: training error 0.06 and validation error 0.1 at the largest; power-law fit with asymptote 0.05; target error 0.08 reached by the fit at about 4445 examples.',
    );
  });

  it('draws training and validation errors at their sizes on a log axis, and the fit through the validation errors', async () => {
    const { doc } = await render(learningCurvePlot(curve, { width: 400, height: 300, fit: true }));
    // the x axis is padded by 12 px on each side of [100, 1600]
    const x = log([100, 1600], [12, 388]);
    const lines = markItems(doc, 'errors').filter((i) => i.tag === 'path');
    const points = markItems(doc, 'errorPoints').filter((i) => i.tag === 'path');
    expect(points).toHaveLength(10);
    for (const p of points) {
      const f = ariaFields(p);
      const size = Number(f['Training examples (log scale)'].replace(/,/g, ''));
      expect(Math.abs(position(p)[0] - x(size))).toBeLessThan(1);
    }
    expect(lines).toHaveLength(2);
    expect(lineVertices(doc, 'errors')).toHaveLength(10);
    // the fit's vertices lie on a·n^(−b) + c, read back through the same y scale as the errors
    const fit = lineVertices(doc, 'fit');
    const valPoints = points.filter((p) => ariaFields(p).series === 'validation error');
    const [, y100] = position(valPoints[0]); // 0.25 at n = 100
    const [, y1600] = position(valPoints.at(-1)!); // 0.1 at n = 1600
    const yOf = (v: number) => y100 + ((v - 0.25) / (0.1 - 0.25)) * (y1600 - y100);
    for (const [px, py] of fit) {
      const n = 100 * 16 ** ((px - 12) / 376);
      expect(Math.abs(py - yOf(2 / Math.sqrt(n) + 0.05))).toBeLessThan(1);
    }
  });

  it('extends the fit to the size that reaches the target and marks it', async () => {
    const { doc } = await render(learningCurvePlot(curve, { targetError: 0.08 }));
    const reach = markItems(doc, 'reach').filter((i) => i.tag === 'path');
    expect(reach).toHaveLength(1);
    const x = log([100, 4445], [12, 388]);
    expect(Math.abs(position(reach[0])[0] - x(4445))).toBeLessThan(1);
    const target = markItems(doc, 'target').find((i) => i.tag === 'line')!;
    expect(ariaFields(target).Error).toBe('0.08');
  });

  it('plots a curve read back from JSON (without its examplesNeeded method) the same way', () => {
    const fromJson = JSON.parse(JSON.stringify(curve, (_, v) => (v instanceof Float64Array ? [...v] : v)));
    expect(fromJson.examplesNeeded).toBeUndefined();
    expect(learningCurvePlot(fromJson, { targetError: 0.08 })).toEqual(learningCurvePlot(curve, { targetError: 0.08 }));
  });

  it('marks no reach point when the asymptote is above the target', () => {
    const spec = learningCurvePlot(curve, { targetError: 0.04 });
    expect(spec.layer.map((l) => (l as { name: string }).name)).toEqual(['target', 'fit', 'asymptote', 'errors', 'errorPoints']);
  });

  it('plots a real learningCurveFromErrors result, its fit drawn through the measured validation errors', async () => {
    const sizes = [50, 100, 200, 400, 800, 1600];
    const val = sizes.map((n) => 1.5 / Math.sqrt(n) + 0.04);
    const real = learningCurveFromErrors(sizes, [0.0, 0.01, 0.02, 0.025, 0.03, 0.032], val);
    const spec = learningCurvePlot(real, { targetError: 0.06 });
    expect(schemaErrors(spec)).toEqual([]);
    const { doc } = await render(spec);
    const fit = lineVertices(doc, 'fit');
    const points = markItems(doc, 'errorPoints').filter((i) => i.tag === 'path' && ariaFields(i).series === 'validation error');
    expect(points).toHaveLength(6);
    // each measured validation point lies within 2 px of the fitted curve's polyline
    for (const p of points) {
      const [px, py] = position(p);
      const k = fit.findIndex(([fx]) => fx >= px - 1e-9);
      const [ax, ay] = fit[Math.max(0, k - 1)];
      const [bx, by] = fit[k];
      const yOnFit = bx === ax ? by : ay + ((px - ax) / (bx - ax)) * (by - ay);
      expect(Math.abs(py - yOnFit)).toBeLessThan(2);
    }
  });

  it('throws InvalidOptionError for a size of 0 on a log axis', () => {
    const bad = { ...curve, sizes: Float64Array.from([0, 200, 400, 800, 1600]) };
    expect(() => learningCurvePlot(bad)).toThrow(new InvalidOptionError('learningCurvePlot: sizes[0] is 0, expected a finite number > 0'));
    expect(() => learningCurvePlot(bad, { logX: false })).not.toThrow();
  });
});
