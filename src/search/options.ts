import { readNumberOption } from '../core/assert';
import { asSearchError } from './errors';

/** Reads an integer option in `[min, max]`; throws a `SearchError` naming it. Internal. */
export function readIntSearchOption(value: number | undefined, fallback: number, fn: string, arg: string, min: number, max = Infinity): number {
  return asSearchError(() => readNumberOption(value, fallback, fn, arg, { min, max, integer: true }));
}

/** Reads a finite number option within a range; throws a `SearchError` naming it. Internal. */
export function readNumberSearchOption(
  value: number | undefined,
  fallback: number,
  fn: string,
  arg: string,
  range: { min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean } = {},
): number {
  return asSearchError(() => readNumberOption(value, fallback, fn, arg, range));
}
