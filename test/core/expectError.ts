import { expect } from 'vitest';

/**
 * Asserts that `fn` throws an instance of `type` whose message is exactly
 * `message` (a string) or matches it (a RegExp).
 */
export function expectError(
  fn: () => unknown,
  type: abstract new (...args: never[]) => Error,
  message: string | RegExp,
): void {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  expect(thrown, 'expected a throw').toBeInstanceOf(type);
  const actual = (thrown as Error).message;
  if (typeof message === 'string') expect(actual).toBe(message);
  else expect(actual).toMatch(message);
}

/** A minimal stand-in for a tfjs Tensor: shape, dtype and dataSync. */
export function tensorLike(
  data: ArrayLike<number> | string[],
  shape: number[] = [data.length],
  dtype = typeof data[0] === 'string' ? 'string' : 'float32',
): { shape: number[]; dtype: string; dataSync: () => ArrayLike<number> | string[] } {
  const stored = typeof data[0] === 'string' ? [...(data as string[])] : Float32Array.from(data as ArrayLike<number>);
  return { shape, dtype, dataSync: () => stored };
}
