import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../src/core/configErrors';
import { MetricInputError } from '../../src/core/errors';
import { downsampleCurve } from '../../src/plot/downsampleCurve';

/** ∫ y dx along the polyline (trapezoids, signed). */
function area(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let a = 0;
  for (let i = 1; i < x.length; i++) a += ((x[i] - x[i - 1]) * (y[i] + y[i - 1])) / 2;
  return a;
}

const coord = fc.double({ min: -100, max: 100, noNaN: true });
const curveArb = fc
  .array(fc.tuple(coord, coord), { minLength: 1, maxLength: 300 })
  .map((pts) => ({ x: Float64Array.from(pts, (p) => p[0]), y: Float64Array.from(pts, (p) => p[1]) }));
/** Step curves on a grid, like PR and ROC curves: x and y non-decreasing, axis-aligned moves. */
const stepArb = fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 5 })), { minLength: 1, maxLength: 400 }).map((moves) => {
  const x = [0];
  const y = [0];
  for (const [right, k] of moves) {
    x.push(x.at(-1)! + (right ? k : 0));
    y.push(y.at(-1)! + (right ? 0 : k));
  }
  return { x: Float64Array.from(x), y: Float64Array.from(y) };
});
const maxPointsArb = fc.integer({ min: 2, max: 60 });

