// Internal: the Parzen estimators l(x) and g(x) of the tree-structured Parzen estimator.
import type { Rng } from '../../../core/random';
import { fromUnit } from '../../distributions';
import type { Distribution, ParamValue } from '../../types';
import { sampleTruncatedNormal, truncatedNormalLogCellMass, truncatedNormalLogPdf } from './truncatedNormal';

/** How the kernels of a Parzen estimator are placed and sized (see `TpeSamplerOptions`). */
export interface ParzenSettings {
  readonly considerPrior: boolean;
  readonly priorWeight: number;
  readonly considerMagicClip: boolean;
  readonly considerEndpoints: boolean;
  readonly multivariate: boolean;
  /**
   * The bandwidth rule of multivariate kernels: `'neighbour'` (each kernel's
   * distance to its sorted neighbours in that dimension, the univariate rule)
   * or `'scott'` (one width 0.2·n^(−1/(d+4))·range, Optuna 3.1's).
   */
  readonly bandwidth: 'neighbour' | 'scott';
  /** Multiplier of the multivariate (Scott's-rule) bandwidth 0.2·n^(−1/(d+4)). */
  readonly bandwidthFactor: number;
  /**
   * Divide each continuous kernel's density by its σ (a true density). Optuna
   * 3.1's truncated-normal `logpdf` omits the −log σ term, which favours wide
   * kernels; `false` reproduces it.
   */
  readonly normalizeKernels: boolean;
}

interface NumericKernels {
  readonly kind: 'numeric';
  readonly dist: Exclude<Distribution, { type: 'categorical' }>;
  /** Bounds in the estimator's space: log for `log`, widened by half a step for grids. */
  readonly low: number;
  readonly high: number;
  /** The grid step in the estimator's space, when the values are discrete and linear. */
  readonly q: number | undefined;
  readonly mus: Float64Array;
  readonly sigmas: Float64Array;
  /** Per kernel, the constant of its continuous log density: −log σ − log √(2π) − log(mass in bounds). */
  readonly logNorm: Float64Array;
}

interface CategoricalKernels {
  readonly kind: 'categorical';
  readonly dist: Extract<Distribution, { type: 'categorical' }>;
  /** Row k is kernel k's probability of each choice (row-major, K × C). */
  readonly probs: Float64Array;
  readonly nChoices: number;
}

type Kernels = NumericKernels | CategoricalKernels;

/**
 * The TPE weight of each observation, oldest first (Optuna's
 * `default_weights`): 1 for the 25 newest, a linear ramp from 1/n up to 1
 * for the older ones, so that old trials count less once there are many.
 */
export function defaultWeights(n: number): Float64Array {
  const w = new Float64Array(n).fill(1);
  if (n >= 25) {
    const m = n - 25;
    for (let i = 0; i < m; i++) w[i] = m === 1 ? 1 / n : 1 / n + ((1 - 1 / n) * i) / (m - 1);
  }
  return w;
}

/** The number of "good" trials among n (Optuna's `default_gamma`): ⌈0.1·n⌉, at most 25. */
export function defaultGamma(n: number): number {
  return Math.min(Math.ceil(0.1 * n), 25);
}

/** The estimator's space for a numeric distribution: bounds and grid step (Optuna 3.1's `_calculate_parzen_bounds`). */
function parzenBounds(d: Exclude<Distribution, { type: 'categorical' }>): { low: number; high: number; q: number | undefined } {
  if (d.log) {
    return d.type === 'int'
      ? { low: Math.log(d.low - 0.5), high: Math.log(d.high + 0.5), q: undefined }
      : { low: Math.log(d.low), high: Math.log(d.high), q: undefined };
  }
  if (d.step !== undefined) return { low: d.low - 0.5 * d.step, high: d.high + 0.5 * d.step, q: d.step };
  return { low: d.low, high: d.high, q: undefined };
}

