import { MetricInputError, TfjsMethodologyError } from '../core/errors';

/**
 * Bad input to a diagnostics function: an error that is not a finite
 * non-negative number, sizes or capacities that do not increase, a `train`
 * callback returning something other than `{ trainError, validationError }`,
 * an option out of range. The message names the function, the argument and,
 * for arrays, the first bad index and its value
 * (`learningCurve: sizes[2] is 100 but sizes[1] is 200: sizes must increase`).
 *
 * @example
 * try { diagnoseFit({ trainError: NaN, validationError: 0.1, targetError: 0.05 }); } catch (e) { e instanceof DiagnosticsInputError; }
 * // => true
 */
export class DiagnosticsInputError extends TfjsMethodologyError {}

/** Throws a {@link DiagnosticsInputError} prefixed with the function's name. */
export function failDiagnostics(fn: string, message: string): never {
  throw new DiagnosticsInputError(`${fn}: ${message}`);
}

/**
 * Runs `read` (a `core/` reader or a metric, which throw `MetricInputError`)
 * and rethrows its input error as a {@link DiagnosticsInputError} with the
 * same message; a message that starts with `from:` (the name of a metric
 * called on the caller's behalf) is renamed to `fn:`.
 */
export function asDiagnosticsError<T>(read: () => T, fn?: string, from?: string): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof MetricInputError) {
      const message = fn !== undefined && from !== undefined && e.message.startsWith(`${from}:`) ? `${fn}:${e.message.slice(from.length + 1)}` : e.message;
      throw new DiagnosticsInputError(message);
    }
    throw e;
  }
}
