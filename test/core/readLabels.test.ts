import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/core/errors';
import { compareLabels, readLabels, uniqueLabels } from '../../src/core/readLabels';
import { expectError, tensorLike } from './expectError';

describe('readLabels', () => {
  it('reads numbers into a Float64Array', () => {
    const out = readLabels([2, 0, 1], 'f', 'yTrue') as Float64Array;
    expect(out).toBeInstanceOf(Float64Array);
    expect(Array.from(out)).toEqual([2, 0, 1]);
  });

  it('reads booleans as 1 and 0, also mixed with numbers', () => {
    expect(Array.from(readLabels([true, false], 'f', 'yTrue') as Float64Array)).toEqual([1, 0]);
    expect(Array.from(readLabels([true, 0, 2] as unknown as number[], 'f', 'yTrue') as Float64Array)).toEqual([1, 0, 2]);
  });

  it('reads strings into a string array, copying the input', () => {
    const x = ['cat', 'dog'];
    const out = readLabels(x, 'f', 'yTrue');
    expect(out).toEqual(['cat', 'dog']);
    expect(out).not.toBe(x);
  });

  it('reads an empty array as an empty Float64Array', () => {
    const out = readLabels([], 'f', 'yTrue');
    expect(out).toBeInstanceOf(Float64Array);
    expect(out.length).toBe(0);
  });

  it('reads typed arrays as numbers and returns a Float64Array input as is', () => {
    expect(Array.from(readLabels(Int32Array.from([3, 1]), 'f', 'yTrue') as Float64Array)).toEqual([3, 1]);
    const f = Float64Array.from([1, 0]);
    expect(readLabels(f, 'f', 'yTrue')).toBe(f);
  });

  it('reads numeric and string tensors', () => {
    expect(Array.from(readLabels(tensorLike([1, 0, 2]), 'f', 'yTrue') as Float64Array)).toEqual([1, 0, 2]);
    expect(readLabels(tensorLike(['a', 'b']), 'f', 'yTrue')).toEqual(['a', 'b']);
  });

  it('rejects numbers mixed with strings, naming both positions', () => {
    expectError(
      () => readLabels([1, 0, 'cat'] as unknown as number[], 'f', 'yTrue'),
      MetricInputError,
      'f: yTrue[2] is "cat" but yTrue[0] is 1: labels must all be numbers or all strings',
    );
    expectError(
      () => readLabels(['cat', 1] as unknown as string[], 'f', 'yTrue'),
      MetricInputError,
      'f: yTrue[1] is 1 but yTrue[0] is "cat": labels must all be numbers or all strings',
    );
    expectError(
      () => readLabels([true, 'cat'] as unknown as boolean[], 'f', 'yPred'),
      MetricInputError,
      'f: yPred[1] is "cat" but yPred[0] is true: labels must all be numbers or all strings',
    );
  });

  it('rejects values that are neither number, boolean nor string', () => {
    expectError(() => readLabels([1, null] as unknown as number[], 'f', 'yTrue'), MetricInputError, 'f: yTrue[1] is null, not a number, boolean or string label');
    expectError(() => readLabels(['a', undefined] as unknown as string[], 'f', 'yTrue'), MetricInputError, 'f: yTrue[1] is undefined, not a number, boolean or string label');
    expectError(() => readLabels([0, {}] as unknown as number[], 'f', 'yTrue'), MetricInputError, 'f: yTrue[1] is [object Object], not a number, boolean or string label');
  });

  it('rejects NaN and infinite numeric labels from arrays, typed arrays and tensors', () => {
    expectError(() => readLabels([0, NaN], 'f', 'yTrue'), MetricInputError, 'f: yTrue[1] is NaN, not a valid label');
    expectError(() => readLabels(Float32Array.from([Infinity]), 'f', 'yTrue'), MetricInputError, 'f: yTrue[0] is Infinity, not a valid label');
    expectError(() => readLabels(tensorLike([1, -Infinity]), 'f', 'yTrue'), MetricInputError, 'f: yTrue[1] is -Infinity, not a valid label');
  });

  it('rejects values that are not array-like', () => {
    expectError(() => readLabels('01' as unknown as string[], 'f', 'yTrue'), MetricInputError, 'f: yTrue must be an array, a typed array or a tensor, got "01"');
    expectError(() => readLabels(null as unknown as string[], 'f', 'yTrue'), MetricInputError, 'f: yTrue must be an array, a typed array or a tensor, got null');
    expectError(() => readLabels(7 as unknown as string[], 'f', 'yTrue'), MetricInputError, 'f: yTrue must be an array, a typed array or a tensor, got 7');
  });

  it('does not mutate its input', () => {
    const x = [true, false];
    readLabels(x, 'f', 'yTrue');
    expect(x).toEqual([true, false]);
  });
});

describe('compareLabels', () => {
  it('orders numbers numerically: 10 after 9', () => {
    expect([10, 9, 1, -2].sort(compareLabels)).toEqual([-2, 1, 9, 10]);
  });

  it('orders strings by code point: uppercase before lowercase, "10" before "9"', () => {
    expect(['b', 'a', 'B', '9', '10'].sort(compareLabels)).toEqual(['10', '9', 'B', 'a', 'b']);
    expect(compareLabels('a', 'a')).toBe(0);
  });

  it('orders strings by code point beyond the Basic Multilingual Plane, as Python (scikit-learn) does', () => {
    // U+FF5A < U+1F600 by code point; in UTF-16 code units the surrogate pair
    // of U+1F600 (0xD83D 0xDE00) would sort first.
    expect(['\u{1F600}', '\uFF5A', 'a'].sort(compareLabels)).toEqual(['a', '\uFF5A', '\u{1F600}']);
    expect(compareLabels('\uFF5A', '\u{1F600}')).toBeLessThan(0);
    expect(compareLabels('\u{1F600}', '\u{1F4A9}')).toBeGreaterThan(0);
  });
});

describe('uniqueLabels', () => {
  it('returns the distinct labels of all arrays, sorted', () => {
    expect(uniqueLabels(Float64Array.from([10, 9, 1]), Float64Array.from([9, 2]))).toEqual([1, 2, 9, 10]);
    expect(uniqueLabels(['pig', 'cat'], ['dog', 'cat'])).toEqual(['cat', 'dog', 'pig']);
  });

  it('returns an empty array for empty input', () => {
    expect(uniqueLabels(new Float64Array(0))).toEqual([]);
  });
});
