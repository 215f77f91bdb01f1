import { createRng, DEFAULT_SEED } from '../../core/random';
import type { Rng } from '../../core/random';
import { fromUnit } from '../distributions';
import { asSearchError } from '../errors';
import type { Distribution, FrozenTrial, ParamValue, Sampler, StudyView } from '../types';

/** Options of {@link qmcSampler}. */
export interface QmcSamplerOptions {
  /** Seed of the scrambling permutations. Defaults to `0`. */
  readonly seed?: string | number;
}

/**
 * Quasi-random search: a scrambled Halton sequence, which covers the search
 * space more evenly than independent random draws (lower discrepancy), so
 * that, e.g., the first 8 trials put exactly one value of the first
 * parameter in each eighth of its range.
 *
 * Trial n gets point n of the sequence. Parameter j (in the order the
 * parameters first appear in the study's trials) is coordinate j, the
 * radical inverse of n in the j-th prime base b:
 * `x_j(n) = Σ_k π_{j,k}(d_k(n)) · b^−(k+1)`, where `d_k(n)` is the k-th base-b
 * digit of n and each `π_{j,k}` is a seeded random permutation of the digits
 * `0..b−1` (random-permutation scrambling, as `scipy.stats.qmc.Halton(scramble=True)`),
 * which breaks the correlations of plain Halton between large bases. The
 * coordinate is mapped onto the parameter's distribution like a uniform
 * draw (log scale, steps, integers, categories). Deterministic given the
 * seed; independent of objective values.
 *
 * Reference: J. H. Halton (1960), "On the efficiency of certain quasi-random
 * sequences of points in evaluating multi-dimensional integrals";
 * E. Braaten, G. Weller (1979); A. B. Owen (2017), "A randomized Halton
 * algorithm in R"; J. Bergstra, Y. Bengio (2012) on quasi-random search.
 *
 * @param options - `seed`.
 * @returns A {@link Sampler}.
 * @throws {SearchError} `qmcSampler: seed is NaN, expected a string or a finite number`.
 * @example
 * const study = await createStudy({ sampler: qmcSampler({ seed: 1 }) });
 * await study.optimize((t) => t.suggestFloat('x', 0, 1), { trials: 8 });
 * study.trials.map((t) => Math.floor(8 * (t.params.x as number))).sort();
 * // => [0, 1, 2, 3, 4, 5, 6, 7]
 */
export function qmcSampler(options: QmcSamplerOptions = {}): Sampler {
  const seed = options.seed ?? DEFAULT_SEED;
  asSearchError(() => createRng(seed, 'qmcSampler'));
  const dims = new Map<string, number>();
  const scramblers: Scrambled[] = [];

  const dimensionOf = (study: StudyView, name: string): number => {
    let d = dims.get(name);
    if (d !== undefined) return d;
    // Parameters take dimensions in order of first appearance in the study, so every process agrees.
    for (const t of study.getTrials()) for (const k of Object.keys(t.params)) if (!dims.has(k)) dims.set(k, dims.size);
    d = dims.get(name);
    if (d === undefined) dims.set(name, (d = dims.size));
    return d;
  };

  return {
    inferRelativeSearchSpace: () => ({}),
    sampleRelative: () => ({}),
    sampleIndependent(study: StudyView, trial: FrozenTrial, name: string, distribution: Distribution): ParamValue {
      const d = dimensionOf(study, name);
      while (scramblers.length <= d) scramblers.push(new Scrambled(nthPrime(scramblers.length), createRng(`${String(seed)}/halton/${scramblers.length}`)));
      return fromUnit(distribution, scramblers[d]!.at(trial.number));
    },
  };
}

/** One coordinate of the scrambled Halton sequence: a radical inverse in base b with per-digit permutations. Internal. */
export class Scrambled {
  private readonly perms: Uint32Array[] = [];
  private readonly digits: number;

  constructor(private readonly base: number, rng: Rng) {
    // Enough digits that b^-digits < 2^-53: every bit of a double is random.
    this.digits = Math.ceil(53 / Math.log2(base));
    for (let k = 0; k < this.digits; k++) {
      const p = Uint32Array.from({ length: base }, (_, i) => i);
      for (let i = base - 1; i > 0; i--) {
        const j = Math.floor(rng() * (i + 1));
        const t = p[i]!;
        p[i] = p[j]!;
        p[j] = t;
      }
      this.perms.push(p);
    }
  }

  /** The n-th point's coordinate, in [0, 1). */
  at(n: number): number {
    let x = 0;
    let scale = 1 / this.base;
    let rest = n;
    for (let k = 0; k < this.digits; k++) {
      x += this.perms[k]![rest % this.base]! * scale;
      rest = Math.floor(rest / this.base);
      scale /= this.base;
    }
    return Math.min(x, 1 - 2 ** -53);
  }
}

const primes: number[] = [2];
/** The n-th prime (0-based). */
function nthPrime(n: number): number {
  for (let c = primes[primes.length - 1]! + 1; primes.length <= n; c++) {
    if (primes.every((p) => p * p > c || c % p !== 0)) primes.push(c);
  }
  return primes[n]!;
}
