import * as tfl from '@tensorflow/tfjs-layers';
import { expect, it } from 'vitest';
import { assertGradients, assertModelGradients, GradientCheckError } from '../../src/gradcheck';
import { describeEachBackend, expectNoLeak, tf } from '../helpers/backends';

const wrongSin = tf.customGrad(((x: tf.Tensor, save: tf.GradSaveFunc) => {
  save([x]);
  // d sin(x)/dx is cos(x), not −cos(x).
  return { value: tf.sin(x), gradFunc: (dy: tf.Tensor, [s]: tf.Tensor[]) => tf.mul(dy, tf.neg(tf.cos(s))) };
}) as never) as (x: tf.Tensor) => tf.Tensor;

describeEachBackend('assertGradients', (backend) => {
  it('returns the report when the gradients are right', () => {
    const x = tf.tensor1d([0, 1]);
    const report = assertGradients((t) => tf.sum(tf.exp(t)), [x]);
    expect(report.ok).toBe(true);
    x.dispose();
  });

  it('throws a GradientCheckError whose message is a table of the offending elements', async () => {
    const x = tf.tensor1d([0.1, 0.5, 2]);
    let error: unknown;
    await expectNoLeak(() => {
      try {
        assertGradients((t) => tf.sum(wrongSin(t)), [x]);
      } catch (e) {
        error = e;
      }
    });
    expect(error).toBeInstanceOf(GradientCheckError);
    const lines = (error as Error).message.split('\n');
    expect(lines[0]).toBe(`assertGradients: gradients WRONG: 3 comparison(s) out of 3 out of tolerance (mode full, stencil 4, backend ${backend}, rtol 0.001, gtol 0.0001)`);
    expect(lines[1]).toMatch(/^input\s+index\s+analytic\s+numeric\s+abs error\s+rel error\s+tolerance$/);
    // Worst first: the largest error, at x = 0.1 (analytic −cos 0.1, numeric cos 0.1).
    expect(lines[2]).toMatch(/^inputs\[0\]\s+\[0\]\s+-0\.995004\s+0\.99(49|50)\d+\s+1\.990\d+\s+(2\.00000|1\.9999\d)\s+\S+\s+FAIL$/);
    expect(lines).toHaveLength(5);
    x.dispose();
  });

  it('has a model variant that names the variables', () => {
    const model = tfl.sequential({ layers: [tfl.layers.dense({ units: 2, inputShape: [3], kernelInitializer: tfl.initializers.glorotNormal({ seed: 1 }) })] });
    const x = tf.randomNormal([4, 3], 0, 1, 'float32', 1);
    const y = tf.randomNormal([4, 2], 0, 1, 'float32', 2);
    expect(assertModelGradients(model, x, y, { loss: 'meanSquaredError' }).variables[model.trainableWeights[0].name].checked).toBe(6);
    model.dispose();
    tf.dispose([x, y]);
  });
});
