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
 * more than `maxPoints` remain (and, when more than 32·maxPoints remain,
 * after keeping only the first, last and extreme-x and extreme-y points of
 * each of 4·maxPoints runs of consecutive points, in linear time):
 * Visvalingam–Whyatt — repeatedly remove the
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
 * the removed triangles' areas (and of the polygons dropped runs form with
 * their chords). Runs in O(n + k log k) time with k ≤ 24·maxPoints: a
 * million points take well under a second.
 *
 * References: M. Visvalingam and J. D. Whyatt (1993), "Line generalisation
 * by repeated elimination of points", The Cartographic Journal 30(1);
 * U. Jugel, Z. Jerzak, G. Hackenbroich, V. Markl (2014), "M4: A
 * Visualization-Oriented Time Series Data Aggregation", PVLDB 7(10).
 * *
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
  let kept = dropCollinear(xs, ys);
  let areaBound = 0;
  if (kept.length > PREREDUCE * maxPoints) {
    const r = bucketExtremes(xs, ys, kept, 4 * maxPoints);
    kept = r.indices;
    areaBound = r.areaBound;
  }
  let indices = kept;
  if (kept.length > maxPoints) {
    const r = visvalingamWhyatt(xs, ys, kept, maxPoints);
    indices = r.indices;
    areaBound += r.areaBound;
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

/** Above this many points per point asked for, stage 2 starts from the bucket extremes. */
const PREREDUCE = 32;

/**
 * Stage 2a, linear time, for very long curves: split the points into
 * `buckets` runs of consecutive points and keep, in each, the first and last
 * points and those with the smallest and largest x and y (the M4 idea of
 * Jugel et al. 2014, with x extremes too): a run far narrower than a pixel
 * keeps its whole vertical and horizontal extent. Returns the area bound of
 * what was dropped: for each gap between kept points, the absolute signed
 * area of the polygon the dropped points form with the chord, which is
 * exactly how much ∫ y dx changes along that gap.
 */
function bucketExtremes(x: Float64Array, y: Float64Array, kept: Uint32Array, buckets: number): { indices: Uint32Array; areaBound: number } {
  const m = kept.length;
  const out = new Uint32Array(Math.min(m, 6 * buckets + 2));
  let count = 0;
  const size = Math.ceil(m / buckets);
  const picks = new Int32Array(6);
  for (let start = 0; start < m; start += size) {
    const end = Math.min(m, start + size);
    let xMin = start, xMax = start, yMin = start, yMax = start;
    for (let i = start + 1; i < end; i++) {
      const k = kept[i];
      if (x[k] < x[kept[xMin]]) xMin = i;
      if (x[k] > x[kept[xMax]]) xMax = i;
      if (y[k] < y[kept[yMin]]) yMin = i;
      if (y[k] > y[kept[yMax]]) yMax = i;
    }
    picks[0] = start;
    picks[1] = xMin;
    picks[2] = xMax;
    picks[3] = yMin;
    picks[4] = yMax;
    picks[5] = end - 1;
    picks.sort();
    for (let j = 0; j < 6; j++) if (j === 0 || picks[j] !== picks[j - 1]) out[count++] = picks[j];
  }
  // Area of each dropped run, by the shoelace formula over (a, dropped…, b).
  let areaBound = 0;
  for (let j = 1; j < count; j++) {
    const a = out[j - 1];
    const b = out[j];
    if (b - a < 2) continue;
    let twice = 0;
    for (let i = a; i < b; i++) twice += x[kept[i]] * y[kept[i + 1]] - x[kept[i + 1]] * y[kept[i]];
    twice += x[kept[b]] * y[kept[a]] - x[kept[a]] * y[kept[b]];
    areaBound += Math.abs(twice) / 2;
  }
  const indices = new Uint32Array(count);
  for (let j = 0; j < count; j++) indices[j] = kept[out[j]];
  return { indices, areaBound };
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

/** Stage 2: Visvalingam–Whyatt on the points `kept`, with an indexed binary min-heap of their triangle areas. */
function visvalingamWhyatt(x: Float64Array, y: Float64Array, kept: Uint32Array, maxPoints: number): { indices: Uint32Array; areaBound: number } {
  const m = kept.length;
  const prev = new Int32Array(m);
  const next = new Int32Array(m);
  const area = new Float64Array(m);
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
  const tri = (i: number): number => Math.abs(cross(x, y, kept[prev[i]], kept[i], kept[next[i]])) / 2;

  // heap[k]: a point; pos[point]: its place in the heap; keyed on area[point].
  const heap = new Int32Array(m);
  const pos = new Int32Array(m).fill(-1);
  let size = 0;
  for (let i = 1; i < m - 1; i++) {
    if (pinned[i]) continue;
    area[i] = tri(i);
    heap[size] = i;
    pos[i] = size++;
  }
  const up = (k: number): void => {
    const id = heap[k];
    const key = area[id];
    while (k > 0) {
      const p = (k - 1) >> 1;
      const pid = heap[p];
      if (area[pid] <= key) break;
      heap[k] = pid;
      pos[pid] = k;
      k = p;
    }
    heap[k] = id;
    pos[id] = k;
  };
  const down = (k: number): void => {
    const id = heap[k];
    const key = area[id];
    for (;;) {
      let c = 2 * k + 1;
      if (c >= size) break;
      if (c + 1 < size && area[heap[c + 1]] < area[heap[c]]) c++;
      const cid = heap[c];
      if (area[cid] >= key) break;
      heap[k] = cid;
      pos[cid] = k;
      k = c;
    }
    heap[k] = id;
    pos[id] = k;
  };
  // Floyd's heapify: O(m).
  for (let k = (size >> 1) - 1; k >= 0; k--) down(k);
  const update = (i: number): void => {
    const before = area[i];
    area[i] = tri(i);
    if (area[i] < before) up(pos[i]);
    else down(pos[i]);
  };

  let count = m;
  let areaBound = 0;
  while (count > maxPoints && size > 0) {
    const i = heap[0];
    // Removing i changes the signed area ∫ y dx by the triangle (prev, i, next).
    areaBound += area[i];
    pos[i] = -1;
    const last = heap[--size];
    if (size > 0) {
      heap[0] = last;
      pos[last] = 0;
      down(0);
    }
    count--;
    const p = prev[i];
    const q = next[i];
    next[p] = q;
    prev[q] = p;
    if (pos[p] >= 0) update(p);
    if (pos[q] >= 0) update(q);
  }
  const indices = new Uint32Array(count);
  for (let i = 0, j = 0; i !== m; i = next[i]) indices[j++] = kept[i];
  return { indices, areaBound };
}
