import * as tfl from '@tensorflow/tfjs-layers';
import { expect, it } from 'vitest';
import { DiagnosticsInputError } from '../../src/diagnostics/errors';
import { overfitTinyBatch } from '../../src/diagnostics/overfitTinyBatch';
import { describeEachBackend, expectNoLeak, tf } from '../helpers/backends';

type Activation = NonNullable<Parameters<typeof tfl.layers.dense>[0]>['activation'];

function mlp(outputActivation: Activation = 'linear'): tfl.Sequential {
  return tfl.sequential({
    layers: [
      tfl.layers.dense({ units: 32, inputShape: [4], activation: 'relu', kernelInitializer: tfl.initializers.heNormal({ seed: 1 }) }),
      tfl.layers.dense({ units: 32, activation: 'relu', kernelInitializer: tfl.initializers.heNormal({ seed: 2 }) }),
      tfl.layers.dense({ units: 1, activation: outputActivation, kernelInitializer: tfl.initializers.glorotUniform({ seed: 3 }) }),
    ],
  });
}

/** 64 examples of 4 features, targets a noisy nonlinear function in about [1.5, 3.5]. */
function data(): { x: tf.Tensor2D; y: tf.Tensor2D } {
  return tf.tidy(() => {
    const x = tf.randomNormal([64, 4], 0, 1, 'float32', 11) as tf.Tensor2D;
    const noise = tf.randomNormal([64, 1], 0, 0.3, 'float32', 12);
    const y = tf.add(tf.add(tf.sin(tf.sum(x, 1, true)), 2.5), noise) as tf.Tensor2D;
    return { x, y };
  });
}

function bits(model: tfl.LayersModel): string[] {
  return model.getWeights().map((w) => Buffer.from((w.dataSync() as Float32Array).buffer).toString('hex'));
}

describeEachBackend('overfitTinyBatch', () => {
  it('passes for a sound model, on a copy: the caller’s weights stay bitwise the same and nothing leaks', async () => {
    const model = mlp();
    const { x, y } = data();
    const before = bits(model);
    const r = await expectNoLeak(() => overfitTinyBatch(model, x, y, { loss: 'meanSquaredError', examples: 16, epochs: 300 }));
    expect(r.passed).toBe(true);
    expect(r.reason).toBeUndefined();
    expect(r.targetLoss).toBeCloseTo(0.02 * r.initialLoss, 12);
    expect(r.finalLoss).toBeLessThanOrEqual(r.targetLoss);
    expect(r.history[0]).toBe(r.initialLoss);
    expect(r.history[r.history.length - 1]).toBe(r.finalLoss);
    expect(r.history).toHaveLength(r.epochs + 1);
    expect(r.epochs).toBeLessThan(300);
    expect(bits(model)).toEqual(before);
    model.dispose();
    tf.dispose([x, y]);
  });

  it('fails, without throwing, when every layer is frozen', async () => {
    const model = mlp();
    for (const layer of model.layers) layer.trainable = false;
    const { x, y } = data();
    const r = await expectNoLeak(() => overfitTinyBatch(model, x, y, { loss: 'meanSquaredError' }));
    expect(r.passed).toBe(false);
    expect(r.reason).toMatch(/no trainable weights/);
    expect(r.epochs).toBe(0);
    model.dispose();
    tf.dispose([x, y]);
  });

  it('fails with a learning rate of zero, the loss unchanged', async () => {
    const model = mlp();
    const { x, y } = data();
    const r = await overfitTinyBatch(model, x, y, { loss: 'meanSquaredError', learningRate: 0, epochs: 20 });
    expect(r.passed).toBe(false);
    expect(r.reason).toMatch(/learning rate is 0/);
    expect(r.epochs).toBe(20);
    expect(r.finalLoss).toBeCloseTo(r.initialLoss, 6);
    model.dispose();
    tf.dispose([x, y]);
  });

  it('fails when a wrong output activation squashes the output below the targets', async () => {
    // Targets lie around 1.5–3.5, a sigmoid output never exceeds 1: the loss cannot go below ~(1.5 − 1)².
    const model = mlp('sigmoid');
    const { x, y } = data();
    const r = await overfitTinyBatch(model, x, y, { loss: 'meanSquaredError', epochs: 150 });
    expect(r.passed).toBe(false);
    expect(r.finalLoss).toBeGreaterThan(0.25);
    expect(r.reason).toMatch(/above the target/);
    model.dispose();
    tf.dispose([x, y]);
  });

  it('draws the same tiny batch for the same seed, and uses every example when there are fewer', async () => {
    const model = mlp();
    const { x, y } = data();
    const a = await overfitTinyBatch(model, x, y, { loss: 'meanSquaredError', epochs: 3, seed: 5 });
    const b = await overfitTinyBatch(model, x, y, { loss: 'meanSquaredError', epochs: 3, seed: 5 });
    const c = await overfitTinyBatch(model, x, y, { loss: 'meanSquaredError', epochs: 3, seed: 6 });
    expect(Array.from(a.history)).toEqual(Array.from(b.history));
    expect(a.initialLoss).not.toBe(c.initialLoss);
    // All 64 examples whatever the seed: the same batch, the same initial loss.
    const all1 = await overfitTinyBatch(model, x, y, { loss: 'meanSquaredError', epochs: 1, examples: 100, seed: 1 });
    const all2 = await overfitTinyBatch(model, x, y, { loss: 'meanSquaredError', epochs: 1, examples: 100, seed: 2 });
    expect(all1.initialLoss).toBe(all2.initialLoss);
    model.dispose();
    tf.dispose([x, y]);
  });

  it('passes at once when the initial loss is already at the target', async () => {
    const model = mlp();
    const { x, y } = data();
    const r = await overfitTinyBatch(model, x, y, { loss: 'meanSquaredError', targetLoss: 1e6 });
    expect(r).toMatchObject({ passed: true, epochs: 0, reason: undefined });
    model.dispose();
    tf.dispose([x, y]);
  });

  it('rejects bad arguments with DiagnosticsInputError', async () => {
    const model = mlp();
    const { x, y } = data();
    const y3 = tf.zeros([3, 1]);
    await expect(overfitTinyBatch(model, x, y3, { loss: 'meanSquaredError' })).rejects.toThrow(/overfitTinyBatch: x has 64 examples but y has 3/);
    await expect(overfitTinyBatch(model, x, y, { loss: 'meanSquaredError', examples: 0 })).rejects.toThrow(DiagnosticsInputError);
    await expect(overfitTinyBatch(model, x, y)).rejects.toThrow(/overfitTinyBatch: loss is required/);
    model.dispose();
    tf.dispose([x, y, y3]);
  });
});
