// Internal helpers of the datasets module (not re-exported).
import { asOptionError, readChoiceOption, readIntOption, readNumOption } from '../core/configErrors';
import { createRng, type Rng } from '../core/random';

export { createRng, type Rng };
// The option readers live in core; the datasets use them under short names.
export { readIntOption as readInt, readNumOption as readNum, readChoiceOption as readOneOf };

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
