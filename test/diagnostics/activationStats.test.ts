import * as tfl from '@tensorflow/tfjs-layers';
import { describe, expect, it } from 'vitest';
import { DiagnosticsInputError } from '../../src/diagnostics/errors';
import { activationStats } from '../../src/diagnostics/activationStats';
import { hostSummary } from '../../src/diagnostics/internal/hostSummary';
import { hostValues } from '../../src/diagnostics/internal/tfHostValues';
import { describeEachBackend, expectNoLeak, tf } from '../helpers/backends';

/** A deep ReLU MLP: `depth` hidden Dense(width, relu) layers, then Dense(1). */
function deepRelu(depth: number, width: number, seed: number, biasInitializer: NonNullable<Parameters<typeof tfl.layers.dense>[0]>['biasInitializer']): tfl.Sequential {
  const model = tfl.sequential();
  for (let i = 0; i < depth; i++) {
    model.add(
      tfl.layers.dense({
        units: width,
        activation: 'relu',
        inputShape: i === 0 ? [width] : undefined,
        kernelInitializer: tfl.initializers.heNormal({ seed: seed + i }),
        biasInitializer,
      }),
    );
  }
  model.add(tfl.layers.dense({ units: 1, kernelInitializer: tfl.initializers.glorotUniform({ seed: seed + 99 }) }));
  return model;
}

