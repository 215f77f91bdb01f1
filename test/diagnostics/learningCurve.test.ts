import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/random';
import { DiagnosticsInputError } from '../../src/diagnostics/errors';
import { learningCurve, learningCurveFromErrors } from '../../src/diagnostics/learningCurve';
import type { SweepProgress } from '../../src/diagnostics/learningCurve';

const geometric = (from: number, ratio: number, count: number): number[] => Array.from({ length: count }, (_, i) => from * ratio ** i);
const law = (a: number, b: number, c: number) => (n: number) => a * n ** -b + c;

describe('learningCurve', () => {
  it.each([
    [2, 0.5, 0.05],
    [5, 0.3, 0.1],
    [0.8, 1, 0],
    [10, 0.07, 0.2],
    [1, 2, 0.01],
  ])('recovers a = %s, b = %s, c = %s of a noise-free power law', async (a, b, c) => {
    const f = law(a, b, c);
    const curve = await learningCurve({ sizes: geometric(100, 2, 8), train: (n) => ({ trainError: 0, validationError: f(n) }) });
    expect(curve.fit.a).toBeCloseTo(a, 5);
    expect(curve.fit.b).toBeCloseTo(b, 6);
    expect(curve.fit.c).toBeCloseTo(c, 7);
    expect(curve.fit.rmse).toBeLessThan(1e-9);
  });

  it('recovers a, b and c of any noise-free power law that falls by at least 0.01 over the sizes measured (property)', () => {
    const sizes = geometric(64, 2, 9);
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 20, noNaN: true }),
        fc.double({ min: 0.05, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (a, b, c) => {
          const f = law(a, b, c);
          fc.pre(f(sizes[0]) - f(sizes[sizes.length - 1]) >= 0.01);
          const fit = learningCurveFromErrors(sizes, sizes.map(() => 0), sizes.map(f)).fit;
          expect(Math.abs(fit.b - b)).toBeLessThan(1e-4 * Math.max(1, b));
          expect(Math.abs(fit.c - c)).toBeLessThan(1e-5);
          expect(Math.abs(fit.a - a) / a).toBeLessThan(1e-3);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it('recovers the parameters of a power law with 1% seeded noise to within a few percent', async () => {
    const rng = createRng(7);
    const f = law(3, 0.5, 0.05);
    const sizes = geometric(50, 1.6, 16);
    const errors = sizes.map((n) => f(n) * (1 + 0.01 * (rng() * 2 - 1)));
    const curve = await learningCurve({ sizes, train: (n) => ({ trainError: 0, validationError: errors[sizes.indexOf(n)] }) });
    expect(Math.abs(curve.fit.b - 0.5)).toBeLessThan(0.05);
    expect(Math.abs(curve.fit.c - 0.05)).toBeLessThan(0.005);
    expect(Math.abs(curve.fit.a / 3 - 1)).toBeLessThan(0.2);
    expect(curve.fit.rmse).toBeGreaterThan(0);
  });

  it('keeps the measured points as Float64Arrays in the order of the sizes', async () => {
    const curve = await learningCurve({ sizes: [10, 20, 40], train: (n) => ({ trainError: 1 / n, validationError: 2 / n }) });
    expect(curve.sizes).toEqual(new Float64Array([10, 20, 40]));
    expect(curve.trainError).toEqual(new Float64Array([0.1, 0.05, 0.025]));
    expect(curve.validationError).toEqual(new Float64Array([0.2, 0.1, 0.05]));
  });

  it('fits a pure power law (c = 0) exactly through two points', async () => {
    const curve = await learningCurve({ sizes: [100, 400], train: (n) => ({ trainError: 0, validationError: n === 100 ? 0.4 : 0.2 }) });
    expect(curve.fit.c).toBe(0);
    expect(curve.fit.b).toBeCloseTo(0.5, 6);
    expect(curve.fit.a).toBeCloseTo(4, 4);
  });

  it('gives the flat fit a = 0, b = 0, c = mean error when the errors do not decrease', async () => {
    const curve = learningCurveFromErrors([100, 200, 400], [0, 0, 0], [0.2, 0.25, 0.3]);
    expect(curve.fit).toMatchObject({ a: 0, b: 0 });
    expect(curve.fit.c).toBeCloseTo(0.25, 12);
    expect(curve.examplesNeeded(0.1).examples).toBe(Infinity);
    expect(curve.examplesNeeded(0.3)).toEqual({ examples: 0, additional: 0, reason: undefined });
    // Errors already 0 have reached a target of 0.
    expect(learningCurveFromErrors([10, 20, 40], [0, 0, 0], [0, 0, 0]).examplesNeeded(0)).toEqual({ examples: 0, additional: 0, reason: undefined });
  });

  it('estimates examplesNeeded as (a / (target - c))^(1/b), rounded up, and the additional examples past the largest size', async () => {
    const curve = await learningCurve({ sizes: geometric(100, 2, 5), train: (n) => ({ trainError: 0, validationError: law(2, 0.5, 0.05)(n) }) });
    // (2 / 0.02)^2 = 10 000; the largest size measured is 1600.
    expect(curve.examplesNeeded(0.07)).toEqual({ examples: 10000, additional: 8400, reason: undefined });
    // (2 / 0.015)^2 = 17 777.8 -> 17 778.
    expect(curve.examplesNeeded(0.065).examples).toBe(17778);
  });

  it('says additional is 0 when the target is already reached at the sizes measured', async () => {
    const curve = await learningCurve({ sizes: geometric(100, 2, 5), train: (n) => ({ trainError: 0, validationError: law(2, 0.5, 0.05)(n) }) });
    const needed = curve.examplesNeeded(0.3);
    expect(needed.examples).toBe(64);
    expect(needed.additional).toBe(0);
  });

  it('returns Infinity with the reason when the asymptote c is at or above the target', async () => {
    const curve = await learningCurve({ sizes: geometric(100, 2, 6), train: (n) => ({ trainError: 0, validationError: law(2, 0.5, 0.05)(n) }) });
    for (const target of [0.04, curve.fit.c]) {
      const needed = curve.examplesNeeded(target);
      expect(needed.examples).toBe(Infinity);
      expect(needed.additional).toBe(Infinity);
      expect(needed.reason).toMatch(/asymptote c = 0\.05 is at or above the target/);
    }
  });

  it('trains the sizes one after the other, awaiting async train functions, and reports progress after each', async () => {
    const events: string[] = [];
    let running = 0;
    const progress: SweepProgress[] = [];
    await learningCurve({
      sizes: [10, 20, 40],
      train: async (n) => {
        running++;
        expect(running).toBe(1);
        events.push(`start ${n}`);
        await new Promise((r) => setTimeout(r, 1));
        running--;
        return { trainError: 0, validationError: 1 / n };
      },
      onProgress: (p) => {
        events.push(`done ${p.value}`);
        progress.push(p);
      },
    });
    expect(events).toEqual(['start 10', 'done 10', 'start 20', 'done 20', 'start 40', 'done 40']);
    expect(progress[1]).toEqual({ index: 1, total: 3, value: 20, trainError: 0, validationError: 0.05 });
  });

  it('learningCurveFromErrors gives the same fit as learningCurve on the same errors', async () => {
    const sizes = [50, 100, 200, 400, 800];
    const v = sizes.map(law(1, 0.4, 0.1));
    const a = await learningCurve({ sizes, train: (n) => ({ trainError: 0.01, validationError: v[sizes.indexOf(n)] }) });
    const b = learningCurveFromErrors(sizes, sizes.map(() => 0.01), v);
    expect(b.fit).toEqual(a.fit);
    expect(b.trainError).toEqual(a.trainError);
  });

  it('never changes its inputs', async () => {
    const sizes = [10, 20, 40];
    const v = new Float64Array([0.5, 0.4, 0.35]);
    learningCurveFromErrors(sizes, [0, 0, 0], v);
    expect(sizes).toEqual([10, 20, 40]);
    expect(v).toEqual(new Float64Array([0.5, 0.4, 0.35]));
  });

  it('rejects bad sizes and bad train results with DiagnosticsInputError naming the argument, index and value', async () => {
    const train = () => ({ trainError: 0, validationError: 0.1 });
    await expect(learningCurve({ sizes: [10], train })).rejects.toThrow('learningCurve: sizes has 1 entry, expected at least 2');
    await expect(learningCurve({ sizes: [10, 0, 20], train })).rejects.toThrow('learningCurve: sizes[1] is 0, expected a number > 0');
    await expect(learningCurve({ sizes: [10, 20, 20], train })).rejects.toThrow('learningCurve: sizes[2] is 20 but sizes[1] is 20: sizes must increase');
    await expect(learningCurve({ sizes: [10, NaN], train })).rejects.toThrow('learningCurve: sizes[1] is NaN');
    await expect(learningCurve({ sizes: [10, 20], train: () => ({ trainError: 0, validationError: NaN }) })).rejects.toThrow(
      'learningCurve: train(10).validationError is NaN, expected a finite number >= 0',
    );
    await expect(learningCurve({ sizes: [10, 20], train: () => ({ trainError: -1, validationError: 0 }) })).rejects.toThrow('train(10).trainError is -1');
    await expect(learningCurve({ sizes: [10, 20], train: () => 0.5 as never })).rejects.toThrow('train(10) returned 0.5, expected { trainError, validationError }');
    await expect(learningCurve({ sizes: [10, 20], train: 3 as never })).rejects.toBeInstanceOf(DiagnosticsInputError);
    expect(() => learningCurveFromErrors([1, 2], [0, 0], [0.1])).toThrow('learningCurveFromErrors: validationError has 1 entries but sizes has 2');
    const curve = learningCurveFromErrors([1, 2, 3], [0, 0, 0], [0.3, 0.2, 0.15]);
    expect(() => curve.examplesNeeded(NaN)).toThrow('examplesNeeded: targetError is NaN, expected a finite number >= 0');
  });
});