describe('downsampleCurve', () => {
  it('drops the interior points of straight runs and repeated points exactly', () => {
    const d = downsampleCurve([0, 0.5, 1, 1, 1, 1], [0, 0, 0, 0.5, 1, 1]);
    expect([...d.indices]).toEqual([0, 2, 5]);
    expect([...d.x]).toEqual([0, 1, 1]);
    expect([...d.y]).toEqual([0, 0, 1]);
    expect(d.areaBound).toBe(0);
  });

  it('keeps the point where a curve turns back along the same line', () => {
    expect([...downsampleCurve([0, 2, 1], [0, 0, 0]).indices]).toEqual([0, 1, 2]);
  });

  it('removes the flattest corner first (Visvalingam–Whyatt)', () => {
    // triangles with the neighbours: point 1 has area 0.9, point 2 has area 1.95
    const d = downsampleCurve([0, 1, 2, 3], [0, 0.1, 2, 0], { maxPoints: 3 });
    expect([...d.indices]).toEqual([0, 2, 3]);
    expect(d.areaBound).toBeCloseTo(0.9, 12); // |cross|/2 of (0,0),(1,0.1),(2,2)
  });

  it('keeps the endpoints, returns only original points in order and at most maxPoints', () => {
    fc.assert(
      fc.property(curveArb, maxPointsArb, ({ x, y }, maxPoints) => {
        const d = downsampleCurve(x, y, { maxPoints });
        const n = x.length;
        expect(d.indices.length).toBeLessThanOrEqual(Math.max(maxPoints, 1));
        expect(d.indices[0]).toBe(0);
        expect(d.indices.at(-1)).toBe(n - 1);
        for (let i = 0; i < d.indices.length; i++) {
          if (i > 0) expect(d.indices[i]).toBeGreaterThan(d.indices[i - 1]);
          expect(d.x[i]).toBe(x[d.indices[i]]);
          expect(d.y[i]).toBe(y[d.indices[i]]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a monotone curve monotone and its extreme points', () => {
    fc.assert(
      fc.property(stepArb, maxPointsArb.filter((m) => m >= 6), ({ x, y }, maxPoints) => {
        const d = downsampleCurve(x, y, { maxPoints });
        for (let i = 1; i < d.x.length; i++) {
          expect(d.x[i]).toBeGreaterThanOrEqual(d.x[i - 1]);
          expect(d.y[i]).toBeGreaterThanOrEqual(d.y[i - 1]);
        }
        expect(Math.max(...d.y)).toBe(Math.max(...y));
        expect(Math.max(...d.x)).toBe(Math.max(...x));
      }),
      { numRuns: 300 },
    );
  });

  it('changes the area under the curve by at most areaBound, and not at all when only collinear points go', () => {
    fc.assert(
      fc.property(fc.oneof(curveArb, stepArb), maxPointsArb, ({ x, y }, maxPoints) => {
        const d = downsampleCurve(x, y, { maxPoints });
        const before = area(x, y);
        const after = area(d.x, d.y);
        const tol = 1e-9 * (1 + Math.abs(before) + d.areaBound);
        expect(Math.abs(after - before)).toBeLessThanOrEqual(d.areaBound + tol);
        const all = downsampleCurve(x, y, { maxPoints: Math.max(2, x.length) });
        expect(Math.abs(area(all.x, all.y) - before)).toBeLessThanOrEqual(tol);
        expect(all.areaBound).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('draws a step curve without a change: every corner is kept when there is room', () => {
    fc.assert(
      fc.property(stepArb, ({ x, y }) => {
        const d = downsampleCurve(x, y, { maxPoints: 10_000 });
        // a point is a corner when the direction changes there
        const corners: number[] = [0];
        for (let i = 1; i < x.length - 1; i++) {
          const a = corners.at(-1)!;
          const horizontalIn = y[i] === y[a];
          const horizontalOut = y[i + 1] === y[i];
          const still = x[i] === x[a] && y[i] === y[a];
          if (!still && horizontalIn !== horizontalOut && !(x[i + 1] === x[i] && y[i + 1] === y[i])) corners.push(i);
        }
        for (const c of corners) {
          expect(d.x.some((v, j) => v === x[c] && d.y[j] === y[c])).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('reduces a 10^6-point ROC-like curve to 2,000 points quickly with a tiny area change', () => {
    const n = 1_000_000;
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const t = i / (n - 1);
      x[i] = t;
      y[i] = Math.pow(t, 0.3) + 0.001 * Math.sin(i * 0.7); // smooth with high-frequency noise
    }
    const start = performance.now();
    const d = downsampleCurve(x, y);
    const ms = performance.now() - start;
    expect(d.indices.length).toBe(2000);
    expect(Math.abs(area(d.x, d.y) - area(x, y))).toBeLessThanOrEqual(d.areaBound + 1e-9);
    expect(Math.abs(area(d.x, d.y) - area(x, y))).toBeLessThan(1e-3);
    expect(ms).toBeLessThan(10_000); // linear bucket pass, then O(k log k): ~0.15 s alone on this machine, more under load
  }, 30_000);

  it('keeps the extreme points of every run on a very long curve (the linear pre-pass) and stays within its area bound', () => {
    // 200,000 points of a noisy curve, reduced to 100: the pre-pass runs (more than 32 points per point asked for)
    const n = 200_000;
    const x = Float64Array.from({ length: n }, (_, i) => i);
    const y = Float64Array.from({ length: n }, (_, i) => Math.sin(i / 5000) + (i === 123_457 ? 5 : 0) + 0.01 * Math.sin(i * 1.3));
    const d = downsampleCurve(x, y, { maxPoints: 100 });
    expect(d.indices.length).toBe(100);
    expect([...d.indices]).toContain(123_457); // the spike survives both stages
    expect(Math.abs(area(d.x, d.y) - area(x, y))).toBeLessThanOrEqual(d.areaBound * (1 + 1e-9) + 1e-6);
  });

  it('returns the input as is when it has two points or fewer', () => {
    expect([...downsampleCurve([], []).indices]).toEqual([]);
    expect([...downsampleCurve([1], [2]).indices]).toEqual([0]);
    expect([...downsampleCurve([1, 1], [2, 2]).indices]).toEqual([0, 1]);
  });

  it('throws MetricInputError for NaN or mismatched coordinates and InvalidOptionError for a bad maxPoints', () => {
    expect(() => downsampleCurve([0, NaN], [0, 1])).toThrow(new MetricInputError('downsampleCurve: x[1] is NaN'));
    expect(() => downsampleCurve([0, 1], [0])).toThrow(MetricInputError);
    expect(() => downsampleCurve([0, 1], [0, 1], { maxPoints: 1 })).toThrow(InvalidOptionError);
    expect(() => downsampleCurve([0, 1], [0, 1], { maxPoints: 2.5 })).toThrow(InvalidOptionError);
  });

  it('does not mutate its inputs', () => {
    const x = Float64Array.from([0, 1, 2, 3, 4]);
    const y = Float64Array.from([0, 3, 1, 4, 0]);
    downsampleCurve(x, y, { maxPoints: 3 });
    expect([...x]).toEqual([0, 1, 2, 3, 4]);
    expect([...y]).toEqual([0, 3, 1, 4, 0]);
  });
});
