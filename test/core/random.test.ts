import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/core/errors';
import { createRng, DEFAULT_SEED, randomInt } from '../../src/core/random';

function draw(rng: () => number, n: number): number[] {
  return Array.from({ length: n }, () => rng());
}

describe('createRng', () => {
  it('gives the same stream for the same seed', () => {
    expect(draw(createRng(42), 100)).toEqual(draw(createRng(42), 100));
    expect(draw(createRng('run-7'), 100)).toEqual(draw(createRng('run-7'), 100));
  });

  it('gives different streams for different seeds', () => {
    expect(draw(createRng(1), 10)).not.toEqual(draw(createRng(2), 10));
  });

  it('uses the documented default seed 0 when none is given', () => {
    expect(DEFAULT_SEED).toBe(0);
    expect(draw(createRng(), 20)).toEqual(draw(createRng(0), 20));
  });

  it('draws uniform numbers in [0, 1) with more than 32 random bits', () => {
    const rng = createRng(3);
    let sum = 0;
    let fractionalBeyond32Bits = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const u = rng();
      expect(u >= 0 && u < 1).toBe(true);
      sum += u;
      if ((u * 2 ** 32) % 1 !== 0) fractionalBeyond32Bits++;
    }
    // mean of n uniforms has standard deviation 1/sqrt(12 n) ≈ 0.0009
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.005);
    expect(fractionalBeyond32Bits).toBeGreaterThan(n * 0.99);
  });

  it('rejects a NaN, infinite or non-primitive seed', () => {
    expect(() => createRng(NaN)).toThrow(MetricInputError);
    expect(() => createRng(Infinity)).toThrow('createRng: seed is Infinity, expected a string or a finite number');
    expect(() => createRng({} as unknown as number)).toThrow(MetricInputError);
  });
});

describe('randomInt', () => {
  it('draws every integer in [0, n) about equally often', () => {
    const rng = createRng(5);
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[randomInt(rng, 6)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });

  it('rejects n that is not a positive integer', () => {
    const rng = createRng(1);
    expect(() => randomInt(rng, 0)).toThrow('randomInt: n is 0, expected a positive integer');
    expect(() => randomInt(rng, 2.5)).toThrow(MetricInputError);
  });
});
