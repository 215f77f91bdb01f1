import { describe, expect, it } from 'vitest';
import { padLeft, pyFixed, pyFloatRepr } from '../../../src/metrics/internal/classesFormat';

describe('pyFixed', () => {
  it('formats like Python "{:.Nf}", rounding exact ties half to even', () => {
    // Reference: Python 3.11 '{:.{d}f}'.format(x, d=d)
    const cases: [number, number, string][] = [
      [0.125, 2, '0.12'],
      [0.375, 2, '0.38'],
      [0.5, 0, '0'],
      [1.5, 0, '2'],
      [2.5, 0, '2'],
      [-0.125, 2, '-0.12'],
      [0.25, 1, '0.2'],
      [0.015, 2, '0.01'], // 0.015 is stored just below the tie
      [0.025, 2, '0.03'], // and 0.025 just above it
      [2 / 3, 2, '0.67'],
      [1, 2, '1.00'],
      [123.456, 4, '123.4560'],
    ];
    for (const [x, d, s] of cases) expect(pyFixed(x, d)).toBe(s);
  });

  it('spells non-finite values as Python does', () => {
    expect(pyFixed(NaN, 2)).toBe('nan');
    expect(pyFixed(Infinity, 2)).toBe('inf');
    expect(pyFixed(-Infinity, 2)).toBe('-inf');
  });
});

describe('pyFloatRepr', () => {
  it('formats like Python repr(float(x))', () => {
    expect(pyFloatRepr(3)).toBe('3.0');
    expect(pyFloatRepr(2.5)).toBe('2.5');
    expect(pyFloatRepr(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(pyFloatRepr(1e16)).toBe('1e+16');
    expect(pyFloatRepr(1e-5)).toBe('1e-05');
    expect(pyFloatRepr(1.5e-7)).toBe('1.5e-07');
    expect(pyFloatRepr(0)).toBe('0.0');
    expect(pyFloatRepr(NaN)).toBe('nan');
  });
});

describe('padLeft', () => {
  it('right-aligns by code points, not UTF-16 units', () => {
    expect(padLeft('😀', 3)).toBe('  😀');
    expect(padLeft('abcd', 3)).toBe('abcd');
  });
});
