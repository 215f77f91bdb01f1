// Exact placement of scores among a sorted array of distinct values, without a
// binary search over the whole array per score: a table indexed by the high
// 32 bits of an order-preserving integer key of the double narrows the search
// to a few entries. This is what lets averagePrecision and rocAuc sort only
// the positives (or the minority class) and place every other score among
// them exactly, ties included. Little-endian only (word 2i + 1 is the high
// half of a double), like `sortPairs` and `core/radixSort`.

import { sortPairs } from './sortByClass';

/** Index (0 or 1) of the high 32-bit word of a float64 in a Uint32Array view. */
export function highWord(): number {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
}

/**
 * Order-preserving key of a float64's high word. Non-decreasing in the value;
 * -0 and +0 (and the tiniest subnormals of either sign) share a key.
 */
const key = (h: number): number => (h > 0x80000000 ? ~h >>> 0 : (h | 0x80000000) >>> 0);

/**
 * Sorts `u` ascending (weights `w` alongside) and merges equal values in
 * place: returns `u[0..d)` distinct (-0 turned into +0) with `c[0..d)` the
 * total weight at each (1 per value without weights; `c` is `w` itself when
 * given), and d.
 */
export function distinctSorted(u: Float64Array, w?: Float64Array): [u: Float64Array, c: Float64Array, d: number] {
  sortPairs(u, w);
  const c = w ?? new Float64Array(u.length);
  let d = 0;
  for (let i = 0; i < u.length; i++) {
    const wi = w ? w[i] : 1;
    if (d && u[i] === u[d - 1]) c[d - 1] += wi;
    else {
      u[d] = u[i] + 0;
      c[d++] = wi;
    }
  }
  return [u, c, d];
}

/**
 * The distinct scores of class `cls` with non-zero weight, ascending, with the
 * total weight at each: see {@link distinctSorted}.
 */
export function distinctClass(
  labels: Uint8Array,
  scores: Float64Array,
  weights: Float64Array | undefined,
  cls: number,
): [u: Float64Array, c: Float64Array, d: number] {
  let k = 0;
  const n = scores.length;
  for (let i = 0; i < n; i++) if (labels[i] === cls && (!weights || weights[i])) k++;
  const u = new Float64Array(k);
  const w = weights && new Float64Array(k);
  for (let i = 0, j = 0; i < n; i++) {
    if (labels[i] === cls && (!weights || weights[i])) {
      if (w) w[j] = weights![i];
      u[j++] = scores[i];
    }
  }
  return distinctSorted(u, w);
}

/**
 * Places every example of class `cls` with non-zero weight among the `d`
 * distinct ascending values `u`: with j = the number of values at or below
 * its score, its weight (1 without weights) goes to `tie[j - 1]` when the
 * score equals `u[j - 1]` and `tie` is given, otherwise to `gap[j]` (`gap`
 * has d + 1 entries: gap[0] below every value, gap[d] above them all).
 */
export function place(
  u: Float64Array,
  d: number,
  scores: Float64Array,
  labels: Uint8Array,
  weights: Float64Array | undefined,
  cls: number,
  gap: Float64Array,
  tie?: Float64Array,
): void {
  // table[b] = first index whose key falls in bucket b or later; a score in
  // bucket b lies between u[table[b] - 1] and u[table[b + 1]].
  const words = new Uint32Array(u.buffer, u.byteOffset, 2 * d);
  let buckets = 1024;
  while (buckets < 2 * d && buckets < 1 << 22) buckets *= 2;
  const base = key(words[1]);
  const scale = buckets / (key(words[2 * d - 1]) - base + 1);
  const table = new Int32Array(buckets + 1);
  for (let i = 0, b = 0; i <= d; i++) {
    const bi = i < d ? Math.floor((key(words[2 * i + 1]) - base) * scale) : buckets;
    while (b <= bi) table[b++] = i;
  }
  const sw = new Uint32Array(scores.buffer, scores.byteOffset, 2 * scores.length);
  const lo = u[0];
  const hi = u[d - 1];
  for (let i = 0; i < scores.length; i++) {
    const w = weights ? weights[i] : 1;
    if (labels[i] !== cls || !w) continue;
    const s = scores[i];
    let a = 0;
    let z = d;
    if (s < lo) z = 0;
    else if (s >= hi) a = d;
    else {
      const b = Math.floor((key(sw[2 * i + 1]) - base) * scale);
      a = table[b];
      z = table[b + 1];
    }
    // j = the first index whose value is above s.
    while (a < z) {
      const m = (a + z) >>> 1;
      if (u[m] <= s) a = m + 1;
      else z = m;
    }
    if (tie && a && u[a - 1] === s) tie[a - 1] += w;
    else gap[a] += w;
  }
}
