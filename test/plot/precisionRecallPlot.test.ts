import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/core/configErrors';
import { averagePrecision } from '../../src/metrics/averagePrecision';
import { precisionRecallCurve } from '../../src/metrics/precisionRecallCurve';
import { thresholdForFBeta } from '../../src/metrics/thresholdForFBeta';
import { createRng } from '../../src/core/random';
import { precisionRecallPlot } from '../../src/plot/precisionRecallPlot';
import { ariaFields, lineVertices, linear, markItems, position, render, schemaErrors } from './helpers';

const x = linear([0, 1], [0, 400]);
const y = linear([0, 1], [300, 0]);

/** Seeded scores of a weak classifier: n examples, positives with probability p. */
function scored(n: number, p: number, seed: number): { labels: Uint8Array; scores: Float64Array } {
  const rng = createRng(seed);
  const labels = new Uint8Array(n);
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    labels[i] = rng() < p ? 1 : 0;
    scores[i] = Math.round((rng() + 0.6 * labels[i]) * 1e4) / 1e4;
  }
  return { labels, scores };
}

describe('precisionRecallPlot', () => {
  const curve = precisionRecallCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);

  it('returns a JSON-serialisable Vega-Lite v6 spec that the schema accepts', () => {
    const spec = precisionRecallPlot(curve, { operatingPoint: { recall: 0.5, precision: 1, threshold: 0.8 } });
    expect(spec.$schema).toBe('https://vega.github.io/schema/vega-lite/v6.json');
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    expect(schemaErrors(spec)).toEqual([]);
    expect(spec.description).toBe('Precision-recall curve of 5 points; no-skill precision 0.5; 1 operating point marked.');
    expect(spec.title).toBe('Precision-recall curve');
  });

  it('draws the curve as the staircase whose area is the average precision, point for point', async () => {
    const { doc, svg } = await render(precisionRecallPlot(curve));
    // (1, 0.5) up to (1, 2/3), across to (0.5, 2/3), down to (0.5, 0.5), up to (0.5, 1), across to (0, 1)
    const expected = [[1, 0.5], [1, 2 / 3], [0.5, 2 / 3], [0.5, 0.5], [0.5, 1], [0, 1]];
    const v = lineVertices(doc, 'curve');
    expect(v).toHaveLength(expected.length);
    v.forEach(([px, py], i) => {
      expect(Math.abs(px - x(expected[i][0]))).toBeLessThan(1);
      expect(Math.abs(py - y(expected[i][1]))).toBeLessThan(1);
    });
    // the curve takes the first colour of the legend, the no-skill line the second
    expect(markItems(doc, 'curve').find((i) => i.tag === 'path')!.attrs.stroke).toBe('#4c78a8');
    expect(markItems(doc, 'chance').find((i) => i.tag === 'line')!.attrs.stroke).toBe('#f58518');
    expect(svg).toContain('aria-label="Precision-recall curve of 5 points; no-skill precision 0.5."');
    expect(svg).toContain('Recall</text>');
    expect(svg).toContain('Precision</text>');
  });

  it('marks the operating point of thresholdForFBeta where its recall and precision are', async () => {
    const yTrue = [0, 0, 1, 1, 0, 1];
    const yScore = [0.1, 0.4, 0.35, 0.8, 0.7, 0.9];
    const best = thresholdForFBeta(yTrue, yScore);
    const { doc, svg } = await render(precisionRecallPlot(precisionRecallCurve(yTrue, yScore), { operatingPoint: best }));
    const items = markItems(doc, 'points');
    expect(items).toHaveLength(1);
    const [px, py] = position(items[0]);
    expect(Math.abs(px - x(best.recall))).toBeLessThan(1);
    expect(Math.abs(py - y(best.precision))).toBeLessThan(1);
    expect(svg).toContain('operating point (threshold 0.8)');
  });

  it('draws the no-skill line at the prevalence and iso-F1 curves on which F1 is constant', async () => {
    const { doc } = await render(precisionRecallPlot(curve, { isoF1: [0.5] }));
    const rule = markItems(doc, 'chance').find((i) => i.tag === 'line')!;
    expect(ariaFields(rule).Precision).toBe('0.5');
    const iso = lineVertices(doc, 'isoF1');
    expect(iso.length).toBeGreaterThan(10);
    for (const [px, py] of iso) {
      const r = px / 400;
      const p = (300 - py) / 300;
      expect(Math.abs((2 * p * r) / (p + r) - 0.5)).toBeLessThan(0.01);
    }
  });

  it('keeps a 10^5-example curve under maxPoints with every vertex on the original staircase and the AP nearly unchanged', async () => {
    const { labels, scores } = scored(100_000, 0.05, 7);
    const c = precisionRecallCurve(labels, scores);
    const ap = averagePrecision(labels, scores);
    const spec = precisionRecallPlot(c, { averagePrecision: ap, maxPoints: 500 });
    const values = (spec.layer.at(-1) as unknown as { data: { values: { recall: number; precision: number }[] } }).data.values;
    expect(values.length).toBeLessThanOrEqual(500);
    expect(c.precision.length).toBeGreaterThan(5000);
    // the area under the kept staircase points (trapezoids) stays close to AP
    let area = 0;
    for (let i = 1; i < values.length; i++) area += ((values[i - 1].recall - values[i].recall) * (values[i - 1].precision + values[i].precision)) / 2;
    expect(Math.abs(area - ap)).toBeLessThan(0.01);
    const { doc } = await render(spec);
    const v = lineVertices(doc, 'curve');
    expect(v).toHaveLength(values.length);
    v.forEach(([px, py], i) => {
      expect(Math.abs(px - x(values[i].recall))).toBeLessThan(1);
      expect(Math.abs(py - y(values[i].precision))).toBeLessThan(1);
    });
    expect(v[0][0]).toBeCloseTo(400, 0); // recall 1
    expect(v.at(-1)![0]).toBeCloseTo(0, 0); // recall 0, precision 1
    expect(v.at(-1)![1]).toBeCloseTo(0, 0);
  }, 60_000);

  it('draws a compared curve as its own staircase in the second colour', async () => {
    const other = precisionRecallCurve([0, 1, 1, 0], [0.2, 0.9, 0.1, 0.3]);
    const spec = precisionRecallPlot(curve, { compare: [{ label: 'baseline', curve: other }], isoF1: false, chance: false });
    expect(schemaErrors(spec)).toEqual([]);
    expect(spec.layer.map((l) => l.name)).toEqual(['compare', 'curve']);
    const { doc } = await render(spec);
    expect(markItems(doc, 'compare').find((i) => i.tag === 'path')!.attrs.stroke).toBe('#f58518');
    // precision [0.5, 1/3, 0.5, 1, 1], recall [1, 0.5, 0.5, 0.5, 0]: (1,.5) (.5,.5) (.5,1/3) then straight up
    // through (.5,.5) to (.5,1) — that point is dropped, the drawn line is the same — and across to (0,1)
    const expected = [[1, 0.5], [0.5, 0.5], [0.5, 1 / 3], [0.5, 1], [0, 1]];
    expect([...other.precision]).toEqual([0.5, 1 / 3, 0.5, 1, 1]);
    const v = lineVertices(doc, 'compare');
    expect(v).toHaveLength(expected.length);
    v.forEach(([px, py], i) => {
      expect(Math.abs(px - x(expected[i][0]))).toBeLessThan(1);
      expect(Math.abs(py - y(expected[i][1]))).toBeLessThan(1);
    });
    expect(() => precisionRecallPlot(curve, { compare: [{ label: 3 as unknown as string, curve: other }] })).toThrow(
      'precisionRecallPlot: compare[0] must be { label: string, curve }',
    );
  });

  it('names the AP in the legend and takes the title and size from the options', () => {
    const spec = precisionRecallPlot(curve, { averagePrecision: 0.8333333, title: 'Fraud model', width: 250, height: 200 });
    expect(JSON.stringify(spec)).toContain('model (AP = 0.8333)');
    expect(spec).toMatchObject({ title: 'Fraud model', width: 250, height: 200 });
  });

  it('does not mutate the curve', () => {
    const c = precisionRecallCurve([0, 1, 1, 0, 1], [0.2, 0.3, 0.9, 0.5, 0.7]);
    const copy = { precision: c.precision.slice(), recall: c.recall.slice(), thresholds: c.thresholds.slice() };
    precisionRecallPlot(c, { maxPoints: 3 });
    expect(c).toEqual(copy);
  });

  it('throws InvalidOptionError for a NaN recall, a length mismatch or a bad option', () => {
    const bad = { ...curve, recall: Float64Array.from([NaN, 1, 0.5, 0.5, 0]) };
    expect(() => precisionRecallPlot(bad)).toThrow(new InvalidOptionError('precisionRecallPlot: recall[0] is NaN'));
    expect(() => precisionRecallPlot({ ...curve, recall: curve.recall.subarray(1) })).toThrow(InvalidOptionError);
    expect(() => precisionRecallPlot(curve, { isoF1: [1.5] })).toThrow('precisionRecallPlot: isoF1[0] is 1.5, expected a number in (0, 1)');
    expect(() => precisionRecallPlot(curve, { width: -1 })).toThrow(InvalidOptionError);
  });

  it('leaves out an operating point with a NaN coordinate (no threshold qualified)', () => {
    const spec = precisionRecallPlot(curve, { operatingPoint: [{ recall: NaN, precision: NaN }, { recall: 0.5, precision: 1 }] });
    const last = spec.layer.at(-1) as { name: string; data: { values: unknown[] } };
    expect(last.name).toBe('points');
    expect(last.data.values).toHaveLength(1);
  });
});
