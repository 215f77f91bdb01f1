import { assertNonEmpty, assertSameLength, readChoice, readNumberOption } from '../core/assert';
import { fail, show } from '../core/fail';
import { createRng, DEFAULT_SEED, type Rng } from '../core/random';
import { readLabels } from '../core/readLabels';
import { readSampleWeight } from '../core/readSampleWeight';
import type { Label, LabelInput, NumericInput, ScoreMatrixInput } from '../core/types';
import { numericColumn, predictionColumn, stringColumn, type Column } from './bootstrap/columns';
import { bcaInterval, percentileInterval, standardDeviation } from './bootstrap/intervals';
import { jackknife } from './bootstrap/jackknife';

/**
 * A metric that {@link bootstrapInterval} can resample: `metric(yTrue, y,
 * options)` returns a number, `NaN` where the metric is undefined. Every
 * metric of this module fits (`averagePrecision`, `rocAuc`, `f1`,
 * `accuracy`, ...). It receives the resampled labels as a `Float64Array`
 * (numbers and booleans) or a `string[]`, and `y` as a `Float64Array`, a
 * `string[]`, an array of `Float64Array` rows (for an n×k score matrix) or a
 * flat `Float64Array` (for a flat matrix with `numClasses`). The arrays are
 * reused between calls: the metric must not keep them. It must return one
 * number for the options given (the `Float64Array` in the type only lets
 * overloaded metrics such as `precision` through; an `average: 'none'`
 * array is refused at run time). The two data parameters are typed `never`
 * so that any metric signature is accepted.
 */
export type BootstrapMetric<O = Record<string, unknown>> = (yTrue: never, y: never, options?: O) => number | Float64Array;

/** Options of {@link bootstrapInterval}. */
export interface BootstrapIntervalOptions<O = Record<string, unknown>> {
  /** Number of bootstrap resamples B, an integer ≥ 1. Defaults to 1000. */
  resamples?: number;
  /** Coverage of the two-sided interval, in (0, 1). Defaults to 0.95. */
  confidence?: number;
  /**
   * Seed of the resampling (any string or finite number). Defaults to `0`:
   * like every function in this library, the same call gives the same
   * interval; change the seed to see the Monte Carlo variability.
   */
  seed?: string | number;
  /**
   * `'bca'`, bias-corrected and accelerated (second-order accurate, the
   * default, as in `scipy.stats.bootstrap`), or `'percentile'` (the plain
   * α/2 and 1 − α/2 quantiles of the bootstrap distribution). Defaults to `'bca'`.
   */
  method?: 'percentile' | 'bca';
  /**
   * Resample within each class of `yTrue`, keeping the class counts fixed,
   * so that every resample of a rare-event dataset has positives (otherwise
   * recall, AP and ROC AUC are undefined in the resamples without any).
   * Defaults to `false` (ordinary case resampling).
   */
  stratified?: boolean;
  /**
   * Per-example weights, resampled together with the examples and passed to
   * the metric as its `sampleWeight` option. Defaults to none.
   */
  sampleWeight?: NumericInput;
  /** Options passed to the metric on every call (without `sampleWeight`: use the option above). Defaults to none. */
  metricOptions?: O;
  /**
   * BCa only: the number of jackknife blocks used for the acceleration.
   * With n ≤ `jackknifeBlocks` examples the jackknife leaves out one example
   * at a time (n metric calls); above, it leaves out one of
   * `jackknifeBlocks` random blocks of ⌊n/G⌋ or ⌈n/G⌉ examples at a time
   * (the grouped, delete-d jackknife), which bounds the cost to G metric
   * calls. An integer ≥ 2. Defaults to 1000.
   */
  jackknifeBlocks?: number;
}

/** What {@link bootstrapInterval} returns. */
export interface BootstrapInterval {
  /** The metric on the full data. */
  estimate: number;
  /** Lower bound of the interval (NaN when it cannot be computed, see {@link bootstrapInterval}). */
  lower: number;
  /** Upper bound of the interval. */
  upper: number;
  /** The requested coverage. */
  confidence: number;
  /** The method used. */
  method: 'percentile' | 'bca';
  /** The number of resamples drawn (including undefined ones). */
  resamples: number;
  /** Sample standard deviation (n − 1) of the defined bootstrap values: the bootstrap standard error. */
  standardError: number;
  /** How many resamples gave NaN (metric undefined) and were left out. */
  undefinedResamples: number;
  /** The defined bootstrap values, in the order they were drawn. */
  distribution: Float64Array;
}