/**
 * A mixture of product kernels, one per observation plus an optional prior
 * kernel: truncated normals for numeric parameters (in log space for `log`),
 * smoothed one-hot distributions for categorical ones.
 *
 * Bandwidths: by default each kernel's σ is, per dimension, the larger
 * distance to its sorted neighbours (the bounds count as neighbours; the
 * outermost kernels use their inner neighbour only unless
 * `considerEndpoints`), as Bergstra et al.'s TPE and Optuna 3.1's univariate
 * TPE; with the multivariate `'scott'` rule, one σ = f·0.2·n^(−1/(d+4))·range
 * for all (Falkner et al. 2018, Optuna 3.1's multivariate TPE). Every σ is clipped to
 * [range / min(100, 1 + K), range] ("magic clip"); the prior kernel is
 * N(centre, range²) with weight `priorWeight`.
 */
export class ParzenEstimator {
  private readonly kernels: Kernels[];
  /** Normalised mixture weights, the prior last. */
  readonly weights: Float64Array;
  private readonly logWeights: Float64Array;

  /**
   * @param observations - Per parameter (same order as `space`), the observed
   *   values in internal form (numbers; category indices), oldest first.
   * @param space - The parameters' distributions.
   * @param obsWeights - The observations' weights before normalisation.
   */
  constructor(observations: readonly Float64Array[], space: readonly Distribution[], obsWeights: Float64Array, settings: ParzenSettings) {
    const n = obsWeights.length;
    const considerPrior = settings.considerPrior || n === 0;
    const K = n + (considerPrior ? 1 : 0);
    const w = new Float64Array(K);
    w.set(obsWeights);
    if (considerPrior) w[n] = settings.priorWeight;
    let total = 0;
    for (let k = 0; k < K; k++) total += w[k]!;
    for (let k = 0; k < K; k++) w[k]! /= total;
    this.weights = w;
    this.logWeights = w.map(Math.log);
    const sigma0 = settings.bandwidthFactor * 0.2 * Math.max(n, 1) ** (-1 / (space.length + 4));
    this.kernels = space.map((dist, j) => {
      const obs = observations[j]!;
      if (dist.type === 'categorical') {
        const C = dist.choices.length;
        const probs = new Float64Array(K * C).fill(considerPrior ? settings.priorWeight / (n + 1) : settings.priorWeight / n);
        for (let k = 0; k < n; k++) probs[k * C + obs[k]!]! += 1;
        for (let k = 0; k < K; k++) {
          let s = 0;
          for (let c = 0; c < C; c++) s += probs[k * C + c]!;
          for (let c = 0; c < C; c++) probs[k * C + c]! /= s;
        }
        return { kind: 'categorical', dist, probs, nChoices: C } satisfies CategoricalKernels;
      }
      const { low, high, q } = parzenBounds(dist);
      const range = high - low;
      const mus = new Float64Array(K);
      for (let k = 0; k < n; k++) mus[k] = dist.log ? Math.log(obs[k]!) : obs[k]!;
      if (considerPrior) mus[n] = 0.5 * (low + high);
      const sigmas = new Float64Array(K);
      if (settings.multivariate && settings.bandwidth === 'scott') {
        sigmas.fill(sigma0 * range);
      } else {
        const order = argsort(mus);
        const e = new Float64Array(K + 2);
        e[0] = low;
        for (let i = 0; i < K; i++) e[i + 1] = mus[order[i]!]!;
        e[K + 1] = high;
        const sorted = new Float64Array(K);
        for (let i = 0; i < K; i++) sorted[i] = Math.max(e[i + 1]! - e[i]!, e[i + 2]! - e[i + 1]!);
        if (!settings.considerEndpoints && K + 2 >= 4) {
          sorted[0] = e[2]! - e[1]!;
          sorted[K - 1] = e[K]! - e[K - 1]!;
        }
        for (let i = 0; i < K; i++) sigmas[order[i]!] = sorted[i]!;
      }
      const minSigma = settings.considerMagicClip ? range / Math.min(100, 1 + K) : 1e-12;
      for (let k = 0; k < K; k++) sigmas[k] = Math.min(range, Math.max(minSigma, sigmas[k]!));
      if (considerPrior) sigmas[n] = range;
      const logNorm = new Float64Array(K);
      for (let k = 0; k < K; k++) {
        logNorm[k] = truncatedNormalLogPdf(mus[k]!, mus[k]!, sigmas[k]!, low, high) + (settings.normalizeKernels ? 0 : Math.log(sigmas[k]!));
      }
      return { kind: 'numeric', dist, low, high, q, mus, sigmas, logNorm } satisfies NumericKernels;
    });
  }

