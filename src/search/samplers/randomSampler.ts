import { createRng, DEFAULT_SEED } from '../../core/random';
import { asSearchError } from '../errors';
import { fromUnit } from '../distributions';
import type { Distribution, ParamValue, Sampler } from '../types';

/** Options of {@link randomSampler}. */
export interface RandomSamplerOptions {
  /** Seed of the random stream (any string or finite number). Defaults to `0`. */
  readonly seed?: string | number;
}

/**
 * Random search: every parameter drawn independently and uniformly over its
 * distribution (in `log x` for log ranges; equal chance per value for
 * integers, steps and categories). The reference sampler, and often a strong
 * baseline: with few important hyperparameters, random search covers each of
 * them with as many distinct values as trials (Bergstra and Bengio 2012).
 *
 * Deterministic: the k-th draw of a sampler depends only on its seed and on
 * the order of calls, never on objective values.
 *
 * Reference: J. Bergstra, Y. Bengio (2012), "Random Search for
 * Hyper-Parameter Optimization", JMLR 13; Optuna's `RandomSampler`.
 *
 * @param options - `seed`.
 * @returns A {@link Sampler} with no relative search space.
 * @throws {SearchError} `randomSampler: seed is NaN, expected a string or a finite number`.
 * @example
 * const study = await createStudy({ sampler: randomSampler({ seed: 1 }) });
 * await study.optimize((t) => (t.suggestFloat('x', -1, 1)) ** 2, { trials: 20 });
 * study.bestValue < 0.05;
 * // => true
 */
export function randomSampler(options: RandomSamplerOptions = {}): Sampler {
  const rng = asSearchError(() => createRng(options.seed ?? DEFAULT_SEED, 'randomSampler'));
  return {
    inferRelativeSearchSpace: () => ({}),
    sampleRelative: () => ({}),
    sampleIndependent: (_study, _trial, _name, distribution: Distribution): ParamValue => fromUnit(distribution, rng()),
  };
}
