import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/core/errors';
import { createRng } from '../../src/core/random';
import { binomialUpperBound } from '../../src/selective/binomialUpperBound';
import { selectWithGuaranteedRisk } from '../../src/selective/selectWithGuaranteedRisk';
import { expectError } from '../core/expectError';

/**
 * A population with a known selective risk: confidence u ~ U(0, 1) and an
 * error with probability (1 − u)/2, so the true selective risk of "accept
 * u >= θ" is E[(1 − u)/2 | u >= θ] = (1 − θ)/4.
 */
function sample(m: number, seed: number): { correct: Uint8Array; conf: Float64Array } {
  const rng = createRng(seed);
  const correct = new Uint8Array(m);
  const conf = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const u = rng();
    conf[i] = u;
    correct[i] = rng() < (1 - u) / 2 ? 0 : 1;
  }
  return { correct, conf };
}
const trueRisk = (theta: number) => (1 - theta) / 4;

describe('selectWithGuaranteedRisk', () => {
  it('returns the threshold found by the binary search with the bound at δ / ⌈log2(D + 1)⌉, worked by hand', () => {
    // 10 distinct confidences, errors only among the 3 least confident.
    const correct = [1, 1, 1, 1, 1, 1, 1, 0, 0, 0];
    const conf = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    const s = selectWithGuaranteedRisk(correct, conf, { targetRisk: 0.62, delta: 0.1 });
    // ⌈log2(10 + 1)⌉ = 4 tests, each at δ/4 = 0.025. The search accepts 6 (0 errors,
    // B* = 1 − 0.025^(1/6) = 0.459: pass), then 9 (2 errors, B* = 0.600: pass),
    // then 10 (3 errors, B* = 0.652: fail), and stops at 9 accepted.
    expect(s.tests).toBe(4);
    expect(binomialUpperBound(0, 6, 0.025)).toBeLessThan(0.62);
    expect(binomialUpperBound(2, 9, 0.025)).toBeLessThan(0.62);
    expect(binomialUpperBound(3, 10, 0.025)).toBeGreaterThan(0.62);
    expect(s.feasible).toBe(true);
    expect(s.threshold).toBe(2);
    expect(s.coverage).toBe(0.9);
    expect(s.accepted).toBe(9);
    expect(s.risk).toBeCloseTo(2 / 9, 15);
    expect(s.riskBound).toBe(binomialUpperBound(2, 9, 0.025));
    expect(s.riskBound).toBeLessThanOrEqual(0.62);
  });

  it('says so when no threshold satisfies the target', () => {
    const s = selectWithGuaranteedRisk([1, 1, 0, 1, 0], [0.9, 0.8, 0.7, 0.6, 0.5], { targetRisk: 0.1, delta: 0.05 });
    expect(s).toEqual({
      feasible: false,
      threshold: NaN,
      coverage: 0,
      risk: NaN,
      riskBound: NaN,
      accepted: 0,
      targetRisk: 0.1,
      delta: 0.05,
      tests: 3,
    });
  });

  it('keeps the true selective risk under the target in at least 1 − δ of seeded calibration samples', () => {
    const delta = 0.1;
    const targetRisk = 0.08;
    const runs = 300;
    let violations = 0;
    let feasible = 0;
    let coverage = 0;
    for (let seed = 0; seed < runs; seed++) {
      const { correct, conf } = sample(2000, seed);
      const s = selectWithGuaranteedRisk(correct, conf, { targetRisk, delta });
      if (!s.feasible) continue;
      feasible++;
      coverage += s.coverage;
      if (trueRisk(s.threshold) > targetRisk) violations++;
    }
    // Binomial sampling error of the violation rate: 3 standard deviations.
    expect(violations / runs).toBeLessThanOrEqual(delta + 3 * Math.sqrt((delta * (1 - delta)) / runs));
    // And it is not vacuous: almost always feasible, with a coverage well above 0 (the best possible is 1 − 0.68 = 0.32).
    expect(feasible).toBeGreaterThan(0.9 * runs);
    expect(coverage / feasible).toBeGreaterThan(0.12);
  });

  it('is a real guarantee: thresholds chosen on the empirical risk alone violate it far more often', () => {
    const targetRisk = 0.08;
    let naiveViolations = 0;
    for (let seed = 0; seed < 100; seed++) {
      const { correct, conf } = sample(2000, 1000 + seed);
      // Largest coverage whose empirical risk is <= target.
      const order = Array.from(conf.keys()).sort((a, b) => conf[b] - conf[a]);
      let errors = 0;
      let theta = Infinity;
      order.forEach((i, k) => {
        errors += 1 - correct[i];
        if (errors / (k + 1) <= targetRisk) theta = conf[i];
      });
      if (trueRisk(theta) > targetRisk) naiveViolations++;
    }
    expect(naiveViolations).toBeGreaterThan(20);
  });

  it('accepts 0/1 losses and rejects real-valued ones', () => {
    const a = selectWithGuaranteedRisk([1, 1, 0, 1], [4, 3, 2, 1], { targetRisk: 0.9 });
    const b = selectWithGuaranteedRisk([0, 0, 1, 0], [4, 3, 2, 1], { targetRisk: 0.9, input: 'loss' });
    expect(a).toEqual(b);
    expectError(
      () => selectWithGuaranteedRisk([0, 0.5], [2, 1], { targetRisk: 0.1, input: 'loss' }),
      MetricInputError,
      'selectWithGuaranteedRisk: correct[1] is 0.5: the binomial bound needs 0/1 losses',
    );
  });

  it('requires targetRisk and checks delta', () => {
    expectError(
      () => selectWithGuaranteedRisk([1], [1], {} as { targetRisk: number }),
      MetricInputError,
      'selectWithGuaranteedRisk: targetRisk is NaN, expected a finite number > 0 and < 1',
    );
    expectError(
      () => selectWithGuaranteedRisk([1], [1], { targetRisk: 0.1, delta: 0 }),
      MetricInputError,
      'selectWithGuaranteedRisk: delta is 0, expected a finite number > 0 and < 1',
    );
  });
});