describeEachBackend('activationStats', () => {
  for (const reduceOn of ['device', 'host'] as const) {
  describe(`reduced on the ${reduceOn}`, () => {
  it('gives the statistics of a one-layer ReLU net worked out by hand', async () => {
    // Kernel [[1, 2]], bias 0: x = 1 gives [1, 2], x = -1 gives [0, 0] after the ReLU.
    // Values {1, 2, 0, 0}: mean 0.75, population variance (0.0625 + 1.5625 + 2·0.5625)/4 = 0.6875.
    const model = tfl.sequential({ layers: [tfl.layers.dense({ units: 2, inputShape: [1], activation: 'relu', name: 'hidden' })] });
    model.setWeights([tf.tensor2d([[1, 2]]), tf.tensor1d([0, 0])]);
    const x = tf.tensor2d([[1], [-1]]);
    const s = await expectNoLeak(() => activationStats(model, x, { reduceOn, bins: 4 }));
    expect(s.examples).toBe(2);
    expect(s.layers).toHaveLength(1);
    const l = s.layers[0];
    expect(l).toMatchObject({ name: 'hidden', className: 'Dense', activation: 'relu', outputShape: [null, 2], units: 2, min: 0, max: 2 });
    expect(l.mean).toBeCloseTo(0.75, 6);
    expect(l.std).toBeCloseTo(Math.sqrt(0.6875), 6);
    expect(l.zeroFraction).toBe(0.5);
    expect(l.deadUnits).toBe(0);
    expect(l.deadFraction).toBe(0);
    expect(l.saturatedFraction).toBeNaN();
    expect(l.nonFiniteFraction).toBe(0);
    // Bins [0, 0.5), [0.5, 1), [1, 1.5), [1.5, 2]: 0, 0 | - | 1 | 2.
    expect(Array.from(l.histogram.edges)).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(Array.from(l.histogram.counts)).toEqual([2, 0, 1, 1]);
    expect(l.histogram.counts).toBeInstanceOf(Float64Array);
    model.dispose();
    x.dispose();
  });

  it('counts a unit that is zero for every example as dead', () => {
    // Unit 0 gets x·1 − 10 < 0 for every x in [0, 1]: dead; unit 1 gets x·1 + 0.
    const model = tfl.sequential({ layers: [tfl.layers.dense({ units: 2, inputShape: [1], activation: 'relu' })] });
    model.setWeights([tf.tensor2d([[1, 1]]), tf.tensor1d([-10, 0])]);
    const x = tf.tensor2d([[0.5], [1]]);
    const l = activationStats(model, x, { reduceOn }).layers[0];
    expect(l.deadUnits).toBe(1);
    expect(l.deadFraction).toBe(0.5);
    expect(l.zeroFraction).toBe(0.5);
    model.dispose();
    x.dispose();
  });

  it('reports most units dead in a deep ReLU net with a strongly negative bias, few with He init', () => {
    const x = tf.randomNormal([64, 32], 0, 1, 'float32', 7);
    const dead = deepRelu(6, 32, 1, tfl.initializers.constant({ value: -3 }));
    const healthy = deepRelu(6, 32, 1, 'zeros');
    const sDead = activationStats(dead, x, { reduceOn });
    const sHealthy = activationStats(healthy, x, { reduceOn });
    const hidden = (s: typeof sDead) => s.layers.slice(0, 6);
    const meanDead = (s: typeof sDead) => hidden(s).reduce((a, l) => a + l.deadFraction, 0) / 6;
    expect(meanDead(sDead)).toBeGreaterThan(0.8);
    expect(meanDead(sHealthy)).toBeLessThan(0.15);
    expect(sDead.layers).toHaveLength(7);
    dead.dispose();
    healthy.dispose();
    x.dispose();
  });

  it('reports separate Activation and ReLU layers with their activation, and the saturation of a sigmoid', () => {
    const model = tfl.sequential({
      layers: [
        tfl.layers.dense({ units: 3, inputShape: [2], name: 'linear' }),
        tfl.layers.activation({ activation: 'sigmoid', name: 'squash' }),
        tfl.layers.reLU({ name: 'rect' }),
      ],
    });
    // Pre-activations ±20 and 0: sigmoid gives ~0, ~1 (saturated) and 0.5.
    model.setWeights([tf.tensor2d([[20, -20, 0], [0, 0, 0]]), tf.tensor1d([0, 0, 0])]);
    const x = tf.tensor2d([[1, 0], [1, 5]]);
    const s = activationStats(model, x, { reduceOn });
    expect(s.layers.map((l) => [l.name, l.className, l.activation])).toEqual([
      ['linear', 'Dense', 'linear'],
      ['squash', 'Activation', 'sigmoid'],
      ['rect', 'ReLU', 'relu'],
    ]);
    expect(s.layers[1].saturatedFraction).toBeCloseTo(4 / 6, 12);
    expect(s.layers[1].mean).toBeCloseTo(0.5, 5);
    expect(s.layers[0].saturatedFraction).toBeNaN();
    model.dispose();
    x.dispose();
  });

  it('walks the layers of a nested model in the same pass, named outer/inner, and agrees with predict', () => {
    const inner = tfl.sequential({
      name: 'body',
      layers: [
        tfl.layers.dense({ units: 4, inputShape: [3], activation: 'tanh', name: 'h1', kernelInitializer: tfl.initializers.glorotUniform({ seed: 1 }) }),
        tfl.layers.dense({ units: 2, name: 'h2', kernelInitializer: tfl.initializers.glorotUniform({ seed: 2 }) }),
      ],
    });
    const input = tfl.input({ shape: [5], name: 'features' });
    const pre = tfl.layers.dense({ units: 3, name: 'pre', kernelInitializer: tfl.initializers.glorotUniform({ seed: 3 }) }).apply(input) as tfl.SymbolicTensor;
    const body = inner.apply(pre) as tfl.SymbolicTensor;
    const skip = tfl.layers.dense({ units: 2, name: 'skip', kernelInitializer: tfl.initializers.glorotUniform({ seed: 4 }) }).apply(pre) as tfl.SymbolicTensor;
    const out = tfl.layers.add({ name: 'sum' }).apply([body, skip]) as tfl.SymbolicTensor;
    const model = tfl.model({ inputs: input, outputs: out });
    const x = tf.randomUniform([8, 5], -1, 1, 'float32', 3);
    const s = activationStats(model, x, { reduceOn });
    expect(s.layers.map((l) => l.name)).toEqual(['pre', 'body/h1', 'body/h2', 'skip', 'sum']);
    expect(s.layers[1].activation).toBe('tanh');
    const predicted = Array.from(tf.tidy(() => (model.predict(x) as tf.Tensor).dataSync()));
    const mean = predicted.reduce((a, v) => a + v, 0) / predicted.length;
    expect(s.layers[4].mean).toBeCloseTo(mean, 5);
    expect(s.layers[4].min).toBeCloseTo(Math.min(...predicted), 6);
    model.dispose();
    x.dispose();
  });

  it('counts convolution units as positions times channels', () => {
    const model = tfl.sequential({
      layers: [tfl.layers.conv2d({ filters: 2, kernelSize: 3, inputShape: [5, 5, 1], activation: 'relu', kernelInitializer: tfl.initializers.heNormal({ seed: 5 }) })],
    });
    const x = tf.randomNormal([4, 5, 5, 1], 0, 1, 'float32', 9);
    const l = activationStats(model, x, { reduceOn }).layers[0];
    expect(l.outputShape).toEqual([null, 3, 3, 2]);
    expect(l.units).toBe(18);
    model.dispose();
    x.dispose();
  });

  it('keeps only the layers asked for, in forward order', () => {
    const model = tfl.sequential({
      layers: [
        tfl.layers.dense({ units: 3, inputShape: [2], name: 'a' }),
        tfl.layers.dense({ units: 3, name: 'b' }),
        tfl.layers.dense({ units: 1, name: 'c' }),
      ],
    });
    const x = tf.ones([2, 2]);
    expect(activationStats(model, x, { reduceOn, layers: ['c', 'a'] }).layers.map((l) => l.name)).toEqual(['a', 'c']);
    expect(() => activationStats(model, x, { reduceOn, layers: ['d'] })).toThrow(/activationStats: layers\[0\] is "d", which is not a layer of the model \(a, b, c\)/);
    model.dispose();
    x.dispose();
  });

  it('reports non-finite outputs and keeps the histogram on the finite values', () => {
    const model = tfl.sequential({ layers: [tfl.layers.dense({ units: 2, inputShape: [1], name: 'd' })] });
    model.setWeights([tf.tensor2d([[1, 1]]), tf.tensor1d([0, 0])]);
    const x = tf.tensor2d([[NaN], [2]]);
    const l = activationStats(model, x, { reduceOn, bins: 2 }).layers[0];
    expect(l.nonFiniteFraction).toBe(0.5);
    expect(l.mean).toBeNaN();
    expect([l.min, l.max]).toEqual([2, 2]);
    expect(Array.from(l.histogram.counts)).toEqual([2, 0]);
    expect(Array.from(l.histogram.edges)).toEqual([2, 2.5, 3]);
    model.dispose();
    x.dispose();
  });

  it('rejects bad options and inputs with DiagnosticsInputError', () => {
    const model = tfl.sequential({ layers: [tfl.layers.dense({ units: 1, inputShape: [1] })] });
    const x = tf.ones([2, 1]);
    expect(() => activationStats(model, x, { reduceOn, bins: 0 })).toThrow(DiagnosticsInputError);
    expect(() => activationStats(model, x, { reduceOn, saturationTolerance: -1 })).toThrow(/saturationTolerance is -1/);
    expect(() => activationStats({}, x, { reduceOn })).toThrow(/activationStats: model is/);
    expect(() => activationStats(model, [1, 2] as unknown as tf.Tensor, { reduceOn })).toThrow(/activationStats: x\[0\] is 1, expected a tensor/);
    model.dispose();
    x.dispose();
  });
  });
  }
});

