import { failOption } from '../core/configErrors';
import { show } from '../core/fail';
import { permutation, readInt, seededRng, shuffleInPlace } from './internal';

/** Options of {@link trainValidationTestSplit}. */
export interface TrainValidationTestSplitOptions {
  /** The seed of the shuffle. Defaults to `0`. */
  seed?: number | string;
  /**
   * Class labels (length `n`): when given, each class is split with the same
   * fractions, so every part keeps the class proportions. Defaults to none.
   */
  stratify?: ArrayLike<number>;
}

/** The three parts of a split, as sorted example indices. */
export interface TrainValidationTestSplit {
  readonly train: Int32Array;
  readonly validation: Int32Array;
  readonly test: Int32Array;
}

/**
 * Splits the indices `0 … n − 1` at random into train, validation and test
 * parts of the given fractions. Counts are rounded by largest remainder so
 * they sum to `n` exactly (with `stratify`, per class). Indices within each
 * part are sorted ascending; select rows with {@link takeExamples}.
 *
 * Reference: scikit-learn `train_test_split` (applied twice), with
 * `StratifiedShuffleSplit`'s per-class allocation.
 *
 * @param n - The number of examples.
 * @param fractions - `[train, validation, test]`, non-negative, summing to 1 (±1e-9).
 * @param options - See {@link TrainValidationTestSplitOptions}.
 * @returns Three disjoint `Int32Array`s of indices covering `0 … n − 1`.
 * @throws {InvalidOptionError} `trainValidationTestSplit: fractions sum to 0.9, expected 1`.
 * @example
 * const s = trainValidationTestSplit(10, [0.6, 0.2, 0.2]);
 * [s.train.length, s.validation.length, s.test.length];
 * // => [6, 2, 2]
 */
export function trainValidationTestSplit(
  n: number,
  fractions: readonly [number, number, number],
  options: TrainValidationTestSplitOptions = {},
): TrainValidationTestSplit {
  const fn = 'trainValidationTestSplit';
  const size = readInt(n, 0, fn, 'n', 1);
  if (!Array.isArray(fractions) || fractions.length !== 3) {
    failOption(fn, `fractions is ${show(fractions)}, expected [train, validation, test]`);
  }
  let total = 0;
  for (let i = 0; i < 3; i++) {
    const f = fractions[i];
    if (!(Number.isFinite(f) && f >= 0)) failOption(fn, `fractions[${i}] is ${show(f)}, expected a finite number >= 0`);
    total += f;
  }
  if (Math.abs(total - 1) > 1e-9) failOption(fn, `fractions sum to ${total}, expected 1`);
  const rng = seededRng(options.seed, fn);
  const parts: number[][] = [[], [], []];
  if (options.stratify === undefined) {
    assign(permutation(size, rng), fractions, parts);
  } else {
    const labels = options.stratify;
    if (labels.length !== size) failOption(fn, `stratify has ${labels.length} entries but n is ${size}`);
    const groups = new Map<number, number[]>();
    for (let i = 0; i < size; i++) {
      const c = labels[i];
      if (!Number.isFinite(c)) failOption(fn, `stratify[${i}] is ${show(c)}, expected a class label`);
      let g = groups.get(c);
      if (!g) groups.set(c, (g = []));
      g.push(i);
    }
    for (const c of [...groups.keys()].sort((a, b) => a - b)) {
      assign(shuffleInPlace(Int32Array.from(groups.get(c)!), rng), fractions, parts);
    }
  }
  const [train, validation, test] = parts.map((p) => Int32Array.from(p).sort());
  return { train, validation, test };
}

/** Deals shuffled indices into the three parts by largest-remainder counts. */
function assign(shuffled: Int32Array, fractions: readonly number[], parts: number[][]): void {
  const m = shuffled.length;
  const exact = fractions.map((f) => f * m);
  const counts = exact.map(Math.floor);
  let left = m - counts[0] - counts[1] - counts[2];
  const order = [0, 1, 2].sort((a, b) => exact[b] - counts[b] - (exact[a] - counts[a]) || a - b);
  for (let i = 0; left > 0; i = (i + 1) % 3, left--) counts[order[i]]++;
  let at = 0;
  for (let p = 0; p < 3; p++) for (let j = 0; j < counts[p]; j++) parts[p].push(shuffled[at++]);
}
