import { expect, it } from 'vitest';
import { MetricInputError } from '../../src/core/errors';
import { applyTemperature } from '../../src/selective/applyTemperature';
import { expectError } from '../core/expectError';
import { backendEpsilon, describeEachBackend, expectNoLeak, tf } from '../helpers/backends';

describeEachBackend('applyTemperature', () => {
  it('divides a tensor by the temperature into a new tensor the caller owns', async () => {
    const z = tf.tensor2d([[2, -1], [0.5, 1]]);
    const out = await expectNoLeak(() => applyTemperature(z, 2), 1);
    const values = out.dataSync();
    [1, -0.5, 0.25, 0.5].forEach((v, i) => expect(Math.abs(values[i] - v)).toBeLessThan(backendEpsilon()));
    expect(z.isDisposed).toBe(false);
    expect(Array.from(z.dataSync())).toEqual([2, -1, 0.5, 1]);
    out.dispose();
    z.dispose();
  });
});

it('applyTemperature returns plain arrays for plain input, in the same layout', () => {
  expect(applyTemperature([[2, -1], [0.5, 1]], 2)).toEqual([[1, -0.5], [0.25, 0.5]]);
  expect(Array.from(applyTemperature(Float32Array.of(3, 6), 3))).toEqual([1, 2]);
  expect(applyTemperature([4, 2], 2)).toBeInstanceOf(Float64Array);
});

it('applyTemperature does not modify its input', () => {
  const z = [[2, 4]];
  applyTemperature(z, 2);
  expect(z).toEqual([[2, 4]]);
});

it('applyTemperature rejects a temperature that is not positive and finite, and NaN logits', () => {
  expectError(() => applyTemperature([[1]], 0), MetricInputError, 'applyTemperature: temperature is 0, expected a finite number > 0');
  expectError(() => applyTemperature([[1]], Infinity), MetricInputError, 'applyTemperature: temperature is Infinity, expected a finite number > 0');
  expectError(() => applyTemperature([[1, NaN]], 2), MetricInputError, 'applyTemperature: logits[0][1] is NaN');
});
