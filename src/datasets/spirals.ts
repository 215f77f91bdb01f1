import type { Dataset } from './Dataset';
import { balancedLabels, gaussian, readInt, readNum, seededRng } from './internal';

/** Options of {@link spirals}. */
export interface SpiralsOptions {
  /** The total number of points, split evenly over the arms. Defaults to `300`. */
  n?: number;
  /** The number of arms (classes). Defaults to `2`. */
  numClasses?: number;
  /** The number of turns of each arm. Defaults to `1`. */
  turns?: number;
  /** The standard deviation of the Gaussian noise on each coordinate. Defaults to `0.05`. */
  noise?: number;
  /** The seed of the generator. Defaults to `0`. */
  seed?: number | string;
}

/**
 * Interleaved spiral arms, one per class (the CS231n "spiral" toy problem):
 * a point of class k at radius r ~ U(0.05, 1) sits at angle
 * 2π·(turns·r + k/numClasses), plus N(0, noise²) on each coordinate. Needs
 * a non-linear model; a favourite for showing under-fitting.
 *
 * Reference: A. Karpathy, CS231n "Putting it together: minimal neural network case study".
 *
 * @param options - See {@link SpiralsOptions}.
 * @returns A {@link Dataset} with `shape [n, 2]` and `numClasses` classes.
 * @throws {InvalidOptionError} `spirals: numClasses is 1, expected a finite integer >= 2`.
 * @example
 * spirals({ n: 90, numClasses: 3 }).numClasses;
 * // => 3
 */
export function spirals(options: SpiralsOptions = {}): Dataset {
  const fn = 'spirals';
  const n = readInt(options.n, 300, fn, 'n', 1);
  const k = readInt(options.numClasses, 2, fn, 'numClasses', 2);
  const turns = readNum(options.turns, 1, fn, 'turns', { min: 0 });
  const noise = readNum(options.noise, 0.05, fn, 'noise', { min: 0 });
  const rng = seededRng(options.seed, fn);
  const y = balancedLabels(n, k, rng);
  const x = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const r = 0.05 + 0.95 * rng();
    const angle = 2 * Math.PI * (turns * r + y[i] / k);
    x[2 * i] = r * Math.cos(angle) + noise * gaussian(rng);
    x[2 * i + 1] = r * Math.sin(angle) + noise * gaussian(rng);
  }
  return { x, shape: [n, 2], y, numClasses: k };
}
