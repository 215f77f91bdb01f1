import * as tfl from '@tensorflow/tfjs-layers';
import { expect, it } from 'vitest';
import { baselineModel, InvalidOptionError } from '../../src/baselines/index';
import { syntheticDigits, toTensors, twoMoons } from '../../src/datasets/index';
import { describeEachBackend, tf } from '../helpers/backends';

const weightsOf = (m: tfl.LayersModel) => m.getWeights().map((w) => Array.from(w.dataSync()));

async function testAccuracy(model: tfl.LayersModel, x: tf.Tensor, y: tf.Tensor): Promise<number> {
  const r = model.evaluate(x, y) as tf.Scalar[];
  const acc = (await r[1].data())[0];
  tf.dispose(r);
  return acc;
}

describeEachBackend('baselineModel configuration', () => {
  it('baselineModel describes its tabular default in plain data, with a rationale per choice', () => {
    const { model, config, rationale } = baselineModel({ input: 'tabular', inputShape: [2], task: 'binary' });
    expect(config.layers).toEqual([
      'dense(64, relu, heNormal, l2 0.0001)',
      'dropout(0.1)',
      'dense(64, relu, heNormal, l2 0.0001)',
      'dropout(0.1)',
      'dense(1, sigmoid)',
    ]);
    expect(config).toMatchObject({ loss: 'binaryCrossentropy', outputActivation: 'sigmoid', optimizer: 'adam', learningRate: 1e-3, metrics: ['accuracy'], numClasses: null });
    expect(config.parameters).toBe(model.countParams());
    expect(config.parameters).toBe(2 * 64 + 64 + 64 * 64 + 64 + 64 + 1);
    expect(JSON.parse(JSON.stringify(config))).toEqual(config);
    expect(rationale.every((r) => typeof r === 'string' && r.length > 0)).toBe(true);
    expect(rationale.join(' ')).toMatch(/metricsCallback/);
    model.dispose();
  });

  it('baselineModel picks the output layer and loss from the task and honours the options', () => {
    const multi = baselineModel({ input: 'tabular', inputShape: [4], task: 'multiclass', numClasses: 3, size: 'medium', dropout: 0, weightDecay: 0, optimizer: 'sgd-momentum' });
    expect(multi.config.layers).toEqual(['dense(128, relu, heNormal)', 'dense(128, relu, heNormal)', 'dense(128, relu, heNormal)', 'dense(3, softmax)']);
    expect(multi.config).toMatchObject({ loss: 'sparseCategoricalCrossentropy', optimizer: 'sgd-momentum', learningRate: 0.01 });
    expect(multi.model.optimizer.getClassName()).toBe('Momentum');
    const oneHot = baselineModel({ input: 'tabular', inputShape: [4], task: 'multiclass', numClasses: 3, oneHotLabels: true });
    expect(oneHot.config.loss).toBe('categoricalCrossentropy');
    const reg = baselineModel({ input: 'sequence', inputShape: [10, 3], task: 'regression', recurrent: 'lstm' });
    expect(reg.config.layers).toEqual(['lstm(32, glorotUniform, l2 0.0001)', 'dropout(0.2)', 'dense(1, linear)']);
    expect(reg.config).toMatchObject({ loss: 'meanSquaredError', metrics: [] });
    const img = baselineModel({ input: 'image', inputShape: [16, 16, 1], task: 'multiclass', numClasses: 10 });
    expect(img.config.layers[0]).toBe('conv2d(8, 3x3, valid, relu, heNormal, l2 0.0001)');
    expect(img.model.outputs[0].shape).toEqual([null, 10]);
    [multi, oneHot, reg, img].forEach((b) => b.model.dispose());
  });

  it('baselineModel rejects a missing numClasses, a wrong inputShape and unknown choices', () => {
    expect(() => baselineModel({ input: 'tabular', inputShape: [2], task: 'multiclass' })).toThrow(
      new InvalidOptionError('baselineModel: numClasses is required for task "multiclass"'),
    );
    expect(() => baselineModel({ input: 'image', inputShape: [28, 28], task: 'binary' })).toThrow(
      new InvalidOptionError('baselineModel: inputShape is [28, 28], expected [height, width, channels] for input "image"'),
    );
    expect(() => baselineModel({ input: 'graph' as 'image', inputShape: [2], task: 'binary' })).toThrow(
      new InvalidOptionError('baselineModel: input is "graph", expected one of "tabular", "image", "sequence"'),
    );
    expect(() => baselineModel({ input: 'tabular', inputShape: [2], task: 'binary', dropout: 1 })).toThrow(InvalidOptionError);
  });
});

