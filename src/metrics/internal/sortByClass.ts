// Sorting the scores of each class faster than `Float64Array.prototype.sort`
// (whose V8 implementation costs several hundred ns per element at 10^7): a
// two-level MSD distribution sort. Level 1 buckets every score by the high
// 32 bits of an order-preserving integer key of the double (robust to scores
// spread over many orders of magnitude) and scatters each class into its
// buckets; level 2 redistributes each bucket (a few thousand values, in cache)
// linearly in value between its own min and max, then finishes the few
// values per sub-bucket by insertion sort (the typed sort, or a quicksort of
// score/weight pairs, for rare large clumps). Both maps are monotone, so
// equal values always meet and the result is exactly the ascending order the
// typed sort gives (up to -0/+0, which compare equal).

import { highWord } from './locate';

const SMALL = 1 << 14;
/** Buckets larger than this (clumped scores) are sorted directly, bounding the scratch memory. */
const CAP = 1 << 16;

/**
 * Each class's scores sorted ascending, with, when weighted, the index of
 * each score's example alongside (its weight is `weights[posI[k]]`): 4 bytes
 * per example instead of a sorted copy of the 8-byte weights.
 */
export interface SortedByClass {
  pos: Float64Array;
  neg: Float64Array;
  posI?: Uint32Array;
  negI?: Uint32Array;
}

/**
 * The scores of the positives and of the negatives, each sorted ascending.
 * `p` is the number of positives; below `small` examples the plain sort is used.
 */
export function sortByClass(
  labels: Uint8Array,
  scores: Float64Array,
  p: number,
  small = SMALL,
): [pos: Float64Array, neg: Float64Array] {
  const s = distribute(labels, scores, undefined, p, scores.length - p, small);
  return [s.pos, s.neg];
}

/**
 * {@link sortByClass} for weighted examples: examples of weight 0 are left
 * out (they do not change any curve, and scikit-learn >= 1.3 drops their
 * thresholds), the rest sorted per class with each example's index next to
 * its score.
 */
export function sortByClassWeighted(
  labels: Uint8Array,
  scores: Float64Array,
  weights: Float64Array,
  small = SMALL,
): Required<SortedByClass> {
  let p = 0;
  let q = 0;
  for (let i = 0; i < labels.length; i++) {
    if (weights[i] === 0) continue;
    if (labels[i]) p++;
    else q++;
  }
  return distribute(labels, scores, weights, p, q, small) as Required<SortedByClass>;
}