describeEachBackend('activationStats on the device and on the host', () => {
  it('gives the same statistics both ways, to float32 rounding', () => {
    const model = tfl.sequential({
      layers: [
        tfl.layers.dense({ units: 8, inputShape: [4], activation: 'relu', kernelInitializer: tfl.initializers.heNormal({ seed: 3 }), biasInitializer: tfl.initializers.constant({ value: -0.5 }) }),
        tfl.layers.dense({ units: 5, activation: 'tanh', kernelInitializer: tfl.initializers.glorotUniform({ seed: 4 }) }),
        tfl.layers.dense({ units: 3, activation: 'softmax', kernelInitializer: tfl.initializers.glorotUniform({ seed: 5 }) }),
      ],
    });
    const x = tf.randomNormal([50, 4], 0, 2, 'float32', 8);
    const device = activationStats(model, x, { reduceOn: 'device', bins: 7, saturationTolerance: 0.2 });
    const host = activationStats(model, x, { reduceOn: 'host', bins: 7, saturationTolerance: 0.2 });
    expect(host.layers).toHaveLength(3);
    host.layers.forEach((h, i) => {
      const d = device.layers[i];
      for (const key of ['mean', 'std', 'min', 'max'] as const) expect(h[key]).toBeCloseTo(d[key], 5);
      for (const key of ['zeroFraction', 'deadUnits', 'saturatedFraction', 'nonFiniteFraction'] as const) expect(h[key]).toBe(d[key]);
      expect(Array.from(h.histogram.counts)).toEqual(Array.from(d.histogram.counts));
    });
    expect(() => activationStats(model, x, { reduceOn: 'gpu' as 'host' })).toThrow(/reduceOn is "gpu"/);
    model.dispose();
    x.dispose();
  });
});

