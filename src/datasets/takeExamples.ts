import { failOption } from '../core/configErrors';
import { show } from '../core/fail';
import type { Dataset } from './Dataset';

/**
 * The examples of `dataset` at `indices`, in that order, as a new dataset
 * (copies; the input is not modified). Use it with the parts of
 * {@link trainValidationTestSplit}.
 *
 * @param dataset - Any {@link Dataset}.
 * @param indices - Example indices in `[0, n)`; repeats are allowed.
 * @returns A {@link Dataset} of `indices.length` examples with the same fields.
 * @throws {InvalidOptionError} `takeExamples: indices[2] is 10, expected an integer in [0, 10)`.
 * @example
 * takeExamples(twoMoons({ n: 10 }), [0, 3]).shape;
 * // => [2, 2]
 */
export function takeExamples<D extends Dataset>(dataset: D, indices: ArrayLike<number>): D {
  const fn = 'takeExamples';
  const n = dataset.shape[0];
  const rowX = dataset.x.length / n;
  const rowY = dataset.y.length / n;
  const m = indices.length;
  const x = new Float32Array(m * rowX);
  const y = dataset.y instanceof Int32Array ? new Int32Array(m * rowY) : new Float32Array(m * rowY);
  for (let i = 0; i < m; i++) {
    const r = indices[i];
    if (!(Number.isInteger(r) && r >= 0 && r < n)) failOption(fn, `indices[${i}] is ${show(r)}, expected an integer in [0, ${n})`);
    x.set(dataset.x.subarray(r * rowX, (r + 1) * rowX), i * rowX);
    y.set(dataset.y.subarray(r * rowY, (r + 1) * rowY), i * rowY);
  }
  const out: Dataset = { ...dataset, x, y, shape: [m, ...dataset.shape.slice(1)] };
  if (dataset.yShape) (out as { yShape?: readonly number[] }).yShape = [m, ...dataset.yShape.slice(1)];
  return out as D;
}