  /**
   * Draws `size` points: a kernel by its weight, then each parameter from
   * that kernel. Returns per parameter the values in external form (grid and
   * integer values rounded, log values exponentiated).
   */
  sample(rng: Rng, size: number): Float64Array[] {
    const cdf = new Float64Array(this.weights.length);
    let acc = 0;
    for (let k = 0; k < cdf.length; k++) cdf[k] = acc += this.weights[k]!;
    const active = new Int32Array(size);
    for (let i = 0; i < size; i++) {
      const u = rng() * acc;
      let k = 0;
      while (k < cdf.length - 1 && cdf[k]! <= u) k++;
      active[i] = k;
    }
    return this.kernels.map((ker) => {
      const out = new Float64Array(size);
      if (ker.kind === 'categorical') {
        const C = ker.nChoices;
        for (let i = 0; i < size; i++) {
          const row = active[i]! * C;
          const u = rng();
          let c = 0, s = ker.probs[row]!;
          while (c < C - 1 && s <= u) s += ker.probs[row + ++c]!;
          out[i] = c;
        }
        return out;
      }
      for (let i = 0; i < size; i++) {
        const k = active[i]!;
        out[i] = toExternal(ker, sampleTruncatedNormal(rng(), ker.mus[k]!, ker.sigmas[k]!, ker.low, ker.high));
      }
      return out;
    });
  }

  /** log of the mixture density (mass, for grids and categories) at each point. */
  logPdf(points: readonly Float64Array[]): Float64Array {
    const m = points[0]?.length ?? 0;
    const K = this.weights.length;
    const out = new Float64Array(m);
    const comp = new Float64Array(K);
    for (let i = 0; i < m; i++) {
      comp.set(this.logWeights);
      for (let j = 0; j < this.kernels.length; j++) {
        const ker = this.kernels[j]!;
        const v = points[j]![i]!;
        if (ker.kind === 'categorical') {
          for (let k = 0; k < K; k++) comp[k]! += Math.log(ker.probs[k * ker.nChoices + v]!);
        } else {
          const x = ker.dist.log ? Math.log(v) : v;
          if (ker.q === undefined) {
            for (let k = 0; k < K; k++) {
              const z = (x - ker.mus[k]!) / ker.sigmas[k]!;
              comp[k]! += ker.logNorm[k]! - 0.5 * z * z;
            }
          } else {
            for (let k = 0; k < K; k++) comp[k]! += truncatedNormalLogCellMass(x, ker.q, ker.mus[k]!, ker.sigmas[k]!, ker.low, ker.high);
          }
        }
      }
      let max = -Infinity;
      for (let k = 0; k < K; k++) if (comp[k]! > max) max = comp[k]!;
      if (max === -Infinity) {
        out[i] = -Infinity;
        continue;
      }
      let s = 0;
      for (let k = 0; k < K; k++) s += Math.exp(comp[k]! - max);
      out[i] = max + Math.log(s);
    }
    return out;
  }
}

/** A sample in the estimator's space → the nearest value of the distribution (as a number). */
function toExternal(ker: NumericKernels, x: number): number {
  const d = ker.dist;
  if (d.log) {
    const v = Math.exp(x);
    return d.type === 'int' ? Math.min(d.high, Math.max(d.low, Math.round(v))) : Math.min(d.high, Math.max(d.low, v));
  }
  if (d.step === undefined) return Math.min(d.high, Math.max(d.low, x));
  const n = Math.round((d.high - d.low) / d.step) + 1;
  const k = Math.min(n - 1, Math.max(0, Math.round((x - d.low) / d.step)));
  // fromUnit at the cell's centre gives the grid value with the distribution's own rounding.
  return fromUnit(d, (k + 0.5) / n) as number;
}

/** An external numeric sample or category index → the parameter value. */
export function toParamValue(d: Distribution, x: number): ParamValue {
  return d.type === 'categorical' ? d.choices[x]! : x;
}

/** Indices that sort `v` ascending, ties by index (a stable insertion sort: K is at most a few hundred kernels). */
function argsort(v: Float64Array): Uint32Array {
  const order = new Uint32Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const x = v[i]!;
    let j = i;
    while (j > 0 && v[order[j - 1]!]! > x) {
      order[j] = order[j - 1]!;
      j--;
    }
    order[j] = i;
  }
  return order;
}