/** The statistics of `values` by their definitions, in float64: the reference for the host and device paths. */
function reference(values: ArrayLike<number>, bins: number) {
  const v = Float64Array.from(values);
  const n = v.length;
  const mean = v.reduce((a, x) => a + x, 0) / n;
  const variance = v.reduce((a, x) => a + (x - mean) ** 2, 0) / n;
  const min = v.reduce((a, x) => Math.min(a, x), Infinity);
  const max = v.reduce((a, x) => Math.max(a, x), -Infinity);
  const counts = new Array<number>(bins).fill(0);
  for (const x of v) counts[max > min ? Math.min(bins - 1, Math.floor(((x - min) * bins) / (max - min))) : 0]++;
  return { mean, std: Math.sqrt(variance), min, max, zeroFraction: v.filter((x) => x === 0).length / n, counts };
}

describeEachBackend('activationStats against the definitions', () => {
  for (const reduceOn of ['host', 'device'] as const) {
    it(`matches the definitions on a ReLU layer of several blocks of values and a remainder (${reduceOn})`, async () => {
      // 5 examples × 411 units = 2055 values: two whole blocks of 2¹⁰ on the host, then 7 values one by one.
      const model = tfl.sequential({
        layers: [tfl.layers.dense({ units: 411, inputShape: [6], activation: 'relu', kernelInitializer: tfl.initializers.heNormal({ seed: 11 }), biasInitializer: tfl.initializers.constant({ value: -0.2 }) })],
      });
      const x = tf.randomNormal([5, 6], 0, 1, 'float32', 12);
      const values = tf.tidy(() => (model.predict(x) as tf.Tensor).dataSync());
      const want = reference(values, 9);
      const l = (await expectNoLeak(() => activationStats(model, x, { reduceOn, bins: 9 }))).layers[0];
      expect(l.mean).toBeCloseTo(want.mean, 5);
      expect(l.std).toBeCloseTo(want.std, 5);
      expect([l.min, l.max]).toEqual([want.min, want.max]);
      expect(l.zeroFraction).toBe(want.zeroFraction);
      expect(l.zeroFraction).toBeGreaterThan(0.3);
      expect(Array.from(l.histogram.counts)).toEqual(want.counts);
      model.dispose();
      x.dispose();
    });

    it(`reports a ReLU layer whose outputs are all zero as all dead, with every value in the first bin (${reduceOn})`, () => {
      const model = tfl.sequential({ layers: [tfl.layers.dense({ units: 13, inputShape: [2], activation: 'relu', biasInitializer: tfl.initializers.constant({ value: -100 }) })] });
      const x = tf.randomUniform([7, 2], -1, 1, 'float32', 13);
      const l = activationStats(model, x, { reduceOn, bins: 4 }).layers[0];
      expect(l).toMatchObject({ mean: 0, std: 0, min: 0, max: 0, zeroFraction: 1, deadUnits: 13, deadFraction: 1, nonFiniteFraction: 0 });
      expect(Array.from(l.histogram.counts)).toEqual([91, 0, 0, 0]);
      expect(Array.from(l.histogram.edges)).toEqual([0, 0.25, 0.5, 0.75, 1]);
      model.dispose();
      x.dispose();
    });

    it(`gives a constant layer zero spread and one full bin (${reduceOn})`, () => {
      const model = tfl.sequential({ layers: [tfl.layers.dense({ units: 3, inputShape: [2], kernelInitializer: 'zeros', biasInitializer: tfl.initializers.constant({ value: 2.5 }) })] });
      const x = tf.randomUniform([1001, 2], -1, 1, 'float32', 14);
      const l = activationStats(model, x, { reduceOn, bins: 3 }).layers[0];
      expect(l).toMatchObject({ mean: 2.5, std: 0, min: 2.5, max: 2.5, zeroFraction: 0, deadUnits: 0 });
      expect(Array.from(l.histogram.counts)).toEqual([3003, 0, 0]);
      model.dispose();
      x.dispose();
    });

    it(`puts a value on a bin edge in the bin above it, and the maximum in the last bin (${reduceOn})`, () => {
      // Outputs 0, 1, 2, 3, 4 on [0, 4] with 4 bins: edges 0, 1, 2, 3, 4.
      const model = tfl.sequential({ layers: [tfl.layers.dense({ units: 1, inputShape: [1], kernelInitializer: 'ones', biasInitializer: 'zeros' })] });
      const x = tf.tensor2d([[0], [1], [2], [3], [4]]);
      const l = activationStats(model, x, { reduceOn, bins: 4 }).layers[0];
      expect(Array.from(l.histogram.edges)).toEqual([0, 1, 2, 3, 4]);
      expect(Array.from(l.histogram.counts)).toEqual([1, 1, 1, 2]);
      model.dispose();
      x.dispose();
    });
  }

  it('reads the same values on the host as dataSync, for float32 and int32 tensors, without a tensor left over', async () => {
    const a = tf.randomNormal([3, 5], 0, 1, 'float32', 15);
    const b = tf.tensor1d([1, -2, 3], 'int32');
    await expectNoLeak(() => {
      expect(Array.from(hostValues(a))).toEqual(Array.from(a.dataSync()));
      expect(hostValues(b)).toEqual(new Float32Array([1, -2, 3]));
    });
    tf.dispose([a, b]);
  });
});

