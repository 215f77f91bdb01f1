import seedrandom from 'seedrandom';
import { fail, show } from './fail';

/** A stream of uniform random numbers in `[0, 1)`, each with 53 random bits. */
export type Rng = () => number;

/**
 * The seed used when none is given: `0`. The library's randomised functions
 * are deterministic by default (same call, same result, as every other
 * function here), the way Optuna's samplers become reproducible with a seed;
 * pass a different `seed` to draw a different, equally reproducible stream.
 * Unlike scikit-learn's `random_state=None`, nothing here ever reads the
 * clock or `Math.random`.
 */
export const DEFAULT_SEED = 0;

/**
 * Creates a seeded pseudo-random number generator.
 *
 * The generator is seedrandom's `xor4096` (Brent's xorgens, period
 * 2^4096 − 1), read through its `double()` so that every draw carries 53
 * random bits: `Math.floor(rng() * n)` is then unbiased to within n·2^-53,
 * even for n in the millions (a 32-bit draw would favour some indices by up
 * to n·2^-32). The same seed always gives the same stream, on every platform
 * and in every version of this library; numbers and strings are different
 * seeds only through their text (`1` and `'1'` give the same stream).
 *
 * Reference: R. P. Brent (2006), "Some long-period random number generators
 * using shifts and xors"; D. Bau, seedrandom.
 *
 * @param seed - Any string or finite number. Defaults to {@link DEFAULT_SEED} (`0`).
 * @returns A function returning the next uniform number in `[0, 1)` on each call.
 * @throws {MetricInputError} `createRng: seed is NaN, expected a string or a finite number`.
 * @example
 * const a = createRng(42), b = createRng(42);
 * a() === b();
 * // => true
 */
export function createRng(seed: string | number = DEFAULT_SEED, fn = 'createRng'): Rng {
  if (!(typeof seed === 'string' || (typeof seed === 'number' && Number.isFinite(seed)))) {
    fail(fn, `seed is ${show(seed)}, expected a string or a finite number`);
  }
  const prng = seedrandom.xor4096(String(seed));
  return () => prng.double();
}

/**
 * A uniform random integer in `[0, n)` drawn from `rng`.
 *
 * Computed as `Math.floor(rng() * n)`: with the 53-bit draws of
 * {@link createRng} every integer has probability 1/n to within n·2^-53.
 *
 * @param rng - A generator from {@link createRng}.
 * @param n - The number of possible values, a positive integer below 2^53.
 * @returns An integer `i` with `0 <= i < n`.
 * @throws {MetricInputError} `randomInt: n is 0, expected a positive integer`.
 * @example
 * randomInt(createRng(1), 6) < 6;
 * // => true
 */
export function randomInt(rng: Rng, n: number): number {
  if (!(Number.isSafeInteger(n) && n > 0)) fail('randomInt', `n is ${show(n)}, expected a positive integer`);
  return Math.floor(rng() * n);
}
