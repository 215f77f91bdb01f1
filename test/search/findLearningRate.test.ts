import * as tfl from '@tensorflow/tfjs-layers';
import { expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/core/configErrors';
import { createRng } from '../../src/core/random';
import { findLearningRate } from '../../src/search/findLearningRate';
import { describeEachBackend, expectNoLeak, tf } from '../helpers/backends';

/**
 * Linear regression with standard-normal inputs in 8 dimensions and the mean
 * squared error: the loss's Hessian is 2·E[xxᵀ] ≈ 2I, so plain SGD converges
 * fastest at lr = 1/2 and diverges above lr = 1; the good decade is [0.1, 1).
 */
function regression(seed: number, n = 512, d = 8) {
  const rng = createRng(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const w = Array.from({ length: d }, gauss);
  const xs = new Float32Array(n * d), ys = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += (xs[i * d + j] = gauss()) * w[j]!;
    ys[i] = s + 0.1 * gauss();
  }
  return { x: tf.tensor2d(xs, [n, d]), y: tf.tensor2d(ys, [n, 1]) };
}

function linearModel(optimizer: tf.Optimizer, d = 8): tfl.LayersModel {
  const model = tfl.sequential({ layers: [tfl.layers.dense({ units: 1, inputShape: [d], kernelInitializer: 'zeros' })] });
  model.compile({ optimizer, loss: 'meanSquaredError' });
  return model;
}

describeEachBackend('findLearningRate', () => {
  it('suggests a rate in the right decade for SGD on a linear regression whose best rate is known (0.5)', async () => {
    const { x, y } = regression(1);
    const model = linearModel(tf.train.sgd(0.01));
    const r = await findLearningRate(model, x, y, { minLearningRate: 1e-5, maxLearningRate: 100, steps: 100, batchSize: 64 });
    expect(r.diverged).toBe(true);
    expect(r.steepest).toBeGreaterThanOrEqual(0.1);
    expect(r.steepest).toBeLessThan(1);
    expect(r.minimum).toBeGreaterThanOrEqual(0.1);
    expect(r.minimum).toBeLessThan(1);
    // The valley is conservative by design: within a decade below.
    expect(r.valley).toBeGreaterThanOrEqual(0.01);
    expect(r.valley).toBeLessThan(r.steepest);
    // It stopped soon after the divergence threshold lr = 1.
    expect(r.learningRates[r.learningRates.length - 1]!).toBeGreaterThan(1);
    expect(r.learningRates[r.learningRates.length - 1]!).toBeLessThan(30);
    model.dispose();
    tf.dispose([x, y]);
  });

  it('restores the weights and leaves the Adam optimizer state exactly as it was, without leaking tensors', async () => {
    const { x, y } = regression(2);
    const model = linearModel(tf.train.adam(0.01));
    await model.fit(x, y, { epochs: 1, batchSize: 64, verbose: 0 });
    const before = model.getWeights().map((w) => Array.from(w.dataSync()));
    const optBefore = await model.optimizer.getWeights();
    // getWeights returns Adam's own moment variables (not copies): read them, do not dispose them.
    const optValues = optBefore.map((w) => Array.from(w.tensor.dataSync()));
    const r = await expectNoLeak(() => findLearningRate(model, x, y, { steps: 60 }));
    expect(r.losses.length).toBeGreaterThan(10);
    const after = model.getWeights().map((w) => Array.from(w.dataSync()));
    expect(after).toEqual(before);
    const optAfter = await model.optimizer.getWeights();
    expect(optAfter.map((w) => Array.from(w.tensor.dataSync()))).toEqual(optValues);
    expect(optValues.length).toBe(5); // iterations + first and second moments of kernel and bias
    model.dispose();
    tf.dispose([x, y]);
  });

  it('smooths the loss with a bias-corrected moving average and grows the rate geometrically', async () => {
    const { x, y } = regression(3);
    const model = linearModel(tf.train.sgd(0.01));
    const r = await findLearningRate(model, x, y, { minLearningRate: 1e-4, maxLearningRate: 1e-2, steps: 5, smoothing: 0.5 });
    expect(Array.from(r.learningRates).map((v) => Math.log10(v))).toEqual([-4, -3.5, -3, -2.5, -2].map((v) => expect.closeTo(v, 10)));
    let avg = 0;
    r.losses.forEach((l, i) => {
      avg = 0.5 * avg + 0.5 * l;
      expect(r.smoothedLosses[i]).toBeCloseTo(avg / (1 - 0.5 ** (i + 1)), 10);
    });
    expect(r.diverged).toBe(false);
    model.dispose();
    tf.dispose([x, y]);
  });

  it('takes 1-D targets for a one-unit output as model.fit does (same losses as an [n, 1] column)', async () => {
    const { x, y } = regression(5, 128);
    const flat = tf.reshape(y, [128]);
    const model = linearModel(tf.train.sgd(0.01));
    const a = await findLearningRate(model, x, y, { steps: 8, minLearningRate: 1e-3, maxLearningRate: 1e-1 });
    const b = await findLearningRate(model, x, flat, { steps: 8, minLearningRate: 1e-3, maxLearningRate: 1e-1 });
    expect(Array.from(b.losses)).toEqual(Array.from(a.losses));
    model.dispose();
    tf.dispose([x, y, flat]);
  });

  it('names the argument in its errors', async () => {
    const { x, y } = regression(4, 16);
    const model = linearModel(tf.train.sgd(0.01));
    await expect(findLearningRate(model, x, y, { minLearningRate: 1, maxLearningRate: 0.1 })).rejects.toThrow(/findLearningRate: minLearningRate is 1, expected < maxLearningRate/);
    await expect(findLearningRate(model, x, tf.slice(y, 0, 10))).rejects.toThrow(InvalidOptionError);
    const uncompiled = tfl.sequential({ layers: [tfl.layers.dense({ units: 1, inputShape: [8] })] });
    await expect(findLearningRate(uncompiled, x, y)).rejects.toThrow(/not compiled/);
    model.dispose();
    uncompiled.dispose();
    tf.dispose([x, y]);
  });
});
