import { assertSameLength } from '../core/assert';
import { fail, show } from '../core/fail';
import { readNumbers } from '../core/readNumbers';
import type { NumericInput } from '../core/types';

/**
 * The area under a curve given by points, by the trapezoidal rule (scikit-learn's `auc`).
 *
 * area = Σ_i (x_{i+1} − x_i) · (y_i + y_{i+1}) / 2, taken positive whether x
 * is non-decreasing or non-increasing (e.g. the recall of a PR curve). For
 * the area under the ROC curve from labels and scores use {@link rocAuc}; for
 * a precision-recall summary use {@link averagePrecision} (the trapezoid is
 * optimistic there, see {@link precisionRecallAuc}). A NaN in `y` (an
 * undefined rate of a curve) gives NaN.
 *
 * @param x - the x coordinates, monotonic (non-decreasing or non-increasing), finite.
 * @param y - the y coordinates, as many as `x`.
 * @returns the area.
 * @throws {MetricInputError} with fewer than 2 points, a length mismatch, a
 *   NaN or infinite x, or x that is not monotonic
 *   (`auc: x is neither increasing nor decreasing: x[2] is 0.3 after x[1] is 0.5 (and x[1] > x[0])`).
 * @example
 * auc([0, 0, 0.5, 0.5, 1], [0, 0.5, 0.5, 1, 1]);
 * // => 0.75
 * @see scikit-learn `sklearn.metrics.auc`.
 */
export function auc(x: NumericInput, y: NumericInput): number {
  const fn = 'auc';
  const xs = readNumbers(x, fn, 'x');
  const ys = readNumbers(y, fn, 'y', { allowNonFinite: true });
  assertSameLength(fn, 'x', xs.length, 'y', ys.length);
  const n = xs.length;
  if (n < 2) fail(fn, `x has ${n} point${n === 1 ? '' : 's'}, at least 2 are needed`);
  let up = -1;
  let down = -1;
  for (let i = 1; i < n; i++) {
    const dx = xs[i] - xs[i - 1];
    if (dx > 0 && up < 0) up = i;
    if (dx < 0 && down < 0) down = i;
    if (up > 0 && down > 0) {
      const i1 = Math.max(up, down);
      const i0 = Math.min(up, down);
      fail(
        fn,
        `x is neither increasing nor decreasing: x[${i1}] is ${show(xs[i1])} after x[${i1 - 1}] is ${show(xs[i1 - 1])} (and x[${i0}] ${up === i0 ? '>' : '<'} x[${i0 - 1}])`,
      );
    }
  }
  let area = 0;
  for (let i = 1; i < n; i++) area += ((xs[i] - xs[i - 1]) * (ys[i] + ys[i - 1])) / 2;
  return down > 0 ? -area : area;
}