/** Uniform values in [−1, 1) from a fixed linear congruential sequence (the host path needs no tensor). */
function uniform(n: number, seed: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
  return out;
}

describe('the host path of activationStats', () => {
  it('gives the two-pass variance of a layer far from zero (1e7 plus noise in [−1, 1])', () => {
    // Σv² − (Σv)²/n would lose about 10 digits here; the sums shifted by the first block's mean lose none.
    const values = Float32Array.from(uniform(3003, 21), (u) => 1e7 + u);
    const want = reference(values, 5);
    const r = hostSummary(values, 3, 5, undefined, 0.01);
    expect(Math.abs(r.mean - want.mean)).toBeLessThan(1e-15 * want.mean);
    expect(Math.abs(r.variance - want.std ** 2)).toBeLessThan(1e-13 * want.std ** 2);
    expect(Array.from(r.counts)).toEqual(want.counts);
  });

  it('falls back to the two-pass variance when the first block is far from the mean', () => {
    // The first 2¹⁰ values near 1e7, the other 127·2¹⁰ + 5 near 0: (mean − K)² is 127 times the variance,
    // past the shift's limit of 64 (the shifted sums alone are off by about 1e-11 here).
    const noise = uniform(128 * 1024 + 5, 22);
    const values = Float32Array.from(noise, (u, i) => (i < 1024 ? 1e7 : 0) + u);
    const want = reference(values, 4);
    const r = hostSummary(values, 5, 4, undefined, 0.01);
    expect(Math.abs(r.mean - want.mean)).toBeLessThan(1e-12 * want.mean);
    expect(Math.abs(r.variance - want.std ** 2)).toBeLessThan(1e-13 * want.std ** 2);
    expect([r.min, r.max]).toEqual([want.min, want.max]);
  });

  it('puts the zeros it does not bin one by one into the bin of 0, mid-range, and counts a dead unit', () => {
    // 1173 examples × 7 units = 8211 values: 8 blocks, then 19 values (3 after the last group of 8 lanes).
    // Values in [−3, 4] with 7 bins: 0 is the edge between bins 2 and 3, so the zeros go to bin 3.
    const units = 7;
    const u = uniform(1173 * units, 23);
    const values = Float32Array.from(u, (x, i) => (i % units === 2 || Math.abs(x) < 0.3 ? 0 : 3.5 * x + 0.5));
    values[5] = -3;
    values[6] = 4;
    values[8210] = 0;
    const want = reference(values, 7);
    // A larger layer first: the smaller one reuses its scratch buffer, longer than it needs.
    hostSummary(Float32Array.from(uniform(20000, 24)), 10, 7, undefined, 0.01);
    const r = hostSummary(values, units, 7, undefined, 0.01);
    expect(Math.abs(r.mean - want.mean)).toBeLessThan(1e-14);
    expect(Math.abs(r.variance - want.std ** 2)).toBeLessThan(1e-13 * want.std ** 2);
    expect([r.min, r.max]).toEqual([-3, 4]);
    expect(r.nonZero).toBe(Math.round(values.length * (1 - want.zeroFraction)));
    expect(r.dead).toBe(1);
    expect(Array.from(r.counts)).toEqual(want.counts);
    expect(want.counts[3]).toBeGreaterThan(values.length * 0.3);
  });
});

