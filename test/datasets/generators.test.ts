import { describe, expect, it } from 'vitest';
import {
  gaussianBlobs,
  InvalidOptionError,
  noisySine,
  rareEvents,
  spirals,
  syntheticDigits,
  syntheticNumbers,
  twoMoons,
} from '../../src/datasets/index';
import { expectError } from '../core/expectError';

const count = (y: ArrayLike<number>, c: number) => Array.from(y).filter((v) => v === c).length;

describe('every generator', () => {
  const generators = {
    rareEvents: (seed: number) => rareEvents({ n: 200, prevalence: 0.1, seed }),
    twoMoons: (seed: number) => twoMoons({ n: 50, seed }),
    spirals: (seed: number) => spirals({ n: 60, numClasses: 3, seed }),
    gaussianBlobs: (seed: number) => gaussianBlobs({ n: 60, seed }),
    syntheticDigits: (seed: number) => syntheticDigits({ n: 20, size: 8, seed }),
    syntheticNumbers: (seed: number) => syntheticNumbers({ n: 5, digits: 2, size: 8, seed }),
    noisySine: (seed: number) => noisySine({ n: 30, seed }),
  };
  for (const [name, make] of Object.entries(generators)) {
    it(`${name} gives identical data for the same seed and different data for another seed`, () => {
      const a = make(7), b = make(7), c = make(8);
      expect(a.x).toEqual(b.x);
      expect(a.y).toEqual(b.y);
      expect(Array.from(a.x)).not.toEqual(Array.from(c.x));
    });
    it(`${name} returns a Float32Array x matching its shape and one label row per example`, () => {
      const d = make(1);
      expect(d.x).toBeInstanceOf(Float32Array);
      expect(d.x.length).toBe(d.shape.reduce((p, q) => p * q, 1));
      expect(d.y.length).toBe((d.yShape ?? [d.shape[0]]).reduce((p, q) => p * q, 1));
      for (const v of d.x) expect(Number.isFinite(v)).toBe(true);
      if (d.numClasses !== undefined) {
        expect(d.y).toBeInstanceOf(Int32Array);
        for (const v of d.y) expect(v >= 0 && v < d.numClasses).toBe(true);
      } else {
        expect(d.y).toBeInstanceOf(Float32Array);
      }
    });
  }
  it('generators reject a non-positive or fractional n with an InvalidOptionError naming the function', () => {
    expectError(() => twoMoons({ n: 0 }), InvalidOptionError, 'twoMoons: n is 0, expected a finite integer >= 1');
    expectError(() => rareEvents({ n: 2.5 }), InvalidOptionError, 'rareEvents: n is 2.5, expected a finite integer >= 1');
    expectError(() => noisySine({ seed: NaN }), InvalidOptionError, 'noisySine: seed is NaN, expected a string or a finite number');
  });
});

describe('rareEvents', () => {
  it('rareEvents has exactly round(n · prevalence) positives', () => {
    expect(count(rareEvents({ n: 1000, prevalence: 0.05, seed: 1 }).y, 1)).toBe(50);
    expect(count(rareEvents({ n: 333, prevalence: 0.01 }).y, 1)).toBe(3);
  });
  it('rareEvents puts the positive mean `separation` away from the negative mean', () => {
    const d = rareEvents({ n: 20000, prevalence: 0.5, separation: 3, numFeatures: 4, seed: 2 });
    const mean = [new Float64Array(4), new Float64Array(4)];
    for (let i = 0; i < 20000; i++) for (let j = 0; j < 4; j++) mean[d.y[i]][j] += d.x[i * 4 + j] / 10000;
    const dist = Math.hypot(...mean[1].map((m, j) => m - mean[0][j]));
    expect(dist).toBeCloseTo(3, 1);
  });
  it('rareEvents rejects a prevalence of 0 or 1', () => {
    expectError(() => rareEvents({ prevalence: 1 }), InvalidOptionError, 'rareEvents: prevalence is 1, expected a finite number > 0 and < 1');
  });
});

describe('twoMoons', () => {
  it('twoMoons without noise puts class 0 on the unit upper half circle and class 1 on the shifted lower one', () => {
    const d = twoMoons({ n: 41, noise: 0 });
    expect(count(d.y, 0)).toBe(20);
    for (let i = 0; i < 41; i++) {
      const a = d.x[2 * i], b = d.x[2 * i + 1];
      if (d.y[i] === 0) {
        expect(Math.hypot(a, b)).toBeCloseTo(1, 5);
        expect(b).toBeGreaterThanOrEqual(-1e-6);
      } else {
        expect(Math.hypot(a - 1, b - 0.5)).toBeCloseTo(1, 5);
        expect(b).toBeLessThanOrEqual(0.5 + 1e-6);
      }
    }
  });
});

describe('spirals', () => {
  it('spirals splits the points evenly over the arms', () => {
    const d = spirals({ n: 301, numClasses: 3 });
    expect([count(d.y, 0), count(d.y, 1), count(d.y, 2)]).toEqual([101, 100, 100]);
  });
  it('spirals without noise keeps every point within the unit disc at the angle of its arm', () => {
    const d = spirals({ n: 40, noise: 0, turns: 0 });
    for (let i = 0; i < 40; i++) {
      const angle = Math.atan2(d.x[2 * i + 1], d.x[2 * i]);
      expect(Math.abs(angle - (d.y[i] === 0 ? 0 : Math.PI)) % (2 * Math.PI)).toBeLessThan(1e-5);
    }
  });
});

