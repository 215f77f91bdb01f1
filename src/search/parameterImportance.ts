import { failOption, readIntOption, readNumOption } from '../core/configErrors';
import { show } from '../core/fail';
import { countValues, toUnit } from './distributions';
import { intersectionSearchSpace } from './samplers/tpe/tpeSampler';
import type { Distribution, FrozenTrial, StudyView } from './types';

/** Options of {@link parameterImportance}. */
export interface ParameterImportanceOptions {
  /** The parameters to rate. Defaults to those every completed trial has with the same range. */
  readonly params?: readonly string[];
  /** The fraction of best completed trials whose distribution is compared with all of them. Defaults to `0.1`. */
  readonly quantile?: number;
  /** Grid points on which continuous densities are compared. Defaults to `50`. */
  readonly gridSize?: number;
}

/**
 * How much each hyperparameter matters, by PED-ANOVA: for each parameter,
 * the Pearson divergence between its distribution among the best
 * `quantile` of the completed trials (p_top) and among all completed trials
 * (p_all),
 *
 *   importance(θ) ∝ ∫ (p_top(θ)/p_all(θ) − 1)² p_all(θ) dθ,
 *
 * normalised so that the importances sum to 1. A parameter whose good values
 * are spread like all its values does not matter (0); one whose good trials
 * concentrate in a small part of its range does. Watanabe et al. prove this
 * is the local f-ANOVA variance fraction of the indicator of the top region.
 * Numeric parameters are compared as Gaussian kernel density estimates in
 * [0, 1] (log scale for `log`; Scott's bandwidth 1.06·σ·n^(−1/5), at least
 * 1/(2·values) for discrete ones) on `gridSize` points; categorical ones by
 * their frequencies (with half a count added to each choice).
 *
 * Failed, pruned and running trials are ignored. Result keys are ordered
 * from most to least important.
 *
 * Reference: S. Watanabe, A. Bansal, F. Hutter (2023), "PED-ANOVA: Efficiently
 * Quantifying Hyperparameter Importance in Arbitrary Subspaces", IJCAI;
 * F. Hutter, H. Hoos, K. Leyton-Brown (2014), "An Efficient Approach for
 * Assessing Hyperparameter Importance", ICML (f-ANOVA).
 *
 * @param study - A study (or any StudyView) with at least 2 completed trials.
 * @param options - Parameters, quantile, grid size.
 * @returns `{ name: importance }`, non-negative, summing to 1 (all equal if no parameter separates the best trials).
 * @throws {InvalidOptionError} `parameterImportance: the study has 1 completed trials, expected at least 2`;
 *   `parameterImportance: params[0] is "lr", which not every completed trial has with one range`.
 * @example
 * // x decides the objective, y is noise:
 * await study.optimize((t) => t.suggestFloat('x', 0, 1) ** 2 + 0.01 * t.suggestFloat('y', 0, 1), { trials: 200 });
 * parameterImportance(study).x > 0.9;
 * // => true
 */
export function parameterImportance(study: StudyView, options: ParameterImportanceOptions = {}): Record<string, number> {
  const fn = 'parameterImportance';
  const quantile = readNumOption(options.quantile, 0.1, fn, 'quantile', { min: 0, max: 1, minExclusive: true });
  const gridSize = readIntOption(options.gridSize, 50, fn, 'gridSize', 2);
  const trials = study.getTrials({ states: ['complete'] }).filter((t) => t.value !== undefined && Number.isFinite(t.value));
  if (trials.length < 2) failOption(fn, `the study has ${trials.length} completed trials, expected at least 2`);
  const space = intersectionSearchSpace(study);
  const names = options.params ? [...options.params] : Object.keys(space);
  names.forEach((name, i) => {
    if (!(name in space)) failOption(fn, `params[${i}] is ${show(name)}, which not every completed trial has with one range`);
  });
  if (names.length === 0) return {};
  const sign = study.direction === 'maximize' ? -1 : 1;
  const sorted = [...trials].sort((a, b) => sign * (a.value! - b.value!) || a.number - b.number);
  const nTop = Math.min(sorted.length, Math.max(2, Math.ceil(quantile * sorted.length)));
  const top = sorted.slice(0, nTop);
  const raw = names.map((name) => pearsonDivergence(space[name]!, name, top, sorted, gridSize));
  const total = raw.reduce((a, b) => a + b, 0);
  const values = total > 0 ? raw.map((r) => r / total) : raw.map(() => 1 / names.length);
  const order = names.map((_, i) => i).sort((a, b) => values[b]! - values[a]! || (names[a]! < names[b]! ? -1 : 1));
  return Object.fromEntries(order.map((i) => [names[i]!, values[i]!]));
}

/** Σ_x p_all(x)·(p_top(x)/p_all(x) − 1)² over a grid (numeric) or the choices (categorical). */
function pearsonDivergence(d: Distribution, name: string, top: readonly FrozenTrial[], all: readonly FrozenTrial[], gridSize: number): number {
  const pTop = pmf(d, name, top, gridSize), pAll = pmf(d, name, all, gridSize);
  let s = 0;
  for (let i = 0; i < pAll.length; i++) if (pAll[i]! > 0) s += pAll[i]! * (pTop[i]! / pAll[i]! - 1) ** 2;
  return s;
}

/** The distribution of the parameter among `trials` as probabilities on the grid (or per choice). */
function pmf(d: Distribution, name: string, trials: readonly FrozenTrial[], gridSize: number): Float64Array {
  if (d.type === 'categorical') {
    const p = new Float64Array(d.choices.length).fill(0.5);
    for (const t of trials) p[d.choices.indexOf(t.params[name]!)]! += 1;
    return normalise(p);
  }
  const u = Float64Array.from(trials, (t) => toUnit(d, t.params[name]!));
  const n = u.length;
  let mean = 0;
  for (const v of u) mean += v / n;
  let variance = 0;
  for (const v of u) variance += (v - mean) ** 2 / Math.max(1, n - 1);
  const count = countValues(d);
  const floor = Number.isFinite(count) ? 1 / (2 * count) : 1 / (2 * gridSize);
  const h = Math.max(1.06 * Math.sqrt(variance) * n ** (-1 / 5), floor);
  const p = new Float64Array(gridSize);
  for (let g = 0; g < gridSize; g++) {
    const x = (g + 0.5) / gridSize;
    let s = 0;
    for (const v of u) s += Math.exp(-0.5 * ((x - v) / h) ** 2);
    p[g] = s;
  }
  return normalise(p);
}

function normalise(p: Float64Array): Float64Array {
  let s = 0;
  for (const v of p) s += v;
  return s > 0 ? p.map((v) => v / s) : p.fill(1 / p.length);
}
