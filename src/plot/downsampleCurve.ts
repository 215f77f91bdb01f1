import { assertSameLength } from '../core/assert';
import { readIntOption } from '../core/configErrors';
import { readNumbers } from '../core/readNumbers';
import type { NumericInput } from '../core/types';

/** Options of {@link downsampleCurve}. */
export interface DownsampleCurveOptions {
  /** The most points to keep, an integer >= 2. Defaults to `2000`. */
  readonly maxPoints?: number;
}

/** What {@link downsampleCurve} returns: the points kept, in their original order. */
export interface DownsampledCurve {
  /** Indices of the kept points into the input, increasing; the first and last points are always kept. */
  readonly indices: Uint32Array;
  /** `x[indices[i]]`. */
  readonly x: Float64Array;
  /** `y[indices[i]]`. */
  readonly y: Float64Array;
  /**
   * An upper bound on how much the signed area ∫ y dx along the polyline
   * (the trapezoidal area under the curve for x monotone) changed: the sum of
   * the areas of the triangles removed. 0 when only collinear points were dropped.
   */
  readonly areaBound: number;
}

/** Twice the signed area of the triangle (a, b, c). */
function cross(x: Float64Array, y: Float64Array, a: number, b: number, c: number): number {
  return (x[b] - x[a]) * (y[c] - y[a]) - (x[c] - x[a]) * (y[b] - y[a]);
}

/**
 * Reduces a polyline (a curve drawn through `(x[i], y[i])` in order) to at
 * most `maxPoints` of its own points without changing its shape.
 *
 * Two stages. (1) Exact: every interior point that lies on the straight
 * segment between the last kept point and the next point (zero cross
 * product, not a turning back) is dropped — the interior points of the
 * horizontal and vertical runs of a step curve such as a precision-recall or
 * ROC curve, and repeated points; the drawn curve is unchanged. (2) Only if
 * more than `maxPoints` remain: Visvalingam–Whyatt — repeatedly remove the
 * point whose triangle with its two current neighbours has the smallest
 * area, so the points where the curve turns sharply go last. The first and
 * last points and the points with the smallest and largest x and y are never
 * removed (the extremes only when `maxPoints` leaves room for them).
 *
 * Guarantees: every returned point is an input point, in the input order
 * (so a monotone curve stays monotone); the endpoints are kept; at most
 * `maxPoints` points. Removing point b between a and c changes the signed
 * area ∫ y dx of the polyline by exactly the signed area of triangle abc, so
 * the area under the curve (e.g. the trapezoidal ROC AUC, or the AP of a PR
 * curve drawn as its staircase) changes by at most `areaBound`, the sum of
 * the removed triangles' areas. Runs in O(n + m log m) time for n points of
 * which m survive stage (1).
 *
 * Reference: M. Visvalingam and J. D. Whyatt (1993), "Line generalisation by
 * repeated elimination of points", The Cartographic Journal 30(1).
 *
 * @param x - x coordinates, finite.
 * @param y - y coordinates, finite, as many as `x`.
 * @param options - `maxPoints`.
 * @returns `{ indices, x, y, areaBound }`.
 * @throws {MetricInputError} for a NaN or infinite coordinate or a length mismatch.
 * @throws {InvalidOptionError} for `maxPoints` not an integer >= 2.
 * @example
 * const d = downsampleCurve([0, 0.5, 1, 1, 1], [0, 0, 0, 0.5, 1]);
 * [...d.indices];
 * // => [0, 2, 4]
 */
export function downsampleCurve(x: NumericInput, y: NumericInput, options: DownsampleCurveOptions = {}): DownsampledCurve {
  const fn = 'downsampleCurve';
  const maxPoints = readIntOption(options.maxPoints, 2000, fn, 'maxPoints', 2);
  const xs = readNumbers(x, fn, 'x');
  const ys = readNumbers(y, fn, 'y');
  assertSameLength(fn, 'x', xs.length, 'y', ys.length);
  const kept = dropCollinear(xs, ys);
  let areaBound = 0;
  let indices = kept;
  if (kept.length > maxPoints) {
    const r = visvalingamWhyatt(xs, ys, kept, maxPoints);
    indices = r.indices;
    areaBound = r.areaBound;
  }
  const m = indices.length;
  const ox = new Float64Array(m);
  const oy = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    ox[i] = xs[indices[i]];
    oy[i] = ys[indices[i]];
  }
  return { indices, x: ox, y: oy, areaBound };
}

