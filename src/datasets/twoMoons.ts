import type { Dataset } from './Dataset';
import { gaussian, permutation, readInt, readNum, seededRng } from './internal';

/** Options of {@link twoMoons}. */
export interface TwoMoonsOptions {
  /** The total number of points; the upper moon gets `floor(n / 2)`. Defaults to `200`. */
  n?: number;
  /** The standard deviation of the Gaussian noise added to each coordinate. Defaults to `0.1`. */
  noise?: number;
  /** The seed of the generator. Defaults to `0`. */
  seed?: number | string;
}

/**
 * Two interleaving half circles, scikit-learn's `make_moons`: class 0 on
 * (cos t, sin t) and class 1 on (1 − cos t, 1/2 − sin t), t evenly spaced in
 * [0, π], plus N(0, noise²) on each coordinate, in a seeded random order. Not
 * linearly separable: a linear model reaches about 88% accuracy, a small MLP
 * close to 100% at the default noise.
 *
 * Reference: scikit-learn, `sklearn.datasets.make_moons`.
 *
 * @param options - See {@link TwoMoonsOptions}.
 * @returns A {@link Dataset} with `shape [n, 2]`, `y` in {0, 1}, `numClasses: 2`.
 * @throws {InvalidOptionError} `twoMoons: n is 0, expected a finite integer >= 1`.
 * @example
 * twoMoons({ n: 100, seed: 3 }).shape;
 * // => [100, 2]
 */
export function twoMoons(options: TwoMoonsOptions = {}): Dataset {
  const fn = 'twoMoons';
  const n = readInt(options.n, 200, fn, 'n', 1);
  const noise = readNum(options.noise, 0.1, fn, 'noise', { min: 0 });
  const rng = seededRng(options.seed, fn);
  const nOut = Math.floor(n / 2);
  const nIn = n - nOut;
  const order = permutation(n, rng);
  const x = new Float32Array(2 * n);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = order[i];
    let a: number, b: number;
    if (i < nOut) {
      const t = nOut > 1 ? (Math.PI * i) / (nOut - 1) : 0;
      a = Math.cos(t);
      b = Math.sin(t);
    } else {
      const j = i - nOut;
      const t = nIn > 1 ? (Math.PI * j) / (nIn - 1) : 0;
      a = 1 - Math.cos(t);
      b = 0.5 - Math.sin(t);
      y[r] = 1;
    }
    x[2 * r] = a + noise * gaussian(rng);
    x[2 * r + 1] = b + noise * gaussian(rng);
  }
  return { x, shape: [n, 2], y, numClasses: 2 };
}
