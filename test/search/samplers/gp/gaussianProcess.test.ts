import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/core/random';
import { fitGaussianProcess, GaussianProcess, hyperparameterObjective } from '../../../../src/search/samplers/gp/gaussianProcess';
import { minimizeLbfgs } from '../../../../src/search/samplers/gp/lbfgs';
import { logExpectedImprovement, logH } from '../../../../src/search/samplers/gp/logExpectedImprovement';
import { normalCdf } from '../../../../src/core/normalQuantile';

function data(n: number, D: number, seed: number, cat = false) {
  const rng = createRng(seed);
  const x = new Float64Array(n * D);
  const y = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    for (let i = 0; i < D; i++) x[a * D + i] = cat && i === D - 1 ? Math.floor(rng() * 3) : rng();
    y[a] = Math.sin(6 * x[a * D]!) + (D > 1 ? x[a * D + 1]! ** 2 : 0) + (cat ? 0.5 * x[a * D + D - 1]! : 0);
  }
  return { x, y, isCat: Uint8Array.from({ length: D }, (_, i) => (cat && i === D - 1 ? 1 : 0)) };
}

describe('GaussianProcess', () => {
  it('has the analytic gradient of the negative log posterior (central differences agree to 1e-6)', () => {
    for (const cat of [false, true]) {
      const { x, y, isCat } = data(15, 3, 1, cat);
      const f = hyperparameterObjective(x, y, isCat);
      const theta = Float64Array.from([-1, -0.5, 0.2, 0.3, Math.log(1e-3)]);
      const g = new Float64Array(5), scratch = new Float64Array(5);
      f(theta, g);
      for (let i = 0; i < 5; i++) {
        const h = 1e-5;
        const tp = Float64Array.from(theta), tm = Float64Array.from(theta);
        tp[i]! += h;
        tm[i]! -= h;
        const fd = (f(tp, scratch) - f(tm, scratch)) / (2 * h);
        expect(Math.abs(fd - g[i]!)).toBeLessThan(1e-6 * Math.max(1, Math.abs(fd)));
      }
    }
  });

  it('has the analytic gradients of the posterior mean and standard deviation', () => {
    const { x, y, isCat } = data(12, 2, 2);
    const gp = new GaussianProcess(x, y, isCat, Float64Array.from([-1.2, -0.7, 0, Math.log(1e-4)]));
    const p = Float64Array.from([0.31, 0.62]);
    const gm = new Float64Array(2), gs = new Float64Array(2);
    gp.predict(p, gm, gs);
    for (let i = 0; i < 2; i++) {
      const h = 1e-6;
      const pp = Float64Array.from(p), pm = Float64Array.from(p);
      pp[i]! += h;
      pm[i]! -= h;
      const a = gp.predict(pp), b = gp.predict(pm);
      expect(gm[i]).toBeCloseTo((a.mean - b.mean) / (2 * h), 5);
      expect(gs[i]).toBeCloseTo((a.std - b.std) / (2 * h), 5);
    }
  });

  it('interpolates noise-free data after fitting: the mean at a training point is its value, with a small std', () => {
    const { x, y, isCat } = data(20, 2, 3);
    const gp = fitGaussianProcess(x, y, isCat, undefined, 100);
    for (const a of [0, 7, 19]) {
      const { mean, std } = gp.predict(x.subarray(a * 2, a * 2 + 2));
      expect(Math.abs(mean - y[a]!)).toBeLessThan(0.02);
      expect(std).toBeLessThan(0.05);
    }
    // Far from the data the std grows.
    expect(gp.predict(Float64Array.from([5, 5])).std).toBeGreaterThan(0.5);
  });

  it('fits a short lengthscale to the wiggly dimension and a long one to an irrelevant dimension', () => {
    const rng = createRng(4);
    const n = 40, x = new Float64Array(n * 2), y = new Float64Array(n);
    for (let a = 0; a < n; a++) {
      x[a * 2] = rng();
      x[a * 2 + 1] = rng();
      y[a] = Math.sin(8 * x[a * 2]!);
    }
    const gp = fitGaussianProcess(x, y, new Uint8Array(2), undefined, 100);
    expect(gp.lengthscales[0]! * 3).toBeLessThan(gp.lengthscales[1]!);
  });
});

describe('logExpectedImprovement', () => {
  it('equals log(σ·(φ(z) + zΦ(z))) where that is computable, and stays finite and continuous far below', () => {
    for (const z of [-3, -0.5, 0, 1, 4]) {
      const phi = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
      expect(logH(z).value).toBeCloseTo(Math.log(phi + z * normalCdf(z)), 10);
    }
    expect(Math.abs(logH(-10 - 1e-9).value - logH(-10).value)).toBeLessThan(1e-5);
    expect(Number.isFinite(logH(-200).value)).toBe(true);
    expect(logH(-200).value).toBeLessThan(logH(-100).value);
    expect(logExpectedImprovement(0, 2, 0)).toBeCloseTo(Math.log(2 / Math.sqrt(2 * Math.PI)), 12);
  });
});

describe('minimizeLbfgs', () => {
  it('finds the minimum of the Rosenbrock function, and respects bounds', () => {
    const f = (x: Float64Array, g: Float64Array) => {
      const [a, b] = [x[0]!, x[1]!];
      g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
      g[1] = 200 * (b - a * a);
      return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
    };
    const r = minimizeLbfgs(f, Float64Array.from([-1.2, 1]), { maxIterations: 200, gradientTolerance: 1e-8 });
    expect(r.x[0]).toBeCloseTo(1, 4);
    expect(r.x[1]).toBeCloseTo(1, 4);
    const bounded = minimizeLbfgs(f, Float64Array.from([0, 0]), { maxIterations: 200, upper: Float64Array.from([0.5, 2]) });
    expect(bounded.x[0]).toBeCloseTo(0.5, 4);
    expect(bounded.x[1]).toBeCloseTo(0.25, 3);
  });
});
