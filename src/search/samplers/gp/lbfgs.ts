// Internal: limited-memory BFGS for the GP's hyperparameters and the acquisition's local search.

/** Value and gradient of the function to MINIMISE at x (the gradient is written into `grad`). */
export type ValueAndGradient = (x: Float64Array, grad: Float64Array) => number;

/** Options of {@link minimizeLbfgs}. */
export interface LbfgsOptions {
  readonly maxIterations: number;
  /** History size m. */
  readonly memory?: number;
  /** Stop when the largest gradient component (after projection) is below this. */
  readonly gradientTolerance?: number;
  /** Box bounds; steps are projected onto them (a projected L-BFGS, as L-BFGS-B without its Cauchy point). */
  readonly lower?: Float64Array;
  readonly upper?: Float64Array;
}

/**
 * Minimises f from x0 with L-BFGS (two-loop recursion, Nocedal & Wright
 * 2006, Algorithm 7.4) and a backtracking Armijo line search; with bounds,
 * each trial point is projected onto the box and the components pinned at a
 * bound with the gradient pushing outwards are left out of the direction.
 * Non-finite values are treated as +∞, which makes the line search back off.
 *
 * @returns The best point found and its value.
 */
export function minimizeLbfgs(f: ValueAndGradient, x0: Float64Array, options: LbfgsOptions): { x: Float64Array; value: number; evaluations: number } {
  const n = x0.length;
  const m = options.memory ?? 8;
  const tol = options.gradientTolerance ?? 1e-5;
  const { lower, upper } = options;
  const project = (x: Float64Array) => {
    if (lower) for (let i = 0; i < n; i++) if (x[i]! < lower[i]!) x[i] = lower[i]!;
    if (upper) for (let i = 0; i < n; i++) if (x[i]! > upper[i]!) x[i] = upper[i]!;
  };
  let x = Float64Array.from(x0);
  project(x);
  let g = new Float64Array(n);
  let fx = f(x, g);
  let evaluations = 1;
  if (!Number.isFinite(fx)) return { x, value: Infinity, evaluations };
  const S: Float64Array[] = [], Y: Float64Array[] = [], rho: number[] = [];
  const d = new Float64Array(n), alpha = new Float64Array(m);
  const free = (i: number, gi: number) => !((lower && x[i]! <= lower[i]! && gi > 0) || (upper && x[i]! >= upper[i]! && gi < 0));
  for (let it = 0; it < options.maxIterations; it++) {
    let gmax = 0;
    for (let i = 0; i < n; i++) if (free(i, g[i]!)) gmax = Math.max(gmax, Math.abs(g[i]!));
    if (gmax < tol) break;
    for (let i = 0; i < n; i++) d[i] = free(i, g[i]!) ? -g[i]! : 0;
    for (let k = S.length - 1; k >= 0; k--) {
      alpha[k] = rho[k]! * dot(S[k]!, d);
      axpy(-alpha[k]!, Y[k]!, d);
    }
    if (S.length) {
      const last = S.length - 1;
      const gamma = dot(S[last]!, Y[last]!) / dot(Y[last]!, Y[last]!);
      for (let i = 0; i < n; i++) d[i]! *= gamma;
    }
    for (let k = 0; k < S.length; k++) {
      const beta = rho[k]! * dot(Y[k]!, d);
      axpy(alpha[k]! - beta, S[k]!, d);
    }
    for (let i = 0; i < n; i++) if (!free(i, g[i]!)) d[i] = 0;
    let slope = dot(g, d);
    if (!(slope < 0)) {
      // Not a descent direction (curvature pairs went stale): restart from steepest descent.
      S.length = Y.length = rho.length = 0;
      for (let i = 0; i < n; i++) d[i] = free(i, g[i]!) ? -g[i]! : 0;
      slope = dot(g, d);
      if (!(slope < 0)) break;
    }
    let step = S.length ? 1 : Math.min(1, 1 / Math.sqrt(dot(d, d)));
    const xNew = new Float64Array(n), gNew = new Float64Array(n);
    let fNew = Infinity, accepted = false;
    for (let ls = 0; ls < 30; ls++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i]! + step * d[i]!;
      project(xNew);
      fNew = f(xNew, gNew);
      evaluations++;
      let actual = 0;
      for (let i = 0; i < n; i++) actual += g[i]! * (xNew[i]! - x[i]!);
      if (Number.isFinite(fNew) && fNew <= fx + 1e-4 * Math.min(actual, 0)) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) break;
    const s = new Float64Array(n), y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i]! - x[i]!;
      y[i] = gNew[i]! - g[i]!;
    }
    const sy = dot(s, y);
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (S.length === m) {
        S.shift();
        Y.shift();
        rho.shift();
      }
      S.push(s);
      Y.push(y);
      rho.push(1 / sy);
    }
    const improvement = fx - fNew;
    x = xNew;
    g = gNew;
    fx = fNew;
    if (improvement <= 1e-10 * Math.max(1, Math.abs(fx))) break;
  }
  return { x, value: fx, evaluations };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function axpy(a: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < x.length; i++) y[i]! += a * x[i]!;
}
