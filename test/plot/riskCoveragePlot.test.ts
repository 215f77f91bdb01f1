import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/core/configErrors';
import { createRng } from '../../src/core/random';
import { aurc } from '../../src/selective/aurc';
import { coverageAtRisk } from '../../src/selective/coverageAtRisk';
import { riskCoverageCurve } from '../../src/selective/riskCoverageCurve';
import { riskCoveragePlot } from '../../src/plot/riskCoveragePlot';
import { ariaFields, lineVertices, linear, markItems, position, render, schemaErrors } from './helpers';

describe('riskCoveragePlot', () => {
  const curve = riskCoverageCurve([1, 0, 1, 1], [0.9, 0.8, 0.7, 0.7]);

  it('returns a Vega-Lite v6 spec that the schema accepts', () => {
    const spec = riskCoveragePlot(curve, { targetRisk: 0.1, aurc: 0.25, operatingPoint: { coverage: 0.25, risk: 0, threshold: 0.9 } });
    expect(schemaErrors(spec)).toEqual([]);
    expect(spec.description).toBe('Risk-coverage curve of 3 points: risk 0.25 at full coverage, AURC 0.25; target risk 0.1; 1 operating point marked.');
    expect(JSON.stringify(spec)).toContain('model (AURC = 0.25)');
  });

  it('draws the curve where coverage and risk are (y from 0 to the largest risk)', async () => {
    const { doc, svg } = await render(riskCoveragePlot(curve));
    // risks 0.25, 0.5, 0: the y domain is [0, 0.5]
    const x = linear([0, 1], [0, 400]);
    const y = linear([0, 0.5], [300, 0]);
    const v = lineVertices(doc, 'curve');
    expect(v).toHaveLength(3);
    v.forEach(([px, py], i) => {
      expect(Math.abs(px - x(curve.coverage[i]))).toBeLessThan(1);
      expect(Math.abs(py - y(curve.risk[i]))).toBeLessThan(1);
    });
    expect(svg).toContain('Coverage (fraction accepted)</text>');
  });

  it('marks the target risk and the coverageAtRisk operating point on a seeded classifier', async () => {
    const rng = createRng(11);
    const n = 2000;
    const correct = new Uint8Array(n);
    const confidence = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      confidence[i] = Math.round((0.5 + 0.5 * rng()) * 1000) / 1000;
      correct[i] = rng() < confidence[i] ? 1 : 0;
    }
    const c = riskCoverageCurve(correct, confidence);
    const point = coverageAtRisk(correct, confidence, 0.1);
    const spec = riskCoveragePlot(c, { targetRisk: 0.1, aurc: aurc(correct, confidence), operatingPoint: point });
    expect(schemaErrors(spec)).toEqual([]);
    const { doc } = await render(spec);
    const rule = markItems(doc, 'target').find((i) => i.tag === 'line')!;
    expect(ariaFields(rule)['Selective risk (error among accepted)']).toBe('0.1');
    const values = (spec.layer[1] as unknown as { data: { values: { coverage: number; risk: number }[] } }).data.values;
    const v = lineVertices(doc, 'curve');
    expect(v).toHaveLength(values.length);
    // the rule and the point sit at the same height: both at risk 0.1 or the point just below
    const [px, py] = position(markItems(doc, 'points')[0]);
    const ry = position(rule)[1];
    expect(py).toBeGreaterThanOrEqual(ry - 0.5);
    expect(Math.abs(px - 400 * point.coverage)).toBeLessThan(1);
  });

  it('draws a compared curve (e.g. another confidence score) on the same scales', async () => {
    const other = riskCoverageCurve([1, 0, 1, 1], [0.2, 0.9, 0.5, 0.7]); // risks 0.25, 1/3, 0.5, 1
    const spec = riskCoveragePlot(curve, { compare: [{ label: 'margin', curve: other }] });
    expect(schemaErrors(spec)).toEqual([]);
    const { doc } = await render(spec);
    const x = linear([0, 1], [0, 400]);
    const y = linear([0, 1], [300, 0]); // the y domain now reaches risk 1
    const v = lineVertices(doc, 'compare');
    expect(v).toHaveLength(other.coverage.length);
    v.forEach(([px, py], i) => {
      expect(Math.abs(px - x(other.coverage[i]))).toBeLessThan(1);
      expect(Math.abs(py - y(other.risk[i]))).toBeLessThan(1);
    });
  });

  it('throws InvalidOptionError for a negative target risk or mismatched arrays', () => {
    expect(() => riskCoveragePlot(curve, { targetRisk: -1 })).toThrow(InvalidOptionError);
    expect(() => riskCoveragePlot({ ...curve, risk: curve.risk.subarray(1) })).toThrow(InvalidOptionError);
  });
});