/**
 * A seeded bootstrap confidence interval for any metric.
 *
 * Draws `resamples` resamples of the n examples with replacement (within
 * each class of `yTrue` when `stratified`), evaluates the metric on each,
 * and reads the interval off that bootstrap distribution:
 * - `'percentile'`: the α/2 and 1 − α/2 quantiles (α = 1 − confidence,
 *   linear interpolation between order statistics as numpy's default);
 * - `'bca'` (default): the α₁ and α₂ quantiles with α₁,₂ =
 *   Φ(ẑ₀ + (ẑ₀ + z_{α/2, 1−α/2}) / (1 − â(ẑ₀ + z_{α/2, 1−α/2}))); ẑ₀ =
 *   Φ⁻¹((#{θ* < θ̂} + #{θ* ≤ θ̂}) / 2B) corrects the median bias (ties with
 *   θ̂ count half, as in scipy), and the acceleration â = Σ U³ / 6(Σ U²)^{3/2}
 *   comes from the jackknife influence values U (leave-one-out for n ≤
 *   `jackknifeBlocks`, leave-one-block-out above). The result matches
 *   `scipy.stats.bootstrap(..., paired=True, method='BCa')` on the same
 *   bootstrap distribution.
 *
 * Undefined values: resamples where the metric is NaN (e.g. no positive
 * example drawn, for recall or AP) are counted in `undefinedResamples` and
 * left out, so the interval is conditional on the metric being defined — a
 * large count is a warning; use `stratified: true` for rare events. Jackknife
 * values that are NaN are left out of â (â = 0 for a single example).
 * When the metric is NaN on the full data, the result is NaN throughout and
 * nothing is resampled. When every
 * defined resample lies on one side of the estimate, BCa is undefined and
 * both bounds are NaN (use `'percentile'`). With no defined resample, both
 * bounds and the standard error are NaN.
 *
 * Cost: `resamples` metric calls, plus min(n, `jackknifeBlocks`) for BCa.
 *
 * References: B. Efron & R. J. Tibshirani (1993), An Introduction to the
 * Bootstrap, ch. 13–14 (percentile and BCa intervals, eq. 14.9–14.15);
 * T. J. DiCiccio & B. Efron (1996), "Bootstrap confidence intervals",
 * Statistical Science 11(3).
 *
 * @param metric - `(yTrue, y, options?) => number`, e.g. `averagePrecision`.
 * @param yTrue - the n true labels (numbers, booleans or strings).
 * @param yScoreOrPred - the n scores or predicted labels, or an n×k score
 *   matrix (nested rows, a 2-D tensor, or flat with `metricOptions.numClasses`).
 * @param options - `resamples`, `confidence`, `seed`, `method`, `stratified`,
 *   `sampleWeight`, `metricOptions`, `jackknifeBlocks`.
 * @returns `{ estimate, lower, upper, confidence, method, resamples, standardError, undefinedResamples, distribution }`.
 * @throws {MetricInputError} when `metric` is not a function, the inputs are
 *   empty or of different lengths, a label or weight is invalid, an option is
 *   out of range (`bootstrapInterval: confidence is 1, expected a finite
 *   number > 0 and < 1`), or `metricOptions` holds `sampleWeight`; and
 *   whatever the metric itself throws on the full data.
 * @example
 * const ci = bootstrapInterval(accuracy, [0, 1, 1, 0, 1, 1, 0, 1], [0, 1, 0, 0, 1, 1, 1, 1], { seed: 1 });
 * [ci.estimate, ci.lower <= ci.estimate, ci.estimate <= ci.upper];
 * // => [0.75, true, true]
 */
