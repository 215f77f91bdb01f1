import { MetricInputError } from './errors';

/** Throws a {@link MetricInputError} prefixed with the function's name. */
export function fail(fn: string, message: string): never {
  throw new MetricInputError(`${fn}: ${message}`);
}

/** Formats a value for an error message: strings quoted, numbers as JS prints them. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' && Object.is(value, -0)) return '-0';
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  return String(value);
}