function distribute(
  labels: Uint8Array,
  scores: Float64Array,
  weights: Float64Array | undefined,
  p: number,
  q: number,
  small: number,
): SortedByClass {
  const n = scores.length;
  const pos = new Float64Array(p);
  const neg = new Float64Array(q);
  const posI = weights && new Uint32Array(p);
  const negI = weights && new Uint32Array(q);
  let buckets = 1;
  while (buckets * 2048 < n && buckets < 1 << 15) buckets *= 2;
  if (n < small || n < 2) buckets = 1;
  let base = 0;
  let scale = 0;
  const hw = highWord();
  const words = new Uint32Array(scores.buffer, scores.byteOffset, 2 * n);
  if (buckets > 1) {
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      const v = scores[i];
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const mw = new Uint32Array(Float64Array.of(min, max).buffer);
    const key = (h: number) => (h > 0x80000000 ? ~h >>> 0 : (h | 0x80000000) >>> 0);
    base = key(mw[hw]);
    scale = buckets / (key(mw[2 + hw]) - base + 1);
  }
  const offP = new Int32Array(buckets + 1);
  const offN = new Int32Array(buckets + 1);
  for (let pass = 0; pass < 2; pass++) {
    // Pass 0 counts per bucket, pass 1 scatters.
    for (let i = 0; i < n; i++) {
      const w = weights === undefined ? 1 : weights[i];
      if (w === 0) continue;
      const h = words[2 * i + hw];
      const b = scale === 0 ? 0 : Math.floor(((h > 0x80000000 ? ~h >>> 0 : (h | 0x80000000) >>> 0) - base) * scale);
      if (pass === 0) {
        if (labels[i]) offP[b + 1]++;
        else offN[b + 1]++;
      } else if (labels[i]) {
        const at = offP[b]++;
        pos[at] = scores[i];
        if (posI) posI[at] = i;
      } else {
        const at = offN[b]++;
        neg[at] = scores[i];
        if (negI) negI[at] = i;
      }
    }
    if (pass === 0) {
      // Prefix sums: offX[b] becomes the start (write position) of bucket b.
      for (let b = 0; b < buckets; b++) {
        offP[b + 1] += offP[b];
        offN[b + 1] += offN[b];
      }
    }
  }
  // After the scatter offX[b] is the end of bucket b (= start of b + 1).
  let largest = 0;
  for (let b = 0; b < buckets; b++) largest = Math.max(largest, offP[b] - (b ? offP[b - 1] : 0), offN[b] - (b ? offN[b - 1] : 0));
  largest = Math.min(largest, CAP);
  const tmp = new Float64Array(largest);
  const tmpI = new Uint32Array(weights ? largest : 0);
  const count = new Int32Array(largest + 1);
  for (let b = 0; b < buckets; b++) {
    fineSort(pos, posI, b ? offP[b - 1] : 0, offP[b], tmp, tmpI, count);
    fineSort(neg, negI, b ? offN[b - 1] : 0, offN[b], tmp, tmpI, count);
  }
  return { pos, neg, posI, negI };
}

/**
 * Sorts a[lo..hi) (moving the indices w alongside when given) by a counting
 * pass linear in value, then insertion sort of each sub-bucket.
 */
function fineSort(
  a: Float64Array,
  w: Uint32Array | undefined,
  lo: number,
  hi: number,
  tmp: Float64Array,
  tmpW: Uint32Array,
  count: Int32Array,
): void {
  const m = hi - lo;
  if (m < 2) return;
  let min = a[lo];
  let max = min;
  for (let i = lo + 1; i < hi; i++) {
    const v = a[i];
    if (v < min) min = v;
    else if (v > max) max = v;
  }
  if (min === max) return;
  const f = m;
  const scale = f / (max - min);
  if (m <= 24 || m > tmp.length || !(scale > 0 && scale < Infinity)) {
    direct(a, w, lo, hi);
    return;
  }
  count.fill(0, 0, f + 1);
  for (let i = lo; i < hi; i++) {
    const k = Math.floor((a[i] - min) * scale);
    count[(k < f ? k : f - 1) + 1]++;
  }
  for (let k = 0; k < f; k++) count[k + 1] += count[k];
  for (let i = lo; i < hi; i++) {
    const v = a[i];
    const k = Math.floor((v - min) * scale);
    const at = count[k < f ? k : f - 1]++;
    tmp[at] = v;
    if (w) tmpW[at] = w[i];
  }
  // count[k] is now the end of sub-bucket k; copy back and finish each.
  a.set(tmp.subarray(0, m), lo);
  if (w) w.set(tmpW.subarray(0, m), lo);
  let start = 0;
  for (let k = 0; k < f; k++) {
    const end = count[k];
    if (end - start > 1) direct(a, w, lo + start, lo + end);
    start = end;
  }
}

/** Insertion sort of a few values; larger runs take the typed sort, or the pair quicksort with indices. */
function direct(a: Float64Array, w: Uint32Array | undefined, lo: number, hi: number): void {
  if (w) quickSortPairs(a, w, lo, hi);
  else if (hi - lo > 24) a.subarray(lo, hi).sort();
  else {
    for (let i = lo + 1; i < hi; i++) {
      const v = a[i];
      let j = i - 1;
      while (j >= lo && a[j] > v) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = v;
    }
  }
}

