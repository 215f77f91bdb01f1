import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/core/errors';
import { readBinaryLabels } from '../../src/core/readBinaryLabels';
import { expectError, tensorLike } from './expectError';

const NOT_BINARY = 'binary labels must be {0, 1}, {-1, 1} or booleans; pass posLabel to name the positive class';

describe('readBinaryLabels', () => {
  it('reads {0, 1} labels as a Uint8Array of 0 and 1', () => {
    const out = readBinaryLabels([0, 1, 1, 0], 'f', 'yTrue');
    expect(out).toBeInstanceOf(Uint8Array);
    expect(Array.from(out)).toEqual([0, 1, 1, 0]);
  });

  it('reads {-1, 1} labels with 1 positive', () => {
    expect(Array.from(readBinaryLabels([-1, 1, -1], 'f', 'yTrue'))).toEqual([0, 1, 0]);
  });

  it('reads booleans with true positive', () => {
    expect(Array.from(readBinaryLabels([true, false, true], 'f', 'yTrue'))).toEqual([1, 0, 1]);
  });

  it('accepts one class only: all 1, all 0, all -1', () => {
    expect(Array.from(readBinaryLabels([1, 1], 'f', 'yTrue'))).toEqual([1, 1]);
    expect(Array.from(readBinaryLabels([0, 0], 'f', 'yTrue'))).toEqual([0, 0]);
    expect(Array.from(readBinaryLabels([-1, -1], 'f', 'yTrue'))).toEqual([0, 0]);
  });

  it('reads typed arrays and tensors', () => {
    expect(Array.from(readBinaryLabels(Int8Array.from([-1, 1]), 'f', 'yTrue'))).toEqual([0, 1]);
    expect(Array.from(readBinaryLabels(tensorLike([1, 0]), 'f', 'yTrue'))).toEqual([1, 0]);
  });

  it('rejects 0 and -1 together, naming both positions', () => {
    expectError(() => readBinaryLabels([0, 1, -1], 'f', 'yTrue'), MetricInputError, `f: yTrue[2] is -1 but yTrue[0] is 0: ${NOT_BINARY}`);
    expectError(() => readBinaryLabels([1, -1, 0], 'f', 'yTrue'), MetricInputError, `f: yTrue[2] is 0 but yTrue[1] is -1: ${NOT_BINARY}`);
  });

  it('rejects any other numeric label without posLabel', () => {
    expectError(() => readBinaryLabels([0, 1, 2], 'averagePrecision', 'yTrue'), MetricInputError, `averagePrecision: yTrue[2] is 2: ${NOT_BINARY}`);
    expectError(() => readBinaryLabels([0.5], 'f', 'yTrue'), MetricInputError, `f: yTrue[0] is 0.5: ${NOT_BINARY}`);
  });

  it('rejects string labels without posLabel, naming the first one', () => {
    expectError(() => readBinaryLabels(['spam', 'ham'], 'f', 'yTrue'), MetricInputError, `f: yTrue[0] is "spam": ${NOT_BINARY}`);
  });

  it('uses posLabel for string labels', () => {
    expect(Array.from(readBinaryLabels(['spam', 'ham', 'spam'], 'f', 'yTrue', 'spam'))).toEqual([1, 0, 1]);
    expect(Array.from(readBinaryLabels(['spam', 'ham', 'spam'], 'f', 'yTrue', 'ham'))).toEqual([0, 1, 0]);
  });

  it('uses a numeric posLabel, including 0 and labels outside {0, 1}', () => {
    expect(Array.from(readBinaryLabels([0, 1, 0], 'f', 'yTrue', 0))).toEqual([1, 0, 1]);
    expect(Array.from(readBinaryLabels([1, 2, 2], 'f', 'yTrue', 2))).toEqual([0, 1, 1]);
  });

  it('uses a boolean posLabel with boolean labels', () => {
    expect(Array.from(readBinaryLabels([true, false], 'f', 'yTrue', true))).toEqual([1, 0]);
    expect(Array.from(readBinaryLabels([true, false], 'f', 'yTrue', false))).toEqual([0, 1]);
  });

  it('accepts a posLabel that never occurs: every example is negative', () => {
    expect(Array.from(readBinaryLabels(['ham', 'ham'], 'f', 'yTrue', 'spam'))).toEqual([0, 0]);
  });

  it('rejects a third class with posLabel, naming it, posLabel and the other class', () => {
    expectError(
      () => readBinaryLabels(['spam', 'ham', 'eggs'], 'f', 'yTrue', 'spam'),
      MetricInputError,
      'f: yTrue[2] is "eggs", a third class besides "spam" (posLabel) and "ham" (yTrue[1]): binary labels are required',
    );
    expectError(
      () => readBinaryLabels(['a', 'b'], 'f', 'yTrue', 'c'),
      MetricInputError,
      'f: yTrue[1] is "b", a third class besides "c" (posLabel) and "a" (yTrue[0]): binary labels are required',
    );
  });

  it('rejects NaN, null and mixed-in strings as not binary, naming index and value', () => {
    expectError(() => readBinaryLabels([0, NaN], 'f', 'yTrue'), MetricInputError, `f: yTrue[1] is NaN: ${NOT_BINARY}`);
    expectError(() => readBinaryLabels([1, null] as unknown as number[], 'f', 'yTrue'), MetricInputError, `f: yTrue[1] is null: ${NOT_BINARY}`);
    expectError(() => readBinaryLabels([true, 'x'] as unknown as boolean[], 'f', 'yTrue'), MetricInputError, `f: yTrue[1] is "x": ${NOT_BINARY}`);
  });

  it('passes on the errors of readLabels with posLabel', () => {
    expectError(() => readBinaryLabels([0, NaN], 'f', 'yTrue', 0), MetricInputError, 'f: yTrue[1] is NaN, not a valid label');
  });

  it('names false, not 0, when booleans meet -1', () => {
    expectError(() => readBinaryLabels([false, true, -1] as unknown as boolean[], 'f', 'yTrue'), MetricInputError, `f: yTrue[2] is -1 but yTrue[0] is false: ${NOT_BINARY}`);
  });

  it('reads an empty input as an empty Uint8Array', () => {
    expect(readBinaryLabels([], 'f', 'yTrue').length).toBe(0);
  });
});
