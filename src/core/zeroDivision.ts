import { UndefinedMetricError } from './errors';
import { fail, show } from './fail';
import type { ZeroDivision } from './types';

/**
 * Validates the `zeroDivision` option.
 *
 * @throws {MetricInputError} `fn: zeroDivision is "warn", expected a number or "error"`.
 */
export function readZeroDivision(value: ZeroDivision | undefined, fn: string): ZeroDivision | undefined {
  // NaN asks for the default, like undefined.
  if (value === undefined || value === 'error' || typeof value === 'number') return value === value ? value : undefined;
  return fail(fn, `zeroDivision is ${show(value)}, expected a number or "error"`);
}

/**
 * The value of an undefined metric: `NaN` by default, the `zeroDivision`
 * number when given, or an {@link UndefinedMetricError} for `'error'`.
 *
 * @param what - says why it is undefined, e.g. `"recall is undefined: no positive examples"`.
 */
export function undefinedValue(zeroDivision: ZeroDivision | undefined, fn: string, what: string): number {
  if (zeroDivision === undefined) return NaN;
  if (zeroDivision === 'error') throw new UndefinedMetricError(`${fn}: ${what}`);
  return zeroDivision;
}
