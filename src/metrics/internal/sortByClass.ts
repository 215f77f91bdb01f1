// Sorting the scores of each class faster than `Float64Array.prototype.sort`
// (whose V8 implementation costs several hundred ns per element at 10^7): a
// two-level MSD distribution sort. Level 1 buckets every score by the high
// 32 bits of an order-preserving integer key of the double (robust to scores
// spread over many orders of magnitude) and scatters each class into its
// buckets; level 2 redistributes each bucket (a few thousand values, in cache)
// linearly in value between its own min and max, then finishes the few
// values per sub-bucket by insertion sort (the typed sort for rare large
// clumps). Both maps are monotone, so equal values always meet and the result
// is exactly the ascending order the typed sort gives (up to -0/+0, which
// compare equal).

import { highWord } from './locate';

const SMALL = 1 << 14;
/** Buckets larger than this (clumped scores) take the typed sort, bounding the scratch memory. */
const CAP = 1 << 16;

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
  const n = scores.length;
  const pos = new Float64Array(p);
  const neg = new Float64Array(n - p);
  if (n < small || n < 2) {
    for (let i = 0, a = 0, b = 0; i < n; i++) {
      if (labels[i]) pos[a++] = scores[i];
      else neg[b++] = scores[i];
    }
    return [pos.sort(), neg.sort()];
  }
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = scores[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const hw = highWord();
  const words = new Uint32Array(scores.buffer, scores.byteOffset, 2 * n);
  const mw = new Uint32Array(Float64Array.of(min, max).buffer);
  const key = (h: number) => (h > 0x80000000 ? ~h >>> 0 : (h | 0x80000000) >>> 0);
  const base = key(mw[hw]);
  let buckets = 1;
  while (buckets * 2048 < n && buckets < 1 << 15) buckets *= 2;
  const scale = buckets / (key(mw[2 + hw]) - base + 1);
  const offP = new Int32Array(buckets + 1);
  const offN = new Int32Array(buckets + 1);
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + hw];
    const b = Math.floor(((h > 0x80000000 ? ~h >>> 0 : (h | 0x80000000) >>> 0) - base) * scale);
    if (labels[i]) offP[b + 1]++;
    else offN[b + 1]++;
  }
  let largest = 0;
  for (let b = 0; b < buckets; b++) {
    largest = Math.max(largest, offP[b + 1], offN[b + 1]);
    offP[b + 1] += offP[b];
    offN[b + 1] += offN[b];
  }
  const atP = offP.slice(0, buckets);
  const atN = offN.slice(0, buckets);
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + hw];
    const b = Math.floor(((h > 0x80000000 ? ~h >>> 0 : (h | 0x80000000) >>> 0) - base) * scale);
    if (labels[i]) pos[atP[b]++] = scores[i];
    else neg[atN[b]++] = scores[i];
  }
  largest = Math.min(largest, CAP);
  const tmp = new Float64Array(largest);
  const count = new Int32Array(largest + 1);
  for (let b = 0; b < buckets; b++) {
    fineSort(pos, offP[b], offP[b + 1], tmp, count);
    fineSort(neg, offN[b], offN[b + 1], tmp, count);
  }
  return [pos, neg];
}

/** Sorts a[lo..hi) by a counting pass linear in value, then insertion sort. */
function fineSort(a: Float64Array, lo: number, hi: number, tmp: Float64Array, count: Int32Array): void {
  const m = hi - lo;
  if (m <= 24) {
    insertion(a, lo, hi);
    return;
  }
  if (m > tmp.length) {
    a.subarray(lo, hi).sort();
    return;
  }
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
  if (!(scale > 0 && scale < Infinity)) {
    a.subarray(lo, hi).sort();
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
    tmp[count[k < f ? k : f - 1]++] = v;
  }
  // count[k] is now the end of sub-bucket k; copy back and finish each.
  for (let i = 0; i < m; i++) a[lo + i] = tmp[i];
  let start = 0;
  for (let k = 0; k < f; k++) {
    const end = count[k];
    const size = end - start;
    if (size > 24) a.subarray(lo + start, lo + end).sort();
    else if (size > 1) insertion(a, lo + start, lo + end);
    start = end;
  }
}

