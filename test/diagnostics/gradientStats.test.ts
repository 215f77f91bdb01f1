import * as tfl from '@tensorflow/tfjs-layers';
import { expect, it } from 'vitest';
import { DiagnosticsInputError } from '../../src/diagnostics/errors';
import { gradientStats } from '../../src/diagnostics/gradientStats';
import { describeEachBackend, expectNoLeak, tf } from '../helpers/backends';

type Activation = NonNullable<Parameters<typeof tfl.layers.dense>[0]>['activation'];

/** `depth` hidden Dense(width) layers with the given activation and initializer, then Dense(1). */
function mlp(depth: number, width: number, activation: Activation, init: (i: number) => NonNullable<Parameters<typeof tfl.layers.dense>[0]>['kernelInitializer']): tfl.Sequential {
  const model = tfl.sequential();
  for (let i = 0; i < depth; i++) {
    model.add(tfl.layers.dense({ units: width, activation, inputShape: i === 0 ? [16] : undefined, kernelInitializer: init(i) }));
  }
  model.add(tfl.layers.dense({ units: 1, kernelInitializer: tfl.initializers.glorotUniform({ seed: 99 }) }));
  return model;
}

function weightsOf(model: tfl.LayersModel): number[][] {
  return model.getWeights().map((w) => Array.from(w.dataSync()));
}

