import { show } from '../core/fail';
import { failSearch } from './errors';
import type { Distribution, ParamValue } from './types';

/** Options of {@link floatDistribution} and {@link intDistribution}. */
export interface NumericDistributionOptions {
  /** Sample uniformly in `log(x)`; needs `low > 0` (`low >= 1` for integers). Defaults to `false`. */
  readonly log?: boolean;
  /** Restrict values to `low + k·step`; excludes `log` (for integers, `log` needs step 1). Defaults to none for floats, 1 for integers. */
  readonly step?: number;
}

type FloatDistribution = Extract<Distribution, { type: 'float' }>;
type IntDistribution = Extract<Distribution, { type: 'int' }>;
type CategoricalDistribution = Extract<Distribution, { type: 'categorical' }>;

/**
 * A real-valued range `[low, high]`, optionally in log scale or on a grid of
 * `step`. With a step, `high` is lowered to the last grid point
 * `low + ⌊(high − low)/step⌋·step`, as Optuna does.
 *
 * @param low - The lower bound, finite (> 0 with `log`).
 * @param high - The upper bound, finite, `>= low`.
 * @param options - `log` and `step`.
 * @returns A frozen `{ type: 'float', low, high, log, step? }`.
 * @throws {SearchError} `floatDistribution: low is 1 but high is 0, expected low <= high`;
 *   `floatDistribution: low is 0, expected low > 0 with log`; `floatDistribution: step and log cannot be used together`.
 * @example
 * floatDistribution(0, 1, { step: 0.3 });
 * // => { type: 'float', low: 0, high: 0.9, log: false, step: 0.3 }
 */
export function floatDistribution(low: number, high: number, options: NumericDistributionOptions = {}, fn = 'floatDistribution'): FloatDistribution {
  const { log = false, step } = options;
  checkBounds(fn, low, high, false);
  if (typeof log !== 'boolean') failSearch(fn, `log is ${show(log)}, expected a boolean`);
  if (step !== undefined) {
    if (!(typeof step === 'number' && Number.isFinite(step) && step > 0)) failSearch(fn, `step is ${show(step)}, expected a finite number > 0`);
    if (log) failSearch(fn, 'step and log cannot be used together');
    const k = Math.floor((high - low) / step + 1e-9);
    return Object.freeze({ type: 'float', low, high: roundGrid(low + k * step, step), log, step });
  }
  if (log && !(low > 0)) failSearch(fn, `low is ${show(low)}, expected low > 0 with log`);
  return Object.freeze({ type: 'float', low, high, log });
}

/**
 * An integer range `[low, high]` on the grid `low + k·step`, optionally in
 * log scale (then `step` must be 1 and `low >= 1`). `high` is lowered to the
 * last grid point.
 *
 * @param low - The lower bound, an integer.
 * @param high - The upper bound, an integer `>= low`.
 * @param options - `log` and `step` (an integer >= 1; defaults to 1).
 * @returns A frozen `{ type: 'int', low, high, log, step }`.
 * @throws {SearchError} `intDistribution: low is 0.5, expected an integer`;
 *   `intDistribution: low is 0, expected low >= 1 with log`; `intDistribution: step is 2, expected 1 with log`.
 * @example
 * intDistribution(1, 10, { step: 4 });
 * // => { type: 'int', low: 1, high: 9, log: false, step: 4 }
 */
export function intDistribution(low: number, high: number, options: NumericDistributionOptions = {}, fn = 'intDistribution'): IntDistribution {
  const { log = false, step = 1 } = options;
  checkBounds(fn, low, high, true);
  if (typeof log !== 'boolean') failSearch(fn, `log is ${show(log)}, expected a boolean`);
  if (!(Number.isSafeInteger(step) && step >= 1)) failSearch(fn, `step is ${show(step)}, expected an integer >= 1`);
  if (log && step !== 1) failSearch(fn, `step is ${show(step)}, expected 1 with log`);
  if (log && !(low >= 1)) failSearch(fn, `low is ${show(low)}, expected low >= 1 with log`);
  return Object.freeze({ type: 'int', low, high: low + Math.floor((high - low) / step) * step, log, step });
}

