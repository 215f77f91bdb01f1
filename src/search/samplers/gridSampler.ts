import { show } from '../../core/fail';
import { createRng } from '../../core/random';
import { categoricalDistribution, describeDistribution } from '../distributions';
import { asSearchError, failSearch } from '../errors';
import type { Distribution, FrozenTrial, ParamValue, Sampler, StudyView } from '../types';

/** Options of {@link gridSampler}. */
export interface GridSamplerOptions {
  /** Visit the grid points in a random order drawn from this seed (useful when the study may stop early). Defaults to the grid's own order (the last parameter varies fastest). */
  readonly seed?: string | number;
}

/** The grid sampler: a {@link Sampler} that can say how much of its grid is left. */
export interface GridSampler extends Sampler {
  /** The number of grid points: the product of the number of values of each parameter. */
  readonly size: number;
  /** True once every grid point has a trial (of any state) in the study; `optimize` then stops. */
  isExhausted(study: StudyView): boolean;
}

/**
 * Grid search: every combination of the given values, each exactly once.
 * Each trial gets the first grid point (in grid or seeded order) that no
 * trial of the study has yet — the points are read back from the trials'
 * parameters, so a resumed or shared study goes on where it stopped — and
 * `optimize` stops when the grid is exhausted (`isExhausted`), even without
 * `trials`. A point whose trial failed is not retried (in another process, one
 * whose trial failed before asking its parameters is). Only when trials
 * start concurrently after the last point is taken does a point run twice
 * (then a random visited point is repeated, as Optuna does).
 *
 * The objective still asks with `suggestFloat`/`suggestInt`/
 * `suggestCategorical`; each grid value must lie in the range asked for,
 * and a name missing from the grid is an error.
 *
 * Reference: Optuna's `GridSampler`.
 *
 * @param space - Parameter name → the values to try (non-empty, distinct).
 * @param options - `seed`.
 * @returns A {@link GridSampler}.
 * @throws {SearchError} `gridSampler: space.lr is empty`; later, from `suggest*`,
 *   `gridSampler: "units" is not in the grid` or `gridSampler: the grid value 512 of "units" is outside int in [8, 256]`.
 * @example
 * const study = await createStudy({ sampler: gridSampler({ lr: [1e-3, 1e-2], units: [16, 32, 64] }) });
 * await study.optimize((t) => t.suggestFloat('lr', 1e-4, 1, { log: true }) * t.suggestInt('units', 16, 64));
 * study.trials.length;
 * // => 6
 */
export function gridSampler(space: Readonly<Record<string, readonly ParamValue[]>>, options: GridSamplerOptions = {}): GridSampler {
  const fn = 'gridSampler';
  if (space === null || typeof space !== 'object') failSearch(fn, `space is ${show(space)}, expected an object of value lists`);
  const names = Object.keys(space);
  if (names.length === 0) failSearch(fn, 'space is empty');
  const dists: Record<string, Distribution> = {};
  const values: (readonly ParamValue[])[] = [];
  for (const name of names) {
    const vs = space[name]!;
    if (!Array.isArray(vs) || vs.length === 0) failSearch(fn, `space.${name} is ${Array.isArray(vs) ? 'empty' : show(vs)}`);
    dists[name] = categoricalDistribution(vs, `${fn} space.${name}`);
    values.push(vs);
  }
  const size = values.reduce((n, vs) => n * vs.length, 1);
  const order = Array.from({ length: size }, (_, i) => i);
  if (options.seed !== undefined) {
    const rng = asSearchError(() => createRng(options.seed, fn));
    for (let i = size - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
  }
  const repeatRng = createRng(String(options.seed ?? 0) + '/repeat');
  const point = (index: number): Record<string, ParamValue> => {
    const out: Record<string, ParamValue> = {};
    let rest = index;
    for (let k = names.length - 1; k >= 0; k--) {
      const vs = values[k]!;
      out[names[k]!] = vs[rest % vs.length]!;
      rest = Math.floor(rest / vs.length);
    }
    return Object.fromEntries(names.map((n) => [n, out[n]!]));
  };
  const keyOf = (params: Readonly<Record<string, ParamValue>>): string | undefined => {
    const parts: ParamValue[] = [];
    for (const n of names) {
      if (!(n in params)) return undefined;
      parts.push(params[n]!);
    }
    return JSON.stringify(parts);
  };
  const indexOfKey = new Map<string, number>();
  for (let i = 0; i < size; i++) indexOfKey.set(keyOf(point(i))!, i);
  const assigned = new Map<number, number>(); // trial number → grid index, for trials whose params are not stored yet

  const visited = (study: StudyView): Set<number> => {
    const seen = new Set<number>();
    for (const t of study.getTrials()) {
      const mine = assigned.get(t.number);
      if (mine !== undefined) {
        seen.add(mine);
        continue;
      }
      const k = keyOf(t.params);
      const i = k === undefined ? undefined : indexOfKey.get(k);
      if (i !== undefined) seen.add(i);
    }
    return seen;
  };

  return {
    size,
    isExhausted: (study) => visited(study).size >= size,
    inferRelativeSearchSpace: () => ({ ...dists }),
    sampleRelative(study: StudyView, trial: FrozenTrial): Record<string, ParamValue> {
      const seen = visited(study);
      let chosen = order.find((i) => !seen.has(i));
      chosen ??= order[Math.floor(repeatRng() * size)]!;
      assigned.set(trial.number, chosen);
      return point(chosen);
    },
    sampleIndependent(_study, trial, name, distribution): ParamValue {
      const i = assigned.get(trial.number);
      if (!(name in dists)) failSearch(fn, `${JSON.stringify(name)} is not in the grid`);
      const value = i === undefined ? undefined : point(i)[name];
      failSearch(fn, `the grid value ${show(value)} of ${JSON.stringify(name)} is outside ${describeDistribution(distribution)}`);
    },
  };
}

