import * as tfl from '@tensorflow/tfjs-layers';
import { expect, it } from 'vitest';
import { evaluateMetrics, InvalidOptionError, learningRateScheduler, metricsCallback, reduceOnPlateau } from '../../src/baselines/index';
import { gaussianBlobs, rareEvents, toTensors } from '../../src/datasets/index';
import { averagePrecision, rocAuc } from '../../src/metrics/index';
import { describeEachBackend, expectNoLeak, tf } from '../helpers/backends';

function logistic(d: number, units = 1): tfl.LayersModel {
  const model = tfl.sequential({
    layers: [tfl.layers.dense({ units, inputShape: [d], activation: units === 1 ? 'sigmoid' : 'softmax', kernelInitializer: tfl.initializers.glorotUniform({ seed: 1 }) })],
  });
  model.compile({ optimizer: tf.train.sgd(0.1), loss: units === 1 ? 'binaryCrossentropy' : 'categoricalCrossentropy' });
  return model;
}

class LogsSeen extends tfl.Callback {
  readonly seen: Record<string, unknown>[] = [];
  override async onEpochEnd(_e: number, logs?: tfl.Logs): Promise<void> {
    this.seen.push({ ...logs });
  }
}

describeEachBackend('metricsCallback', () => {
  const train = rareEvents({ n: 400, prevalence: 0.1, separation: 2, seed: 1 });
  const validation = rareEvents({ n: 300, prevalence: 0.1, separation: 2, seed: 2 });

  it('writes the whole-set metric of the validation set into the logs at each epoch end, visible to later callbacks and the history', async () => {
    const t = toTensors(train), v = toTensors(validation);
    const model = logistic(2);
    const cb = metricsCallback({ validationData: [v.x, v.y], metrics: { val_auprc: (y, s) => averagePrecision(y, s) }, batchSize: 64 });
    const seen = new LogsSeen();
    const history = await model.fit(t.x, t.y, { epochs: 3, batchSize: 50, verbose: 0, callbacks: [cb, seen] });
    expect(history.history.val_auprc).toHaveLength(3);
    expect(seen.seen.map((l) => l.val_auprc)).toEqual(history.history.val_auprc);
    expect(cb.history.epoch).toEqual([0, 1, 2]);
    // The last value is exactly the metric of the final model's whole-set scores.
    const p = model.predict(v.x) as tf.Tensor;
    expect(history.history.val_auprc[2]).toBe(averagePrecision(validation.y, p.dataSync() as Float32Array));
    tf.dispose([p, t.x, t.y, v.x, v.y]);
    model.dispose();
  });

  it('gives the same values whatever the prediction batch size, and leaves no tensors behind', async () => {
    const v = toTensors(validation);
    const model = logistic(2);
    const metrics = { ap: (y: Int32Array | Float32Array, s: unknown) => averagePrecision(y, s as Float32Array) };
    const a = await expectNoLeak(() => evaluateMetrics(model, [v.x, v.y], metrics, { batchSize: 7 }));
    const b = await expectNoLeak(() => evaluateMetrics(model, [v.x, validation.y], metrics));
    expect(a).toEqual(b);
    tf.dispose([v.x, v.y]);
    model.dispose();
  });

  it('computes only every `every`-th epoch', async () => {
    const t = toTensors(train), v = toTensors(validation);
    const model = logistic(2);
    const cb = metricsCallback({ validationData: [v.x, v.y], metrics: { val_auc: (y, s) => rocAuc(y, s) }, every: 2 });
    await model.fit(t.x, t.y, { epochs: 4, batchSize: 100, verbose: 0, callbacks: [cb] });
    expect(cb.history.epoch).toEqual([1, 3]);
    expect(cb.history.values.val_auc).toHaveLength(2);
    tf.dispose([t.x, t.y, v.x, v.y]);
    model.dispose();
  });

  it('hands a multiclass model an [n, k] score matrix and reads one-hot labels as class ids', async () => {
    const d = gaussianBlobs({ n: 90, numClasses: 3, separation: 4, seed: 3 });
    const t = toTensors(d, { oneHot: true });
    const model = logistic(2, 3);
    let shape: readonly number[] = [];
    let labels: number[] = [];
    const values = await evaluateMetrics(model, [t.x, t.y], {
      auc: (y, s) => {
        shape = (s as unknown as { shape: number[] }).shape;
        labels = Array.from(y);
        return rocAuc(y, s, { multiClass: 'ovr' });
      },
    });
    expect(shape).toEqual([90, 3]);
    expect(labels).toEqual(Array.from(d.y));
    expect(values.auc).toBeGreaterThan(0);
    tf.dispose([t.x, t.y]);
    model.dispose();
  });

  it('feeds reduceOnPlateau a metric it maximises', async () => {
    const t = toTensors(train), v = toTensors(validation);
    const model = logistic(2);
    const cb = metricsCallback({ validationData: [v.x, v.y], metrics: { val_auprc: () => 0.5 } });
    const plateau = reduceOnPlateau({ monitor: 'val_auprc', patience: 1 });
    await model.fit(t.x, t.y, { epochs: 3, batchSize: 100, verbose: 0, callbacks: [cb, plateau] });
    expect(plateau.reductions.map((r) => r.epoch)).toEqual([1, 2]);
    tf.dispose([t.x, t.y, v.x, v.y]);
    model.dispose();
  });

  it('the three callbacks together leave no tensors behind during fit', async () => {
    const t = toTensors(train), v = toTensors(validation);
    const model = logistic(2);
    // A first epoch creates the optimizer's own state; count after it.
    await model.fit(t.x, t.y, { epochs: 1, batchSize: 100, verbose: 0 });
    const before = tf.memory().numTensors;
    await model.fit(t.x, t.y, {
      epochs: 3,
      batchSize: 100,
      verbose: 0,
      callbacks: [
        metricsCallback({ validationData: [v.x, v.y], metrics: { val_ap: (y, s) => averagePrecision(y, s) }, batchSize: 50 }),
        learningRateScheduler((e) => 0.1 / (e + 1), { per: 'batch' }),
        reduceOnPlateau({ monitor: 'val_ap', patience: 0 }),
      ],
    });
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([t.x, t.y, v.x, v.y]);
    model.dispose();
  });

  it('rejects labels of the wrong length and metrics that are not functions', () => {
    const x = tf.zeros([4, 2]);
    expect(() => metricsCallback({ validationData: [x, [0, 1, 0]], metrics: { a: () => 1 } })).toThrow(
      new InvalidOptionError('metricsCallback: validationData y has 3 entries but x has 4 rows'),
    );
    expect(() => metricsCallback({ validationData: [x, [0, 1, 0, 1]], metrics: { a: 1 as never } })).toThrow(
      new InvalidOptionError('metricsCallback: metrics.a is not a function'),
    );
    x.dispose();
  });
});
