import { readNumberOption } from '../core/assert';
import type { NumericInput } from '../core/types';
import { asDiagnosticsError, failDiagnostics } from './errors';
import { readErrors, readIncreasing, runSweep, type SweepProgress, type TrainResult } from './internal/learningCurvePoints';
import type { CapacityCurveShape, CapacitySweep } from './types';

/** How {@link capacitySweep} reads the shape of the curves. */
export interface CapacityShapeOptions {
  /**
   * The training error at or below which a model counts as interpolating
   * (fitting its training set, training error ≈ 0). Defaults to 1% of the
   * largest training error of the sweep.
   */
  interpolationTolerance?: number;
  /**
   * The smallest rise or fall of the validation error that counts (smaller
   * wiggles are noise). Defaults to 5% of the validation curve's range
   * (max − min).
   */
  tolerance?: number;
  /**
   * How many positions of the sweep a double-descent peak may lie from the
   * interpolation threshold. Defaults to `2`.
   */
  peakWindow?: number;
}

/** Options of {@link capacitySweep}. */
export interface CapacitySweepOptions extends CapacityShapeOptions {
  /** Capacities to train at (units, layers, parameters, polynomial degree, …): at least two, increasing. */
  capacities: NumericInput;
  /**
   * Trains a fresh model of the given capacity on the same training set and
   * returns its `{ trainError, validationError }` (finite, ≥ 0). May be
   * async; capacities are trained one after the other.
   */
  train: (capacity: number) => TrainResult | Promise<TrainResult>;
  /** Called after each capacity with its errors (`value` is the capacity); may be async. Defaults to none. */
  onProgress?: (progress: SweepProgress) => void | Promise<void>;
}

/**
 * A capacity sweep (scikit-learn's validation curve over model size):
 * training and validation error per capacity, the best capacity (lowest
 * validation error, the first one on ties), and the shape of the validation
 * curve, read as follows, with `tol` the `tolerance`:
 *
 * - the interpolation threshold is the first capacity whose training error
 *   is at most `interpolationTolerance`;
 * - `'double-descent'`: an interior local maximum of the validation error
 *   that rises more than `tol` above the lowest error before it and falls
 *   more than `tol` to the lowest error after it, within `peakWindow`
 *   positions of the interpolation threshold (the highest such is `peak`);
 * - otherwise, around the best capacity: `'u-shape'` when the validation
 *   error falls more than `tol` before it and rises more than `tol` after it
 *   (the classical bias–variance trade-off: the best capacity is in
 *   between), `'decreasing'` when it only falls (more capacity may still
 *   help), `'increasing'` when it only rises (try smaller), `'flat'` when
 *   neither.
 *
 * Reference: M. Belkin, D. Hsu, S. Ma, S. Mandal (2019), "Reconciling modern
 * machine-learning practice and the classical bias–variance trade-off";
 * P. Nakkiran et al. (2020), "Deep double descent"; Goodfellow et al. (2016),
 * Deep Learning, §5.2 and §11.4.
 *
 * @param options - `capacities`, `train`, `onProgress` and the shape options; see {@link CapacitySweepOptions}.
 * @returns A promise of the {@link CapacitySweep}.
 * @throws {DiagnosticsInputError} (as a rejected promise) for fewer than two
 *   capacities, capacities that do not increase, a `train` result whose
 *   errors are not finite numbers ≥ 0, or an option out of range.
 *
 * @example
 * const sweep = await capacitySweep({
 *   capacities: [1, 2, 4, 8, 16, 32],
 *   train: (c) => ({ trainError: 1 / c, validationError: 1 / c + c / 40 }),
 * });
 * [sweep.shape, sweep.best.capacity];
 * // => ['u-shape', 8]
 */
export async function capacitySweep(options: CapacitySweepOptions): Promise<CapacitySweep> {
  const fn = 'capacitySweep';
  if (typeof options !== 'object' || options === null) failDiagnostics(fn, 'expected an options object { capacities, train }');
  const capacities = readIncreasing(options.capacities, fn, 'capacities', false);
  readShapeOptions(options, fn);
  const { trainError, validationError } = await runSweep(capacities, options.train, options.onProgress, fn);
  return analyseSweep(capacities, trainError, validationError, options, fn);
}