/**
 * A choice among unordered values (numbers, strings, booleans or null).
 *
 * @param choices - A non-empty array without duplicates.
 * @returns A frozen `{ type: 'categorical', choices }` holding a copy of `choices`.
 * @throws {SearchError} `categoricalDistribution: choices is empty`;
 *   `categoricalDistribution: choices[2] is "a" again, expected distinct values`.
 * @example
 * categoricalDistribution(['adam', 'sgd']).choices;
 * // => ['adam', 'sgd']
 */
export function categoricalDistribution(choices: readonly ParamValue[], fn = 'categoricalDistribution'): CategoricalDistribution {
  if (!Array.isArray(choices)) failSearch(fn, `choices is ${show(choices)}, expected an array`);
  if (choices.length === 0) failSearch(fn, 'choices is empty');
  for (let i = 0; i < choices.length; i++) {
    const c = choices[i];
    const ok = c === null || typeof c === 'string' || typeof c === 'boolean' || (typeof c === 'number' && !Number.isNaN(c));
    if (!ok) failSearch(fn, `choices[${i}] is ${show(c)}, expected a number, string, boolean or null`);
    if (choices.indexOf(c) !== i) failSearch(fn, `choices[${i}] is ${show(c)} again, expected distinct values`);
  }
  return Object.freeze({ type: 'categorical', choices: Object.freeze([...choices]) });
}

function checkBounds(fn: string, low: number, high: number, integer: boolean): void {
  for (const [name, v] of [['low', low], ['high', high]] as const) {
    if (!(typeof v === 'number' && Number.isFinite(v))) failSearch(fn, `${name} is ${show(v)}, expected a finite number`);
    if (integer && !Number.isSafeInteger(v)) failSearch(fn, `${name} is ${show(v)}, expected an integer`);
  }
  if (!(low <= high)) failSearch(fn, `low is ${show(low)} but high is ${show(high)}, expected low <= high`);
}

/** Rounds `x` to the decimals of `step`, so that 0.1·3 prints as 0.3. */
function roundGrid(x: number, step: number): number {
  const decimals = Math.min(15, Math.max(0, -Math.floor(Math.log10(step)) + 8));
  return Number(x.toFixed(decimals));
}

// ---------------------------------------------------------------------------
// Internal helpers (not re-exported by the index): used by Trial, the
// samplers and the storages.

/** A short description for error messages: `float in [0.001, 0.1] (log)`. */
export function describeDistribution(d: Distribution): string {
  if (d.type === 'categorical') return `categorical of ${show(d.choices as unknown[])}`;
  let s = `${d.type} in [${d.low}, ${d.high}]`;
  if (d.log) s += ' (log)';
  if (d.step !== undefined && !(d.type === 'int' && d.step === 1)) s += ` step ${d.step}`;
  return s;
}

/** Whether two distributions are the same range (same type, bounds, log, step, choices in order). */
export function distributionsEqual(a: Distribution, b: Distribution): boolean {
  if (a.type !== b.type) return false;
  if (a.type === 'categorical') {
    const bc = (b as CategoricalDistribution).choices;
    return a.choices.length === bc.length && a.choices.every((c, i) => c === bc[i]);
  }
  const bn = b as FloatDistribution | IntDistribution;
  return a.low === bn.low && a.high === bn.high && a.log === bn.log && a.step === bn.step;
}

/** Whether `value` is a possible value of `d` (in range, on the step grid, an integer, one of the choices). */
export function containsValue(d: Distribution, value: unknown): boolean {
  if (d.type === 'categorical') return d.choices.includes(value as ParamValue);
  if (typeof value !== 'number' || !Number.isFinite(value) || value < d.low || value > d.high) return false;
  if (d.type === 'int') return Number.isInteger(value) && (value - d.low) % d.step === 0;
  if (d.step === undefined) return true;
  const k = (value - d.low) / d.step;
  return Math.abs(k - Math.round(k)) < 1e-8;
}

/** Whether `d` has only one possible value (then samplers need not sample it). */
export function isSingle(d: Distribution): boolean {
  return d.type === 'categorical' ? d.choices.length === 1 : d.low === d.high;
}

/** The only value of a single-valued distribution (see {@link isSingle}). */
export function singleValue(d: Distribution): ParamValue {
  return d.type === 'categorical' ? d.choices[0]! : d.low;
}

