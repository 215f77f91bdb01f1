import * as tfl from '@tensorflow/tfjs-layers';
import { expect, it } from 'vitest';
import { gradientNorms } from '../../src/gradcheck';
import { describeEachBackend, expectNoLeak, tf } from '../helpers/backends';

describeEachBackend('gradientNorms', () => {
  it('gives the gradient and weight norms of each variable, worked out by hand', async () => {
    // One dense unit, kernel [1, 2], bias 0.5; x = [[1, 1], [2, 0]], y = [3, 1].
    // Predictions 3.5 and 2.5, residuals 0.5 and 1.5, MSE = (0.25 + 2.25)/2 = 1.25.
    // dL/dpred = 2r/n = [0.5, 1.5]; dL/dkernel = xᵀ·[0.5, 1.5] = [3.5, 0.5]; dL/dbias = 2.
    const model = tfl.sequential({ layers: [tfl.layers.dense({ units: 1, inputShape: [2] })] });
    model.setWeights([tf.tensor2d([[1], [2]]), tf.tensor1d([0.5])]);
    const x = tf.tensor2d([[1, 1], [2, 0]]);
    const y = tf.tensor2d([[3], [1]]);
    const before = model.getWeights().map((w) => Array.from(w.dataSync()));
    const report = await expectNoLeak(() => gradientNorms(model, x, y, { loss: 'meanSquaredError' }));
    expect(report.loss).toBeCloseTo(1.25, 6);
    const [kernel, bias] = report.variables;
    expect(kernel.name).toBe(model.trainableWeights[0].name);
    expect(kernel.gradientNorm).toBeCloseTo(Math.sqrt(12.5), 5);
    expect(kernel.weightNorm).toBeCloseTo(Math.sqrt(5), 6);
    expect(kernel.ratio).toBeCloseTo(Math.sqrt(12.5) / Math.sqrt(5), 5);
    expect(kernel.maxAbsGradient).toBeCloseTo(3.5, 5);
    expect(bias.gradientNorm).toBeCloseTo(2, 5);
    expect(bias.ratio).toBeCloseTo(4, 5);
    expect(report.globalNorm).toBeCloseTo(Math.sqrt(16.5), 5);
    expect(kernel.nonFinite).toBe(false);
    expect(model.getWeights().map((w) => Array.from(w.dataSync()))).toEqual(before);
    model.dispose();
    tf.dispose([x, y]);
  });

  it('gives a NaN ratio for all-zero weights and flags non-finite gradients', () => {
    const model = tfl.sequential({ layers: [tfl.layers.dense({ units: 1, inputShape: [1], kernelInitializer: 'zeros' })] });
    const x = tf.tensor2d([[1]]);
    const y = tf.tensor2d([[1]]);
    const zero = gradientNorms(model, x, y);
    expect(zero.variables[0].ratio).toBeNaN();
    expect(zero.variables[0].gradientNorm).toBeCloseTo(2, 6);
    const nan = gradientNorms(model, tf.tensor2d([[NaN]]), y);
    expect(nan.variables[0].nonFinite).toBe(true);
    expect(nan.variables[0].gradientNorm).toBeNaN();
    expect(nan.globalNorm).toBeNaN();
    model.dispose();
    tf.dispose([x, y]);
  });
});
