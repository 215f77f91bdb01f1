import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/random';
import { capacitySweep, capacitySweepFromErrors } from '../../src/diagnostics/capacitySweep';
import { DiagnosticsInputError } from '../../src/diagnostics/errors';

// A synthetic double descent (random-features regression on 20 examples):
// the training error reaches 0 at p = 20 features (the interpolation
// threshold), where the variance term 0.1 / (|1 - p/20| + 0.1) peaks; the
// bias term 0.5·exp(-p/4) makes the first descent.
const P = Array.from({ length: 40 }, (_, i) => i + 1);
const ddTrain = (p: number) => Math.max(0, 0.5 * (1 - p / 20));
const ddValidation = (p: number) => 0.5 * Math.exp(-p / 4) + 0.1 / (Math.abs(1 - p / 20) + 0.1);

describe('capacitySweep', () => {
  it('finds the peak at the interpolation threshold of a synthetic double-descent curve', async () => {
    const sweep = await capacitySweep({ capacities: P, train: (p) => ({ trainError: ddTrain(p), validationError: ddValidation(p) }) });
    expect(sweep.shape).toBe('double-descent');
    expect(sweep.interpolationThreshold).toEqual({ index: 19, capacity: 20 });
    expect(sweep.peak).toEqual({ index: 19, capacity: 20, validationError: ddValidation(20) });
    // The lowest validation error is at the largest capacity, past the peak.
    expect(sweep.best).toEqual({ index: 39, capacity: 40, validationError: ddValidation(40) });
  });

  it('still finds the double-descent peak with 2% seeded noise on both curves', async () => {
    const rng = createRng(3);
    const noisy = (v: number) => v * (1 + 0.02 * (rng() * 2 - 1));
    const sweep = await capacitySweep({
      capacities: P,
      train: (p) => ({ trainError: noisy(ddTrain(p)), validationError: noisy(ddValidation(p)) }),
    });
    expect(sweep.shape).toBe('double-descent');
    expect(sweep.peak?.capacity).toBe(20);
  });

  it('does not call a curve a double descent when no capacity interpolates its training set', () => {
    // Same validation curve, but the training error never gets near 0.
    const sweep = capacitySweepFromErrors(P, P.map((p) => 0.3 + ddTrain(p)), P.map(ddValidation));
    expect(sweep.interpolationThreshold).toBeUndefined();
    expect(sweep.peak).toBeUndefined();
    expect(sweep.shape).toBe('decreasing');
  });

  it('does not call a peak far from the interpolation threshold a double descent (peakWindow)', () => {
    const train = P.map((p) => (p >= 30 ? 0 : 0.3));
    const sweep = capacitySweepFromErrors(P, train, P.map(ddValidation));
    expect(sweep.interpolationThreshold?.capacity).toBe(30);
    expect(sweep.shape).not.toBe('double-descent');
    expect(capacitySweepFromErrors(P, train, P.map(ddValidation), { peakWindow: 10 }).shape).toBe('double-descent');
  });

  it('finds the bottom of a U-shaped validation curve', async () => {
    const sweep = await capacitySweep({ capacities: P, train: (p) => ({ trainError: 1 / p, validationError: 1 / p + p / 100 }) });
    expect(sweep.shape).toBe('u-shape');
    expect(sweep.best.capacity).toBe(10);
    expect(sweep.peak).toBeUndefined();
  });

  it.each([
    ['decreasing', (p: number) => 1 / p],
    ['increasing', (p: number) => p / 40],
    ['flat', () => 0.2],
  ] as const)('calls a monotone curve %s', (shape, v) => {
    const sweep = capacitySweepFromErrors(P, P.map((p) => 1 / p), P.map(v));
    expect(sweep.shape).toBe(shape);
    expect(sweep.peak).toBeUndefined();
  });

  it('ignores wiggles smaller than the tolerance', () => {
    const v = [0.5, 0.4, 0.3, 0.31, 0.2, 0.1];
    expect(capacitySweepFromErrors([1, 2, 3, 4, 5, 6], [1, 1, 1, 1, 1, 1], v).shape).toBe('decreasing');
    // The default tolerance is 5% of the range (0.015): the rise 0.2 -> 0.3 counts; a tolerance of 0.15 makes it a wiggle.
    const u = [0.5, 0.3, 0.2, 0.25, 0.3, 0.28];
    expect(capacitySweepFromErrors([1, 2, 3, 4, 5, 6], [1, 1, 1, 1, 1, 1], u).shape).toBe('u-shape');
    expect(capacitySweepFromErrors([1, 2, 3, 4, 5, 6], [1, 1, 1, 1, 1, 1], u, { tolerance: 0.15 }).shape).toBe('decreasing');
    expect(capacitySweepFromErrors([1, 2, 3, 4, 5, 6], [1, 1, 1, 1, 1, 1], u, { tolerance: 0.35 }).shape).toBe('flat');
  });

  it('takes the first of equal lowest validation errors as the best capacity', () => {
    const sweep = capacitySweepFromErrors([1, 2, 3], [0, 0, 0], [0.3, 0.1, 0.1]);
    expect(sweep.best).toEqual({ index: 1, capacity: 2, validationError: 0.1 });
  });

  it('uses interpolationTolerance as the training error that counts as ~0', () => {
    const train = [0.3, 0.1, 0.02, 0.001];
    expect(capacitySweepFromErrors([1, 2, 3, 4], train, [0.4, 0.3, 0.35, 0.3]).interpolationThreshold?.capacity).toBe(4);
    expect(capacitySweepFromErrors([1, 2, 3, 4], train, [0.4, 0.3, 0.35, 0.3], { interpolationTolerance: 0.05 }).interpolationThreshold?.capacity).toBe(3);
  });

  it('rejects bad capacities, train results and options with DiagnosticsInputError', async () => {
    const train = () => ({ trainError: 0, validationError: 0.1 });
    await expect(capacitySweep({ capacities: [2, 1], train })).rejects.toThrow('capacitySweep: capacities[1] is 1 but capacities[0] is 2: capacities must increase');
    await expect(capacitySweep({ capacities: [1, 2], train: () => ({ trainError: Infinity, validationError: 0 }) })).rejects.toThrow(
      'capacitySweep: train(1).trainError is Infinity, expected a finite number >= 0',
    );
    await expect(capacitySweep({ capacities: [1, 2], train, peakWindow: 1.5 })).rejects.toThrow('capacitySweep: peakWindow is 1.5, expected a finite integer >= 0');
    await expect(capacitySweep({ capacities: [1, 2], train, tolerance: -1 })).rejects.toBeInstanceOf(DiagnosticsInputError);
    expect(() => capacitySweepFromErrors([1, 2], [0, 0], [0.1, -0.1])).toThrow('capacitySweepFromErrors: validationError[1] is -0.1, expected a number >= 0');
  });
});
