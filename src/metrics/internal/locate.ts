// Exact bucketing of scores among a sorted array of distinct values, without a
// binary search over the whole array per score: a table indexed by the high
// 32 bits of an order-preserving integer key of the double narrows the search
// to a few entries. This is what lets averagePrecision and rocAuc sort only
// the positives (or the minority class) and place every other score among
// them exactly, ties included.

/** A lookup structure over `u[0] < u[1] < ... < u[d-1]` (distinct, ascending). */
export interface Locator {
  u: Float64Array;
  d: number;
  table: Int32Array;
  base: number;
  scale: number;
  buckets: number;
}

/** Index (0 or 1) of the high 32-bit word of a float64 in a Uint32Array view. */
export function highWord(): number {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
}

/** Order-preserving key of a float64's high word; -0 and +0 share a key. */
function key(h: number): number {
  return h > 0x80000000 ? ~h >>> 0 : (h | 0x80000000) >>> 0;
}

/**
 * Removes repeats from an ascending array in place (turning -0 into +0) and
 * returns the number of distinct values; `runs`, when given, receives the
 * length of each run.
 */
export function distinctInPlace(sorted: Float64Array, n: number, runs?: Float64Array): number {
  if (n === 0) return 0;
  let d = 0;
  let prev = sorted[0];
  let run = 1;
  for (let i = 1; i < n; i++) {
    const v = sorted[i];
    if (v === prev) {
      run++;
      continue;
    }
    sorted[d] = prev + 0;
    if (runs) runs[d] = run;
    d++;
    prev = v;
    run = 1;
  }
  sorted[d] = prev + 0;
  if (runs) runs[d] = run;
  return d + 1;
}

/** Builds the lookup table over the `d` distinct ascending values in `u`. */
export function buildLocator(u: Float64Array, d: number): Locator {
  const hw = highWord();
  const words = new Uint32Array(u.buffer, u.byteOffset, 2 * d);
  let buckets = 1024;
  while (buckets < 2 * d && buckets < 1 << 22) buckets *= 2;
  const base = key(words[hw]);
  const range = key(words[2 * (d - 1) + hw]) - base;
  const scale = buckets / (range + 1);
  const table = new Int32Array(buckets + 1);
  let b = 0;
  for (let i = 0; i < d; i++) {
    const bi = Math.floor((key(words[2 * i + hw]) - base) * scale);
    while (b <= bi) table[b++] = i;
  }
  while (b <= buckets) table[b++] = d;
  return { u, d, table, base, scale, buckets };
}

/**
 * Places every score `scores[i]` (restricted to `labels[i] === only` unless
 * `only` is -1) among the distinct values of `loc`: with j = the number of
 * distinct values below the score, its weight (1 without weights) goes to
 * `eq{label}[j]` when the score equals `u[j]`, otherwise to
 * `below{label}[j]` (strictly between `u[j-1]` and `u[j]`; j = d above all).
 * `below*` may be null when every score is known to be among the values.
 * Zero weights are skipped (adding them would change nothing).
 */
export function accumulate(
  loc: Locator,
  scores: Float64Array,
  labels: Uint8Array,
  weights: Float64Array | undefined,
  only: number,
  eq0: Float64Array | null,
  eq1: Float64Array | null,
  below0: Float64Array | null,
  below1: Float64Array | null,
): void {
  const { u, d, table, base, scale } = loc;
  const hw = highWord();
  const words = new Uint32Array(scores.buffer, scores.byteOffset, 2 * scores.length);
  const lo0 = u[0];
  const hi0 = u[d - 1];
  const n = scores.length;
  for (let i = 0; i < n; i++) {
    const l = labels[i];
    if (only >= 0 && l !== only) continue;
    const w = weights === undefined ? 1 : weights[i];
    if (w === 0) continue;
    const s = scores[i];
    let j: number;
    if (s < lo0) j = 0;
    else if (s > hi0) j = d;
    else {
      const h = words[2 * i + hw];
      const k = h > 0x80000000 ? ~h >>> 0 : (h | 0x80000000) >>> 0;
      const b = Math.floor((k - base) * scale);
      let lo = table[b];
      let hi = table[b + 1];
      while (lo < hi) {
        const m = (lo + hi) >>> 1;
        if (u[m] < s) lo = m + 1;
        else hi = m;
      }
      j = lo;
    }
    if (j < d && u[j] === s) {
      if (l) eq1![j] += w;
      else eq0![j] += w;
    } else if (l) below1![j] += w;
    else below0![j] += w;
  }
}
