import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/core/configErrors';
import { toTensors } from '../../src/datasets/toTensors';
import { twoMoons } from '../../src/datasets/twoMoons';
import { learningRatePlot } from '../../src/plot/learningRatePlot';
import { findLearningRate, type LearningRateFinderResult } from '../../src/search/findLearningRate';
import { ariaFields, lineVertices, log, markItems, position, render, schemaErrors } from './helpers';

/** A hand-made sweep: 5 rates a decade apart. */
const sweep: LearningRateFinderResult = {
  learningRates: Float64Array.from([1e-4, 1e-3, 1e-2, 1e-1, 1]),
  losses: Float64Array.from([1, 0.9, 0.5, 0.8, NaN]),
  smoothedLosses: Float64Array.from([1, 0.95, 0.8, 0.8, 1.2]),
  steepest: 1e-2,
  valley: 1e-3,
  minimum: 1e-3,
  diverged: true,
};

describe('learningRatePlot', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('returns a Vega-Lite v6 spec that the schema accepts, describing the sweep and the suggestions', () => {
    const spec = learningRatePlot(sweep);
    expect(schemaErrors(spec)).toEqual([]);
    expect(spec.description).toBe(
      'Learning-rate range test over 5 steps from 0.0001 to 1, stopped when the loss diverged; suggested rates: valley 0.001, steepest 0.01, minimum 0.001.',
    );
  });

  it('puts the smoothed loss on a log x axis, leaves the NaN loss out and draws a rule at each suggestion', async () => {
    const { doc } = await render(learningRatePlot(sweep, { width: 400, height: 300 }));
    const x = log([1e-4, 1], [0, 400]);
    // y spans the smoothed curve and the raw losses: [0.5, 1.2]
    const y = (v: number) => 300 - ((v - 0.5) / (1.2 - 0.5)) * 300;
    const smooth = lineVertices(doc, 'smoothed');
    expect(smooth).toHaveLength(5);
    smooth.forEach(([px, py], i) => {
      expect(Math.abs(px - x(sweep.learningRates[i]))).toBeLessThan(1);
      expect(Math.abs(py - y(sweep.smoothedLosses[i]))).toBeLessThan(1);
    });
    expect(lineVertices(doc, 'raw')).toHaveLength(4);
    const rules = markItems(doc, 'suggestions').filter((i) => i.tag === 'line');
    expect(rules.map((r) => ariaFields(r).suggestion)).toEqual(['valley', 'steepest', 'minimum']);
    expect(rules.map((r) => Math.round(position(r)[0]))).toEqual([100, 200, 100]);
  });

  it('marks only the suggestions asked for, and can leave the raw losses out', () => {
    const spec = learningRatePlot(sweep, { suggestions: ['valley'], raw: false });
    expect(spec.layer.map((l) => (l as { name: string }).name)).toEqual(['smoothed', 'suggestions']);
    expect(JSON.stringify(spec)).toContain('valley 1.0e-3');
    expect(JSON.stringify(spec)).not.toContain('steepest');
  });

  it('plots a real findLearningRate result on a seeded model', async () => {
    const before = tf.memory().numTensors;
    const train = toTensors(twoMoons({ n: 256, seed: 1 }));
    const model = tfl.sequential({
      layers: [
        tfl.layers.dense({ units: 8, activation: 'relu', inputShape: [2], kernelInitializer: tfl.initializers.heNormal({ seed: 1 }) }),
        tfl.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tfl.initializers.glorotUniform({ seed: 2 }) }),
      ],
    });
    model.compile({ optimizer: tf.train.sgd(0.1), loss: 'binaryCrossentropy' });
    const result = await findLearningRate(model, train.x, train.y, { steps: 40, batchSize: 32, seed: 1 });
    const spec = learningRatePlot(result);
    expect(schemaErrors(spec)).toEqual([]);
    const { doc } = await render(spec);
    const finite = [...result.smoothedLosses].filter(Number.isFinite).length;
    expect(lineVertices(doc, 'smoothed')).toHaveLength(finite);
    const xs = lineVertices(doc, 'smoothed').map((v) => v[0]);
    expect(xs[0]).toBeCloseTo(0, 0);
    expect(xs.at(-1)).toBeCloseTo(400, 0);
    tf.dispose([train.x, train.y]);
    model.optimizer.dispose();
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it('throws InvalidOptionError for a non-positive learning rate or an unknown suggestion', () => {
    expect(() => learningRatePlot({ ...sweep, learningRates: Float64Array.from([0, 1e-3, 1e-2, 1e-1, 1]) })).toThrow(
      new InvalidOptionError('learningRatePlot: learningRates[0] is 0, expected a finite number > 0'),
    );
    expect(() => learningRatePlot(sweep, { suggestions: ['best' as 'valley'] })).toThrow(InvalidOptionError);
  });
});
