// Fast exact kernels for average precision and ROC AUC. Both depend on the
// confusion counts only at the distinct scores of one class, so only that
// class is sorted (the positives for AP, the smaller class for ROC AUC) and
// every other example is placed among those scores:
// - a rare class (at most 1/16 of the examples): by the lookup table of
//   `place` (small enough to stay in cache), one pass over the examples;
// - balanced classes: AP sorts the negatives too (the same compact radix
//   sort `sortPairs`, which keeps the bundle of averagePrecision small) and
//   walks both sorted lists, since random lookups into a large sorted class
//   would miss the cache; ROC AUC sorts both classes with the distribution
//   sort of `sortByClass` and merges them.
// Tied scores of both classes share a threshold in every path, exactly as in
// confusionAtThresholds, so the results equal the curve-based definitions.

import { distinctClass, distinctSorted, place } from './locate';
import { sortByClass, sortByClassWeighted, sortPairs } from './sortByClass';

/**
 * Below this share of the examples, the minority class is sorted and the
 * others are placed among it by a lookup table; above it, both classes are
 * sorted and walked together.
 */
const MINORITY = 1 / 16;

/**
 * Walks the distinct thresholds from the top over both classes' sorted
 * scores (weight `weights[posI[k]]` of each, or 1 each) and returns the ROC
 * AUC, NaN where a class weighs nothing.
 */
function merged(pos: Float64Array, neg: Float64Array, weights?: Float64Array, posI?: Uint32Array, negI?: Uint32Array): number {
  let i = pos.length - 1;
  let j = neg.length - 1;
  let num = 0;
  let tp = 0;
  let fp = 0;
  while (i >= 0 || j >= 0) {
    const t = i < 0 ? neg[j] : j < 0 ? pos[i] : pos[i] >= neg[j] ? pos[i] : neg[j];
    let cp = 0;
    let cn = 0;
    for (; i >= 0 && pos[i] === t; i--) cp += posI === undefined ? 1 : weights![posI[i]];
    for (; j >= 0 && neg[j] === t; j--) cn += negI === undefined ? 1 : weights![negI[j]];
    // Each negative here loses to the positives above and ties these.
    num += cn * (tp + cp * 0.5);
    tp += cp;
    fp += cn;
  }
  return tp > 0 && fp > 0 ? num / (tp * fp) : NaN;
}

function count(labels: Uint8Array): number {
  let p = 0;
  for (let i = 0; i < labels.length; i++) p += labels[i];
  return p;
}

/**
 * Average precision Σ_k (R_k − R_{k−1}) P_k over the distinct positive scores,
 * or NaN when the positives weigh nothing.
 */
export function averagePrecisionOf(labels: Uint8Array, scores: Float64Array, weights?: Float64Array): number {
  const n = scores.length;
  const p = count(labels);
  const q = p > n * MINORITY ? n - p : 0;
  // The positives, and the negatives when both classes are sorted, in one pass.
  const pos = new Float64Array(p);
  const neg = new Float64Array(q);
  const posW = weights && new Float64Array(p);
  const negW = weights && new Float64Array(q);
  for (let i = 0, j = 0, k = 0; i < n; i++) {
    if (labels[i]) {
      if (posW) posW[j] = weights![i];
      pos[j++] = scores[i];
    } else if (q) {
      if (negW) negW[k] = weights![i];
      neg[k++] = scores[i];
    }
  }
  const [u, tp, d] = distinctSorted(pos, posW);
  // Rare positives: fp[j + 1] = weight of the negatives whose score is at or
  // above u[j] and below u[j + 1], the false positives added at threshold
  // u[j]. Balanced: the sorted negatives are walked down alongside instead.
  let fp: Float64Array | undefined;
  if (q) sortPairs(neg, negW);
  else if (d) place(u, d, scores, labels, weights, 0, (fp = new Float64Array(d + 1)));
  let t = 0;
  let f = 0;
  let ap = 0;
  for (let j = d - 1, k = q - 1; j >= 0; j--) {
    t += tp[j];
    if (fp) f += fp[j + 1];
    else for (; k >= 0 && neg[k] >= u[j]; k--) f += negW ? negW[k] : 1;
    // A zero-weight positive adds no recall (and t + f may still be 0).
    if (tp[j]) ap += tp[j] * (t / (t + f));
  }
  return ap / t;
}

/**
 * ROC AUC = P(s⁺ > s⁻) + ½ P(s⁺ = s⁻) under the weights (the trapezoidal area
 * under the ROC curve), or NaN when either class weighs nothing.
 */
export function rocAucOf(labels: Uint8Array, scores: Float64Array, weights?: Float64Array): number {
  const n = scores.length;
  const p = count(labels);
  if (Math.min(p, n - p) > n * MINORITY) {
    if (weights === undefined) {
      const [pos, neg] = sortByClass(labels, scores, p);
      return merged(pos, neg);
    }
    const s = sortByClassWeighted(labels, scores, weights);
    return merged(s.pos, s.neg, weights, s.posI, s.negI);
  }
  // Sort the smaller class, place the other among it.
  const cls = p <= n - p ? 1 : 0;
  const [u, w, d] = distinctClass(labels, scores, weights, cls);
  if (!d) return NaN;
  const eq = new Float64Array(d + 1);
  const below = new Float64Array(d + 1);
  place(u, d, scores, labels, weights, 1 - cls, below, eq);
  let total = 0;
  for (let j = 0; j < d; j++) total += w[j];
  // `other` is the weight of the unsorted class; `num` counts the pairs the
  // sorted class wins (below[j]: strictly between u[j-1] and u[j]; eq[j]: ties u[j]).
  let other = 0;
  let num = 0;
  let under = 0;
  for (let j = 0; j <= d; j++) {
    const b = below[j];
    // eq[d] is always 0: nothing ties a value past the last one.
    const e = eq[j];
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
