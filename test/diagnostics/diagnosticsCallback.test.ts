import * as tfl from '@tensorflow/tfjs-layers';
import { expect, it } from 'vitest';
import { diagnosticsCallback, diagnosticsReport } from '../../src/diagnostics/diagnosticsCallback';
import { DiagnosticsInputError } from '../../src/diagnostics/errors';
import type { DiagnosticsReport } from '../../src/diagnostics/types';
import { describeEachBackend, expectNoLeak, tf } from '../helpers/backends';

function regression(seed: number): { x: tf.Tensor2D; y: tf.Tensor2D } {
  return tf.tidy(() => {
    const x = tf.randomNormal([64, 4], 0, 1, 'float32', seed) as tf.Tensor2D;
    const y = tf.sum(tf.mul(x, tf.tensor1d([1, -2, 0.5, 3])), 1, true) as tf.Tensor2D;
    return { x, y };
  });
}

function mlp(bias = 0, learningRate = 0.01): tfl.Sequential {
  const model = tfl.sequential({
    layers: [
      tfl.layers.dense({ units: 16, inputShape: [4], activation: 'relu', name: 'hidden', kernelInitializer: tfl.initializers.heNormal({ seed: 1 }), biasInitializer: tfl.initializers.constant({ value: bias }) }),
      tfl.layers.dense({ units: 1, name: 'out', kernelInitializer: tfl.initializers.glorotUniform({ seed: 2 }) }),
    ],
  });
  model.compile({ loss: 'meanSquaredError', optimizer: tf.train.sgd(learningRate) });
  return model;
}

describeEachBackend('diagnosticsCallback', () => {
  it('stops training on a non-finite loss when a huge learning rate makes it diverge', async () => {
    const model = mlp(0, 1e3);
    const { x, y } = regression(1);
    const monitor = diagnosticsCallback({ sample: { x, y }, stopOnNaN: true });
    const before = tf.memory().numTensors;
    const h = await model.fit(x, y, { epochs: 30, batchSize: 8, callbacks: [monitor], verbose: 0 });
    expect(tf.memory().numTensors).toBe(before);
    expect(monitor.stoppedOnNaN).toBe(true);
    expect(monitor.stoppedAt?.batch).toBeTypeOf('number');
    expect(h.epoch.length).toBe((monitor.stoppedAt?.epoch ?? 99) + 1);
    expect(h.epoch.length).toBeLessThan(30);
    const last = monitor.history[monitor.history.length - 1];
    expect(last.epoch).toBe(monitor.stoppedAt?.epoch);
    expect(last.warnings.some((w) => w.kind === 'non-finite-loss')).toBe(true);
    model.dispose();
    tf.dispose([x, y]);
  });

  it('does not stop a diverging run unless asked', async () => {
    const model = mlp(0, 1e3);
    const { x, y } = regression(1);
    const monitor = diagnosticsCallback({ sample: x, every: 5 });
    const h = await model.fit(x, y, { epochs: 10, batchSize: 8, callbacks: [monitor], verbose: 0 });
    expect(h.epoch).toHaveLength(10);
    expect(monitor.stoppedOnNaN).toBe(false);
    expect(monitor.history.map((r) => r.epoch)).toEqual([4, 9]);
    expect(monitor.history[1].warnings.some((w) => w.kind === 'non-finite-loss')).toBe(true);
    model.dispose();
    tf.dispose([x, y]);
  });

  it('reports every N epochs to onReport, with gradients for { x, y } and the epoch’s loss', async () => {
    const model = mlp();
    const { x, y } = regression(2);
    const seen: DiagnosticsReport[] = [];
    const monitor = diagnosticsCallback({ sample: { x, y }, every: 2, onReport: (r) => void seen.push(r) });
    const h = await model.fit(x, y, { epochs: 5, batchSize: 16, callbacks: [monitor], verbose: 0 });
    expect(seen.map((r) => r.epoch)).toEqual([1, 3]);
    expect(monitor.history).toEqual(seen);
    expect(seen[0].loss).toBeCloseTo(h.history.loss[1] as number, 5);
    expect(seen[0].activations.layers.map((l) => l.name)).toEqual(['hidden', 'out']);
    expect(seen[0].gradients?.variables).toHaveLength(4);
    expect(seen[0].gradients?.learningRate).toBeCloseTo(0.01, 9);
    expect(seen[0].warnings).toEqual([]);
    model.dispose();
    tf.dispose([x, y]);
  });

  it('warns about a layer whose units are mostly dead', async () => {
    const model = mlp(-20);
    const { x, y } = regression(3);
    const monitor = diagnosticsCallback({ sample: x, deadFractionThreshold: 0.5 });
    await model.fit(x, y, { epochs: 1, batchSize: 32, callbacks: [monitor], verbose: 0 });
    const w = monitor.history[0].warnings;
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ kind: 'dead-units', epoch: 0, target: 'hidden', value: 1, threshold: 0.5 });
    expect(w[0].message).toBe('hidden: 16 of 16 units (100.0%) output 0 for every example of the sample');
    expect(monitor.history[0].gradients).toBeUndefined();
    model.dispose();
    tf.dispose([x, y]);
  });

  it('has a plain-function twin that warns about vanishing gradients and a non-finite loss', async () => {
    const model = tfl.sequential();
    for (let i = 0; i < 12; i++) {
      model.add(tfl.layers.dense({ units: 16, activation: 'sigmoid', inputShape: i === 0 ? [4] : undefined, kernelInitializer: tfl.initializers.glorotUniform({ seed: 30 + i }) }));
    }
    model.add(tfl.layers.dense({ units: 1 }));
    const { x, y } = regression(4);
    const r = await expectNoLeak(() => diagnosticsReport(model, { x, y }, { loss: 'meanSquaredError', trainingLoss: Infinity, epoch: 3 }));
    expect(r.epoch).toBe(3);
    expect(r.loss).toBe(Infinity);
    expect(r.warnings[0]).toMatchObject({ kind: 'non-finite-loss', value: Infinity, target: undefined });
    const vanishing = r.warnings.filter((w) => w.kind === 'vanishing-gradient');
    expect(vanishing.length).toBeGreaterThan(0);
    expect(vanishing[0].target).toBe(model.trainableWeights[0].name);
    expect(vanishing[0].threshold).toBe(1e-5);
    const quiet = diagnosticsReport(model, x);
    expect(quiet).toMatchObject({ epoch: -1, gradients: undefined, warnings: [] });
    expect(quiet.loss).toBeNaN();
    model.dispose();
    tf.dispose([x, y]);
  });

  it('rejects a missing sample and bad options with DiagnosticsInputError', () => {
    expect(() => diagnosticsCallback({} as never)).toThrow(/diagnosticsCallback: sample is undefined/);
    const x = tf.ones([2, 1]);
    expect(() => diagnosticsCallback({ sample: x, every: 0 })).toThrow(DiagnosticsInputError);
    expect(() => diagnosticsCallback({ sample: { x, y: [1, 2] as never } })).toThrow(/sample is/);
    expect(() => diagnosticsCallback({ sample: x, deadFractionThreshold: 2 })).toThrow(/deadFractionThreshold is 2/);
    x.dispose();
  });
});
