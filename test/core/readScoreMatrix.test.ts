import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/core/errors';
import { readScoreMatrix } from '../../src/core/readScoreMatrix';
import { expectError, tensorLike } from './expectError';

describe('readScoreMatrix', () => {
  it('reads nested arrays row-major', () => {
    const m = readScoreMatrix([[0.1, 0.9], [0.8, 0.2], [0.5, 0.5]], 'f', 'yScore');
    expect(m.rows).toBe(3);
    expect(m.cols).toBe(2);
    expect(m.values).toBeInstanceOf(Float64Array);
    expect(Array.from(m.values)).toEqual([0.1, 0.9, 0.8, 0.2, 0.5, 0.5]);
  });

  it('reads nested typed arrays', () => {
    const m = readScoreMatrix([Float64Array.from([1, 2, 3]), Float64Array.from([4, 5, 6])], 'f', 'yScore');
    expect([m.rows, m.cols]).toEqual([2, 3]);
  });

  it('reads a flat array or typed array with numClasses', () => {
    const m = readScoreMatrix([0.2, 0.8, 0.6, 0.4], 'f', 'yScore', 2);
    expect([m.rows, m.cols]).toEqual([2, 2]);
    expect(Array.from(m.values)).toEqual([0.2, 0.8, 0.6, 0.4]);
    const t = readScoreMatrix(Float32Array.from([0.5, 0.25, 0.25]), 'f', 'yScore', 3);
    expect([t.rows, t.cols]).toEqual([1, 3]);
  });

  it('reads a 2-D tensor using its shape', () => {
    const m = readScoreMatrix(tensorLike([0.5, 0.5, 0.25, 0.75], [2, 2]), 'f', 'yScore');
    expect([m.rows, m.cols]).toEqual([2, 2]);
    expect(Array.from(m.values)).toEqual([0.5, 0.5, 0.25, 0.75]);
  });

  it('rejects a tensor that is not 2-D', () => {
    expectError(() => readScoreMatrix(tensorLike([1, 2, 3, 4]), 'f', 'yScore'), MetricInputError, 'f: yScore must be a 2-D tensor (n×k), got shape [4]');
  });

  it('rejects ragged rows', () => {
    expectError(() => readScoreMatrix([[1, 2], [3]], 'f', 'yScore'), MetricInputError, 'f: yScore[1] has 1 entries but yScore[0] has 2');
    expectError(() => readScoreMatrix([[1, 2], null] as unknown as number[][], 'f', 'yScore'), MetricInputError, 'f: yScore[1] has null entries but yScore[0] has 2');
  });

  it('rejects non-numbers and non-finite entries with row and column', () => {
    expectError(() => readScoreMatrix([[1, 'a']] as unknown as number[][], 'f', 'yScore'), MetricInputError, 'f: yScore[0][1] is "a", not a number');
    expectError(() => readScoreMatrix([[1, 0], [NaN, 1]], 'f', 'yScore'), MetricInputError, 'f: yScore[1][0] is NaN');
    expectError(() => readScoreMatrix([0, 1, Infinity, 0], 'f', 'yScore', 2), MetricInputError, 'f: yScore[1][0] is Infinity');
    expectError(() => readScoreMatrix([0, 'x'] as unknown as number[], 'f', 'yScore', 2), MetricInputError, 'f: yScore[0][1] is "x", not a number');
    expectError(() => readScoreMatrix(tensorLike([0, 1, 1, NaN], [2, 2]), 'f', 'yScore'), MetricInputError, 'f: yScore[1][1] is NaN');
  });

  it('requires numClasses for a flat input', () => {
    expectError(
      () => readScoreMatrix([0.1, 0.9], 'f', 'yScore'),
      MetricInputError,
      'f: yScore is a flat array: pass numClasses, or give an n×k nested array or 2-D tensor',
    );
  });

  it('rejects a numClasses that is not a positive integer', () => {
    expectError(() => readScoreMatrix([0.1, 0.9], 'f', 'yScore', 0), MetricInputError, 'f: numClasses is 0, expected a positive integer');
    expectError(() => readScoreMatrix([0.1, 0.9], 'f', 'yScore', 1.5), MetricInputError, 'f: numClasses is 1.5, expected a positive integer');
  });

  it('rejects a flat length that is not a multiple of numClasses', () => {
    expectError(() => readScoreMatrix([1, 2, 3, 4, 5], 'f', 'yScore', 2), MetricInputError, 'f: yScore has 5 entries, not a multiple of numClasses (2)');
  });

  it('rejects a tensor whose column count differs from numClasses', () => {
    expectError(() => readScoreMatrix(tensorLike([1, 0, 0, 1], [2, 2]), 'f', 'yScore', 3), MetricInputError, 'f: yScore has 2 columns but numClasses is 3');
  });

  it('rejects nested arrays whose column count differs from numClasses', () => {
    expectError(() => readScoreMatrix([[1, 0], [0, 1]], 'f', 'yScore', 3), MetricInputError, 'f: yScore has 2 columns but numClasses is 3');
  });

  it('rejects values that are not matrices', () => {
    expectError(
      () => readScoreMatrix(5 as unknown as number[], 'f', 'yScore'),
      MetricInputError,
      'f: yScore must be an n×k array, a 2-D tensor, or a flat array with numClasses, got 5',
    );
    expectError(
      () => readScoreMatrix(null as unknown as number[], 'f', 'yScore'),
      MetricInputError,
      'f: yScore must be an n×k array, a 2-D tensor, or a flat array with numClasses, got null',
    );
  });

  it('does not mutate nested input', () => {
    const x = [[0.3, 0.7]];
    readScoreMatrix(x, 'f', 'yScore');
    expect(x).toEqual([[0.3, 0.7]]);
  });
});
