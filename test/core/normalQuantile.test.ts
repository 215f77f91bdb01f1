import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalCdf, normalQuantile } from '../../src/core/normalQuantile';

// Reference values from mpmath at 40 digits (ncdf, and -sqrt(2)·erfinv(1 - 2p)),
// rounded to the nearest double; 1e-300 from scipy.special.ndtri. (scipy's ndtr
// itself is off by ~1e-13 relative at -37 and -20.)
const QUANTILES: [number, number][] = [
  [1e-300, -37.0470962993612],
  [1e-20, -9.262340089798407],
  [1e-10, -6.361340902404057],
  [0.001, -3.0902323061678136],
  [0.025, -1.9599639845400543],
  [0.05, -1.6448536269514726],
  [0.3, -0.5244005127080408],
  [0.5, 0],
  [0.6, 0.2533471031357997],
  [0.925, 1.4395314709384561],
  [0.975, 1.9599639845400538],
  [0.999, 3.090232306167813],
  [0.999999999999, 7.0344869100478356],
];

const CDF: [number, number][] = [
  [-37, 5.725571222524577e-300],
  [-20, 2.7536241186062337e-89],
  [-10, 7.619853024160525e-24],
  [-5.7, 5.990371401063528e-9],
  [-5, 2.866515718791939e-7],
  [-3, 0.0013498980316300946],
  [-1.96, 0.024997895148220435],
  [-0.66, 0.25462691467133614],
  [-0.5, 0.3085375387259869],
  [0, 0.5],
  [0.1, 0.539827837277029],
  [0.66291, 0.7463059016102601],
  [0.7, 0.758036347776927],
  [1, 0.8413447460685429],
  [2.5, 0.9937903346742238],
  [5.65, 0.9999999919776081],
  [6, 0.9999999990134123],
  [8, 0.9999999999999993],
  [9, 1],
];

function relErr(a: number, b: number): number {
  return b === 0 ? Math.abs(a) : Math.abs(a - b) / Math.abs(b);
}

describe('normalQuantile', () => {
  it.each(QUANTILES)('normalQuantile(%s) is within 1e-14 relative of the 40-digit value', (p, z) => {
    expect(relErr(normalQuantile(p), z)).toBeLessThan(1e-14);
  });

  it('returns -Infinity at 0, Infinity at 1 and NaN outside [0, 1]', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(-0.1)).toBeNaN();
    expect(normalQuantile(1.1)).toBeNaN();
    expect(normalQuantile(NaN)).toBeNaN();
  });

  it('is antisymmetric: normalQuantile(1 - p) = -normalQuantile(p)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 0.5, noNaN: true }), (p) => {
        expect(Math.abs(normalQuantile(1 - p) + normalQuantile(p))).toBeLessThan(1e-9);
      }),
    );
  });
});

describe('normalCdf', () => {
  it.each(CDF)('normalCdf(%s) is within 1e-14 relative of the 40-digit value', (x, p) => {
    expect(relErr(normalCdf(x), p)).toBeLessThan(1e-14);
  });

  it('returns 0 far below, 1 far above and NaN for NaN', () => {
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(NaN)).toBeNaN();
  });

  it('inverts normalQuantile to 1e-14 over (1e-12, 1 - 1e-12)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => {
        expect(relErr(normalCdf(normalQuantile(p)), p)).toBeLessThan(1e-13);
      }),
    );
  });
});