/**
 * The analysis of {@link capacitySweep} on errors already measured: best
 * capacity, interpolation threshold, shape and double-descent peak.
 *
 * @param capacities - At least two, increasing.
 * @param trainError - Training error per capacity (finite, ≥ 0).
 * @param validationError - Validation error per capacity (finite, ≥ 0).
 * @param options - See {@link CapacityShapeOptions}.
 * @returns The {@link CapacitySweep}.
 * @throws {DiagnosticsInputError} for bad capacities, errors of another length, negative or not finite, or an option out of range.
 * @example
 * const sweep = capacitySweepFromErrors(
 *   [10, 20, 40, 80, 160, 320],
 *   [0.3, 0.15, 0, 0, 0, 0],
 *   [0.35, 0.3, 0.6, 0.28, 0.22, 0.2],
 * );
 * [sweep.shape, sweep.peak?.capacity, sweep.best.capacity];
 * // => ['double-descent', 40, 320]
 */
export function capacitySweepFromErrors(
  capacities: NumericInput,
  trainError: NumericInput,
  validationError: NumericInput,
  options: CapacityShapeOptions = {},
): CapacitySweep {
  const fn = 'capacitySweepFromErrors';
  const c = readIncreasing(capacities, fn, 'capacities', false);
  readShapeOptions(options, fn);
  return analyseSweep(c, readErrors(trainError, c.length, fn, 'trainError', 'capacities'), readErrors(validationError, c.length, fn, 'validationError', 'capacities'), options, fn);
}

function readShapeOptions(o: CapacityShapeOptions, fn: string): { interpolationTolerance?: number; tolerance?: number; peakWindow: number } {
  return asDiagnosticsError(() => ({
    interpolationTolerance: o.interpolationTolerance === undefined ? undefined : readNumberOption(o.interpolationTolerance, 0, fn, 'interpolationTolerance', { min: 0 }),
    tolerance: o.tolerance === undefined ? undefined : readNumberOption(o.tolerance, 0, fn, 'tolerance', { min: 0 }),
    peakWindow: readNumberOption(o.peakWindow, 2, fn, 'peakWindow', { min: 0, integer: true }),
  }));
}

function analyseSweep(
  capacities: Float64Array,
  trainError: Float64Array,
  validationError: Float64Array,
  options: CapacityShapeOptions,
  fn: string,
): CapacitySweep {
  const o = readShapeOptions(options, fn);
  const v = validationError;
  const m = v.length;
  let best = 0;
  let vMax = v[0];
  let tMax = 0;
  for (let i = 0; i < m; i++) {
    if (v[i] < v[best]) best = i;
    if (v[i] > vMax) vMax = v[i];
    if (trainError[i] > tMax) tMax = trainError[i];
  }
  const tol = o.tolerance ?? 0.05 * (vMax - v[best]);
  const interpolationTolerance = o.interpolationTolerance ?? 0.01 * tMax;
  let threshold = -1;
  for (let i = 0; i < m && threshold < 0; i++) if (trainError[i] <= interpolationTolerance) threshold = i;

  // Lowest error before each position and after it, for the rise and fall around a peak.
  const minBefore = new Float64Array(m);
  const minAfter = new Float64Array(m);
  minBefore[0] = Infinity;
  for (let i = 1; i < m; i++) minBefore[i] = Math.min(minBefore[i - 1], v[i - 1]);
  minAfter[m - 1] = Infinity;
  for (let i = m - 2; i >= 0; i--) minAfter[i] = Math.min(minAfter[i + 1], v[i + 1]);

  let peak = -1;
  if (threshold >= 0) {
    for (let i = 1; i < m - 1; i++) {
      const isLocalMax = v[i] > v[i - 1] && v[i] >= v[i + 1];
      if (!isLocalMax || Math.abs(i - threshold) > o.peakWindow) continue;
      if (v[i] - minBefore[i] > tol && v[i] - minAfter[i] > tol && (peak < 0 || v[i] > v[peak])) peak = i;
    }
  }
  let shape: CapacityCurveShape;
  if (peak >= 0) shape = 'double-descent';
  else {
    let maxBefore = v[best];
    for (let i = 0; i < best; i++) maxBefore = Math.max(maxBefore, v[i]);
    let maxAfter = v[best];
    for (let i = best + 1; i < m; i++) maxAfter = Math.max(maxAfter, v[i]);
    const falls = maxBefore - v[best] > tol;
    const rises = maxAfter - v[best] > tol;
    shape = falls && rises ? 'u-shape' : falls ? 'decreasing' : rises ? 'increasing' : 'flat';
  }
  return {
    capacities,
    trainError,
    validationError,
    best: { index: best, capacity: capacities[best], validationError: v[best] },
    shape,
    interpolationThreshold: threshold >= 0 ? { index: threshold, capacity: capacities[threshold] } : undefined,
    peak: peak >= 0 ? { index: peak, capacity: capacities[peak], validationError: v[peak] } : undefined,
  };
}
