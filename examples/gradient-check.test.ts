// The gradient check as a unit test: what a project with a custom layer puts
// in its own test suite. Run it with `npx vitest run examples/gradient-check.test.ts`.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkModelGradients, gradcheckMatchers, type GradcheckMatchers } from 'tfjs-methodology/gradcheck';
import { LearnableSwish, learnableSwishOp } from './lib/learnableSwish';

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-explicit-any
  interface Matchers<T = any> extends GradcheckMatchers<T> {}
}
expect.extend(gradcheckMatchers);

describe('LearnableSwish', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('has the gradient of x·σ(βx) with respect to x and to β', () => {
    const swish = learnableSwishOp();
    const x = tf.tensor2d([[-3, -0.5, 0.2], [1.5, 4, -1]]);
    const beta = tf.tensor1d([0.5, 1, 2]);
    expect((a: tf.Tensor, b: tf.Tensor) => swish(a, b)).toHaveCorrectGradients([x, beta]);
    tf.dispose([x, beta]);
  });

  it('catches the planted slip: x instead of x² in ∂y/∂β', () => {
    const swish = learnableSwishOp(true);
    const x = tf.tensor2d([[-3, -0.5, 0.2], [1.5, 4, -1]]);
    const beta = tf.tensor1d([0.5, 1, 2]);
    expect((a: tf.Tensor, b: tf.Tensor) => swish(a, b)).not.toHaveCorrectGradients([x, beta]);
    tf.dispose([x, beta]);
  });

  it('back-propagates correctly inside a model, and the check names the wrong variable when it does not', () => {
    const build = (buggy: boolean) =>
      tfl.sequential({
        layers: [
          tfl.layers.dense({ units: 5, inputShape: [3], kernelInitializer: tfl.initializers.glorotNormal({ seed: 1 }), name: 'dense1' }),
          new LearnableSwish({ buggy, name: 'swish' }),
          tfl.layers.dense({ units: 1, kernelInitializer: tfl.initializers.glorotNormal({ seed: 2 }), name: 'dense2' }),
        ],
      });
    const x = tf.randomNormal([8, 3], 0, 1, 'float32', 3);
    const y = tf.randomNormal([8, 1], 0, 1, 'float32', 4);
    const before = tf.memory().numTensors;
    const good = build(false);
    const bad = build(true);
    const ok = checkModelGradients(good, x, y);
    const wrong = checkModelGradients(bad, x, y);
    expect(ok.ok).toBe(true);
    expect(wrong.ok).toBe(false);
    // Variable names get a suffix when several models use the same layer names (swish/beta_1).
    const failing = Object.entries(wrong.variables).filter(([, v]) => v.failures > 0).map(([name]) => name);
    expect(failing).toHaveLength(1);
    expect(failing[0]).toMatch(/^swish\/beta/);
    good.dispose();
    bad.dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, y]);
  });
});
