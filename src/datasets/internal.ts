// Internal helpers of the datasets module (not re-exported).
import { readChoice, readNumberOption } from '../core/assert';
import { asOptionError } from '../core/configErrors';
import { createRng, type Rng } from '../core/random';

export { createRng, type Rng };

/** Reads an integer option `>= min`. */
export function readInt(value: number | undefined, fallback: number, fn: string, arg: string, min: number, max = Infinity): number {
  return asOptionError(() => readNumberOption(value, fallback, fn, arg, { min, max, integer: true }));
}

/** Reads a finite number option in `[min, max]`. */
export function readNum(
  value: number | undefined,
  fallback: number,
  fn: string,
  arg: string,
  range: { min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean } = {},
): number {
  return asOptionError(() => readNumberOption(value, fallback, fn, arg, range));
}

/** Reads one of a fixed set of values (strings or numbers). */
export function readOneOf<T extends string>(value: T | undefined, allowed: readonly T[], fallback: T, fn: string, arg: string): T {
  return asOptionError(() => readChoice(value, allowed, fallback, fn, arg));
}

/** Reads a seed (string or finite number); defaults to 0. */
export function seededRng(seed: string | number | undefined, fn: string): Rng {
  return asOptionError(() => createRng(seed, fn));
}

/**
 * A standard normal draw by the Box–Muller transform; `1 − u` keeps the
 * logarithm's argument in (0, 1].
 */
export function gaussian(rng: Rng): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** An in-place Fisher–Yates shuffle of `a` driven by `rng`. */
export function shuffleInPlace(a: Int32Array, rng: Rng): Int32Array {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
  return a;
}

/** `0, 1, …, n − 1` shuffled. */
export function permutation(n: number, rng: Rng): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  return shuffleInPlace(p, rng);
}

/**
 * Class ids for `n` examples split as evenly as possible over `k` classes
 * (the first `n mod k` classes get one more), in a seeded random order.
 */
export function balancedLabels(n: number, k: number, rng: Rng): Int32Array {
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) y[i] = i % k;
  return shuffleInPlace(y, rng);
}