/** Stage 1: the indices left after dropping the interior points of straight runs. */
function dropCollinear(x: Float64Array, y: Float64Array): Uint32Array {
  const n = x.length;
  const out = new Uint32Array(n);
  if (n <= 2) {
    for (let i = 0; i < n; i++) out[i] = i;
    return out;
  }
  let m = 0;
  out[m++] = 0;
  for (let b = 1; b < n - 1; b++) {
    const a = out[m - 1];
    const c = b + 1;
    // b is redundant when it lies on segment a–c: collinear and not a turning back.
    const dot = (x[b] - x[a]) * (x[c] - x[b]) + (y[b] - y[a]) * (y[c] - y[b]);
    if (cross(x, y, a, b, c) === 0 && dot >= 0) continue;
    out[m++] = b;
  }
  out[m++] = n - 1;
  return out.slice(0, m);
}

/** Stage 2: Visvalingam–Whyatt on the points `kept`, with a lazy binary min-heap. */
function visvalingamWhyatt(x: Float64Array, y: Float64Array, kept: Uint32Array, maxPoints: number): { indices: Uint32Array; areaBound: number } {
  const m = kept.length;
  const prev = new Int32Array(m);
  const next = new Int32Array(m);
  const area = new Float64Array(m);
  const removed = new Uint8Array(m);
  for (let i = 0; i < m; i++) {
    prev[i] = i - 1;
    next[i] = i + 1;
  }
  const pinned = new Uint8Array(m);
  pinned[0] = 1;
  pinned[m - 1] = 1;
  if (maxPoints >= 6) {
    let xMin = 0, xMax = 0, yMin = 0, yMax = 0;
    for (let i = 1; i < m; i++) {
      const k = kept[i];
      if (x[k] < x[kept[xMin]]) xMin = i;
      if (x[k] > x[kept[xMax]]) xMax = i;
      if (y[k] < y[kept[yMin]]) yMin = i;
      if (y[k] > y[kept[yMax]]) yMax = i;
    }
    pinned[xMin] = pinned[xMax] = pinned[yMin] = pinned[yMax] = 1;
  }
  const tri = (i: number): number =>
    pinned[i] ? Infinity : Math.abs(cross(x, y, kept[prev[i]], kept[i], kept[next[i]])) / 2;

  // Heap of (area, point) entries; an entry is stale when its area is no
  // longer the point's. At most m initial entries plus two per removal.
  const keys = new Float64Array(3 * m);
  const ids = new Int32Array(3 * m);
  let size = 0;
  const push = (key: number, id: number): void => {
    let i = size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p] <= key) break;
      keys[i] = keys[p];
      ids[i] = ids[p];
      i = p;
    }
    keys[i] = key;
    ids[i] = id;
  };
  const pop = (): number => {
    const top = ids[0];
    const key = keys[--size];
    const id = ids[size];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && keys[c + 1] < keys[c]) c++;
      if (keys[c] >= key) break;
      keys[i] = keys[c];
      ids[i] = ids[c];
      i = c;
    }
    keys[i] = key;
    ids[i] = id;
    return top;
  };

  for (let i = 1; i < m - 1; i++) {
    area[i] = tri(i);
    if (area[i] !== Infinity) push(area[i], i);
  }
  let count = m;
  let areaBound = 0;
  while (count > maxPoints && size > 0) {
    const key = keys[0];
    const i = pop();
    if (removed[i] || area[i] !== key) continue;
    removed[i] = 1;
    count--;
    areaBound += key;
    const p = prev[i];
    const q = next[i];
    next[p] = q;
    prev[q] = p;
    if (p > 0 && !pinned[p]) {
      area[p] = tri(p);
      push(area[p], p);
    }
    if (q < m - 1 && !pinned[q]) {
      area[q] = tri(q);
      push(area[q], q);
    }
  }
  const indices = new Uint32Array(count);
  for (let i = 0, j = 0; i !== m; i = next[i]) indices[j++] = kept[i];
  return { indices, areaBound };
}
