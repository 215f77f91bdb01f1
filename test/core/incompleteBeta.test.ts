import { describe, expect, it } from 'vitest';
import { logGamma, regularizedIncompleteBeta } from '../../src/core/incompleteBeta';

describe('logGamma', () => {
  it('equals ln((x − 1)!) on integers and ln √π at 1/2', () => {
    let f = 1;
    for (let x = 1; x <= 30; x++) {
      expect(logGamma(x)).toBeCloseTo(Math.log(f), 12);
      f *= x;
    }
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
  });

  it('is NaN for x <= 0', () => {
    expect(logGamma(0)).toBeNaN();
    expect(logGamma(-1)).toBeNaN();
  });
});

describe('regularizedIncompleteBeta', () => {
  it('matches closed forms: I_x(1, b) = 1 − (1 − x)^b and I_x(a, 1) = x^a', () => {
    for (const x of [0.01, 0.3, 0.5, 0.9]) {
      expect(regularizedIncompleteBeta(x, 1, 7)).toBeCloseTo(1 - Math.pow(1 - x, 7), 14);
      expect(regularizedIncompleteBeta(x, 5, 1)).toBeCloseTo(Math.pow(x, 5), 14);
    }
  });

  it('is symmetric: I_x(a, b) = 1 − I_{1−x}(b, a)', () => {
    expect(regularizedIncompleteBeta(0.3, 2.5, 7)).toBeCloseTo(1 - regularizedIncompleteBeta(0.7, 7, 2.5), 14);
  });

  it('is 0 at x = 0 and 1 at x = 1', () => {
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });

  it('is 1/2 at x = 1/2 when a = b, to 1e-8 even for a million (log-gamma cancellation)', () => {
    expect(Math.abs(regularizedIncompleteBeta(0.5, 1e6, 1e6) - 0.5)).toBeLessThan(1e-8);
  });
});