describe('gaussianBlobs', () => {
  it('gaussianBlobs gives the closed-form Bayes error Φ(−Δ/2σ) for two classes', () => {
    expect(gaussianBlobs({ separation: 2, std: 1 }).bayesError).toBeCloseTo(0.15865525393145707, 14);
    expect(gaussianBlobs({ separation: 3, std: 0.5 }).bayesError).toBeCloseTo(0.0013498980316301, 14);
    expect(gaussianBlobs({ separation: 0 }).bayesError).toBe(0.5);
    expect(gaussianBlobs({ numClasses: 3 }).bayesError).toBeNaN();
  });
  it('the empirical error of the Bayes rule on gaussianBlobs is close to bayesError', () => {
    const d = gaussianBlobs({ n: 40000, separation: 2, numFeatures: 3, seed: 4 });
    let errors = 0;
    for (let i = 0; i < 40000; i++) if ((d.x[3 * i] > 0 ? 1 : 0) !== d.y[i]) errors++;
    expect(Math.abs(errors / 40000 - d.bayesError)).toBeLessThan(0.01);
  });
  it('gaussianBlobs places more than two classes on a regular polygon with neighbours `separation` apart', () => {
    const d = gaussianBlobs({ numClasses: 4, separation: 2 });
    const c = d.centers;
    expect(Math.hypot(c[0] - c[2], c[1] - c[3])).toBeCloseTo(2, 12);
  });
  it('gaussianBlobs rejects a zero std', () => {
    expectError(() => gaussianBlobs({ std: 0 }), InvalidOptionError, 'gaussianBlobs: std is 0, expected a finite number > 0');
  });
});

describe('syntheticDigits', () => {
  it('syntheticDigits gives [n, size, size, 1] images in [0, 1] for sizes 8, 16 and 28', () => {
    for (const size of [8, 16, 28] as const) {
      const d = syntheticDigits({ n: 10, size });
      expect(d.shape).toEqual([10, size, size, 1]);
      expect(d.numClasses).toBe(10);
      expect(Math.min(...d.x)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...d.x)).toBeLessThanOrEqual(1);
    }
  });
  it('syntheticDigits balances the ten classes', () => {
    const d = syntheticDigits({ n: 100, size: 8 });
    for (let c = 0; c < 10; c++) expect(count(d.y, c)).toBe(10);
  });
  it('noise-free syntheticDigits images of the same digit are closer to their class mean than to other class means', () => {
    // A nearest-class-mean classifier fitted on one seed classifies another seed well:
    // the strokes carry the class and the shifts do not erase it.
    const train = syntheticDigits({ n: 1000, size: 16, noise: 0, seed: 1 });
    const test = syntheticDigits({ n: 200, size: 16, noise: 0, seed: 2 });
    const means = new Float64Array(10 * 256);
    for (let i = 0; i < 1000; i++) for (let p = 0; p < 256; p++) means[train.y[i] * 256 + p] += train.x[i * 256 + p] / 100;
    let correct = 0;
    for (let i = 0; i < 200; i++) {
      let best = 0, bestD = Infinity;
      for (let c = 0; c < 10; c++) {
        let dist = 0;
        for (let p = 0; p < 256; p++) dist += (test.x[i * 256 + p] - means[c * 256 + p]) ** 2;
        if (dist < bestD) [best, bestD] = [c, dist];
      }
      if (best === test.y[i]) correct++;
    }
    expect(correct / 200).toBeGreaterThan(0.6);
  });
  it('syntheticDigits rejects a size other than 8, 16 or 28', () => {
    expectError(() => syntheticDigits({ size: 12 as 16 }), InvalidOptionError, 'syntheticDigits: size is 12, expected 8, 16 or 28');
  });
});

describe('syntheticNumbers', () => {
  it('syntheticNumbers puts `digits` cells side by side and labels each digit', () => {
    const d = syntheticNumbers({ n: 4, digits: 3, size: 8, noise: 0 });
    expect(d.shape).toEqual([4, 8, 24, 1]);
    expect(d.yShape).toEqual([4, 3]);
    expect(d.y.length).toBe(12);
    // Every cell holds ink.
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 3; j++) {
        let ink = 0;
        for (let r = 0; r < 8; r++) for (let c = 0; c < 8; c++) ink += d.x[i * 192 + r * 24 + j * 8 + c];
        expect(ink).toBeGreaterThan(2);
      }
    }
  });
});

describe('noisySine', () => {
  it('noisySine targets are sin(2πx) plus noise of the requested standard deviation', () => {
    const d = noisySine({ n: 20000, noise: 0.3, seed: 3 });
    let ss = 0;
    for (let i = 0; i < 20000; i++) {
      expect(d.x[i] >= 0 && d.x[i] < 1).toBe(true);
      ss += (d.y[i] - Math.sin(2 * Math.PI * d.x[i])) ** 2;
    }
    expect(Math.sqrt(ss / 20000)).toBeCloseTo(0.3, 2);
    expect(d.numClasses).toBeUndefined();
  });
});
