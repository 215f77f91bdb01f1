import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/core/errors';
import { binomialCdf, binomialUpperBound } from '../../src/selective/binomialUpperBound';
import { expectError } from '../core/expectError';
import fixture from '../fixtures/sklearn-selective.json';

/** Σ_{j<=k} C(m, j) p^j (1-p)^(m-j), summed term by term. */
function exactCdf(k: number, m: number, p: number): number {
  let term = Math.pow(1 - p, m);
  let sum = term;
  for (let j = 1; j <= k; j++) {
    term *= ((m - j + 1) / j) * (p / (1 - p));
    sum += term;
  }
  return sum;
}

describe('binomialCdf', () => {
  it('equals the exact binomial sum on small samples', () => {
    for (const m of [1, 2, 5, 13, 40]) {
      for (let k = 0; k < m; k++) {
        for (const p of [0.01, 0.2, 0.5, 0.77, 0.99]) {
          expect(binomialCdf(k, m, p)).toBeCloseTo(exactCdf(k, m, p), 13);
        }
      }
    }
  });

  it('is 1 for k >= m and handles p at 0 and 1', () => {
    expect(binomialCdf(4, 4, 0.3)).toBe(1);
    expect(binomialCdf(1, 4, 0)).toBe(1);
    expect(binomialCdf(1, 4, 1)).toBe(0);
  });
});

describe('binomialUpperBound', () => {
  it('matches the one-sided Clopper–Pearson bound of SciPy (beta.ppf(1 − δ, k + 1, m − k))', () => {
    for (const { errors, trials, delta, expected } of fixture.binomialUpperBound) {
      const b = binomialUpperBound(errors, trials, delta);
      expect(Math.abs(b - expected)).toBeLessThan(1e-9 * Math.max(1, expected));
    }
  });

  it('solves Σ_{j<=k} C(m,j) b^j (1−b)^(m−j) = δ', () => {
    for (const [k, m, delta] of [
      [2, 15, 0.05],
      [0, 7, 0.2],
      [9, 30, 0.01],
    ]) {
      const b = binomialUpperBound(k, m, delta);
      expect(exactCdf(k, m, b)).toBeCloseTo(delta, 12);
      expect(b).toBeGreaterThanOrEqual(k / m);
    }
  });

  it('has the closed form 1 − δ^(1/m) for zero errors and is 1 when every trial failed', () => {
    expect(binomialUpperBound(0, 10, 0.05)).toBeCloseTo(1 - Math.pow(0.05, 0.1), 15);
    expect(binomialUpperBound(5, 5, 0.05)).toBe(1);
  });

  it('grows as δ shrinks and shrinks as m grows at the same error rate', () => {
    expect(binomialUpperBound(5, 100, 0.01)).toBeGreaterThan(binomialUpperBound(5, 100, 0.1));
    expect(binomialUpperBound(50, 1000, 0.05)).toBeLessThan(binomialUpperBound(5, 100, 0.05));
  });

  it('rejects bad counts and δ', () => {
    expectError(() => binomialUpperBound(1.5, 10, 0.05), MetricInputError, 'binomialUpperBound: errors is 1.5, expected a finite integer >= 0');
    expectError(() => binomialUpperBound(11, 10, 0.05), MetricInputError, 'binomialUpperBound: errors is 11 but trials is 10: errors must not exceed trials');
    expectError(() => binomialUpperBound(1, 0, 0.05), MetricInputError, 'binomialUpperBound: trials is 0, expected a finite integer >= 1');
    expectError(() => binomialUpperBound(1, 10, 1), MetricInputError, 'binomialUpperBound: delta is 1, expected a finite number > 0 and < 1');
  });
});
