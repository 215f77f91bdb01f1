import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/core/configErrors';
import { createRng } from '../../src/core/random';
import { rocAuc } from '../../src/metrics/rocAuc';
import { rocCurve } from '../../src/metrics/rocCurve';
import { rocPlot } from '../../src/plot/rocPlot';
import { lineVertices, linear, markItems, position, render, schemaErrors } from './helpers';

const x = linear([0, 1], [0, 400]);
const y = linear([0, 1], [300, 0]);

describe('rocPlot', () => {
  const curve = rocCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);

  it('returns a Vega-Lite v6 spec that the schema accepts, with the AUC in the legend', () => {
    const spec = rocPlot(curve, { auc: 0.75, operatingPoint: { fpr: 0.5, tpr: 1, threshold: 0.35 } });
    expect(schemaErrors(spec)).toEqual([]);
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    expect(JSON.stringify(spec)).toContain('model (AUC = 0.75)');
    expect(spec.description).toBe('ROC curve of 5 points with AUC 0.75, against the chance diagonal; 1 operating point marked.');
    // the leading Infinity threshold becomes null in JSON
    const values = (spec.layer[1] as unknown as { data: { values: { threshold: number | null }[] } }).data.values;
    expect(values[0].threshold).toBeNull();
  });

  it('draws every point of the curve where its rates are, and the chance diagonal', async () => {
    const { doc, svg } = await render(rocPlot(curve, { operatingPoint: { fpr: 0.5, tpr: 1, threshold: 0.35 } }));
    const v = lineVertices(doc, 'curve');
    expect(v).toHaveLength(curve.fpr.length);
    v.forEach(([px, py], i) => {
      expect(Math.abs(px - x(curve.fpr[i]))).toBeLessThan(1);
      expect(Math.abs(py - y(curve.tpr[i]))).toBeLessThan(1);
    });
    expect(lineVertices(doc, 'chance')).toEqual([[x(0), y(0)], [x(1), y(1)]]);
    const [px, py] = position(markItems(doc, 'points')[0]);
    expect([Math.round(px), Math.round(py)]).toEqual([200, 0]);
    expect(svg).toContain('False positive rate</text>');
    expect(svg).toContain('True positive rate (recall)</text>');
  });

  it('reduces a long seeded curve to maxPoints with its area (the AUC) kept within 0.001', async () => {
    const rng = createRng(3);
    const n = 50_000;
    const labels = new Uint8Array(n);
    const scores = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      labels[i] = rng() < 0.3 ? 1 : 0;
      scores[i] = rng() + 0.5 * labels[i];
    }
    const c = rocCurve(labels, scores);
    expect(c.fpr.length).toBeGreaterThan(1000);
    const spec = rocPlot(c, { maxPoints: 300, auc: rocAuc(labels, scores) });
    const values = (spec.layer[1] as unknown as { data: { values: { fpr: number; tpr: number }[] } }).data.values;
    expect(values.length).toBeLessThanOrEqual(300);
    let area = 0;
    for (let i = 1; i < values.length; i++) area += ((values[i].fpr - values[i - 1].fpr) * (values[i].tpr + values[i - 1].tpr)) / 2;
    expect(Math.abs(area - rocAuc(labels, scores))).toBeLessThan(0.001);
    const { doc } = await render(spec);
    const v = lineVertices(doc, 'curve');
    expect(v).toHaveLength(values.length);
    v.forEach(([px, py], i) => {
      expect(Math.abs(px - x(values[i].fpr))).toBeLessThan(1);
      expect(Math.abs(py - y(values[i].tpr))).toBeLessThan(1);
    });
  }, 60_000);

  it('draws compared curves in their own colours, each through its own points', async () => {
    const baseline = rocCurve([0, 0, 1, 1], [0.5, 0.2, 0.4, 0.3]);
    const spec = rocPlot(curve, { label: 'model', compare: [{ label: 'baseline', curve: baseline }] });
    expect(schemaErrors(spec)).toEqual([]);
    expect(spec.description).toBe('ROC curve of 5 points, compared with baseline, against the chance diagonal.');
    const { doc, svg } = await render(spec);
    const paths = markItems(doc, 'compare').filter((i) => i.tag === 'path');
    expect(paths).toHaveLength(1);
    expect(paths[0].attrs.stroke).toBe('#f58518');
    const v = lineVertices(doc, 'compare');
    expect(v).toHaveLength(baseline.fpr.length);
    v.forEach(([px, py], i) => {
      expect(Math.abs(px - x(baseline.fpr[i]))).toBeLessThan(1);
      expect(Math.abs(py - y(baseline.tpr[i]))).toBeLessThan(1);
    });
    expect(svg).toContain('>baseline</text>');
    expect(() => rocPlot(curve, { compare: [{ label: 'x', curve: { ...baseline, tpr: baseline.tpr.subarray(1) } }] })).toThrow(
      `rocPlot: compare[0].curve.fpr has ${baseline.fpr.length} entries but compare[0].curve.tpr has ${baseline.fpr.length - 1}`,
    );
  });

  it('leaves out the chance line when asked, and a NaN operating point', () => {
    const spec = rocPlot(curve, { chance: false, operatingPoint: { fpr: NaN, tpr: NaN } });
    expect(spec.layer.map((l) => (l as { name: string }).name)).toEqual(['curve']);
  });

  it('throws InvalidOptionError for the NaN rates of a one-class curve', () => {
    const oneClass = rocCurve([1, 1, 1], [0.2, 0.5, 0.9]);
    expect(() => rocPlot(oneClass)).toThrow(new InvalidOptionError('rocPlot: fpr[0] is NaN'));
    expect(() => rocPlot(curve, { height: 0 })).toThrow('rocPlot: height is 0, expected a finite number > 0');
  });
});
