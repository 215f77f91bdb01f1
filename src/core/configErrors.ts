import { readChoice, readNumberOption, type NumberRange } from './assert';
import { MetricInputError, TfjsMethodologyError } from './errors';

/**
 * A bad argument to a function outside the metrics: an option out of range
 * (`twoMoons: n is 0, expected a finite integer >= 1`), an unknown choice, a
 * dataset whose shape does not fit, a monitored value missing from a
 * training callback's logs. Like every error of the library, the message
 * names the function and the argument.
 *
 * @example
 * try { twoMoons({ n: 0 }); } catch (e) { e instanceof InvalidOptionError; }
 * // => true
 */
export class InvalidOptionError extends TfjsMethodologyError {}

/** Throws an {@link InvalidOptionError} prefixed with the function's name. */
export function failOption(fn: string, message: string): never {
  throw new InvalidOptionError(`${fn}: ${message}`);
}

/** An error class of the library whose constructor takes the message. */
export type ErrorClass = new (message: string) => TfjsMethodologyError;

/**
 * Runs `read` (one of the `core/` readers, which throw `MetricInputError`)
 * and rethrows its input error as `Type` with the same message, so that the
 * non-metric modules reuse the shared validation and still throw their own
 * error type.
 */
export function rethrowAs<T>(Type: ErrorClass, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof MetricInputError) throw new Type(e.message);
    throw e;
  }
}

/** {@link rethrowAs} an {@link InvalidOptionError}. */
export function asOptionError<T>(read: () => T): T {
  return rethrowAs(InvalidOptionError, read);
}

/** Reads an integer option in `[min, max]`; throws {@link InvalidOptionError} (or `Type`). */
export function readIntOption(
  value: number | undefined,
  fallback: number,
  fn: string,
  arg: string,
  min: number,
  max = Infinity,
  Type: ErrorClass = InvalidOptionError,
): number {
  return rethrowAs(Type, () => readNumberOption(value, fallback, fn, arg, { min, max, integer: true }));
}

/** Reads a finite number option within a range; throws {@link InvalidOptionError} (or `Type`). */
export function readNumOption(
  value: number | undefined,
  fallback: number,
  fn: string,
  arg: string,
  range: NumberRange = {},
  Type: ErrorClass = InvalidOptionError,
): number {
  return rethrowAs(Type, () => readNumberOption(value, fallback, fn, arg, range));
}

/** Reads one of a fixed set of strings; throws {@link InvalidOptionError}. */
export function readChoiceOption<T extends string>(value: T | undefined, allowed: readonly T[], fallback: T, fn: string, arg: string): T {
  return asOptionError(() => readChoice(value, allowed, fallback, fn, arg));
}
