// Fast exact kernels for average precision and ROC AUC, two paths:
// - a rare class (at most 1/16 of the examples): both metrics depend on the
//   confusion counts only at the distinct scores of one class, so only that
//   class is sorted (the positives for AP, the smaller class for ROC AUC) and
//   every other example is placed among those scores with the exact lookup
//   table of `locate` (small enough to stay in cache);
// - balanced classes: both classes are sorted (weights alongside) and merged
//   from the top: AP by the compact radix sort `sortPairs`, which keeps the
//   bundle of averagePrecision small; ROC AUC by the distribution sort of
//   `sortByClass`.
// Tied scores of both classes share a threshold in both paths, exactly as in
// confusionAtThresholds, so the results equal the curve-based definitions.

import { accumulate, buildLocator, distinctInPlace, type Locator } from './locate';
import { sortByClass, sortByClassWeighted, sortPairs } from './sortByClass';

/**
 * Below this share of the examples, the minority class is sorted and the
 * others are located among it; above it, both classes are bucket-sorted and
 * merged (random lookups into a large sorted class would miss the cache).
 */
const MINORITY = 1 / 16;

/**
 * Walks the distinct thresholds from the top over both classes' sorted
 * scores (weights alongside, or 1 each) and returns
 * [AP, ROC AUC], NaN where a class weighs nothing.
 */
function merged(pos: Float64Array, neg: Float64Array, posW?: Float64Array, negW?: Float64Array): [number, number] {
  let i = pos.length - 1;
  let j = neg.length - 1;
  let ap = 0;
  let num = 0;
  let tp = 0;
  let fp = 0;
  while (i >= 0 || j >= 0) {
    const t = i < 0 ? neg[j] : j < 0 ? pos[i] : pos[i] >= neg[j] ? pos[i] : neg[j];
    let cp = 0;
    let cn = 0;
    for (; i >= 0 && pos[i] === t; i--) cp += posW === undefined ? 1 : posW[i];
    for (; j >= 0 && neg[j] === t; j--) cn += negW === undefined ? 1 : negW[j];
    // Each negative here loses to the positives above and ties these.
    num += cn * (tp + cp * 0.5);
    tp += cp;
    fp += cn;
    if (cp > 0) ap += cp * (tp / (tp + fp));
  }
  return [tp > 0 ? ap / tp : NaN, tp > 0 && fp > 0 ? num / (tp * fp) : NaN];
}

/** [AP, ROC AUC] by sorting both classes (balanced classes). */
function both(labels: Uint8Array, scores: Float64Array, weights: Float64Array | undefined, p: number): [number, number] {
  if (weights === undefined) {
    const [pos, neg] = sortByClass(labels, scores, p);
    return merged(pos, neg);
  }
  const s = sortByClassWeighted(labels, scores, weights);
  return merged(s.pos, s.neg, s.posW, s.negW);
}

function count(labels: Uint8Array): number {
  let p = 0;
  for (let i = 0; i < labels.length; i++) p += labels[i];
  return p;
}

interface Sorted {
  loc: Locator;
  /** Weight of the sorted class at each distinct score (ascending). */
  w: Float64Array;
  /** Total weight of the sorted class. */
  total: number;
}

/** Sorts the scores of class `cls` (with non-zero weight) and sums their weights per distinct score. */
function sortClass(labels: Uint8Array, scores: Float64Array, weights: Float64Array | undefined, cls: number): Sorted | undefined {
  const n = scores.length;
  let k = 0;
  for (let i = 0; i < n; i++) if (labels[i] === cls && (weights === undefined || weights[i] !== 0)) k++;
  if (k === 0) return undefined;
  const u = new Float64Array(k);
  for (let i = 0, j = 0; i < n; i++) if (labels[i] === cls && (weights === undefined || weights[i] !== 0)) u[j++] = scores[i];
  sortPairs(u);
  let w = new Float64Array(k);
  const d = distinctInPlace(u, k, weights === undefined ? w : undefined);
  const loc = buildLocator(u, d);
  let total = k;
  if (weights !== undefined) {
    w = new Float64Array(d);
    accumulate(loc, scores, labels, weights, cls, w, w, null, null);
    total = 0;
    for (let j = 0; j < d; j++) total += w[j];
  }
  return { loc, w, total };
}

