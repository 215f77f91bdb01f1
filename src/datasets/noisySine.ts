import type { Dataset } from './Dataset';
import { gaussian, readInt, readNum, seededRng } from './internal';

/** Options of {@link noisySine}. */
export interface NoisySineOptions {
  /** The number of points. Defaults to `100`. */
  n?: number;
  /** The standard deviation of the Gaussian noise on the targets. Defaults to `0.1`. */
  noise?: number;
  /** The seed of the generator. Defaults to `0`. */
  seed?: number | string;
}

/**
 * Bishop's curve-fitting problem: x ~ U(0, 1), y = sin(2πx) + ε with
 * ε ~ N(0, noise²). The irreducible mean squared error is noise², which a
 * regression baseline, a polynomial fit or a double-descent demo can be
 * measured against.
 *
 * Reference: C. M. Bishop (2006), Pattern Recognition and Machine Learning, §1.1.
 *
 * @param options - See {@link NoisySineOptions}.
 * @returns A regression {@link Dataset}: `shape [n, 1]`, `y` a `Float32Array`, no `numClasses`.
 * @throws {InvalidOptionError} `noisySine: noise is -1, expected a finite number >= 0`.
 * @example
 * const d = noisySine({ n: 3, noise: 0 });
 * Math.abs(d.y[0] - Math.sin(2 * Math.PI * d.x[0])) < 1e-6;
 * // => true
 */
export function noisySine(options: NoisySineOptions = {}): Dataset {
  const fn = 'noisySine';
  const n = readInt(options.n, 100, fn, 'n', 1);
  const noise = readNum(options.noise, 0.1, fn, 'noise', { min: 0 });
  const rng = seededRng(options.seed, fn);
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = rng();
    y[i] = Math.sin(2 * Math.PI * x[i]) + noise * gaussian(rng);
  }
  return { x, shape: [n, 1], y };
}
