import type { ExamplesNeeded, PowerLawFit } from '../types';

// The exponent b is searched on a log grid over [B_MIN, B_MAX] and then
// refined by golden-section search between the grid neighbours of the best
// grid point. Learning-curve exponents reported in the literature lie in
// about [0.05, 2] (Hestness et al. 2017: 0.07–0.35 for deep nets; 0.5–1 for
// classical estimators); the grid covers them with a wide margin.
const B_MIN = 1e-3;
const B_MAX = 10;
const GRID = 241;
const GOLDEN_STEPS = 80;

interface Profile {
  a: number;
  c: number;
  sse: number;
}

/**
 * For a fixed exponent b, the best a ≥ 0 and c ≥ 0 of e ≈ a·n^(−b) + c are a
 * linear least-squares problem in (a, c) with non-negativity constraints: the
 * optimum is the unconstrained solution when feasible, else the better of the
 * two boundary solutions (a = 0, or c = 0), each a one-variable projection.
 * `x` is filled with (n / n0)^(−b), which stays in (0, 1] and keeps the
 * normal equations well scaled; the returned `a` is in those units.
 */
function profile(
  b: number,
  logRatio: Float64Array,
  e: Float64Array,
  x: Float64Array,
  fixC0: boolean,
): Profile {
  const m = e.length;
  let sx = 0;
  let se = 0;
  for (let i = 0; i < m; i++) {
    x[i] = Math.exp(-b * logRatio[i]);
    sx += x[i];
    se += e[i];
  }
  const xm = sx / m;
  const em = se / m;
  let best: Profile = { a: 0, c: fixC0 ? 0 : Math.max(0, em), sse: Infinity };
  best.sse = sse(best.a, best.c, x, e);
  const consider = (a: number, c: number): void => {
    const s = sse(a, c, x, e);
    if (s < best.sse) best = { a, c, sse: s };
  };
  if (!fixC0) {
    let sxx = 0;
    let sxe = 0;
    for (let i = 0; i < m; i++) {
      const dx = x[i] - xm;
      sxx += dx * dx;
      sxe += dx * (e[i] - em);
    }
    if (sxx > 0) {
      const a = sxe / sxx;
      const c = em - a * xm;
      if (a >= 0 && c >= 0) {
        const s = sse(a, c, x, e);
        return { a, c, sse: s };
      }
    }
  }
  let sxx0 = 0;
  let sxe0 = 0;
  for (let i = 0; i < m; i++) {
    sxx0 += x[i] * x[i];
    sxe0 += x[i] * e[i];
  }
  consider(Math.max(0, sxe0 / sxx0), 0);
  return best;
}

function sse(a: number, c: number, x: Float64Array, e: Float64Array): number {
  let s = 0;
  for (let i = 0; i < e.length; i++) {
    const r = a * x[i] + c - e[i];
    s += r * r;
  }
  return s;
}

/**
 * Fits `e(n) ≈ a·n^(−b) + c` (a ≥ 0, b > 0, c ≥ 0) to measured errors by
 * least squares, by variable projection (Golub & Pereyra 1973): for each b
 * the best a and c solve a constrained linear least-squares problem exactly,
 * so only the one-dimensional profile over b is searched (log grid over
 * [1e-3, 10], then golden section). With fewer than three sizes the three
 * parameters are not identifiable and c is fixed at 0 (a pure power law,
 * as the log–log line of Banko & Brill 2001). When the best fit is flat
 * (errors that do not decrease with n) it is reported as a = 0, b = 0,
 * c = the mean error (also with two sizes).
 *
 * @param sizes - Distinct positive sizes.
 * @param errors - Finite non-negative errors, one per size.
 */
