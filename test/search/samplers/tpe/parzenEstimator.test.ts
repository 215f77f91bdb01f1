import { describe, expect, it } from 'vitest';
import { categoricalDistribution, floatDistribution, intDistribution } from '../../../../src/search/distributions';
import { defaultGamma, defaultWeights, ParzenEstimator, type ParzenSettings } from '../../../../src/search/samplers/tpe/parzenEstimator';
import { createRng } from '../../../../src/core/random';

const univariate: ParzenSettings = { considerPrior: true, priorWeight: 1, considerMagicClip: true, considerEndpoints: false, multivariate: false, bandwidth: 'neighbour', bandwidthFactor: 1, normalizeKernels: false };
const f64 = (...x: number[]) => Float64Array.from(x);

// Reference values: Optuna 3.1.0's _ParzenEstimator (python3-optuna 3.1.0-4) on the same observations.
describe('ParzenEstimator', () => {
  it('gives the log density of Optuna 3.1 for a float range (neighbour bandwidths, prior, magic clip)', () => {
    const pe = new ParzenEstimator([f64(0.2, 0.5)], [floatDistribution(0, 1)], defaultWeights(2), univariate);
    const lp = pe.logPdf([f64(0, 0.2, 0.9)]);
    [-0.7208932681398645, -0.5108400167062892, -0.9345123244968029].forEach((v, i) => expect(lp[i]).toBeCloseTo(v, 12));
  });

  it('scores integers by the mass of their cell, as Optuna 3.1', () => {
    const pe = new ParzenEstimator([f64(2, 3, 9)], [intDistribution(1, 10)], defaultWeights(3), univariate);
    const lp = pe.logPdf([f64(1, 3, 10)]);
    [-2.14030380594893, -1.9739949738662343, -2.718605271426913].forEach((v, i) => expect(lp[i]).toBeCloseTo(v, 12));
  });

  it('works in log space for log ranges, as Optuna 3.1', () => {
    const pe = new ParzenEstimator([f64(1e-3, 1e-2)], [floatDistribution(1e-5, 1, { log: true })], defaultWeights(2), univariate);
    const lp = pe.logPdf([f64(1e-4, 1e-2)]);
    [-0.7454709448887789, -0.5267489147992478].forEach((v, i) => expect(lp[i]).toBeCloseTo(v, 12));
  });

  it('uses one Scott-rule bandwidth and smoothed categories when multivariate, as Optuna 3.1', () => {
    const pe = new ParzenEstimator([f64(0.2, 0.5, 0.9), f64(0, 1, 1)], [floatDistribution(0, 1), categoricalDistribution(['a', 'b', 'c'])], defaultWeights(3), { ...univariate, multivariate: true, bandwidth: 'scott' });
    const lp = pe.logPdf([f64(0.3, 0.8), f64(1, 2)]);
    [-1.9314193930590096, -2.2437960684549716].forEach((v, i) => expect(lp[i]).toBeCloseTo(v, 12));
  });

  it('samples inside the range, on the grid, and integers for int ranges', () => {
    const d = [floatDistribution(0, 1, { step: 0.25 }), intDistribution(1, 1000, { log: true }), floatDistribution(-2, 3)];
    const pe = new ParzenEstimator([f64(0.25, 1), f64(3, 700), f64(-1.9, 2.9)], d, defaultWeights(2), univariate);
    const [a, b, c] = pe.sample(createRng(3), 500);
    for (const v of a!) expect([0, 0.25, 0.5, 0.75, 1]).toContain(v);
    for (const v of b!) expect(Number.isInteger(v) && v >= 1 && v <= 1000).toBe(true);
    for (const v of c!) expect(v >= -2 && v <= 3).toBe(true);
  });

  it('draws near its observations: most samples of a narrow estimator fall close to them', () => {
    const obs = f64(...Array.from({ length: 40 }, () => 0.3));
    const pe = new ParzenEstimator([obs], [floatDistribution(0, 1)], defaultWeights(40), univariate);
    const [s] = pe.sample(createRng(1), 1000);
    const near = s!.filter((v) => Math.abs(v - 0.3) < 0.05).length;
    expect(near).toBeGreaterThan(800);
  });
});

describe('defaultWeights and defaultGamma', () => {
  it('weights the 25 newest observations 1 and ramps the older ones from 1/n, as Optuna', () => {
    expect(Array.from(defaultWeights(3))).toEqual([1, 1, 1]);
    const w = defaultWeights(30);
    [0.03333333333333333, 0.275, 0.5166666666666667, 0.7583333333333333, 1, 1].forEach((v, i) => expect(w[i]).toBeCloseTo(v, 14));
    expect(w.length).toBe(30);
  });

  it('takes the best 10 percent, rounded up, at most 25', () => {
    expect([0, 1, 10, 11, 100, 1000].map(defaultGamma)).toEqual([0, 1, 1, 2, 10, 25]);
  });
});

describe('ParzenEstimator with normalised kernels', () => {
  it('is a true density: a single observation with its prior integrates to 1 over the range', () => {
    const pe = new ParzenEstimator([f64(0.3)], [floatDistribution(0, 1)], defaultWeights(1), { ...univariate, normalizeKernels: true });
    const xs = f64(...Array.from({ length: 2001 }, (_, i) => i / 2000));
    const p = Array.from(pe.logPdf([xs]), Math.exp);
    let integral = 0;
    for (let i = 1; i < p.length; i++) integral += ((p[i]! + p[i - 1]!) / 2) * (1 / 2000);
    expect(integral).toBeCloseTo(1, 6);
  });
});
