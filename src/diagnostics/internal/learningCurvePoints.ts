import { readNumbers } from '../../core/readNumbers';
import { show } from '../../core/fail';
import type { NumericInput } from '../../core/types';
import { asDiagnosticsError, failDiagnostics } from '../errors';

/** What a `train` callback of `learningCurve` or `capacitySweep` returns. */
export interface TrainResult {
  /** The error (or loss) on the training set, finite and ≥ 0. */
  trainError: number;
  /** The error (or loss) on the validation set, finite and ≥ 0. */
  validationError: number;
}

/** One finished point of a sweep, as given to `onProgress`. */
export interface SweepProgress {
  /** Position of the point in the sweep (0-based). */
  index: number;
  /** Number of points in the sweep. */
  total: number;
  /** The size or capacity just trained. */
  value: number;
  trainError: number;
  validationError: number;
}

/**
 * Reads an increasing list of sweep values (sizes or capacities): at least
 * two, finite, strictly increasing, and > 0 when `positive`.
 */
export function readIncreasing(x: NumericInput, fn: string, arg: string, positive: boolean): Float64Array {
  const v = Float64Array.from(asDiagnosticsError(() => readNumbers(x, fn, arg)));
  if (v.length < 2) failDiagnostics(fn, `${arg} has ${v.length} entr${v.length === 1 ? 'y' : 'ies'}, expected at least 2`);
  for (let i = 0; i < v.length; i++) {
    if (positive && !(v[i] > 0)) failDiagnostics(fn, `${arg}[${i}] is ${show(v[i])}, expected a number > 0`);
    if (i > 0 && !(v[i] > v[i - 1])) {
      failDiagnostics(fn, `${arg}[${i}] is ${show(v[i])} but ${arg}[${i - 1}] is ${show(v[i - 1])}: ${arg} must increase`);
    }
  }
  return v;
}

/** Checks that one error is a finite number ≥ 0. */
export function readError(v: unknown, fn: string, what: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
    failDiagnostics(fn, `${what} is ${show(v)}, expected a finite number >= 0`);
  }
  return v;
}

/**
 * Calls `train(value)` for every value in order (awaiting each, so that
 * trainings never overlap), validates each result and reports progress.
 */
export async function runSweep(
  values: Float64Array,
  train: (value: number) => TrainResult | Promise<TrainResult>,
  onProgress: ((p: SweepProgress) => void | Promise<void>) | undefined,
  fn: string,
): Promise<{ trainError: Float64Array; validationError: Float64Array }> {
  if (typeof train !== 'function') failDiagnostics(fn, `train must be a function, got ${show(train)}`);
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    failDiagnostics(fn, `onProgress must be a function, got ${show(onProgress)}`);
  }
  const m = values.length;
  const trainError = new Float64Array(m);
  const validationError = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const r = (await train(values[i])) as unknown;
    if (typeof r !== 'object' || r === null) {
      failDiagnostics(fn, `train(${values[i]}) returned ${show(r)}, expected { trainError, validationError }`);
    }
    const o = r as Partial<TrainResult>;
    trainError[i] = readError(o.trainError, fn, `train(${values[i]}).trainError`);
    validationError[i] = readError(o.validationError, fn, `train(${values[i]}).validationError`);
    if (onProgress) await onProgress({ index: i, total: m, value: values[i], trainError: trainError[i], validationError: validationError[i] });
  }
  return { trainError, validationError };
}

/** Reads a precomputed error curve: finite numbers ≥ 0, as many as `m`. */
export function readErrors(x: NumericInput, m: number, fn: string, arg: string, of: string): Float64Array {
  const v = Float64Array.from(asDiagnosticsError(() => readNumbers(x, fn, arg)));
  if (v.length !== m) failDiagnostics(fn, `${arg} has ${v.length} entries but ${of} has ${m}`);
  for (let i = 0; i < m; i++) if (v[i] < 0) failDiagnostics(fn, `${arg}[${i}] is ${show(v[i])}, expected a number >= 0`);
  return v;
}
