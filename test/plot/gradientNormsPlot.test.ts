import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/core/configErrors';
import { gradientStats } from '../../src/diagnostics/gradientStats';
import { gradientNormsPlot } from '../../src/plot/gradientNormsPlot';
import { gradientStatsFixture } from './fixtures';
import { ariaFields, markItems, position, render, schemaErrors } from './helpers';

describe('gradientNormsPlot', () => {
  const stats = gradientStatsFixture();
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('returns a Vega-Lite v6 spec that the schema accepts, naming the trend and the bad variables', () => {
    const spec = gradientNormsPlot(stats);
    expect(schemaErrors(spec)).toEqual([]);
    expect(spec.description).toBe(
      'Gradient to weight norm ratios of 6 variables by depth (trend shrinking-toward-input, slope 2.8 decades per layer); dense_1/kernel vanishing, dense_1/bias vanishing; 1 with a zero or undefined value not shown.',
    );
  });

  it('places each variable at its depth on a log axis, coloured by status, with the thresholds as rules', async () => {
    const { doc } = await render(gradientNormsPlot(stats));
    const points = markItems(doc, 'variables').filter((i) => i.tag === 'path');
    expect(points).toHaveLength(5); // dense_1/bias has zero weights: no ratio
    const at = new Map(points.map((p) => [ariaFields(p).variable, { pos: position(p), fill: p.attrs.fill }]));
    const y = (name: string) => at.get(name)!.pos[1];
    const ratio = (name: string) => stats.variables.find((v) => v.name === name)!.ratio;
    // log axis: equal pixel distances for equal ratios of values
    const perDecade = (y('dense_1/kernel') - y('dense_2/kernel')) / Math.log10(ratio('dense_2/kernel') / ratio('dense_1/kernel'));
    expect(Math.abs(y('dense_2/kernel') - y('dense_3/kernel') - perDecade * Math.log10(ratio('dense_3/kernel') / ratio('dense_2/kernel')))).toBeLessThan(1);
    expect(at.get('dense_1/kernel')!.fill).toBe('#4c78a8');
    expect(at.get('dense_2/kernel')!.fill).toBe('#54a24b');
    expect(at.get('dense_1/kernel')!.pos[0]).toBeLessThan(at.get('dense_2/kernel')!.pos[0]);
    const rules = markItems(doc, 'thresholds').filter((i) => i.tag === 'line');
    expect(rules).toHaveLength(2);
    const ruleY = rules.map((r) => position(r)[1]);
    // vanishing 1e-5 is 2 decades above dense_1/kernel's 1e-7
    expect(Math.abs(ruleY[0] - (y('dense_1/kernel') - 2 * perDecade))).toBeLessThan(1);
  });

  it('plots the gradient stats of a real deep sigmoid network, without the ratio rules for gradientNorm', async () => {
    const before = tf.memory().numTensors;
    const model = tfl.sequential();
    for (let i = 0; i < 6; i++) {
      model.add(tfl.layers.dense({ units: 8, activation: 'sigmoid', inputShape: i === 0 ? [4] : undefined, kernelInitializer: tfl.initializers.glorotUniform({ seed: i + 1 }) }));
    }
    model.add(tfl.layers.dense({ units: 1, kernelInitializer: tfl.initializers.glorotUniform({ seed: 9 }) }));
    const x = tf.randomNormal([16, 4], 0, 1, 'float32', 3);
    const yTrue = tf.randomNormal([16, 1], 0, 1, 'float32', 4);
    const g = gradientStats(model, x, yTrue, { loss: 'meanSquaredError' });
    tf.dispose([x, yTrue]);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
    const spec = gradientNormsPlot(g, { measure: 'gradientNorm' });
    expect(schemaErrors(spec)).toEqual([]);
    expect(spec.layer.map((l) => (l as { name: string }).name)).toEqual(['variables']);
    const { doc } = await render(spec);
    expect(markItems(doc, 'variables').filter((i) => i.tag === 'path')).toHaveLength(14);
  });

  it('ticks the log axis once per decade, from the smallest value to the largest rule', () => {
    const spec = gradientNormsPlot(stats);
    const variables = spec.layer.find((l) => l.name === 'variables') as unknown as { encoding: { y: { axis: { values: number[] } } } };
    expect(variables.encoding.y.axis.values).toEqual([1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 10]);
  });

  it('draws the healthy 1e-3 rule for updateRatio and throws InvalidOptionError for an unknown measure', () => {
    expect(JSON.stringify(gradientNormsPlot(stats, { measure: 'updateRatio' }))).toContain('healthy update');
    expect(() => gradientNormsPlot(stats, { measure: 'norm' as 'ratio' })).toThrow(InvalidOptionError);
  });
});