function insertion(a: Float64Array, lo: number, hi: number): void {
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

/** Each class's scores of non-zero weight, sorted ascending, with their weights alongside. */
export interface SortedWeighted {
  pos: Float64Array;
  posW: Float64Array;
  neg: Float64Array;
  negW: Float64Array;
}

/**
 * {@link sortByClass} carrying weights: examples of weight 0 are left out
 * (they do not change any curve, and scikit-learn >= 1.3 drops their
 * thresholds), the rest sorted per class with each weight next to its score.
 * Clumps the distribution cannot split are finished by a quicksort of the pairs.
 */
export function sortByClassWeighted(
  labels: Uint8Array,
  scores: Float64Array,
  weights: Float64Array,
  small = SMALL,
): SortedWeighted {
  const n = scores.length;
  let p = 0;
  let q = 0;
  for (let i = 0; i < n; i++) {
    if (weights[i] === 0) continue;
    if (labels[i]) p++;
    else q++;
  }
  const pos = new Float64Array(p);
  const posW = new Float64Array(p);
  const neg = new Float64Array(q);
  const negW = new Float64Array(q);
  if (n < small || n < 2) {
    for (let i = 0, a = 0, b = 0; i < n; i++) {
      const w = weights[i];
      if (w === 0) continue;
      if (labels[i]) {
        pos[a] = scores[i];
        posW[a++] = w;
      } else {
        neg[b] = scores[i];
        negW[b++] = w;
      }
    }
    quickSortPairs(pos, posW, 0, p);
    quickSortPairs(neg, negW, 0, q);
    return { pos, posW, neg, negW };
  }
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = scores[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const hw = highWord();
  const words = new Uint32Array(scores.buffer, scores.byteOffset, 2 * n);
  const mw = new Uint32Array(Float64Array.of(min, max).buffer);
  const key = (h: number) => (h > 0x80000000 ? ~h >>> 0 : (h | 0x80000000) >>> 0);
  const base = key(mw[hw]);
  let buckets = 1;
  while (buckets * 2048 < n && buckets < 1 << 15) buckets *= 2;
  const scale = buckets / (key(mw[2 + hw]) - base + 1);
  const offP = new Int32Array(buckets + 1);
  const offN = new Int32Array(buckets + 1);
  for (let i = 0; i < n; i++) {
    if (weights[i] === 0) continue;
    const h = words[2 * i + hw];
    const b = Math.floor(((h > 0x80000000 ? ~h >>> 0 : (h | 0x80000000) >>> 0) - base) * scale);
    if (labels[i]) offP[b + 1]++;
    else offN[b + 1]++;
  }
  let largest = 0;
  for (let b = 0; b < buckets; b++) {
    largest = Math.max(largest, offP[b + 1], offN[b + 1]);
    offP[b + 1] += offP[b];
    offN[b + 1] += offN[b];
  }
  const atP = offP.slice(0, buckets);
  const atN = offN.slice(0, buckets);
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (w === 0) continue;
    const h = words[2 * i + hw];
    const b = Math.floor(((h > 0x80000000 ? ~h >>> 0 : (h | 0x80000000) >>> 0) - base) * scale);
    if (labels[i]) {
      pos[atP[b]] = scores[i];
      posW[atP[b]++] = w;
    } else {
      neg[atN[b]] = scores[i];
      negW[atN[b]++] = w;
    }
  }
  largest = Math.min(largest, CAP);
  const tmp = new Float64Array(largest);
  const tmpW = new Float64Array(largest);
  const count = new Int32Array(largest + 1);
  for (let b = 0; b < buckets; b++) {
    fineSortPairs(pos, posW, offP[b], offP[b + 1], tmp, tmpW, count);
    fineSortPairs(neg, negW, offN[b], offN[b + 1], tmp, tmpW, count);
  }
  return { pos, posW, neg, negW };
}

/** {@link fineSort} moving each weight with its score. */
function fineSortPairs(
  a: Float64Array,
  w: Float64Array,
  lo: number,
  hi: number,
  tmp: Float64Array,
  tmpW: Float64Array,
  count: Int32Array,
): void {
  const m = hi - lo;
  if (m <= 24 || m > tmp.length) {
    quickSortPairs(a, w, lo, hi);
    return;
  }
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
  if (!(scale > 0 && scale < Infinity)) {
    quickSortPairs(a, w, lo, hi);
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
    tmpW[at] = w[i];
  }
  for (let i = 0; i < m; i++) {
    a[lo + i] = tmp[i];
    w[lo + i] = tmpW[i];
  }
  let start = 0;
  for (let k = 0; k < f; k++) {
    const end = count[k];
    if (end - start > 1) quickSortPairs(a, w, lo + start, lo + end);
    start = end;
  }
}

/** Sorts a[lo..hi) ascending, moving w alongside: quicksort (median of three), insertion below 16. */
function quickSortPairs(a: Float64Array, w: Float64Array, lo: number, hi: number): void {
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
