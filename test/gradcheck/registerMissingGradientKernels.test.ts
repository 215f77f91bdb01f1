import * as tfl from '@tensorflow/tfjs-layers';
import { describe, expect, it } from 'vitest';
import { checkGradients, GradientCheckError, registerMissingGradientKernels } from '../../src/gradcheck';
import { expectNoLeak, tf } from '../helpers/backends';

type Case = [string, (x: tf.Tensor, w: tf.Tensor) => tf.Tensor, number[], number[], number];
const CASES: Case[] = [
  ['conv2d, valid', (x, w) => tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, 1, 'valid'), [2, 5, 5, 2], [3, 3, 2, 3], 0],
  ['conv2d, same, stride 2', (x, w) => tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, 2, 'same'), [1, 6, 5, 2], [3, 2, 2, 3], 0],
  ['depthwise conv2d, valid', (x, w) => tf.depthwiseConv2d(x as tf.Tensor4D, w as tf.Tensor4D, 1, 'valid'), [2, 5, 5, 2], [3, 3, 2, 2], 0],
  ['depthwise conv2d, same, stride 2', (x, w) => tf.depthwiseConv2d(x as tf.Tensor4D, w as tf.Tensor4D, 2, 'same'), [1, 7, 6, 3], [3, 3, 3, 1], 0],
  [
    'separable conv2d',
    (x, w) => tf.separableConv2d(x as tf.Tensor4D, w as tf.Tensor4D, tf.ones([1, 1, 2, 2]) as tf.Tensor4D, 1, 'valid'),
    [1, 5, 5, 2],
    [2, 2, 2, 1],
    0,
  ],
  ['maxPool, negative windows, same, stride 2', (x, w) => tf.mul(tf.maxPool(x as tf.Tensor4D, 3, 2, 'same'), tf.sum(w)), [1, 5, 6, 2], [2], -6],
];

async function gradientsOn(backend: string, [, f, xShape, wShape, shift]: Case): Promise<Float32Array[]> {
  await tf.setBackend(backend);
  await tf.ready();
  return tf.tidy(() => {
    const x = tf.add(tf.randomNormal(xShape, 0, 1, 'float32', 1), shift);
    const w = tf.randomNormal(wShape, 1, 0.5, 'float32', 2);
    const dy = tf.randomNormal(f(x, w).shape, 0, 1, 'float32', 3);
    return tf.grads(f)([x, w], dy).map((g) => g.dataSync() as Float32Array);
  });
}

describe('registerMissingGradientKernels', () => {
  it('registers nothing on the cpu backend, which has every kernel', async () => {
    await tf.setBackend('cpu');
    expect(registerMissingGradientKernels()).toEqual([]);
  });

  it('rejects a backend tfjs does not know', () => {
    expect(() => registerMissingGradientKernels({ backend: 'webgl9' })).toThrow(GradientCheckError);
  });

  it('fills the three missing wasm kernels and replaces MaxPoolGrad, once', async () => {
    await tf.setBackend('wasm');
    await tf.ready();
    const x = tf.randomNormal([1, 4, 4, 1], 0, 1, 'float32', 4);
    const w = tf.randomNormal([2, 2, 1, 1], 0, 1, 'float32', 5);
    const conv = (a: tf.Tensor, b: tf.Tensor) => tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, 'valid');
    expect(() => checkGradients(conv, [x, w])).toThrow("no 'Conv2DBackpropFilter' kernel");
    expect(registerMissingGradientKernels()).toEqual([
      'Conv2DBackpropFilter',
      'DepthwiseConv2dNativeBackpropFilter',
      'DepthwiseConv2dNativeBackpropInput',
      'MaxPoolGrad',
    ]);
    expect(registerMissingGradientKernels()).toEqual([]);
    expect(checkGradients(conv, [x, w]).ok).toBe(true);
    tf.dispose([x, w]);
  });

  it.each(CASES)('gives %s gradients on wasm that pass the check and match the cpu backend', async (...c) => {
    registerMissingGradientKernels({ backend: 'wasm' });
    const cpu = await gradientsOn('cpu', c);
    const wasm = await gradientsOn('wasm', c);
    cpu.forEach((g, i) => g.forEach((v, j) => expect(wasm[i][j]).toBeCloseTo(v, 4)));
    const [, f, xShape, wShape, shift] = c;
    const x = tf.add(tf.randomNormal(xShape, 0, 1, 'float32', 6), shift);
    const w = tf.randomNormal(wShape, 1, 0.5, 'float32', 7);
    const report = await expectNoLeak(() => checkGradients(f, [x, w], { maxElementsPerInput: 24 }));
    expect(report.ok).toBe(true);
    expect(report.backend).toBe('wasm');
    tf.dispose([x, w]);
  });

  it('lets a small CNN train on wasm', async () => {
    await tf.setBackend('wasm');
    registerMissingGradientKernels();
    const model = tfl.sequential({
      layers: [
        tfl.layers.conv2d({ filters: 3, kernelSize: 3, inputShape: [6, 6, 1], activation: 'relu', kernelInitializer: tfl.initializers.glorotNormal({ seed: 1 }) }),
        tfl.layers.separableConv2d({ filters: 2, kernelSize: 2, depthwiseInitializer: tfl.initializers.glorotNormal({ seed: 2 }), pointwiseInitializer: tfl.initializers.glorotNormal({ seed: 3 }) }),
        tfl.layers.maxPooling2d({ poolSize: 2 }),
        tfl.layers.flatten(),
        tfl.layers.dense({ units: 1, kernelInitializer: tfl.initializers.glorotNormal({ seed: 4 }) }),
      ],
    });
    model.compile({ optimizer: tf.train.sgd(0.05), loss: 'meanSquaredError' });
    const x = tf.randomNormal([16, 6, 6, 1], 0, 1, 'float32', 8);
    const y = tf.mean(x, [1, 2]);
    const history = await model.fit(x, y, { epochs: 5, batchSize: 16, verbose: 0 });
    const losses = history.history.loss as number[];
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(losses[4]).toBeLessThan(losses[0]);
    model.dispose();
    tf.dispose([x, y]);
  });
});
