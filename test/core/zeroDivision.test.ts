import { describe, expect, it } from 'vitest';
import { MetricInputError, UndefinedMetricError } from '../../src/core/errors';
import { readZeroDivision, undefinedValue } from '../../src/core/zeroDivision';
import { expectError } from './expectError';

describe('readZeroDivision', () => {
  it('passes undefined, numbers and "error" through', () => {
    expect(readZeroDivision(undefined, 'f')).toBeUndefined();
    expect(readZeroDivision(0, 'f')).toBe(0);
    expect(readZeroDivision(1, 'f')).toBe(1);
    expect(readZeroDivision('error', 'f')).toBe('error');
  });

  it('reads NaN as the default (undefined)', () => {
    expect(readZeroDivision(NaN, 'f')).toBeUndefined();
  });

  it('rejects other strings and non-numbers', () => {
    expectError(() => readZeroDivision('warn' as 'error', 'precision'), MetricInputError, 'precision: zeroDivision is "warn", expected a number or "error"');
    expectError(() => readZeroDivision(null as unknown as number, 'f'), MetricInputError, 'f: zeroDivision is null, expected a number or "error"');
  });
});

describe('undefinedValue', () => {
  it('is NaN by default', () => {
    expect(undefinedValue(undefined, 'f', 'undefined')).toBeNaN();
  });

  it('is the zeroDivision number when given', () => {
    expect(undefinedValue(0, 'f', 'undefined')).toBe(0);
    expect(undefinedValue(1, 'f', 'undefined')).toBe(1);
  });

  it('throws an UndefinedMetricError naming the function and the reason for "error"', () => {
    expectError(
      () => undefinedValue('error', 'recall', 'recall is undefined: no positive examples'),
      UndefinedMetricError,
      'recall: recall is undefined: no positive examples',
    );
  });
});