export function fitPowerLaw(sizes: Float64Array, errors: Float64Array): PowerLawFit {
  const m = sizes.length;
  let n0 = Infinity;
  for (let i = 0; i < m; i++) n0 = Math.min(n0, sizes[i]);
  const logRatio = new Float64Array(m);
  for (let i = 0; i < m; i++) logRatio[i] = Math.log(sizes[i] / n0);
  const x = new Float64Array(m);
  const fixC0 = m < 3;
  const at = (b: number): Profile => profile(b, logRatio, errors, x, fixC0);

  const lo = Math.log(B_MIN);
  const step = (Math.log(B_MAX) - lo) / (GRID - 1);
  let bestI = 0;
  let bestSse = Infinity;
  for (let i = 0; i < GRID; i++) {
    const s = at(Math.exp(lo + i * step)).sse;
    if (s < bestSse) {
      bestSse = s;
      bestI = i;
    }
  }
  // Golden-section search on log b between the grid neighbours.
  let left = lo + Math.max(0, bestI - 1) * step;
  let right = lo + Math.min(GRID - 1, bestI + 1) * step;
  const g = (Math.sqrt(5) - 1) / 2;
  let u = right - g * (right - left);
  let v = left + g * (right - left);
  let fu = at(Math.exp(u)).sse;
  let fv = at(Math.exp(v)).sse;
  for (let it = 0; it < GOLDEN_STEPS && right - left > 1e-14; it++) {
    if (fu <= fv) {
      right = v;
      v = u;
      fv = fu;
      u = right - g * (right - left);
      fu = at(Math.exp(u)).sse;
    } else {
      left = u;
      u = v;
      fu = fv;
      v = left + g * (right - left);
      fv = at(Math.exp(v)).sse;
    }
  }
  let b = Math.exp(lo + bestI * step);
  let best = at(b);
  const candidate = fu <= fv ? u : v;
  const refined = at(Math.exp(candidate));
  if (refined.sse <= best.sse) {
    b = Math.exp(candidate);
    best = refined;
  }
  if (!(best.a > 0)) {
    // Flat: the exponent is undetermined; report b = 0 so that a·n^(−b) + c = c everywhere.
    let s = 0;
    for (let i = 0; i < m; i++) s += errors[i];
    const c = s / m;
    let r = 0;
    for (let i = 0; i < m; i++) r += (c - errors[i]) ** 2;
    return { a: 0, b: 0, c, rmse: Math.sqrt(r / m) };
  }
  return { a: best.a * Math.pow(n0, b), b, c: best.c, rmse: Math.sqrt(best.sse / m) };
}

/** The power law's value at `n`: a·n^(−b) + c. */
export function powerLawAt(fit: PowerLawFit, n: number): number {
  return fit.a === 0 ? fit.c : fit.a * Math.pow(n, -fit.b) + fit.c;
}

/**
 * The size at which the fitted law reaches `target`: n = (a / (target − c))^(1/b),
 * rounded up to a whole number of examples; `Infinity` with the reason when
 * c ≥ target.
 */
export function powerLawExamplesNeeded(fit: PowerLawFit, target: number, largestSize: number): ExamplesNeeded {
  const { a, b, c } = fit;
  // A flat fit at or below the target has reached it at every size.
  if (a === 0 && c <= target) return { examples: 0, additional: 0, reason: undefined };
  if (c >= target) {
    return {
      examples: Infinity,
      additional: Infinity,
      reason: `the fitted asymptote c = ${round(c)} is at or above the target ${target}: more data alone will not reach it (reduce the bias first: more capacity, better features or labels)`,
    };
  }
  const n = Math.pow(a / (target - c), 1 / b);
  if (!Number.isFinite(n)) {
    return {
      examples: Infinity,
      additional: Infinity,
      reason: `the fitted curve (b = ${round(b)}) decreases so slowly that it reaches the target ${target} only beyond ${Number.MAX_VALUE} examples`,
    };
  }
  // Rounded up, less a relative 1e-9 so that a size the law reaches exactly (up to rounding) is not bumped by one.
  const examples = Math.ceil(n - 1e-9 * n);
  return { examples, additional: Math.max(0, examples - largestSize), reason: undefined };
}

function round(v: number): number {
  return Number(v.toPrecision(4));
}