/** Sorts a[lo..hi) ascending, moving w alongside: quicksort (median of three), insertion below 16. */
function quickSortPairs(a: Float64Array, w: Uint32Array, lo: number, hi: number): void {
  while (hi - lo > 16) {
    const mid = (lo + hi) >>> 1;
    const x = a[lo];
    const y = a[mid];
    const z = a[hi - 1];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi - 1;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        const u = w[i];
        w[i] = w[j];
        w[j] = u;
        i++;
        j--;
      }
    }
    // Recurse into the smaller side, loop on the larger: O(log n) stack.
    if (j - lo < hi - i) {
      quickSortPairs(a, w, lo, j + 1);
      lo = i;
    } else {
      quickSortPairs(a, w, i, hi);
      hi = j + 1;
    }
  }
  for (let i = lo + 1; i < hi; i++) {
    const v = a[i];
    const u = w[i];
    let j = i - 1;
    while (j >= lo && a[j] > v) {
      a[j + 1] = a[j];
      w[j + 1] = w[j];
      j--;
    }
    a[j + 1] = v;
    w[j + 1] = u;
  }
}

/**
 * Sorts `a` ascending in place, moving the weights `w` (when given) alongside:
 * a least-significant-digit radix sort, stable passes of 16 bits (8 bits
 * below 65536 values, where 65536 counters would cost more than the values)
 * over an order-preserving integer key of each double (the sign bit flipped
 * for a positive number, every bit for a negative one; `-0` sorts just before
 * `0`). Linear in n and compact: this is the sort averagePrecision reaches,
 * which keeps its bundle small. Passes where every key has the same digit are
 * skipped. `a` must start on a 4-byte boundary; little-endian platforms only
 * (every platform Node and browsers run on), like `core/radixSort`.
 *
 * Reference: P. M. Terdiman (2000), "Radix Sort Revisited"; D. E. Knuth,
 * TAOCP vol. 3, §5.2.5.
 */
export function sortPairs(a: Float64Array, w?: Float64Array): void {
  const n = a.length;
  let src: Uint32Array = new Uint32Array(a.buffer, a.byteOffset, 2 * n);
  for (let i = 0; i < 2 * n; i += 2) {
    const h = src[i + 1];
    if (h & 0x80000000) {
      src[i] = ~src[i];
      src[i + 1] = ~h;
    } else src[i + 1] = h | 0x80000000;
  }
  const bits = n < 65536 ? 8 : 16;
  const mask = (1 << bits) - 1;
  const counts = new Uint32Array(mask + 1);
  let dst: Uint32Array = new Uint32Array(2 * n);
  let ws: Float64Array | undefined = w;
  let wd: Float64Array | undefined = w && new Float64Array(n);
  for (let shift = 0; shift < 64; shift += bits) {
    const word = shift >> 5;
    const sh = shift & 31;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(src[2 * i + word] >>> sh) & mask]++;
    let sum = 0;
    let skip = false;
    for (let d = 0; d <= mask; d++) {
      const c = counts[d];
      if (c === n) skip = true;
      counts[d] = sum;
      sum += c;
    }
    if (skip) continue;
    for (let i = 0; i < n; i++) {
      const at = counts[(src[2 * i + word] >>> sh) & mask]++;
      dst[2 * at] = src[2 * i];
      dst[2 * at + 1] = src[2 * i + 1];
      if (ws) wd![at] = ws[i];
    }
    [src, dst] = [dst, src];
    [ws, wd] = [wd, ws];
  }
  // Undo the key transform into `a`.
  const out = new Uint32Array(a.buffer, a.byteOffset, 2 * n);
  for (let i = 0; i < 2 * n; i += 2) {
    const h = src[i + 1];
    if (h & 0x80000000) {
      out[i] = src[i];
      out[i + 1] = h & 0x7fffffff;
    } else {
      out[i] = ~src[i];
      out[i + 1] = ~h;
    }
  }
  if (w && ws !== w) w.set(ws!);
}