describeEachBackend('baselineModel', (backend) => {
  it('the same seed gives identical initial weights and another seed different ones, for every input kind', () => {
    const kinds = [
      { input: 'tabular', inputShape: [3], task: 'binary' },
      { input: 'image', inputShape: [8, 8, 1], task: 'multiclass', numClasses: 10 },
      { input: 'sequence', inputShape: [5, 2], task: 'regression' },
    ] as const;
    for (const kind of kinds) {
      const a = baselineModel({ ...kind, seed: 5 }).model;
      const b = baselineModel({ ...kind, seed: 5 }).model;
      const c = baselineModel({ ...kind, seed: 6 }).model;
      expect(weightsOf(a), kind.input).toEqual(weightsOf(b));
      expect(weightsOf(a)[0], kind.input).not.toEqual(weightsOf(c)[0]);
      [a, b, c].forEach((m) => m.dispose());
    }
  });
  it('dropout draws a new mask at every step (a seeded tfjs dropout layer would repeat one mask)', () => {
    const { model } = baselineModel({ input: 'tabular', inputShape: [2], task: 'binary', dropout: 0.5, seed: 3 });
    const dropout = model.layers.find((l) => l.getClassName() === 'Dropout')!;
    const x = tf.ones([1, 64]);
    const a = dropout.apply(x, { training: true }) as tf.Tensor;
    const b = dropout.apply(x, { training: true }) as tf.Tensor;
    expect(Array.from(a.dataSync())).not.toEqual(Array.from(b.dataSync()));
    tf.dispose([x, a, b]);
    model.dispose();
  });
  it('building, training and disposing a baseline leaves no tensors behind (dispose also frees the optimizer)', async () => {
    const data = toTensors(twoMoons({ n: 32 }));
    const before = tf.memory().numTensors;
    const { model } = baselineModel({ input: 'tabular', inputShape: [2], task: 'binary' });
    await model.fit(data.x, data.y, { epochs: 1, batchSize: 16, verbose: 0 });
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([data.x, data.y]);
  });
  it('the tabular baseline reaches at least 95% held-out accuracy on twoMoons within 30 epochs', async () => {
    const train = toTensors(twoMoons({ n: 300, seed: 1 }));
    const test = toTensors(twoMoons({ n: 300, seed: 2 }));
    const { model } = baselineModel({ input: 'tabular', inputShape: [2], task: 'binary', learningRate: 0.02, seed: 1 });
    await model.fit(train.x, train.y, { epochs: 30, batchSize: 64, verbose: 0 });
    expect(await testAccuracy(model, test.x, test.y)).toBeGreaterThanOrEqual(0.95);
    model.dispose();
    tf.dispose([train.x, train.y, test.x, test.y]);
  }, 240_000);
  it('the sequence baseline builds and predicts one value per sequence', () => {
    const { model } = baselineModel({ input: 'sequence', inputShape: [6, 2], task: 'binary' });
    const x = tf.randomNormal([3, 6, 2], 0, 1, 'float32', 1);
    const p = model.predict(x) as tf.Tensor;
    expect(p.shape).toEqual([3, 1]);
    tf.dispose([x, p]);
    model.dispose();
  });
  if (backend === 'cpu') {
    it('the CNN baseline reaches at least 90% held-out accuracy on 16x16 syntheticDigits within 4 epochs (cpu: it can train here)', async () => {
      const train = toTensors(syntheticDigits({ n: 400, size: 16, seed: 1 }));
      const test = toTensors(syntheticDigits({ n: 300, size: 16, seed: 2 }));
      const { model } = baselineModel({ input: 'image', inputShape: [16, 16, 1], task: 'multiclass', numClasses: 10, learningRate: 0.01 });
      let acc = 0;
      let epochs = 0;
      while (epochs < 4 && acc < 0.9) {
        await model.fit(train.x, train.y, { epochs: 1, batchSize: 16, verbose: 0 });
        epochs++;
        acc = await testAccuracy(model, test.x, test.y);
      }
      expect(acc).toBeGreaterThanOrEqual(0.9);
      model.dispose();
      tf.dispose([train.x, train.y, test.x, test.y]);
    }, 400_000);
  } else {
    it('the CNN baseline builds and predicts class probabilities (wasm 4.22 has no Conv2DBackpropFilter kernel, so CNNs cannot train on wasm)', () => {
      const data = toTensors(syntheticDigits({ n: 4, size: 16 }));
      const { model } = baselineModel({ input: 'image', inputShape: [16, 16, 1], task: 'multiclass', numClasses: 10 });
      const p = model.predict(data.x) as tf.Tensor;
      expect(p.shape).toEqual([4, 10]);
      const sums = tf.sum(p, 1);
      for (const s of sums.dataSync()) expect(s).toBeCloseTo(1, 5);
      tf.dispose([p, sums, data.x, data.y]);
      model.dispose();
    });
  }
});
