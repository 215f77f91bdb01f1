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