/** The number of possible values: `Infinity` for a continuous float range. */
export function countValues(d: Distribution): number {
  if (d.type === 'categorical') return d.choices.length;
  if (d.type === 'int') return (d.high - d.low) / d.step + 1;
  if (d.step === undefined) return d.low === d.high ? 1 : Infinity;
  return Math.round((d.high - d.low) / d.step) + 1;
}

/**
 * The internal numeric representation of a value (Optuna's
 * `to_internal_repr`): a category's index, a number itself.
 */
export function toInternal(d: Distribution, value: ParamValue): number {
  if (d.type === 'categorical') return d.choices.indexOf(value);
  return value as number;
}

/** The inverse of {@link toInternal}. */
export function fromInternal(d: Distribution, x: number): ParamValue {
  if (d.type === 'categorical') return d.choices[x]!;
  return x;
}

/**
 * Maps `u` in `[0, 1)` to a value of `d`, uniformly over the sampling measure:
 * linearly (or in `log x` with `log`) over `[low, high]`; discrete values
 * (steps, integers, categories) each get an equal share of `[0, 1)`, except
 * log integers, which cover `[log(low − ½), log(high + ½)]` so that each
 * integer's share is its width in log scale. Used by the random and QMC samplers.
 */
export function fromUnit(d: Distribution, u: number): ParamValue {
  if (d.type === 'categorical') return d.choices[Math.min(Math.floor(u * d.choices.length), d.choices.length - 1)]!;
  if (d.low === d.high) return d.low;
  if (d.type === 'int' && d.log) {
    const a = Math.log(d.low - 0.5), b = Math.log(d.high + 0.5);
    return Math.min(d.high, Math.max(d.low, Math.round(Math.exp(a + u * (b - a)))));
  }
  if (d.type === 'int' || d.step !== undefined) {
    const n = countValues(d);
    const k = Math.min(Math.floor(u * n), n - 1);
    return d.type === 'int' ? d.low + k * d.step : Math.min(d.high, roundGrid(d.low + k * d.step!, d.step!));
  }
  if (d.log) {
    const a = Math.log(d.low), b = Math.log(d.high);
    return Math.min(d.high, Math.max(d.low, Math.exp(a + u * (b - a))));
  }
  return Math.min(d.high, d.low + u * (d.high - d.low));
}

/**
 * The inverse of {@link fromUnit}: the position of `value` in `[0, 1]`
 * (the centre of its share for a discrete value). Used to put trials of
 * different ranges on one scale (slices, importance, model-based samplers).
 */
export function toUnit(d: Distribution, value: ParamValue): number {
  if (d.type === 'categorical') return (d.choices.indexOf(value) + 0.5) / d.choices.length;
  const v = value as number;
  if (d.low === d.high) return 0.5;
  if (d.type === 'int' && d.log) {
    const a = Math.log(d.low - 0.5), b = Math.log(d.high + 0.5);
    return (Math.log(v) - a) / (b - a);
  }
  if (d.type === 'int' || d.step !== undefined) {
    const n = countValues(d);
    return (Math.round((v - d.low) / d.step!) + 0.5) / n;
  }
  if (d.log) {
    const a = Math.log(d.low), b = Math.log(d.high);
    return b === a ? 0.5 : (Math.log(v) - a) / (b - a); // bounds a few ulps apart have equal logs
  }
  return (v - d.low) / (d.high - d.low);
}

/** Reads a distribution from JSON (a storage or `loadStudy`), validating it. */
export function distributionFromJSON(json: unknown, fn: string): Distribution {
  const o = json as Record<string, unknown>;
  if (o === null || typeof o !== 'object') failSearch(fn, `distribution is ${show(json)}, expected an object`);
  if (o.type === 'categorical') return categoricalDistribution(o.choices as ParamValue[], fn);
  const options = { log: o.log as boolean, step: (o.step ?? undefined) as number | undefined };
  if (o.type === 'float') return floatDistribution(o.low as number, o.high as number, options, fn);
  if (o.type === 'int') return intDistribution(o.low as number, o.high as number, options, fn);
  failSearch(fn, `distribution type is ${show(o.type)}, expected "float", "int" or "categorical"`);
}