describeEachBackend('activationStats on other model shapes', () => {
  it('takes one tensor per input of a multi-input model', async () => {
    const a = tfl.input({ shape: [2], name: 'a' });
    const b = tfl.input({ shape: [3], name: 'b' });
    const joined = tfl.layers.concatenate({ name: 'joined' }).apply([a, b]) as tfl.SymbolicTensor;
    const out = tfl.layers.dense({ units: 1, name: 'head', kernelInitializer: 'ones' }).apply(joined) as tfl.SymbolicTensor;
    const model = tfl.model({ inputs: [a, b], outputs: out });
    const xa = tf.tensor2d([[1, 2]]);
    const xb = tf.tensor2d([[3, 4, 5]]);
    const s = await expectNoLeak(() => activationStats(model, [xa, xb]));
    expect(s.layers.map((l) => [l.name, l.className, l.units])).toEqual([
      ['joined', 'Concatenate', 5],
      ['head', 'Dense', 1],
    ]);
    expect(s.layers[1].mean).toBeCloseTo(15, 5);
    expect(() => activationStats(model, xa)).toThrow(/activationStats: the model has 2 inputs but x has 1 tensors/);
    model.dispose();
    tf.dispose([xa, xb]);
  });

  it('gives a Flatten layer the statistics of its input, in its own arrays', () => {
    const model = tfl.sequential({
      layers: [
        tfl.layers.conv2d({ filters: 2, kernelSize: 2, inputShape: [3, 3, 1], activation: 'relu', name: 'conv', kernelInitializer: tfl.initializers.glorotUniform({ seed: 2 }) }),
        tfl.layers.flatten({ name: 'flat' }),
      ],
    });
    const x = tf.randomNormal([5, 3, 3, 1], 0, 1, 'float32', 4);
    for (const reduceOn of ['host', 'device'] as const) {
      const [conv, flat] = activationStats(model, x, { reduceOn }).layers;
      expect(flat.outputShape).toEqual([null, 8]);
      expect(flat.units).toBe(conv.units);
      for (const key of ['mean', 'std', 'min', 'max', 'zeroFraction', 'deadUnits'] as const) expect(flat[key]).toBeCloseTo(conv[key], 6);
      expect(Array.from(flat.histogram.counts)).toEqual(Array.from(conv.histogram.counts));
      expect(flat.histogram.counts).not.toBe(conv.histogram.counts);
      expect(flat.activation).toBeUndefined();
    }
    model.dispose();
    x.dispose();
  });

  it('explains a Sequential model without layers', () => {
    const model = tfl.sequential();
    const x = tf.ones([1, 2]);
    expect(() => activationStats(model, x)).toThrow(/activationStats: model sequential_\d+ has no graph/);
    x.dispose();
  });
});
