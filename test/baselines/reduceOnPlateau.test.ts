import * as tfl from '@tensorflow/tfjs-layers';
import { expect, it } from 'vitest';
import { getLearningRate, InvalidOptionError, reduceOnPlateau } from '../../src/baselines/index';
import { describeEachBackend, tf } from '../helpers/backends';

/** Writes a scripted value into the logs under `key` at each epoch end. */
class Script extends tfl.Callback {
  constructor(private readonly key: string, private readonly values: number[]) {
    super();
  }
  override async onEpochEnd(epoch: number, logs?: tfl.Logs): Promise<void> {
    (logs as Record<string, number>)[this.key] = this.values[epoch];
  }
}

async function run(values: number[], plateau: tfl.Callback, key = 'score', lr = 0.1) {
  const model = tfl.sequential({ layers: [tfl.layers.dense({ units: 1, inputShape: [1], kernelInitializer: 'ones' })] });
  const optimizer = tf.train.sgd(lr);
  model.compile({ optimizer, loss: 'meanSquaredError' });
  const x = tf.tensor2d([[1]]);
  const y = tf.tensor2d([[0]]);
  try {
    const history = await model.fit(x, y, { epochs: values.length, verbose: 0, callbacks: [new Script(key, values), plateau] });
    return { history, lr: getLearningRate(optimizer) };
  } finally {
    tf.dispose([x, y]);
    model.dispose();
    optimizer.dispose();
  }
}

describeEachBackend('reduceOnPlateau', () => {
  it('reduces the rate after `patience` epochs without improvement, then counts again', async () => {
    const plateau = reduceOnPlateau({ monitor: 'score', factor: 0.5, patience: 2 });
    const { lr, history } = await run([1, 0.5, 0.5, 0.5, 0.5, 0.5], plateau);
    expect(plateau.reductions).toEqual([
      { epoch: 3, from: 0.1, to: 0.05 },
      { epoch: 5, from: 0.05, to: 0.025 },
    ]);
    expect(lr).toBe(0.025);
    expect(history.history.learning_rate).toEqual([0.1, 0.1, 0.1, 0.05, 0.05, 0.025]);
  });
  it('counts an improvement smaller than minDelta as no improvement', async () => {
    const plateau = reduceOnPlateau({ monitor: 'score', factor: 0.5, patience: 1, minDelta: 0.01 });
    await run([1, 0.995, 0.5], plateau);
    expect(plateau.reductions.map((r) => r.epoch)).toEqual([1]);
  });
  it('watches a maximised metric in auto mode for names like val_auprc', async () => {
    const plateau = reduceOnPlateau({ monitor: 'val_auprc', patience: 1 });
    await run([0.5, 0.6, 0.7, 0.7], plateau, 'val_auprc');
    expect(plateau.reductions.map((r) => r.epoch)).toEqual([3]);
  });
  it('waits `cooldown` epochs after a reduction and never goes below minLearningRate', async () => {
    const plateau = reduceOnPlateau({ monitor: 'score', factor: 0.1, patience: 1, cooldown: 2, minLearningRate: 0.005 });
    const { lr } = await run([1, 1, 1, 1, 1, 1, 1], plateau);
    // Keras semantics: reduce at 1; the counter is decremented before the check, so epoch 2 is
    // in cooldown and epoch 3 counts again → reduce to the floor; later nothing is left to reduce.
    expect(plateau.reductions).toEqual([
      { epoch: 1, from: 0.1, to: 0.010000000000000002 },
      { epoch: 3, from: 0.010000000000000002, to: 0.005 },
    ]);
    expect(lr).toBe(0.005);
  });
  it('rejects a missing monitored value during fit, naming the keys that are there', async () => {
    await expect(run([1, 1], reduceOnPlateau({ monitor: 'val_loss' }))).rejects.toThrow(
      /reduceOnPlateau: logs has no "val_loss" at epoch 0 \(available: loss, score\)/,
    );
  });
  it('rejects a factor of 1', () => {
    expect(() => reduceOnPlateau({ factor: 1 })).toThrow(new InvalidOptionError('reduceOnPlateau: factor is 1, expected a finite number > 0 and < 1'));
  });
});
