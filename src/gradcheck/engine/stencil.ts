/**
 * Finite-difference weights on the nodes actually used.
 *
 * The steps are rounded to float32 when added to a float32 input, so the
 * offsets actually applied, d_k = fround(x + t_k) − x, differ slightly from
 * the nominal t_k. Weights are therefore computed from the actual offsets:
 * c_k = l_k'(0), the derivative at 0 of the Lagrange basis polynomial of
 * node d_k, so that Σ_k c_k·g(d_k) is exact for every polynomial g of degree
 * below the number of nodes (Fornberg 1988, "Generation of finite difference
 * formulas on arbitrarily spaced grids").
 *
 * @internal
 */
export function derivativeWeights(nodes: readonly number[]): Float64Array {
  const n = nodes.length;
  const c = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let denominator = 1;
    for (let j = 0; j < n; j++) if (j !== k) denominator *= nodes[k] - nodes[j];
    // l_k'(0) = Σ_{m≠k} Π_{j≠k,m} (0 − d_j) / Π_{j≠k} (d_k − d_j)
    let numerator = 0;
    for (let m = 0; m < n; m++) {
      if (m === k) continue;
      let p = 1;
      for (let j = 0; j < n; j++) if (j !== k && j !== m) p *= -nodes[j];
      numerator += p;
    }
    c[k] = numerator / denominator;
  }
  return c;
}

/** Σ_k c_k·y_k over the weights and values. @internal */
export function applyWeights(c: Float64Array, y: readonly number[]): number {
  let s = 0;
  for (let k = 0; k < c.length; k++) s += c[k] * y[k];
  return s;
}

/** Σ_k |c_k|·δ_k, the worst-case effect of independent rounding errors δ_k. @internal */
export function noiseThrough(c: Float64Array, delta: readonly number[]): number {
  let s = 0;
  for (let k = 0; k < c.length; k++) s += Math.abs(c[k]) * delta[k];
  return s;
}
