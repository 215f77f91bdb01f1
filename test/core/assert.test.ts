import { describe, expect, it } from 'vitest';
import { assertNonEmpty, assertSameLength, readChoice, readNumberOption } from '../../src/core/assert';
import { MetricInputError } from '../../src/core/errors';
import { expectError } from './expectError';

describe('assertSameLength', () => {
  it('passes equal lengths', () => {
    expect(() => assertSameLength('f', 'yTrue', 3, 'yScore', 3)).not.toThrow();
  });

  it('names both arguments and lengths on a mismatch', () => {
    expectError(() => assertSameLength('averagePrecision', 'yTrue', 3, 'yScore', 2), MetricInputError, 'averagePrecision: yTrue has 3 entries but yScore has 2');
  });
});

describe('assertNonEmpty', () => {
  it('passes a non-empty length', () => {
    expect(() => assertNonEmpty('f', 'yTrue', 1)).not.toThrow();
  });

  it('names the empty argument', () => {
    expectError(() => assertNonEmpty('rocAuc', 'yTrue', 0), MetricInputError, 'rocAuc: yTrue is empty');
  });
});

describe('readChoice', () => {
  const averages = ['binary', 'micro', 'macro'] as const;

  it('returns the fallback when the option is missing', () => {
    expect(readChoice(undefined, averages, 'binary', 'f', 'average')).toBe('binary');
  });

  it('returns an allowed value', () => {
    expect(readChoice('macro', averages, 'binary', 'f', 'average')).toBe('macro');
  });

  it('lists the allowed values when given another', () => {
    expectError(
      () => readChoice('mean' as 'macro', averages, 'binary', 'precision', 'average'),
      MetricInputError,
      'precision: average is "mean", expected one of "binary", "micro", "macro"',
    );
    expectError(
      () => readChoice(null as unknown as 'macro', averages, 'binary', 'f', 'average'),
      MetricInputError,
      'f: average is null, expected one of "binary", "micro", "macro"',
    );
  });
});

describe('readNumberOption', () => {
  it('returns the fallback when missing and the value when valid', () => {
    expect(readNumberOption(undefined, 1, 'f', 'beta')).toBe(1);
    expect(readNumberOption(2, 1, 'f', 'beta', { min: 0, minExclusive: true })).toBe(2);
  });

  it('accepts the inclusive bounds and rejects the exclusive ones', () => {
    expect(readNumberOption(0, 0.5, 'f', 'p', { min: 0, max: 1 })).toBe(0);
    expect(readNumberOption(1, 0.5, 'f', 'p', { min: 0, max: 1 })).toBe(1);
    expectError(() => readNumberOption(0, 1, 'f', 'beta', { min: 0, minExclusive: true }), MetricInputError, 'f: beta is 0, expected a finite number > 0');
    expectError(() => readNumberOption(1, 0.5, 'f', 'confidence', { min: 0, max: 1, minExclusive: true, maxExclusive: true }), MetricInputError, 'f: confidence is 1, expected a finite number > 0 and < 1');
  });

  it('states the range on an out-of-range value', () => {
    expectError(() => readNumberOption(-1, 1, 'fBeta', 'beta', { min: 0, minExclusive: true }), MetricInputError, 'fBeta: beta is -1, expected a finite number > 0');
    expectError(() => readNumberOption(1.5, 0.5, 'f', 'minPrecision', { min: 0, max: 1 }), MetricInputError, 'f: minPrecision is 1.5, expected a finite number >= 0 and <= 1');
    expectError(() => readNumberOption(5, 0.5, 'f', 'maxFpr', { max: 1 }), MetricInputError, 'f: maxFpr is 5, expected a finite number <= 1');
  });

  it('rejects non-integers when an integer is required', () => {
    expectError(() => readNumberOption(2.5, 1, 'f', 'resamples', { min: 1, integer: true }), MetricInputError, 'f: resamples is 2.5, expected a finite integer >= 1');
  });

  it('rejects NaN, infinities and non-numbers even without a range', () => {
    expectError(() => readNumberOption(NaN, 1, 'f', 'beta'), MetricInputError, 'f: beta is NaN, expected a finite number');
    expectError(() => readNumberOption(Infinity, 1, 'f', 'beta'), MetricInputError, 'f: beta is Infinity, expected a finite number');
    expectError(() => readNumberOption('2' as unknown as number, 1, 'f', 'beta'), MetricInputError, 'f: beta is "2", expected a finite number');
  });
});
