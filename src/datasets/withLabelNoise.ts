import { failOption } from '../core/configErrors';
import { show } from '../core/fail';
import { readInt, readNum, seededRng } from './internal';

/** Options of {@link withLabelNoise}. */
export interface WithLabelNoiseOptions {
  /** The number of classes. Defaults to `max(labels) + 1` (at least 2). */
  numClasses?: number;
}

/**
 * Corrupts class labels: exactly `round(rate · n)` examples, chosen
 * uniformly at random without replacement, get a different class drawn
 * uniformly among the other `numClasses − 1` (symmetric label noise). The
 * input is not modified.
 *
 * Reference: N. Natarajan et al. (2013), "Learning with noisy labels" (the
 * symmetric / class-conditional noise model).
 *
 * @param labels - Class ids, integers in `[0, numClasses)`.
 * @param rate - The fraction of labels to flip, in `[0, 1]`.
 * @param seed - The seed of the generator. Defaults to `0`.
 * @param options - See {@link WithLabelNoiseOptions}.
 * @returns A new `Int32Array` of labels.
 * @throws {InvalidOptionError} `withLabelNoise: labels[3] is 1.5, expected an integer class id >= 0`.
 * @example
 * const noisy = withLabelNoise(new Int32Array(100), 0.1, 1);
 * noisy.filter((c) => c !== 0).length;
 * // => 10
 */
export function withLabelNoise(
  labels: ArrayLike<number>,
  rate: number,
  seed: number | string = 0,
  options: WithLabelNoiseOptions = {},
): Int32Array {
  const fn = 'withLabelNoise';
  const n = labels.length;
  const out = new Int32Array(n);
  let max = 0;
  for (let i = 0; i < n; i++) {
    const v = labels[i];
    if (!(Number.isInteger(v) && v >= 0)) failOption(fn, `labels[${i}] is ${show(v)}, expected an integer class id >= 0`);
    out[i] = v;
    if (v > max) max = v;
  }
  const k = readInt(options.numClasses, Math.max(2, max + 1), fn, 'numClasses', 2);
  if (max >= k) failOption(fn, `labels contains class ${max} but numClasses is ${k}`);
  const r = readNum(rate, 0, fn, 'rate', { min: 0, max: 1 });
  const rng = seededRng(seed, fn);
  const flips = Math.round(r * n);
  // A partial Fisher–Yates shuffle picks the flipped positions without replacement.
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  for (let i = 0; i < flips; i++) {
    const j = i + Math.floor(rng() * (n - i));
    const t = idx[i];
    idx[i] = idx[j];
    idx[j] = t;
    const at = idx[i];
    const other = Math.floor(rng() * (k - 1));
    out[at] = other >= out[at] ? other + 1 : other;
  }
  return out;
}
