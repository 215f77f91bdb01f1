import { describe, expect, it } from 'vitest';
import { MetricInputError, TfjsMethodologyError, UndefinedMetricError } from '../../src/core/errors';
import { fail, show } from '../../src/core/fail';
import { expectError } from './expectError';

describe('error classes', () => {
  it('MetricInputError is a TfjsMethodologyError and an Error, named after its class', () => {
    const e = new MetricInputError('f: x is empty');
    expect(e).toBeInstanceOf(MetricInputError);
    expect(e).toBeInstanceOf(TfjsMethodologyError);
    expect(e).toBeInstanceOf(Error);
    expect(e).not.toBeInstanceOf(UndefinedMetricError);
    expect(e.name).toBe('MetricInputError');
    expect(e.message).toBe('f: x is empty');
  });

  it('UndefinedMetricError is a TfjsMethodologyError but not a MetricInputError', () => {
    const e = new UndefinedMetricError('recall: no positives');
    expect(e).toBeInstanceOf(TfjsMethodologyError);
    expect(e).not.toBeInstanceOf(MetricInputError);
    expect(e.name).toBe('UndefinedMetricError');
  });

  it('TfjsMethodologyError is named TfjsMethodologyError', () => {
    expect(new TfjsMethodologyError('m').name).toBe('TfjsMethodologyError');
  });
});

describe('fail', () => {
  it('throws a MetricInputError prefixed with the function name', () => {
    expectError(() => fail('averagePrecision', 'yScore[17] is NaN'), MetricInputError, 'averagePrecision: yScore[17] is NaN');
  });
});

describe('show', () => {
  it('quotes strings as JSON', () => {
    expect(show('spam')).toBe('"spam"');
    expect(show('a"b')).toBe('"a\\"b"');
  });

  it('prints numbers as JavaScript does, keeping the sign of -0', () => {
    expect(show(1.5)).toBe('1.5');
    expect(show(NaN)).toBe('NaN');
    expect(show(-Infinity)).toBe('-Infinity');
    expect(show(-0)).toBe('-0');
    expect(show(0)).toBe('0');
  });

  it('prints arrays element by element and other values with String', () => {
    expect(show([1, 'a', [2]])).toBe('[1, "a", [2]]');
    expect(show(null)).toBe('null');
    expect(show(undefined)).toBe('undefined');
    expect(show(true)).toBe('true');
  });
});
