import * as tfl from '@tensorflow/tfjs-layers';
import { expect, it } from 'vitest';
import {
  constant,
  getLearningRate,
  InvalidOptionError,
  learningRateScheduler,
  setLearningRate,
} from '../../src/baselines/index';
import { describeEachBackend, tf } from '../helpers/backends';

/** One weight w (initially 1), loss (w·x − y)² on x = 1, y = 0: the gradient is 2w. */
function oneWeightModel(optimizer: tf.Optimizer): tfl.LayersModel {
  const model = tfl.sequential({
    layers: [tfl.layers.dense({ units: 1, inputShape: [1], useBias: false, kernelInitializer: 'ones' })],
  });
  model.compile({ optimizer, loss: 'meanSquaredError' });
  return model;
}

class WeightRecorder extends tfl.Callback {
  readonly w: number[] = [];
  override async onBatchEnd(): Promise<void> {
    this.w.push(this.model.getWeights()[0].dataSync()[0]);
  }
}

/** Trains one step per epoch (one example, batch 1) and returns w after each step. */
async function train(optimizer: tf.Optimizer, epochs: number, callbacks: tfl.Callback[]): Promise<number[]> {
  const model = oneWeightModel(optimizer);
  const recorder = new WeightRecorder();
  const x = tf.tensor2d([[1]]);
  const y = tf.tensor2d([[0]]);
  await model.fit(x, y, { epochs, batchSize: 1, shuffle: false, verbose: 0, callbacks: [...callbacks, recorder] });
  tf.dispose([x, y]);
  model.dispose();
  optimizer.dispose();
  return recorder.w;
}

const perEpoch = (rates: number[]) => (step: number) => rates[step];

/** Float64 references of the first two updates with rates 0.1 then 0.01, gradient 2w. */
function reference(update: (g: number, lr: number, t: number) => number): number[] {
  let w = 1;
  const out: number[] = [];
  [0.1, 0.01].forEach((lr, t) => {
    w -= update(2 * w, lr, t + 1);
    out.push(w);
  });
  return out;
}

