import type { Dataset } from './Dataset';
import { gaussian, readInt, readNum, seededRng, shuffleInPlace } from './internal';

/** Options of {@link rareEvents}. */
export interface RareEventsOptions {
  /** The total number of examples. Defaults to `1000`. */
  n?: number;
  /** The fraction of positives, in (0, 1); exactly `round(n · prevalence)` examples are positive. Defaults to `0.01`. */
  prevalence?: number;
  /** The distance between the class means, in standard deviations. Defaults to `2`. */
  separation?: number;
  /** The number of features. Defaults to `2`. */
  numFeatures?: number;
  /** The seed of the generator. Defaults to `0`. */
  seed?: number | string;
}

/**
 * A binary problem with a tunable prevalence, for the accuracy paradox and
 * precision–recall curves.
 *
 * Negatives are drawn from N(0, I) and positives from N(μ, I) with
 * μ = (separation / √d)·(1, …, 1), so the means are `separation` apart. The
 * best possible ranking (the likelihood ratio, i.e. the projection on μ) has
 * ROC AUC Φ(separation / √2); the best possible average precision depends on
 * the prevalence, which is the point: with 1% positives, predicting
 * "negative" always is 99% accurate and has an average precision of 0.01.
 *
 * @param options - See {@link RareEventsOptions}.
 * @returns A {@link Dataset} with `shape [n, numFeatures]`, `y` in {0, 1}, `numClasses: 2`.
 * @throws {InvalidOptionError} `rareEvents: prevalence is 1, expected a finite number > 0 and < 1`.
 * @example
 * const d = rareEvents({ n: 1000, prevalence: 0.05, seed: 1 });
 * d.y.reduce((a, b) => a + b, 0);
 * // => 50
 */
export function rareEvents(options: RareEventsOptions = {}): Dataset {
  const fn = 'rareEvents';
  const n = readInt(options.n, 1000, fn, 'n', 1);
  const prevalence = readNum(options.prevalence, 0.01, fn, 'prevalence', { min: 0, max: 1, minExclusive: true, maxExclusive: true });
  const separation = readNum(options.separation, 2, fn, 'separation', { min: 0 });
  const d = readInt(options.numFeatures, 2, fn, 'numFeatures', 1);
  const rng = seededRng(options.seed, fn);
  const positives = Math.round(n * prevalence);
  const y = new Int32Array(n);
  for (let i = 0; i < positives; i++) y[i] = 1;
  shuffleInPlace(y, rng);
  const shift = separation / Math.sqrt(d);
  const x = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) x[i * d + j] = gaussian(rng) + (y[i] === 1 ? shift : 0);
  }
  return { x, shape: [n, d], y, numClasses: 2 };
}
