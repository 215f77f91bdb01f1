import { expect, it } from 'vitest';
import { gaussianBlobs, noisySine, syntheticDigits, syntheticNumbers, toTensors, twoMoons } from '../../src/datasets/index';
import { describeEachBackend, expectNoLeak, tf } from '../helpers/backends';

describeEachBackend('toTensors', () => {
  it('binary labels become float32 [n, 1] and x keeps the dataset shape', async () => {
    const { x, y } = await expectNoLeak(() => toTensors(twoMoons({ n: 8 })), 2);
    expect(x.shape).toEqual([8, 2]);
    expect([y.shape, y.dtype]).toEqual([[8, 1], 'float32']);
  });
  it('regression targets become float32 [n, 1]', () => {
    const d = noisySine({ n: 5 });
    const { x, y } = toTensors(d);
    expect([y.shape, y.dtype]).toEqual([[5, 1], 'float32']);
    expect(Array.from(y.dataSync())).toEqual(Array.from(d.y));
    tf.dispose([x, y]);
  });
  it('multiclass labels become int32 class ids [n], or float32 one-hot [n, k] with oneHot', async () => {
    const d = gaussianBlobs({ n: 6, numClasses: 3 });
    const a = toTensors(d);
    expect([a.y.shape, a.y.dtype]).toEqual([[6], 'int32']);
    expect(Array.from(a.y.dataSync())).toEqual(Array.from(d.y));
    const b = await expectNoLeak(() => toTensors(d, { oneHot: true }), 2);
    expect([b.y.shape, b.y.dtype]).toEqual([[6, 3], 'float32']);
    expect(Array.from(tf.argMax(b.y, 1).dataSync())).toEqual(Array.from(d.y));
    tf.dispose([a.x, a.y, b.x, b.y]);
  });
  it('images keep [n, h, w, 1] and multi-digit labels keep yShape', () => {
    const a = toTensors(syntheticDigits({ n: 3, size: 8 }));
    expect(a.x.shape).toEqual([3, 8, 8, 1]);
    const b = toTensors(syntheticNumbers({ n: 2, digits: 3, size: 8 }), { oneHot: true });
    expect(b.y.shape).toEqual([2, 3, 10]);
    tf.dispose([a.x, a.y, b.x, b.y]);
  });
});
