// Internal: a Gaussian-process regressor with a Matérn-5/2 ARD kernel, fitted by maximum a posteriori marginal likelihood.
import { minimizeLbfgs } from './lbfgs';

const SQRT5 = Math.sqrt(5);
const LOG_2PI = Math.log(2 * Math.PI);
/** The smallest noise variance (on standardised values): a jitter that keeps K positive definite. */
const MIN_NOISE = 1e-6;

/** Hyperparameters on the optimiser's scale: log lengthscales (one per input dimension), log signal variance, log excess noise. */
export type GpHyperparameters = Float64Array;

/**
 * The posterior of a GP fitted to points `x` (row-major, n × D, numeric
 * dimensions scaled to [0, 1], categorical dimensions holding a category's
 * index) and standardised values `y`.
 *
 * Kernel: k(x, x') = σ² (1 + √5 r + 5r²/3) exp(−√5 r) (Matérn ν = 5/2), with
 * r² = Σ_numeric ((x_i − x'_i)/ℓ_i)² + Σ_categorical [x_j ≠ x'_j]/ℓ_j² (a
 * Hamming distance for categories), plus noise on the diagonal.
 *
 * Reference: C. E. Rasmussen, C. K. I. Williams (2006), "Gaussian Processes
 * for Machine Learning", MIT Press (Algorithm 2.1 and §5.4.1 for the
 * likelihood gradient).
 */
export class GaussianProcess {
  readonly n: number;
  readonly dim: number;
  readonly lengthscales: Float64Array;
  readonly signalVariance: number;
  readonly noiseVariance: number;
  /** The lower Cholesky factor of K (row-major n × n). */
  private readonly L: Float64Array;
  /** K⁻¹ y. */
  private readonly alpha: Float64Array;
  private readonly invL2: Float64Array;
  private readonly k: Float64Array;
  private readonly dk: Float64Array;
  private readonly v: Float64Array;

  constructor(readonly x: Float64Array, readonly y: Float64Array, readonly isCategorical: Uint8Array, readonly theta: GpHyperparameters) {
    this.n = y.length;
    this.dim = isCategorical.length;
    const D = this.dim;
    this.lengthscales = theta.slice(0, D).map(Math.exp);
    this.invL2 = this.lengthscales.map((l) => 1 / (l * l));
    this.signalVariance = Math.exp(theta[D]!);
    this.noiseVariance = MIN_NOISE + Math.exp(theta[D + 1]!);
    const K = gramMatrix(x, this.n, D, isCategorical, this.invL2, this.signalVariance, this.noiseVariance);
    const L = cholesky(K, this.n);
    if (!L) throw new Error('GaussianProcess: the kernel matrix is not positive definite');
    this.L = L;
    this.alpha = Float64Array.from(y);
    solveLower(L, this.n, this.alpha);
    solveUpperT(L, this.n, this.alpha);
    this.k = new Float64Array(this.n);
    this.dk = new Float64Array(this.n * D);
    this.v = new Float64Array(this.n);
  }

  /**
   * Posterior mean and standard deviation of f at `point` (length D); with
   * `gradMean`/`gradStd`, also their gradients along the numeric dimensions
   * (categorical components are left 0).
   */
  predict(point: Float64Array, gradMean?: Float64Array, gradStd?: Float64Array): { mean: number; std: number } {
    const { n, dim: D, x, isCategorical, invL2, signalVariance: s2, k, dk, v } = this;
    const withGrad = gradMean !== undefined && gradStd !== undefined;
    for (let a = 0; a < n; a++) {
      let r2 = 0;
      for (let i = 0; i < D; i++) {
        const diff = point[i]! - x[a * D + i]!;
        r2 += isCategorical[i] ? (diff !== 0 ? invL2[i]! : 0) : diff * diff * invL2[i]!;
      }
      const r = Math.sqrt(r2);
      const e = Math.exp(-SQRT5 * r);
      k[a] = s2 * (1 + SQRT5 * r + (5 / 3) * r2) * e;
      if (withGrad) {
        // ∂k/∂x_i = −σ² (5/3)(1 + √5 r) e^{−√5 r} (x_i − x_ai)/ℓ_i²: smooth at r = 0, where it is 0.
        const c = -s2 * (5 / 3) * (1 + SQRT5 * r) * e;
        for (let i = 0; i < D; i++) dk[a * D + i] = isCategorical[i] ? 0 : c * (point[i]! - x[a * D + i]!) * invL2[i]!;
      }
    }
    let mean = 0;
    for (let a = 0; a < n; a++) mean += k[a]! * this.alpha[a]!;
    v.set(k);
    solveLower(this.L, n, v);
    let vv = 0;
    for (let a = 0; a < n; a++) vv += v[a]! * v[a]!;
    const variance = Math.max(s2 - vv, 1e-12 * s2);
    const std = Math.sqrt(variance);
    if (withGrad) {
      solveUpperT(this.L, n, v); // v = K⁻¹ k
      gradMean.fill(0);
      gradStd.fill(0);
      for (let a = 0; a < n; a++) {
        const al = this.alpha[a]!, w = v[a]!;
        for (let i = 0; i < D; i++) {
          gradMean[i]! += al * dk[a * D + i]!;
          gradStd[i]! -= w * dk[a * D + i]!; // ∇σ² = −2 (K⁻¹k)ᵀ∇k, ∇σ = ∇σ²/(2σ)
        }
      }
      for (let i = 0; i < D; i++) gradStd[i]! /= std;
    }
    return { mean, std };
  }
}