/**
 * Average precision Σ_k (R_k − R_{k−1}) P_k over the distinct positive scores,
 * or NaN when the positives weigh nothing.
 */
export function averagePrecisionOf(labels: Uint8Array, scores: Float64Array, weights?: Float64Array): number {
  const n = scores.length;
  const p = count(labels);
  if (p > n * MINORITY) {
    // Balanced: radix-sort each class (weights alongside) and merge.
    const pos = new Float64Array(p);
    const neg = new Float64Array(n - p);
    const posW = weights && new Float64Array(p);
    const negW = weights && new Float64Array(n - p);
    for (let i = 0, j = 0, k = 0; i < n; i++) {
      if (labels[i]) {
        if (posW) posW[j] = weights![i];
        pos[j++] = scores[i];
      } else {
        if (negW) negW[k] = weights![i];
        neg[k++] = scores[i];
      }
    }
    sortPairs(pos, posW);
    sortPairs(neg, negW);
    return merged(pos, neg, posW, negW)[0];
  }
  const pos = sortClass(labels, scores, weights, 1);
  if (pos === undefined || !(pos.total > 0)) return NaN;
  const { loc, w, total } = pos;
  const d = loc.d;
  // neg[j + 1] = weight of negatives whose largest positive score at or below
  // them is u[j] (neg[0]: below every positive): they count as false
  // positives at thresholds u[0..j].
  const neg = new Float64Array(d + 1);
  accumulate(loc, scores, labels, weights, 0, neg.subarray(1), null, neg, null);
  let tp = 0;
  let fp = 0;
  let ap = 0;
  for (let j = d - 1; j >= 0; j--) {
    tp += w[j];
    fp += neg[j + 1];
    ap += w[j] * (tp / (tp + fp));
  }
  return ap / total;
}

/**
 * ROC AUC = P(s⁺ > s⁻) + ½ P(s⁺ = s⁻) under the weights (the trapezoidal area
 * under the ROC curve), or NaN when either class weighs nothing.
 */
export function rocAucOf(labels: Uint8Array, scores: Float64Array, weights?: Float64Array): number {
  const n = scores.length;
  const p = count(labels);
  if (Math.min(p, n - p) > n * MINORITY) return both(labels, scores, weights, p)[1];
  // Sort the smaller class, place the other among it.
  const cls = p <= n - p ? 1 : 0;
  const sorted = sortClass(labels, scores, weights, cls);
  if (sorted === undefined) return NaN;
  const { loc, w, total } = sorted;
  const d = loc.d;
  const eq = new Float64Array(d + 1);
  const below = new Float64Array(d + 1);
  accumulate(loc, scores, labels, weights, 1 - cls, cls ? eq : null, cls ? null : eq, cls ? below : null, cls ? null : below);
  // `other` is the weight of the unsorted class; `num` counts the pairs the
  // sorted class wins (below[j]: strictly above u[0..j-1]; eq[j]: ties u[j]).
  let other = 0;
  let num = 0;
  let under = 0;
  for (let j = 0; j <= d; j++) {
    const b = below[j];
    // eq[d] is always 0: nothing ties a value past the last one.
    const e = j < d ? eq[j] : 0;
    const half = j < d ? w[j] * 0.5 : 0;
    other += e + b;
    if (cls) {
      // sorted = positives: they win against a negative when above it.
      num += b * (total - under) + e * (total - under - half);
    } else {
      // sorted = negatives: a positive wins against the negatives below it.
      num += b * under + e * (under + half);
    }
    if (j < d) under += w[j];
  }
  if (!(other > 0) || !(total > 0)) return NaN;
  return num / (total * other);
}
