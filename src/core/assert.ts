import { fail, show } from './fail';

/**
 * Throws unless two inputs have the same length.
 *
 * @throws {MetricInputError} `fn: yTrue has 3 entries but yScore has 2`.
 */
export function assertSameLength(
  fn: string,
  aName: string,
  aLength: number,
  bName: string,
  bLength: number,
): void {
  if (aLength !== bLength) {
    fail(fn, `${aName} has ${aLength} entries but ${bName} has ${bLength}`);
  }
}

/**
 * Throws when an input is empty.
 *
 * @throws {MetricInputError} `fn: yTrue is empty`.
 */
export function assertNonEmpty(fn: string, arg: string, length: number): void {
  if (length === 0) fail(fn, `${arg} is empty`);
}

/**
 * Reads an option that must be one of a fixed set of strings.
 *
 * @throws {MetricInputError} `fn: average is "mean", expected one of "binary", "micro", ...`.
 */
export function readChoice<T extends string>(
  value: T | undefined,
  allowed: readonly T[],
  fallback: T,
  fn: string,
  arg: string,
): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value)) {
    fail(fn, `${arg} is ${show(value)}, expected one of ${allowed.map(show).join(', ')}`);
  }
  return value;
}

/** The range of a number option: inclusive bounds unless marked exclusive. */
export interface NumberRange {
  min?: number;
  max?: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
}

/**
 * Reads a finite number option within `[min, max]` (inclusive unless said).
 *
 * @throws {MetricInputError} `fn: beta is -1, expected a finite number > 0`.
 */
export function readNumberOption(
  value: number | undefined,
  fallback: number,
  fn: string,
  arg: string,
  range: NumberRange & { integer?: boolean } = {},
): number {
  if (value === undefined) return fallback;
  const { min = -Infinity, max = Infinity, minExclusive = false, maxExclusive = false, integer = false } = range;
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (minExclusive ? value > min : value >= min) &&
    (maxExclusive ? value < max : value <= max) &&
    (!integer || Number.isInteger(value));
  if (!ok) {
    const parts: string[] = [];
    if (min !== -Infinity) parts.push(`${minExclusive ? '>' : '>='} ${min}`);
    if (max !== Infinity) parts.push(`${maxExclusive ? '<' : '<='} ${max}`);
    fail(fn, `${arg} is ${show(value)}, expected a finite ${integer ? 'integer' : 'number'}${parts.length ? ' ' + parts.join(' and ') : ''}`);
  }
  return value;
}
