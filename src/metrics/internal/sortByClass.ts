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
