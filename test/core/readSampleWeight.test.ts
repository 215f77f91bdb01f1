import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/core/errors';
import { readSampleWeight } from '../../src/core/readSampleWeight';
import { expectError, tensorLike } from './expectError';

describe('readSampleWeight', () => {
  it('returns undefined for missing weights (every example weighs 1)', () => {
    expect(readSampleWeight(undefined, 3, 'f')).toBeUndefined();
    expect(readSampleWeight(null as unknown as undefined, 3, 'f')).toBeUndefined();
  });

  it('reads weights, zeros included, into a Float64Array', () => {
    const w = readSampleWeight([0, 1.5, 2], 3, 'f');
    expect(w).toBeInstanceOf(Float64Array);
    expect(Array.from(w!)).toEqual([0, 1.5, 2]);
  });

  it('reads typed arrays and tensors', () => {
    expect(Array.from(readSampleWeight(Uint8Array.from([1, 2]), 2, 'f')!)).toEqual([1, 2]);
    expect(Array.from(readSampleWeight(tensorLike([0.5, 4]), 2, 'f')!)).toEqual([0.5, 4]);
  });

  it('rejects a length mismatch against yTrue by default, or the named argument', () => {
    expectError(() => readSampleWeight([1, 1], 3, 'rocAuc'), MetricInputError, 'rocAuc: yTrue has 3 entries but sampleWeight has 2');
    expectError(() => readSampleWeight([1], 2, 'f', 'yPred'), MetricInputError, 'f: yPred has 2 entries but sampleWeight has 1');
  });

  it('rejects negative, NaN and infinite weights with index and value', () => {
    const rule = 'weights must be finite and non-negative';
    expectError(() => readSampleWeight([1, -1, -2], 3, 'f'), MetricInputError, `f: sampleWeight[1] is -1: ${rule}`);
    expectError(() => readSampleWeight([NaN], 1, 'f'), MetricInputError, `f: sampleWeight[0] is NaN: ${rule}`);
    expectError(() => readSampleWeight([1, Infinity], 2, 'f'), MetricInputError, `f: sampleWeight[1] is Infinity: ${rule}`);
    expectError(() => readSampleWeight([-Infinity], 1, 'f'), MetricInputError, `f: sampleWeight[0] is -Infinity: ${rule}`);
  });

  it('accepts -0 as a zero weight', () => {
    expect(() => readSampleWeight([-0], 1, 'f')).not.toThrow();
  });

  it('checks the length before the values', () => {
    expectError(() => readSampleWeight([-1], 2, 'f'), MetricInputError, 'f: yTrue has 2 entries but sampleWeight has 1');
  });

  it('rejects non-numbers in the weights', () => {
    expectError(() => readSampleWeight(['1'] as unknown as number[], 1, 'f'), MetricInputError, 'f: sampleWeight[0] is "1", not a number');
  });
});
