import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/core/errors';
import { assertFinite, readNumbers } from '../../src/core/readNumbers';
import { expectError, tensorLike } from './expectError';

describe('readNumbers', () => {
  it('reads a plain number array into a Float64Array', () => {
    const out = readNumbers([0.5, -1, 3], 'f', 'yScore');
    expect(out).toBeInstanceOf(Float64Array);
    expect(Array.from(out)).toEqual([0.5, -1, 3]);
  });

  it('returns a Float64Array input itself, without a copy', () => {
    const x = Float64Array.from([1, 2]);
    expect(readNumbers(x, 'f', 'yScore')).toBe(x);
  });

  it('converts Float32Array, Int32Array and Uint8Array to float64 values', () => {
    const f32 = Float32Array.from([0.1, 0.7]);
    expect(Array.from(readNumbers(f32, 'f', 'x'))).toEqual([Math.fround(0.1), Math.fround(0.7)]);
    expect(Array.from(readNumbers(Int32Array.from([-3, 4]), 'f', 'x'))).toEqual([-3, 4]);
    expect(Array.from(readNumbers(Uint8Array.from([0, 255]), 'f', 'x'))).toEqual([0, 255]);
  });

  it('reads a tensor-like object through dataSync', () => {
    const t = tensorLike([0.25, 0.5, 1]);
    const out = readNumbers(t, 'f', 'yScore');
    expect(out).toBeInstanceOf(Float64Array);
    expect(Array.from(out)).toEqual([0.25, 0.5, 1]);
  });

  it('reads an array-like object with a length', () => {
    expect(Array.from(readNumbers({ length: 2, 0: 4, 1: 5 }, 'f', 'x'))).toEqual([4, 5]);
  });

  it('reads an empty array as an empty Float64Array (emptiness is checked elsewhere)', () => {
    expect(readNumbers([], 'f', 'x').length).toBe(0);
  });

  it('does not mutate its input', () => {
    const x = [3, 1, 2];
    const f = Float32Array.from(x);
    readNumbers(x, 'f', 'x');
    readNumbers(f, 'f', 'x');
    expect(x).toEqual([3, 1, 2]);
    expect(Array.from(f)).toEqual([3, 1, 2]);
  });

  it('names the function, argument and first index of a NaN', () => {
    expectError(() => readNumbers([0, 1, NaN, NaN], 'averagePrecision', 'yScore'), MetricInputError, 'averagePrecision: yScore[2] is NaN');
  });

  it('rejects +Infinity and -Infinity with their index', () => {
    expectError(() => readNumbers([Infinity], 'f', 'yScore'), MetricInputError, 'f: yScore[0] is Infinity');
    expectError(() => readNumbers([1, -Infinity], 'f', 'yScore'), MetricInputError, 'f: yScore[1] is -Infinity');
  });

  it('rejects non-finite entries of typed arrays and tensors too', () => {
    expectError(() => readNumbers(Float32Array.from([1, NaN]), 'f', 'yScore'), MetricInputError, 'f: yScore[1] is NaN');
    expectError(() => readNumbers(Float64Array.from([Infinity]), 'f', 'yScore'), MetricInputError, 'f: yScore[0] is Infinity');
    expectError(() => readNumbers(tensorLike([0, 0, NaN]), 'f', 'yScore'), MetricInputError, 'f: yScore[2] is NaN');
  });

  it('accepts NaN and Infinity when allowNonFinite is set', () => {
    const out = readNumbers([NaN, Infinity, -Infinity], 'f', 'x', { allowNonFinite: true });
    expect(Number.isNaN(out[0])).toBe(true);
    expect(out[1]).toBe(Infinity);
    expect(out[2]).toBe(-Infinity);
  });

  it('rejects entries that are not numbers, naming index and value', () => {
    expectError(() => readNumbers([1, 'a'] as unknown as number[], 'f', 'yScore'), MetricInputError, 'f: yScore[1] is "a", not a number');
    expectError(() => readNumbers([true] as unknown as number[], 'f', 'yScore'), MetricInputError, 'f: yScore[0] is true, not a number');
    expectError(() => readNumbers([1, 2, null] as unknown as number[], 'f', 'yScore'), MetricInputError, 'f: yScore[2] is null, not a number');
    expectError(() => readNumbers([undefined] as unknown as number[], 'f', 'w'), MetricInputError, 'f: w[0] is undefined, not a number');
  });

  it('rejects a string tensor at its first entry', () => {
    expectError(() => readNumbers(tensorLike(['a']), 'f', 'yScore'), MetricInputError, 'f: yScore[0] is "a", not a number');
  });

  it('rejects BigInt typed arrays', () => {
    expectError(
      () => readNumbers(BigInt64Array.from([1n]) as unknown as number[], 'f', 'yScore'),
      MetricInputError,
      'f: yScore[0] is 1n, not a number',
    );
  });

  it('rejects values that are not array-like', () => {
    expectError(() => readNumbers('abc' as unknown as number[], 'f', 'yScore'), MetricInputError, 'f: yScore must be an array, a typed array or a tensor, got "abc"');
    expectError(() => readNumbers(null as unknown as number[], 'f', 'yScore'), MetricInputError, 'f: yScore must be an array, a typed array or a tensor, got null');
    expectError(() => readNumbers(undefined as unknown as number[], 'f', 'yScore'), MetricInputError, 'f: yScore must be an array, a typed array or a tensor, got undefined');
    expectError(() => readNumbers(5 as unknown as number[], 'f', 'yScore'), MetricInputError, 'f: yScore must be an array, a typed array or a tensor, got 5');
    expectError(
      () => readNumbers(new DataView(new ArrayBuffer(8)) as unknown as number[], 'f', 'yScore'),
      MetricInputError,
      /^f: yScore must be an array, a typed array or a tensor, got /,
    );
  });
});

describe('assertFinite', () => {
  it('passes finite values, including -0 and extremes', () => {
    expect(() => assertFinite([0, -0, Number.MAX_VALUE, -Number.MIN_VALUE], 'f', 'x')).not.toThrow();
  });

  it('throws on the first non-finite entry', () => {
    expectError(() => assertFinite([1, Infinity, NaN], 'rocAuc', 'yScore'), MetricInputError, 'rocAuc: yScore[1] is Infinity');
  });
});
