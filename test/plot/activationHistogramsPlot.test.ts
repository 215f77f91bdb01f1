import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/core/configErrors';
import { activationStats } from '../../src/diagnostics/activationStats';
import { activationHistogramsPlot } from '../../src/plot/activationHistogramsPlot';
import { deadUnitsPlot } from '../../src/plot/deadUnitsPlot';
import { activationStatsFixture } from './fixtures';
import { ariaFields, markItems, rectOf, render, schemaErrors } from './helpers';

describe('activationHistogramsPlot', () => {
  const stats = activationStatsFixture();
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('returns a faceted Vega-Lite v6 spec that the schema accepts, one panel per layer', () => {
    const spec = activationHistogramsPlot(stats, { columns: 2 });
    expect(schemaErrors(spec)).toEqual([]);
    expect(spec.columns).toBe(2);
    expect((spec.facet as { sort: string[] }).sort).toEqual(['dense_1 · relu · 25% dead', 'dense_2 · sigmoid · 60% saturated', 'output · linear']);
    expect(spec.description).toBe('Activation histograms of 3 layers over 64 examples; dead units in dense_1 (8 of 32).');
  });

  it('draws each bin as a bar spanning its edges with a height proportional to its count, panel by panel', async () => {
    const { doc } = await render(activationHistogramsPlot(stats, { width: 200, height: 100 }));
    const rects = collectRects(doc);
    expect(rects).toHaveLength(6 + 6 + 5);
    for (const layer of stats.layers) {
      const mine = rects.filter((r) => r.layer === layer.name);
      const { edges, counts } = layer.histogram;
      const maxCount = Math.max(...counts);
      const left = Math.min(...mine.map((r) => r.box[0]));
      const bottom = Math.max(...mine.map((r) => r.box[3]));
      mine.forEach((r, i) => {
        // x: the panel's domain is exactly [first edge, last edge] over 200 px
        expect(Math.abs(r.box[0] - left - ((edges[i] - edges[0]) / (edges.at(-1)! - edges[0])) * 200)).toBeLessThan(1);
        expect(Math.abs(r.box[2] - left - ((edges[i + 1] - edges[0]) / (edges.at(-1)! - edges[0])) * 200)).toBeLessThan(1);
        expect(Math.abs(r.box[3] - bottom)).toBeLessThan(1);
        // y: counts over a nice domain from 0, so compare ratios of heights
        const h = r.box[3] - r.box[1];
        const hMax = Math.max(...mine.map((m) => m.box[3] - m.box[1]));
        expect(Math.abs(h / hMax - counts[i] / maxCount)).toBeLessThan(0.01);
      });
    }
  });

  it('plots the histograms of a real model with a dead ReLU layer', async () => {
    const before = tf.memory().numTensors;
    const model = tfl.sequential({
      layers: [
        tfl.layers.dense({ units: 8, activation: 'relu', inputShape: [3], kernelInitializer: tfl.initializers.glorotUniform({ seed: 1 }), biasInitializer: tfl.initializers.constant({ value: -10 }) }),
        tfl.layers.dense({ units: 4, activation: 'sigmoid', kernelInitializer: tfl.initializers.glorotUniform({ seed: 2 }) }),
      ],
    });
    const x = tf.randomUniform([32, 3], -1, 1, 'float32', 7);
    const s = activationStats(model, x);
    x.dispose();
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
    const spec = activationHistogramsPlot(s);
    expect(schemaErrors(spec)).toEqual([]);
    expect(spec.description).toContain('of 8)');
    const { doc } = await render(spec);
    expect(collectRects(doc).length).toBe(s.layers.reduce((a, l) => a + l.histogram.counts.length, 0));
    const dead = deadUnitsPlot(s);
    expect(schemaErrors(dead)).toEqual([]);
    const bars = markItems((await render(dead)).doc, 'bars').filter((i) => i.tag === 'path');
    expect(bars.map((b) => ariaFields(b)['dead units'])).toEqual(s.layers.map((l) => String(l.deadUnits)));
  });

  it('keeps only the layers asked for, and throws InvalidOptionError for an unknown one', () => {
    const spec = activationHistogramsPlot(stats, { layers: ['output'] });
    expect((spec.facet as { sort: string[] }).sort).toEqual(['output · linear']);
    expect(() => activationHistogramsPlot(stats, { layers: ['nope'] })).toThrow(InvalidOptionError);
    expect(() => activationHistogramsPlot(stats, { columns: 0 })).toThrow(InvalidOptionError);
  });
});

/** Every rect of the faceted chart with its layer (from the aria-label) and its box in SVG pixels. */
function collectRects(doc: ReturnType<typeof import('./helpers').parseSvg>): { layer: string; box: [number, number, number, number] }[] {
  const out: { layer: string; box: [number, number, number, number] }[] = [];
  const visit = (nodes: Record<string, unknown>[], offset: [number, number], depth: number, inRect: boolean): void => {
    for (const n of nodes) {
      const tag = Object.keys(n).find((k) => k !== ':@')!;
      const attrs = (n[':@'] ?? {}) as Record<string, string>;
      const children = (n[tag] ?? []) as Record<string, unknown>[];
      if (inRect && tag === 'path') {
        const item = { tag, attrs, offset };
        out.push({ layer: ariaFields(item).layer, box: rectOf(item) });
      }
      if (tag === 'g' || tag === 'svg') {
        const m = /translate\(([-\d.e]+),([-\d.e]+)\)/.exec(attrs.transform ?? '');
        const t: [number, number] = tag === 'g' && depth > 1 && m ? [Number(m[1]), Number(m[2])] : [0, 0];
        const cls = attrs.class ?? '';
        visit(children, [offset[0] + t[0], offset[1] + t[1]], tag === 'g' ? depth + 1 : depth, inRect || (cls.includes('mark-rect') && cls.includes('role-mark')));
      }
    }
  };
  visit(doc, [0, 0], 1, false);
  return out;
}
