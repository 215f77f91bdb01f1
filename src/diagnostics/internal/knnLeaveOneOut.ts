import * as tf from '@tensorflow/tfjs-core';

/**
 * Number of examples that the majority vote of their k nearest other
 * examples (leave-one-out: an example is never its own neighbour)
 * misclassifies.
 *
 * Squared Euclidean distances (less the query's own ‖q‖², which ranks
 * nothing) are computed with tfjs, `chunkSize` query rows at a time, as one
 * matmul per chunk of [q, 1] by [−2t, ‖t‖²]ᵀ, so that memory stays at
 * chunkSize × n distances (features centred in float64 first). The float32
 * values only shortlist: every neighbour whose float32 value is within the
 * float32 error bound of the k-th smallest is re-ranked by its exact float64
 * squared distance, so the neighbours found are those of exact arithmetic,
 * the same on every backend, with equal distances keeping the lower index
 * first. The vote
 * goes to the class with most neighbours; equal votes go to the class of the
 * nearest neighbour among them.
 *
 * @param points - n × d features, row-major.
 * @param classes - Class code (0 … numClasses−1) of each example.
 */
export function knnLeaveOneOutErrors(
  points: Float64Array,
  n: number,
  d: number,
  classes: Int32Array,
  numClasses: number,
  k: number,
  chunkSize: number,
): number {
  // Rows of `query` are [x_i, 1] and rows of `key` are [−2·x_j, ‖x_j‖²], so
  // that one matmul gives ‖x_j‖² − 2·x_i·x_j: the squared distance less ‖x_i‖²,
  // which is the same for every j of a row and so changes no ranking. The
  // features are centred in float64 first and ‖x_j‖² is summed in float64.
  const w = d + 1;
  const query = new Float32Array(n * w);
  const key = new Float32Array(n * w);
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let c = 0; c < d; c++) mean[c] += points[i * d + c];
  for (let c = 0; c < d; c++) mean[c] /= n;
  const sq = new Float64Array(n);
  let maxSq = 0;
  for (let i = 0; i < n; i++) {
    let s2 = 0;
    for (let c = 0; c < d; c++) {
      const v = points[i * d + c] - mean[c];
      query[i * w + c] = v;
      key[i * w + c] = -2 * v;
      s2 += v * v;
    }
    query[i * w + d] = 1;
    key[i * w + d] = s2;
    sq[i] = s2;
    if (s2 > maxSq) maxSq = s2;
  }
  // Bound on the float32 error of one entry ‖t‖² − 2·q·t of the matmul
  // (inputs rounded to float32, a sum of d + 1 products): (d + 3)·u ·
  // (‖t‖² + 2‖q‖‖t‖) with u = 2^−24, doubled for safety; see Higham, Accuracy
  // and Stability of Numerical Algorithms, §3.1. A backend computing in 16-bit
  // floats (some mobile WebGL) has u = 2^−11.
  const unitRoundoff = tf.backend().floatPrecision() === 16 ? 2 ** -11 : 2 ** -24;
  const slack = 2 * (d + 3) * unitRoundoff;
  const bestD = new Float64Array(k);
  const bestJ = new Int32Array(k);
  const votes = new Int32Array(numClasses);
  let errors = 0;
  const queries = tf.tensor2d(query, [n, w]);
  const keys = tf.tensor2d(key, [n, w]);
  try {
    for (let start = 0; start < n; start += chunkSize) {
      const rows = Math.min(chunkSize, n - start);
      const dist = tf.tidy(() => tf.matMul(tf.slice(queries, [start, 0], [rows, w]), keys, false, true));
      let data: Float32Array;
      try {
        data = dist.dataSync() as Float32Array;
      } finally {
        dist.dispose();
      }
      for (let r = 0; r < rows; r++) {
        const self = start + r;
        const o = r * n;
        // Pass 1 (float32): the k-th smallest value of the row.
        let filled = 0;
        for (let j = 0; j < n; j++) {
          if (j === self) continue;
          const v = data[o + j];
          if (filled === k && !(v < bestD[k - 1])) continue;
          let at = filled < k ? filled++ : k - 1;
          while (at > 0 && bestD[at - 1] > v) {
            bestD[at] = bestD[at - 1];
            at--;
          }
          bestD[at] = v;
        }
        // Pass 2 (float64): every candidate the float32 error could have
        // misranked, re-ranked by its exact squared distance; equal
        // distances keep the lower index first.
        const cut = bestD[k - 1] + 2 * slack * (maxSq + 2 * Math.sqrt(sq[self] * maxSq));
        filled = 0;
        for (let j = 0; j < n; j++) {
          if (j === self || !(data[o + j] <= cut)) continue;
          let v = 0;
          for (let c = 0; c < d; c++) {
            const e = points[self * d + c] - points[j * d + c];
            v += e * e;
          }
          if (filled === k && !(v < bestD[k - 1])) continue;
          let at = filled < k ? filled++ : k - 1;
          while (at > 0 && bestD[at - 1] > v) {
            bestD[at] = bestD[at - 1];
            bestJ[at] = bestJ[at - 1];
            at--;
          }
          bestD[at] = v;
          bestJ[at] = j;
        }
        votes.fill(0);
        for (let t = 0; t < filled; t++) votes[classes[bestJ[t]]]++;
        let predicted = -1;
        let most = 0;
        for (let t = 0; t < filled; t++) {
          const c = classes[bestJ[t]];
          if (votes[c] > most) {
            most = votes[c];
            predicted = c;
          }
        }
        if (predicted !== classes[self]) errors++;
      }
    }
  } finally {
    queries.dispose();
    keys.dispose();
  }
  return errors;
}
