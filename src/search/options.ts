import type { NumberRange } from '../core/assert';
import { readIntOption, readNumOption } from '../core/configErrors';
import { SearchError } from './errors';

/** Reads an integer option in `[min, max]`; throws a `SearchError` naming it. Internal. */
export function readIntSearchOption(value: number | undefined, fallback: number, fn: string, arg: string, min: number, max = Infinity): number {
  return readIntOption(value, fallback, fn, arg, min, max, SearchError);
}

/** Reads a finite number option within a range; throws a `SearchError` naming it. Internal. */
export function readNumberSearchOption(value: number | undefined, fallback: number, fn: string, arg: string, range: NumberRange = {}): number {
  return readNumOption(value, fallback, fn, arg, range, SearchError);
}
