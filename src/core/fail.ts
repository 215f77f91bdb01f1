import { MetricInputError } from './errors';

/** Throws a {@link MetricInputError} prefixed with the function's name. */
export function fail(fn: string, message: string): never {
  throw new MetricInputError(`${fn}: ${message}`);
}

/**
 * Throws `fn: arg[index] is value` followed by `rest`: the message of a bad
 * entry, shared by every reader so the code building it is written once.
 * `index` is a number, or `i][j` for an entry of a matrix (`arg[i][j]`).
 *
 * @throws {MetricInputError} always, e.g. `averagePrecision: yScore[17] is NaN`.
 */
export function failAt(fn: string, arg: string, index: number | string, value: unknown, rest = ''): never {
  return fail(fn, `${arg}[${index}] is ${show(value)}${rest}`);
}

/**
 * Throws `fn: arg must be what, got value`: the message of an input of the
 * wrong kind altogether, shared by the readers.
 *
 * @throws {MetricInputError} always.
 */
export function failKind(fn: string, arg: string, what: string, value: unknown): never {
  return fail(fn, `${arg} must be ${what}, got ${show(value)}`);
}

/** Formats a value for an error message: strings quoted, numbers as JS prints them, BigInts with their `n`. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (Object.is(value, -0)) return '-0';
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  return String(value);
}