describeEachBackend('learningRateScheduler', () => {
  it('changes the steps of SGD, which caches its rate (read from the weights)', async () => {
    // The optimizer is built with 0.5: without the scheduler w would be 0 after one step.
    const w = await train(tf.train.sgd(0.5), 2, [learningRateScheduler(perEpoch([0.1, 0.01]))]);
    expect(w[0]).toBeCloseTo(0.8, 6);
    expect(w[1]).toBeCloseTo(0.8 * (1 - 0.02), 6);
  });
  it('changes the steps of momentum SGD (accumulation = 0.9·accumulation + g)', async () => {
    const w = await train(tf.train.momentum(0.5, 0.9), 2, [learningRateScheduler(perEpoch([0.1, 0.01]))]);
    expect(w[0]).toBeCloseTo(0.8, 6);
    expect(w[1]).toBeCloseTo(0.8 - 0.01 * (0.9 * 2 + 1.6), 6);
  });
  it('changes the steps of Adam (bias-corrected moments)', async () => {
    let m = 0, v = 0;
    const expected = reference((g, lr, t) => {
      m = 0.9 * m + 0.1 * g;
      v = 0.999 * v + 0.001 * g * g;
      return (lr * (m / (1 - 0.9 ** t))) / (Math.sqrt(v / (1 - 0.999 ** t)) + 1e-7);
    });
    const w = await train(tf.train.adam(0.5), 2, [learningRateScheduler(perEpoch([0.1, 0.01]))]);
    expect(w[0]).toBeCloseTo(expected[0], 5);
    expect(w[1]).toBeCloseTo(expected[1], 5);
  });
  it('changes the steps of RMSProp (mean square decay 0.9)', async () => {
    let ms = 0;
    const expected = reference((g, lr) => {
      ms = 0.9 * ms + 0.1 * g * g;
      return (lr * g) / Math.sqrt(ms + 1e-7);
    });
    const w = await train(tf.train.rmsprop(0.5), 2, [learningRateScheduler(perEpoch([0.1, 0.01]))]);
    expect(w[0]).toBeCloseTo(expected[0], 5);
    expect(w[1]).toBeCloseTo(expected[1], 5);
  });
  it('a scheduled constant rate trains exactly like an optimizer built with that rate, for every optimizer', async () => {
    const makers: Record<string, (lr: number) => tf.Optimizer> = {
      sgd: (lr) => tf.train.sgd(lr),
      momentum: (lr) => tf.train.momentum(lr, 0.9),
      adam: (lr) => tf.train.adam(lr),
      rmsprop: (lr) => tf.train.rmsprop(lr),
      adagrad: (lr) => tf.train.adagrad(lr),
      adadelta: (lr) => tf.train.adadelta(lr),
      adamax: (lr) => tf.train.adamax(lr),
    };
    for (const [name, make] of Object.entries(makers)) {
      const scheduled = await train(make(0.9), 3, [learningRateScheduler(constant(0.03))]);
      const direct = await train(make(0.03), 3, []);
      expect(scheduled, name).toEqual(direct);
      expect(scheduled[2], name).not.toBe(1);
    }
  });
  it('per batch counts batches across epochs, records each rate and writes learning_rate into the epoch logs', async () => {
    const cb = learningRateScheduler((step) => 0.1 / (step + 1), { per: 'batch' });
    const model = oneWeightModel(tf.train.sgd(0.5));
    const x = tf.tensor2d([[1], [1]]);
    const y = tf.tensor2d([[0], [0]]);
    const history = await model.fit(x, y, { epochs: 2, batchSize: 1, verbose: 0, callbacks: [cb] });
    expect(cb.history.step).toEqual([0, 1, 2, 3]);
    expect(cb.history.learningRate).toEqual([0.1, 0.05, 0.1 / 3, 0.025]);
    expect(getLearningRate(model.optimizer)).toBe(0.025);
    expect(history.history.learning_rate).toEqual([0.05, 0.025]);
    tf.dispose([x, y]);
    model.dispose();
  });
  it('per epoch counts epochs from 0 as Keras does, and from initialEpoch when given', async () => {
    const cb = learningRateScheduler((epoch) => 0.1 * (epoch + 1));
    const model = oneWeightModel(tf.train.sgd(0.5));
    const x = tf.tensor2d([[1]]);
    const y = tf.tensor2d([[0]]);
    await model.fit(x, y, { epochs: 2, verbose: 0, callbacks: [cb] });
    await model.fit(x, y, { epochs: 4, initialEpoch: 2, verbose: 0, callbacks: [cb] });
    expect(cb.history.step).toEqual([0, 1, 2, 3]);
    tf.dispose([x, y]);
    model.dispose();
  });
  it('leaves no tensors behind: the SGD rate scalar is replaced, not leaked', async () => {
    const opt = tf.train.sgd(0.1);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) setLearningRate(opt, 0.01 * i);
    expect(tf.memory().numTensors).toBe(before);
    opt.dispose();
  });
  it('setLearningRate says how it set each optimizer and rejects a bad rate or an optimizer without a rate', () => {
    expect(setLearningRate(tf.train.sgd(0.1), 0.2)).toBe('setLearningRate');
    expect(setLearningRate(tf.train.momentum(0.1, 0.9), 0.2)).toBe('setLearningRate');
    const adam = tf.train.adam(0.1);
    expect(setLearningRate(adam, 0.2)).toBe('learningRate field');
    expect(getLearningRate(adam)).toBe(0.2);
    expect(() => setLearningRate(adam, NaN)).toThrow(new InvalidOptionError('setLearningRate: learningRate is NaN, expected a finite number >= 0'));
    expect(() => setLearningRate({} as tf.Optimizer, 0.1)).toThrow(InvalidOptionError);
    expect(() => learningRateScheduler(constant(0.1), { per: 'step' as 'batch' })).toThrow(
      new InvalidOptionError('learningRateScheduler: per is "step", expected one of "batch", "epoch"'),
    );
  });
});
