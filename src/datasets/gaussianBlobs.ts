import { normalCdf } from '../core/normalQuantile';
import type { Dataset } from './Dataset';
import { balancedLabels, gaussian, readInt, readNum, seededRng } from './internal';

/** Options of {@link gaussianBlobs}. */
export interface GaussianBlobsOptions {
  /** The total number of points, split evenly over the classes. Defaults to `400`. */
  n?: number;
  /** The number of classes. Defaults to `2`. */
  numClasses?: number;
  /** The number of features. Defaults to `2`. */
  numFeatures?: number;
  /** The distance between neighbouring class means. Defaults to `2`. */
  separation?: number;
  /** The standard deviation of every feature within a class. Defaults to `1`. */
  std?: number;
  /** The seed of the generator. Defaults to `0`. */
  seed?: number | string;
}

/** What {@link gaussianBlobs} returns: a dataset, its class means and its Bayes error. */
export interface GaussianBlobs extends Dataset {
  readonly numClasses: number;
  /** The class means, row-major `[numClasses, numFeatures]`. */
  readonly centers: Float64Array;
  /**
   * The error rate of the Bayes-optimal classifier under equal priors:
   * Φ(−separation / (2·std)) for two classes; `NaN` for more than two (no
   * closed form).
   */
  readonly bayesError: number;
}

/**
 * Spherical Gaussian classes with a known Bayes error, for checking a
 * diagnosis against the best achievable error.
 *
 * Class k has mean `centers[k]` and covariance std²·I. Two classes sit at
 * ∓separation/2 on the first axis; more classes sit on a circle in the first
 * two features with neighbours `separation` apart. For two classes with equal
 * priors the Bayes classifier is the perpendicular bisector of the means and
 * its error is Φ(−Δ / 2σ), Δ = separation, σ = std — and the log-odds are
 * exactly linear, (μ₁ − μ₀)·x / σ² + (|μ₀|² − |μ₁|²) / 2σ², so logistic
 * regression is the right model.
 *
 * Reference: R. O. Duda, P. E. Hart, D. G. Stork (2001), Pattern
 * Classification, 2nd ed., §2.6 (discriminant functions for the normal
 * density) and §2.8.3 (error bounds).
 *
 * @param options - See {@link GaussianBlobsOptions}.
 * @returns A {@link GaussianBlobs}: `shape [n, numFeatures]`, `centers`, `bayesError`.
 * @throws {InvalidOptionError} `gaussianBlobs: std is 0, expected a finite number > 0`.
 * @example
 * gaussianBlobs({ separation: 2, std: 1 }).bayesError;
 * // => 0.15865525393145707 (Φ(−1))
 */
export function gaussianBlobs(options: GaussianBlobsOptions = {}): GaussianBlobs {
  const fn = 'gaussianBlobs';
  const n = readInt(options.n, 400, fn, 'n', 1);
  const k = readInt(options.numClasses, 2, fn, 'numClasses', 2);
  const d = readInt(options.numFeatures, 2, fn, 'numFeatures', k > 2 ? 2 : 1);
  const separation = readNum(options.separation, 2, fn, 'separation', { min: 0 });
  const std = readNum(options.std, 1, fn, 'std', { min: 0, minExclusive: true });
  const rng = seededRng(options.seed, fn);
  const centers = new Float64Array(k * d);
  if (k === 2) {
    centers[0] = -separation / 2;
    centers[d] = separation / 2;
  } else {
    // A regular k-gon with side `separation` has circumradius s / (2 sin(π/k)).
    const radius = separation / (2 * Math.sin(Math.PI / k));
    for (let c = 0; c < k; c++) {
      centers[c * d] = radius * Math.cos((2 * Math.PI * c) / k);
      centers[c * d + 1] = radius * Math.sin((2 * Math.PI * c) / k);
    }
  }
  const y = balancedLabels(n, k, rng);
  const x = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) x[i * d + j] = centers[y[i] * d + j] + std * gaussian(rng);
  }
  const bayesError = k === 2 ? normalCdf(-separation / (2 * std)) : NaN;
  return { x, shape: [n, d], y, numClasses: k, centers, bayesError };
}
