// Sorting the scores of each class without sorting the whole input at once:
// one pass computes an order-preserving bucket of every score from the high
// 32 bits of its float64 key (the same monotone map as `locate`), a second
// scatters the scores of each class into its buckets, and each bucket (a few
// thousand values, in cache) is sorted with the typed-array sort. The result
// is each class's scores in ascending order, exactly as `Float64Array.sort`
// would give (equal values always share a bucket), in well under the time of
// one sort of all n scores.

import { highWord } from './locate';

const SMALL = 1 << 15;

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
  const mm = Float64Array.of(min, max);
  const mw = new Uint32Array(mm.buffer);
  const key = (h: number) => (h > 0x80000000 ? ~h >>> 0 : (h | 0x80000000) >>> 0);
  const base = key(mw[hw]);
  let buckets = 1;
  while (buckets * 2048 < n && buckets < 1 << 14) buckets *= 2;
  const scale = buckets / (key(mw[2 + hw]) - base + 1);
  const offP = new Int32Array(buckets + 1);
  const offN = new Int32Array(buckets + 1);
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + hw];
    const b = Math.floor(((h > 0x80000000 ? ~h >>> 0 : (h | 0x80000000) >>> 0) - base) * scale);
    if (labels[i]) offP[b + 1]++;
    else offN[b + 1]++;
  }
  for (let b = 0; b < buckets; b++) {
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
  for (let b = 0; b < buckets; b++) {
    if (offP[b + 1] - offP[b] > 1) pos.subarray(offP[b], offP[b + 1]).sort();
    if (offN[b + 1] - offN[b] > 1) neg.subarray(offN[b], offN[b + 1]).sort();
  }
  return [pos, neg];
}