/** K = σ² m(r) + noise·I for the points x (n × D). */
function gramMatrix(x: Float64Array, n: number, D: number, isCat: Uint8Array, invL2: Float64Array, s2: number, noise: number): Float64Array {
  const K = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    K[a * n + a] = s2 + noise;
    for (let b = 0; b < a; b++) {
      let r2 = 0;
      for (let i = 0; i < D; i++) {
        const diff = x[a * D + i]! - x[b * D + i]!;
        r2 += isCat[i] ? (diff !== 0 ? invL2[i]! : 0) : diff * diff * invL2[i]!;
      }
      const r = Math.sqrt(r2);
      K[a * n + b] = K[b * n + a] = s2 * (1 + SQRT5 * r + (5 / 3) * r2) * Math.exp(-SQRT5 * r);
    }
  }
  return K;
}

/** The lower Cholesky factor of a symmetric n × n matrix, or `undefined` if it is not positive definite. */
export function cholesky(A: Float64Array, n: number): Float64Array | undefined {
  const L = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let d = A[j * n + j]!;
    for (let k = 0; k < j; k++) d -= L[j * n + k]! * L[j * n + k]!;
    if (!(d > 0)) return undefined;
    const ljj = Math.sqrt(d);
    L[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = A[i * n + j]!;
      for (let k = 0; k < j; k++) s -= L[i * n + k]! * L[j * n + k]!;
      L[i * n + j] = s / ljj;
    }
  }
  return L;
}

/** Solves L z = b in place (L lower triangular). */
function solveLower(L: Float64Array, n: number, b: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= L[i * n + k]! * b[k]!;
    b[i] = s / L[i * n + i]!;
  }
}

/** Solves Lᵀ z = b in place. */
function solveUpperT(L: Float64Array, n: number, b: Float64Array): void {
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let k = i + 1; k < n; k++) s -= L[k * n + i]! * b[k]!;
    b[i] = s / L[i * n + i]!;
  }
}

/** Bounds of the hyperparameters on the optimiser's scale. */
function bounds(D: number): { lower: Float64Array; upper: Float64Array } {
  const lower = new Float64Array(D + 2), upper = new Float64Array(D + 2);
  lower.fill(Math.log(0.01), 0, D);
  upper.fill(Math.log(100), 0, D);
  lower[D] = Math.log(0.01);
  upper[D] = Math.log(100);
  lower[D + 1] = Math.log(1e-9);
  upper[D + 1] = Math.log(1);
  return { lower, upper };
}

/**
 * The negative log posterior of the hyperparameters and its gradient:
 * −log p(y | θ) − log p(θ), with −log p(y | θ) = ½ yᵀK⁻¹y + Σ log L_ii + (n/2) log 2π
 * and ∂/∂θ = −½ tr((ααᵀ − K⁻¹) ∂K/∂θ). Priors: log ℓ ~ N(√2 + ½ log D, 3)
 * (the dimension-scaled prior of Hvarfner et al. 2024), log σ² ~ N(0, 2²),
 * log noise ~ N(log 10⁻⁴, 3²).
 */