describeEachBackend('gradientStats', () => {
  it('gives norms, ratios, update ratios and owners worked out by hand', async () => {
    // One dense unit, kernel [1, 2], bias 0.5; x = [[1, 1], [2, 0]], y = [3, 1]: MSE 1.25,
    // dL/dkernel = [3.5, 0.5] (norm √12.5), dL/dbias = 2 (see test/gradcheck/gradientNorms.test.ts).
    const model = tfl.sequential({ layers: [tfl.layers.dense({ units: 1, inputShape: [2], name: 'out' })] });
    model.setWeights([tf.tensor2d([[1], [2]]), tf.tensor1d([0.5])]);
    const x = tf.tensor2d([[1, 1], [2, 0]]);
    const y = tf.tensor2d([[3], [1]]);
    const before = weightsOf(model);
    const g = await expectNoLeak(() => gradientStats(model, x, y, { loss: 'meanSquaredError', learningRate: 0.1 }));
    expect(g.loss).toBeCloseTo(1.25, 6);
    expect(g.learningRate).toBe(0.1);
    expect(g.thresholds).toEqual({ vanishing: 1e-5, exploding: 1e2 });
    const [kernel, bias] = g.variables;
    expect(kernel).toMatchObject({ layerName: 'out', depth: 0, shape: [2, 1], status: 'ok' });
    expect(kernel.name).toBe(model.trainableWeights[0].name);
    expect(kernel.gradientNorm).toBeCloseTo(Math.sqrt(12.5), 5);
    expect(kernel.weightNorm).toBeCloseTo(Math.sqrt(5), 6);
    expect(kernel.ratio).toBeCloseTo(Math.sqrt(2.5), 5);
    expect(kernel.updateRatio).toBeCloseTo(0.1 * Math.sqrt(2.5), 5);
    expect(bias.ratio).toBeCloseTo(4, 5);
    expect(bias.updateRatio).toBeCloseTo(0.4, 5);
    // A single layer has no trend.
    expect(g.trend.slope).toBeNaN();
    expect(g.trend.direction).toBe('flat');
    expect(weightsOf(model)).toEqual(before);
    model.dispose();
    tf.dispose([x, y]);
  });

  it('judges all-zero weights on the gradient norm alone', () => {
    // Zero kernel and bias, x = 1, y = 1: prediction 0, dL/dbias = −2, dL/dkernel = −2; ‖w‖ = 0 so ratio is NaN.
    const model = tfl.sequential({ layers: [tfl.layers.dense({ units: 1, inputShape: [1], kernelInitializer: 'zeros' })] });
    const x = tf.tensor2d([[1]]);
    const y = tf.tensor2d([[1]]);
    const ok = gradientStats(model, x, y, { loss: 'meanSquaredError' });
    expect(ok.variables.map((v) => [v.ratio, v.status])).toEqual([
      [NaN, 'ok'],
      [NaN, 'ok'],
    ]);
    expect(ok.variables[1].updateRatio).toBeNaN();
    const low = gradientStats(model, x, y, { loss: 'meanSquaredError', vanishingThreshold: 3, explodingThreshold: 10 });
    expect(low.variables.map((v) => v.status)).toEqual(['vanishing', 'vanishing']);
    const high = gradientStats(model, x, y, { loss: 'meanSquaredError', vanishingThreshold: 0.1, explodingThreshold: 1 });
    expect(high.variables.map((v) => v.status)).toEqual(['exploding', 'exploding']);
    model.dispose();
    tf.dispose([x, y]);
  });

  it('calls a non-finite gradient exploding', () => {
    const model = tfl.sequential({ layers: [tfl.layers.dense({ units: 1, inputShape: [1] })] });
    const x = tf.tensor2d([[NaN]]);
    const y = tf.tensor2d([[1]]);
    const g = gradientStats(model, x, y, { loss: 'meanSquaredError' });
    expect(g.variables.every((v) => v.status === 'exploding')).toBe(true);
    model.dispose();
    tf.dispose([x, y]);
  });

  it('finds a freshly He-initialised shallow ReLU net ok everywhere, with a flat trend', async () => {
    const model = mlp(2, 32, 'relu', (i) => tfl.initializers.heNormal({ seed: 10 + i }));
    const x = tf.randomNormal([64, 16], 0, 1, 'float32', 1);
    const y = tf.randomNormal([64, 1], 0, 1, 'float32', 2);
    const g = await expectNoLeak(() => gradientStats(model, x, y, { loss: 'meanSquaredError' }));
    expect(g.variables).toHaveLength(6);
    expect(g.variables.map((v) => v.status)).toEqual(Array(6).fill('ok'));
    expect(g.variables.map((v) => v.depth)).toEqual([0, 0, 1, 1, 2, 2]);
    expect(g.trend.direction).toBe('flat');
    model.dispose();
    tf.dispose([x, y]);
  });

  it('finds vanishing gradients at the bottom of a deep sigmoid net, shrinking toward the input', () => {
    const model = mlp(12, 32, 'sigmoid', (i) => tfl.initializers.glorotUniform({ seed: 20 + i }));
    const x = tf.randomNormal([64, 16], 0, 1, 'float32', 1);
    const y = tf.randomNormal([64, 1], 0, 1, 'float32', 2);
    const g = gradientStats(model, x, y, { loss: 'meanSquaredError' });
    const kernels = g.variables.filter((v) => v.name.endsWith('kernel'));
    expect(kernels[0].status).toBe('vanishing');
    expect(kernels[1].status).toBe('vanishing');
    expect(kernels[kernels.length - 1].status).toBe('ok');
    // Each sigmoid layer multiplies the backward signal by at most 1/4 times its weights: about −0.6 decades per layer here.
    expect(g.trend.direction).toBe('shrinking-toward-input');
    expect(g.trend.slope).toBeGreaterThan(0.4);
    model.dispose();
    tf.dispose([x, y]);
  });

  it('names the layers of a nested model outer/inner and counts their depth in forward order', () => {
    const body = tfl.sequential({ name: 'body', layers: [tfl.layers.dense({ units: 3, inputShape: [2], name: 'h', activation: 'tanh' })] });
    const model = tfl.sequential({ layers: [tfl.layers.dense({ units: 2, inputShape: [2], name: 'pre' }), body, tfl.layers.dense({ units: 1, name: 'head' })] });
    const x = tf.randomNormal([8, 2], 0, 1, 'float32', 3);
    const y = tf.randomNormal([8, 1], 0, 1, 'float32', 4);
    const g = gradientStats(model, x, y, { loss: 'meanSquaredError' });
    expect(g.variables.map((v) => [v.layerName, v.depth])).toEqual([
      ['pre', 0],
      ['pre', 0],
      ['body/h', 1],
      ['body/h', 1],
      ['head', 2],
      ['head', 2],
    ]);
    model.dispose();
    tf.dispose([x, y]);
  });

  it('takes the loss and the learning rate from the compiled model by default', () => {
    const model = tfl.sequential({ layers: [tfl.layers.dense({ units: 1, inputShape: [2] })] });
    const x = tf.ones([4, 2]);
    const y = tf.zeros([4, 1]);
    expect(() => gradientStats(model, x, y)).toThrow(/gradientStats: loss is required/);
    model.compile({ loss: 'meanAbsoluteError', optimizer: tf.train.sgd(0.05) });
    const g = gradientStats(model, x, y);
    expect(g.learningRate).toBe(0.05);
    const mae = tf.tidy(() => tf.mean(tf.abs(model.predict(x) as tf.Tensor)).dataSync()[0]);
    expect(g.loss).toBeCloseTo(mae, 5);
    model.dispose();
    tf.dispose([x, y]);
  });

  it('rejects bad options with DiagnosticsInputError', () => {
    const model = tfl.sequential({ layers: [tfl.layers.dense({ units: 1, inputShape: [1] })] });
    const x = tf.ones([2, 1]);
    const y = tf.ones([2, 1]);
    expect(() => gradientStats(model, x, y, { loss: 'meanSquaredError', vanishingThreshold: 1, explodingThreshold: 1 })).toThrow(
      /vanishingThreshold \(1\) must be below explodingThreshold \(1\)/,
    );
    expect(() => gradientStats(model, x, y, { loss: 'hinge' as 'meanSquaredError' })).toThrow(DiagnosticsInputError);
    expect(() => gradientStats(model, x, y, { loss: 'meanSquaredError', learningRate: -1 })).toThrow(/learningRate is -1/);
    model.layers[0].trainable = false;
    expect(() => gradientStats(model, x, y, { loss: 'meanSquaredError' })).toThrow(/gradientStats: model has no trainable weights/);
    model.dispose();
    tf.dispose([x, y]);
  });
});
