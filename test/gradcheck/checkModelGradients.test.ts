import * as tfl from '@tensorflow/tfjs-layers';
import { expect, it } from 'vitest';
import { checkModelGradients, GradientCheckError } from '../../src/gradcheck';
import { describeEachBackend, expectNoLeak, tf } from '../helpers/backends';

/** y = x ⊙ w with a custom gradient whose w-part is scaled by `factor` (1 = correct). */
class ScaleLayer extends tfl.layers.Layer {
  static className = 'ScaleLayer';
  private w!: tfl.LayerVariable;
  constructor(private readonly factor: number) {
    super({});
  }
  override build(inputShape: tfl.Shape | tfl.Shape[]): void {
    const shape = inputShape as tfl.Shape;
    this.w = this.addWeight('w', [shape[shape.length - 1]!], 'float32', tfl.initializers.randomNormal({ seed: 3 }));
    this.built = true;
  }
  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0] : inputs;
    const factor = this.factor;
    const op = tf.customGrad(((a: tf.Tensor, w: tf.Tensor, save: tf.GradSaveFunc) => {
      save([a, w]);
      return {
        value: tf.mul(a, w),
        gradFunc: (dy: tf.Tensor, [sa, sw]: tf.Tensor[]) => [tf.mul(dy, sw), tf.mul(tf.sum(tf.mul(dy, sa), 0), factor)],
      };
    }) as never) as (a: tf.Tensor, w: tf.Tensor) => tf.Tensor;
    return op(x, this.w.read());
  }
}

function weightsOf(model: tfl.LayersModel): number[][] {
  return model.getWeights().map((w) => Array.from(w.dataSync()));
}

function denseModel(seed: number): tfl.Sequential {
  return tfl.sequential({
    layers: [
      tfl.layers.dense({ units: 4, inputShape: [3], activation: 'tanh', kernelInitializer: tfl.initializers.glorotNormal({ seed }), biasInitializer: 'randomNormal' }),
      tfl.layers.dense({ units: 2, kernelInitializer: tfl.initializers.glorotNormal({ seed: seed + 1 }) }),
    ],
  });
}

describeEachBackend('checkModelGradients', (backend) => {
  it('accepts a correct dense model, reports each variable by name and leaves the weights bit for bit', async () => {
    const model = denseModel(1);
    const x = tf.randomNormal([5, 3], 0, 1, 'float32', 1);
    const y = tf.randomNormal([5, 2], 0, 1, 'float32', 2);
    const before = weightsOf(model);
    const report = await expectNoLeak(() => checkModelGradients(model, x, y, { loss: 'meanSquaredError' }));
    expect(report.ok).toBe(true);
    expect(report.backend).toBe(backend);
    const names = model.trainableWeights.map((w) => w.name);
    expect(report.inputs.map((i) => i.name)).toEqual(names);
    expect(Object.keys(report.variables)).toEqual(names);
    expect(report.variables[names[0]]).toMatchObject({ shape: [3, 4], total: 12, checked: 8, directions: 1 });
    expect(report.variables[names[1]]).toMatchObject({ shape: [4], total: 4, checked: 4, directions: 0 });
    expect(weightsOf(model)).toEqual(before);
    model.dispose();
    tf.dispose([x, y]);
  });

  it('finds a wrong custom gradient in a custom layer and names its variable', () => {
    const build = (factor: number) => {
      const model = tfl.sequential({ layers: [tfl.layers.dense({ units: 3, inputShape: [2], kernelInitializer: tfl.initializers.glorotNormal({ seed: 7 }) }), new ScaleLayer(factor)] });
      return model;
    };
    const x = tf.randomNormal([4, 2], 0, 1, 'float32', 3);
    const y = tf.randomNormal([4, 3], 0, 1, 'float32', 4);
    const good = build(1);
    const bad = build(1.05);
    expect(checkModelGradients(good, x, y).ok).toBe(true);
    const report = checkModelGradients(bad, x, y, { mode: 'fast' });
    expect(report.ok).toBe(false);
    const scaleName = bad.layers[1].trainableWeights[0].name;
    expect(report.variables[scaleName].failures).toBeGreaterThan(0);
    expect(report.worst[0].name).toBe(scaleName);
    good.dispose();
    bad.dispose();
    tf.dispose([x, y]);
  });

  it('accepts loss names and functions, and runs batch norm in training mode without changing its moving statistics', () => {
    const model = tfl.sequential({
      layers: [
        tfl.layers.dense({ units: 3, inputShape: [2], kernelInitializer: tfl.initializers.glorotNormal({ seed: 5 }) }),
        tfl.layers.batchNormalization(),
        tfl.layers.dense({ units: 3, activation: 'softmax', kernelInitializer: tfl.initializers.glorotNormal({ seed: 6 }) }),
      ],
    });
    const x = tf.randomNormal([6, 2], 0, 1, 'float32', 8);
    const y = tf.cast(tf.oneHot(tf.tensor1d([0, 1, 2, 0, 1, 2], 'int32'), 3), 'float32');
    const before = weightsOf(model);
    expect(checkModelGradients(model, x, y, { loss: 'categoricalCrossentropy', training: true, mode: 'fast' }).ok).toBe(true);
    expect(checkModelGradients(model, x, y, { loss: (a, b) => tf.sum(tf.square(tf.sub(a, b))), mode: 'fast' }).ok).toBe(true);
    expect(weightsOf(model)).toEqual(before);
    model.dispose();
    tf.dispose([x, y]);
  });

  it('names a kernel the backend lacks and still restores the weights without leaking', async () => {
    const model = tfl.sequential({
      layers: [tfl.layers.conv2d({ filters: 2, kernelSize: 2, inputShape: [4, 4, 1], kernelInitializer: tfl.initializers.glorotNormal({ seed: 9 }) }), tfl.layers.flatten(), tfl.layers.dense({ units: 1 })],
    });
    const x = tf.randomNormal([2, 4, 4, 1], 0, 1, 'float32', 10);
    const y = tf.ones([2, 1]);
    const before = weightsOf(model);
    await expectNoLeak(() => {
      if (backend === 'wasm') {
        expect(() => checkModelGradients(model, x, y, { mode: 'fast' })).toThrow(
          "checkModelGradients: the tfjs 'wasm' backend has no 'Conv2DBackpropFilter' kernel",
        );
      } else {
        expect(checkModelGradients(model, x, y, { mode: 'fast' }).ok).toBe(true);
      }
    });
    expect(weightsOf(model)).toEqual(before);
    model.dispose();
    tf.dispose([x, y]);
  });

  it('rejects a non-model, a model without trainable weights, and an unknown loss', () => {
    const x = tf.ones([1, 2]);
    const frozen = tfl.sequential({ layers: [tfl.layers.dense({ units: 1, inputShape: [2], trainable: false })] });
    const model = denseModel(2);
    expect(() => checkModelGradients({} as never, x, x)).toThrow(GradientCheckError);
    expect(() => checkModelGradients(frozen, x, x)).toThrow('checkModelGradients: model has no trainable weights');
    expect(() => checkModelGradients(model, x, x, { loss: 'hinge' as never })).toThrow(/checkModelGradients: options.loss is "hinge", expected a function or one of/);
    frozen.dispose();
    model.dispose();
    x.dispose();
  });
});