function negLogPosterior(x: Float64Array, y: Float64Array, n: number, D: number, isCat: Uint8Array, sq: Float64Array, theta: Float64Array, grad: Float64Array): number {
  const invL2 = new Float64Array(D);
  for (let i = 0; i < D; i++) invL2[i] = Math.exp(-2 * theta[i]!);
  const s2 = Math.exp(theta[D]!);
  const en = Math.exp(theta[D + 1]!);
  const noise = MIN_NOISE + en;
  // sq holds, per pair a > b and dimension i, the unscaled squared distance.
  const K = new Float64Array(n * n);
  const M = new Float64Array(n * n); // (5/3)(1 + √5 r) e^{−√5 r}, the factor of ∂k/∂log ℓ_i
  for (let a = 0; a < n; a++) {
    K[a * n + a] = s2 + noise;
    for (let b = 0; b < a; b++) {
      const base = ((a * (a - 1)) / 2 + b) * D;
      let r2 = 0;
      for (let i = 0; i < D; i++) r2 += sq[base + i]! * invL2[i]!;
      const r = Math.sqrt(r2);
      const e = Math.exp(-SQRT5 * r);
      K[a * n + b] = K[b * n + a] = s2 * (1 + SQRT5 * r + (5 / 3) * r2) * e;
      M[a * n + b] = (5 / 3) * (1 + SQRT5 * r) * e;
    }
  }
  const L = cholesky(K, n);
  if (!L) return Infinity;
  const alpha = Float64Array.from(y);
  solveLower(L, n, alpha);
  let nll = 0;
  for (let a = 0; a < n; a++) nll += 0.5 * alpha[a]! * alpha[a]! + Math.log(L[a * n + a]!);
  nll += 0.5 * n * LOG_2PI;
  solveUpperT(L, n, alpha);
  // K⁻¹ = L⁻ᵀ L⁻¹ from the inverse of L.
  const Li = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    Li[j * n + j] = 1 / L[j * n + j]!;
    for (let i = j + 1; i < n; i++) {
      let s = 0;
      for (let k = j; k < i; k++) s -= L[i * n + k]! * Li[k * n + j]!;
      Li[i * n + j] = s / L[i * n + i]!;
    }
  }
  grad.fill(0);
  let gS2 = 0, gNoise = 0;
  for (let a = 0; a < n; a++) {
    for (let b = 0; b <= a; b++) {
      let kinv = 0;
      for (let k = a; k < n; k++) kinv += Li[k * n + a]! * Li[k * n + b]!;
      const W = alpha[a]! * alpha[b]! - kinv; // (ααᵀ − K⁻¹)_ab
      if (a === b) {
        gS2 += -0.5 * W * s2;
        gNoise += -0.5 * W * en;
        continue;
      }
      // Off-diagonal pairs count twice.
      gS2 += -W * K[a * n + b]!;
      const c = -W * s2 * M[a * n + b]!;
      const base = ((a * (a - 1)) / 2 + b) * D;
      for (let i = 0; i < D; i++) grad[i]! += c * sq[base + i]! * invL2[i]!;
    }
  }
  grad[D] = gS2;
  grad[D + 1] = gNoise;
  // Priors.
  const mu = Math.SQRT2 + 0.5 * Math.log(D);
  let prior = 0;
  for (let i = 0; i < D; i++) {
    const z = (theta[i]! - mu) / 3;
    prior += 0.5 * z * z;
    grad[i]! += z / 3;
  }
  prior += 0.5 * (theta[D]! / 2) ** 2;
  grad[D]! += theta[D]! / 4;
  const logNoise = Math.log(noise);
  const zn = (logNoise - Math.log(1e-4)) / 3;
  prior += 0.5 * zn * zn;
  grad[D + 1]! += (zn / 3) * (en / noise);
  return nll + prior;
}

/**
 * Fits the hyperparameters by minimising the negative log posterior with
 * bounded L-BFGS, from the best of a few starting points (the previous fit,
 * when given, and fixed defaults), and returns the fitted process.
 */
export function fitGaussianProcess(x: Float64Array, y: Float64Array, isCategorical: Uint8Array, previous: GpHyperparameters | undefined, maxIterations: number): GaussianProcess {
  const D = isCategorical.length;
  const { lower, upper } = bounds(D);
  const f = hyperparameterObjective(x, y, isCategorical);
  const starts: Float64Array[] = [];
  if (previous && previous.length === D + 2) starts.push(Float64Array.from(previous));
  for (const l of [0.2, 0.6]) {
    const t = new Float64Array(D + 2).fill(Math.log(l * Math.sqrt(D)));
    t[D] = 0;
    t[D + 1] = Math.log(1e-4);
    starts.push(t);
  }
  let best = starts[0]!, bestValue = Infinity;
  const scratch = new Float64Array(D + 2);
  for (const s of starts) {
    const v = f(s, scratch);
    if (v < bestValue) [best, bestValue] = [s, v];
  }
  const result = minimizeLbfgs(f, best, { maxIterations, lower, upper, gradientTolerance: 1e-4 });
  const theta = Number.isFinite(result.value) ? result.x : best;
  try {
    return new GaussianProcess(x, y, isCategorical, theta);
  } catch {
    const safe = Float64Array.from(theta);
    safe[D + 1] = Math.log(1e-2);
    return new GaussianProcess(x, y, isCategorical, safe);
  }
}

/**
 * The function L-BFGS minimises to fit the hyperparameters: θ ↦ the negative
 * log posterior (see `negLogPosterior`), with its gradient written into `grad`.
 */
export function hyperparameterObjective(x: Float64Array, y: Float64Array, isCategorical: Uint8Array): (theta: Float64Array, grad: Float64Array) => number {
  const n = y.length, D = isCategorical.length;
  const sq = new Float64Array(((n * (n - 1)) / 2) * D);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < a; b++) {
      const base = ((a * (a - 1)) / 2 + b) * D;
      for (let i = 0; i < D; i++) {
        const diff = x[a * D + i]! - x[b * D + i]!;
        sq[base + i] = isCategorical[i] ? (diff !== 0 ? 1 : 0) : diff * diff;
      }
    }
  }
  return (theta, grad) => negLogPosterior(x, y, n, D, isCategorical, sq, theta, grad);
}
