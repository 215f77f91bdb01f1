// Deliberately simple O(n log n) reference implementations (comparator sort,
// plain loops), used to check the fast kernels on random data.

export function referenceConfusion(labels: ArrayLike<number>, scores: ArrayLike<number>, weights?: ArrayLike<number>) {
  const order = Array.from({ length: scores.length }, (_, i) => i)
    .filter((i) => !weights || weights[i] !== 0)
    .sort((a, b) => scores[b] - scores[a]);
  const n = order.length;
  const thresholds: number[] = [];
  const tps: number[] = [];
  const fps: number[] = [];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const w = weights ? weights[i] : 1;
    if (labels[i]) tp += w;
    else fp += w;
    if (k === n - 1 || scores[order[k + 1]] !== scores[i]) {
      thresholds.push(scores[i]);
      tps.push(tp);
      fps.push(fp);
    }
  }
  return { thresholds, tps, fps };
}

/** Average precision as sklearn: Σ (R_k − R_{k−1}) P_k over the distinct thresholds. */
export function referenceAp(labels: ArrayLike<number>, scores: ArrayLike<number>, weights?: ArrayLike<number>): number {
  const { tps, fps } = referenceConfusion(labels, scores, weights);
  const P = tps[tps.length - 1];
  if (!(P > 0)) return NaN;
  let ap = 0;
  let prev = 0;
  for (let k = 0; k < tps.length; k++) {
    const prec = tps[k] + fps[k] > 0 ? tps[k] / (tps[k] + fps[k]) : 0;
    ap += ((tps[k] - prev) / P) * prec;
    prev = tps[k];
  }
  return ap;
}

/** ROC AUC by pairs: P(s_pos > s_neg) + ½ P(s_pos = s_neg), weighted. */
export function referenceRocAuc(labels: ArrayLike<number>, scores: ArrayLike<number>, weights?: ArrayLike<number>): number {
  let num = 0;
  let wp = 0;
  let wn = 0;
  for (let i = 0; i < scores.length; i++) {
    const w = weights ? weights[i] : 1;
    if (labels[i]) wp += w;
    else wn += w;
  }
  for (let i = 0; i < scores.length; i++) {
    if (!labels[i]) continue;
    for (let j = 0; j < scores.length; j++) {
      if (labels[j]) continue;
      const w = (weights ? weights[i] * weights[j] : 1);
      if (scores[i] > scores[j]) num += w;
      else if (scores[i] === scores[j]) num += w / 2;
    }
  }
  return wp > 0 && wn > 0 ? num / (wp * wn) : NaN;
}

/** ROC AUC by the Mann–Whitney statistic with mid-ranks for ties (unweighted), O(n log n). */
export function referenceRocAucRanks(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let rankSum = 0;
  let p = 0;
  for (let k = 0; k < n; ) {
    let e = k;
    while (e + 1 < n && scores[order[e + 1]] === scores[order[k]]) e++;
    const mid = (k + e) / 2 + 1;
    for (let t = k; t <= e; t++) if (labels[order[t]]) {
      rankSum += mid;
      p++;
    }
    k = e + 1;
  }
  const q = n - p;
  return p > 0 && q > 0 ? (rankSum - (p * (p + 1)) / 2) / (p * q) : NaN;
}

/** A seeded large problem (xorshift), with ties from rounding to `digits` decimals. */
export function largeProblem(n: number, prevalence: number, digits: number, seed = 1): { labels: Uint8Array; scores: Float64Array } {
  let x = seed >>> 0 || 1;
  const next = () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
  const labels = new Uint8Array(n);
  const scores = new Float64Array(n);
  const f = 10 ** digits;
  for (let i = 0; i < n; i++) {
    const y = next() < prevalence ? 1 : 0;
    labels[i] = y;
    const raw = Math.pow(next(), y ? 0.6 : 1.4) * (next() < 0.5 ? 1 : 1e-3);
    scores[i] = Math.round(raw * f) / f;
  }
  return { labels, scores };
}

/** Weighted ROC AUC through a comparator sort and tie groups, O(n log n). */
export function referenceRocAucSorted(labels: ArrayLike<number>, scores: ArrayLike<number>, weights?: ArrayLike<number>): number {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let negBelow = 0;
  let num = 0;
  let wp = 0;
  for (let k = 0; k < n; ) {
    let e = k;
    while (e + 1 < n && scores[order[e + 1]] === scores[order[k]]) e++;
    let gp = 0;
    let gn = 0;
    for (let t = k; t <= e; t++) {
      const w = weights ? weights[order[t]] : 1;
      if (labels[order[t]]) gp += w;
      else gn += w;
    }
    num += gp * (negBelow + gn / 2);
    negBelow += gn;
    wp += gp;
    k = e + 1;
  }
  return wp > 0 && negBelow > 0 ? num / (wp * negBelow) : NaN;
}