export function bootstrapInterval<O extends object = Record<string, unknown>>(
  metric: BootstrapMetric<O>,
  yTrue: LabelInput,
  yScoreOrPred: LabelInput | ScoreMatrixInput,
  options: BootstrapIntervalOptions<O> = {},
): BootstrapInterval {
  const fn = 'bootstrapInterval';
  if (typeof metric !== 'function') fail(fn, `metric must be a function, got ${show(metric)}`);
  const resamples = readNumberOption(options.resamples, 1000, fn, 'resamples', { min: 1, integer: true });
  const confidence = readNumberOption(options.confidence, 0.95, fn, 'confidence', {
    min: 0,
    max: 1,
    minExclusive: true,
    maxExclusive: true,
  });
  const method = readChoice(options.method, ['percentile', 'bca'] as const, 'bca', fn, 'method');
  const blocks = readNumberOption(options.jackknifeBlocks, 1000, fn, 'jackknifeBlocks', { min: 2, integer: true });
  const stratified = options.stratified ?? false;
  if (typeof stratified !== 'boolean') fail(fn, `stratified is ${show(stratified)}, expected true or false`);
  const rng = createRng(options.seed ?? DEFAULT_SEED, fn);
  const metricOptions = options.metricOptions;
  if (metricOptions != null && typeof metricOptions !== 'object') {
    fail(fn, `metricOptions is ${show(metricOptions)}, expected an object`);
  }
  if (metricOptions != null && (metricOptions as { sampleWeight?: unknown }).sampleWeight !== undefined) {
    fail(fn, 'metricOptions.sampleWeight would not be resampled with the examples: pass sampleWeight as an option of bootstrapInterval');
  }

  const labels = readLabels(yTrue, fn, 'yTrue');
  const n = labels.length;
  assertNonEmpty(fn, 'yTrue', n);
  const yColumn = predictionColumn(
    yScoreOrPred,
    n,
    (metricOptions as { numClasses?: unknown } | undefined)?.numClasses,
    fn,
    'yScoreOrPred',
  );
  assertSameLength(fn, 'yTrue', n, 'yScoreOrPred', yColumn.n);
  const weights = readSampleWeight(options.sampleWeight, n, fn);
  const labelColumn = labels instanceof Float64Array ? numericColumn(labels) : stringColumn(labels);
  const weightColumn = weights ? numericColumn(weights) : undefined;

  const call = (idx: Int32Array, count: number): unknown => {
    const t = labelColumn.gather(idx, count);
    const y = yColumn.gather(idx, count);
    const opts = weightColumn ? { ...metricOptions, sampleWeight: weightColumn.gather(idx, count) } : metricOptions;
    return (metric as (a: unknown, b: unknown, o?: unknown) => unknown)(t, y, opts);
  };
  // the estimate's type is checked once; the same metric and options give a number on every resample
  const evaluate = call as (idx: Int32Array, count: number) => number;

  const identity = new Int32Array(n);
  for (let i = 0; i < n; i++) identity[i] = i;
  const first = call(identity, n);
  if (typeof first !== 'number') {
    fail(fn, `metric returned ${first instanceof Float64Array ? 'a Float64Array' : show(first)}, expected one number (not average: 'none')`);
  }
  const estimate = first;
  const result = (lower: number, upper: number, dist: Float64Array, undefinedResamples: number): BootstrapInterval => ({
    estimate,
    lower,
    upper,
    confidence,
    method,
    resamples,
    standardError: standardDeviation(dist),
    undefinedResamples,
    distribution: dist,
  });
  if (estimate !== estimate) return result(NaN, NaN, new Float64Array(0), 0);

  const draw = stratified ? stratifiedDrawer(labels, rng) : (idx: Int32Array) => drawAll(idx, rng);
  const idx = new Int32Array(n);
  const values = new Float64Array(resamples);
  let defined = 0;
  for (let b = 0; b < resamples; b++) {
    draw(idx);
    const v = evaluate(idx, n);
    if (v === v) values[defined++] = v;
  }
  const dist = values.slice(0, defined);
  const sorted = dist.slice().sort();
  if (method === 'percentile') {
    const [lower, upper] = percentileInterval(sorted, confidence);
    return result(lower, upper, dist, resamples - defined);
  }
  // one example: nothing to leave out, no acceleration (â = 0)
  const jack = n > 1 ? jackknife(n, blocks, rng, evaluate) : new Float64Array(0);
  const bca = bcaInterval(sorted, estimate, jack, confidence);
  return result(bca.lower, bca.upper, dist, resamples - defined);
}

/** Ordinary case resampling: n indices drawn uniformly with replacement. */
function drawAll(idx: Int32Array, rng: Rng): void {
  const n = idx.length;
  for (let i = 0; i < n; i++) idx[i] = Math.floor(rng() * n);
}

/**
 * Stratified resampling: the members of each class (classes in order of
 * first appearance) are resampled with replacement among themselves, so
 * every resample keeps the class counts of `yTrue`.
 */
function stratifiedDrawer(labels: Float64Array | readonly string[], rng: Rng): (idx: Int32Array) => void {
  const n = labels.length;
  const classOf = new Map<Label, number>();
  const sizes: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = classOf.get(labels[i]);
    if (c === undefined) {
      classOf.set(labels[i], sizes.length);
      sizes.push(1);
    } else sizes[c]++;
  }
  const starts = new Int32Array(sizes.length + 1);
  for (let c = 0; c < sizes.length; c++) starts[c + 1] = starts[c] + sizes[c];
  const members = new Int32Array(n);
  const fill = starts.slice(0, sizes.length);
  for (let i = 0; i < n; i++) members[fill[classOf.get(labels[i]) as number]++] = i;
  return (idx) => {
    for (let c = 0; c < sizes.length; c++) {
      const start = starts[c];
      const size = sizes[c];
      for (let j = 0; j < size; j++) idx[start + j] = members[start + Math.floor(rng() * size)];
    }
  };
}
