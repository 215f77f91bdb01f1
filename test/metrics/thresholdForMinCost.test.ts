import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MetricInputError, UndefinedMetricError } from '../../src/core/errors';
import { expectedCost } from '../../src/metrics/expectedCost';
import { thresholdForMinCost } from '../../src/metrics/thresholdForMinCost';
import { binaryData, brutePoints } from './internal/bruteForceThresholds';

const Y = [0, 0, 1, 1, 0, 1];
const S = [0.1, 0.4, 0.35, 0.8, 0.7, 0.9];

describe('thresholdForMinCost', () => {
  it('finds the cheapest threshold (worked example)', () => {
    // total cost 5fp + fn: ∞ → 3, 0.9 → 2, 0.8 → 1, 0.7 → 6, 0.4 → 11, 0.35 → 10, 0.1 → 15
    expect(thresholdForMinCost(Y, S, { costs: { fp: 5, fn: 1 } })).toEqual({
      threshold: 0.8,
      cost: 1 / 6,
      totalCost: 1,
      precision: 1,
      recall: 2 / 3,
      tp: 2,
      fp: 0,
      fn: 1,
      tn: 3,
    });
  });

  it('considers "reject all" (+Infinity) when every threshold costs more', () => {
    // fp cost 100: any threshold flags a negative before the last positive...
    const r = thresholdForMinCost([1, 0, 1], [0.2, 0.9, 0.1], { costs: { fp: 100, fn: 1 } });
    expect(r).toMatchObject({ threshold: Infinity, cost: 2 / 3, totalCost: 2, tp: 0, fp: 0, fn: 2, tn: 1, recall: 0 });
    expect(r.precision).toBeNaN();
  });

  it('considers "accept all" (the lowest score) when false negatives are expensive', () => {
    const r = thresholdForMinCost(Y, S, { costs: { fp: 1, fn: 100 } });
    expect(r.threshold).toBe(0.35); // tp 3 with fp 2 beats 0.1 (fp 3)
    const all = thresholdForMinCost(Y, S, { costs: { fp: 1, fn: 100, tn: 10 } });
    expect(all.threshold).toBe(0.1); // a costly true negative makes predicting all positive cheapest
  });

  it('uses tp and tn costs and the tie-break toward the higher threshold', () => {
    // all costs equal: every threshold ties, +Infinity wins
    expect(thresholdForMinCost(Y, S, { costs: { fp: 1, fn: 1, tp: 1, tn: 1 } }).threshold).toBe(Infinity);
  });

  it('reports the same cost as expectedCost of the decisions at the chosen threshold', () => {
    const costs = { fp: 3, fn: 2, tp: -0.5, tn: 0.25 };
    const w = [1, 2, 0.5, 3, 1, 1.5];
    const r = thresholdForMinCost(Y, S, { costs, sampleWeight: w });
    const yPred = S.map((s) => (s >= r.threshold ? 1 : 0));
    expect(r.cost).toBeCloseTo(expectedCost(Y, yPred, costs, { sampleWeight: w }), 14);
    expect(r.totalCost).toBeCloseTo(expectedCost(Y, yPred, costs, { sampleWeight: w, normalize: false }), 14);
  });

  it('returns NaN fields when the total weight is 0', () => {
    const r = thresholdForMinCost([0, 1], [0.1, 0.2], { costs: { fp: 1, fn: 1 }, sampleWeight: [0, 0] });
    expect(r.threshold).toBeNaN();
    expect(r.cost).toBeNaN();
  });

  it('agrees with a brute-force search over every threshold and +Infinity', () => {
    fc.assert(
      fc.property(
        binaryData(true),
        fc.record({
          fp: fc.integer({ min: 0, max: 5 }),
          fn: fc.integer({ min: 0, max: 5 }),
          tp: fc.integer({ min: -2, max: 2 }),
          tn: fc.integer({ min: -2, max: 2 }),
        }),
        ({ y, s, w }, costs) => {
          const pts = brutePoints(y, s, w);
          const total = pts[0].tp + pts[0].fp + pts[0].fn + pts[0].tn;
          const r = thresholdForMinCost(y, s, { costs, sampleWeight: w });
          if (total === 0) {
            expect(r.threshold).toBeNaN();
            return;
          }
          const c = (p: (typeof pts)[0]) => costs.tp * p.tp + costs.fp * p.fp + costs.fn * p.fn + costs.tn * p.tn;
          let best = pts[0];
          for (const p of pts) if (c(p) < c(best)) best = p;
          expect(r.threshold).toBe(best.threshold);
          expect(r.totalCost).toBe(c(best));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('throws MetricInputError for missing or bad costs and bad input', () => {
    expect(() => thresholdForMinCost(Y, S, {} as never)).toThrow('thresholdForMinCost: costs is undefined, expected { fp, fn, tp?, tn? }');
    expect(() => thresholdForMinCost(Y, S, { costs: { fp: 1 } as never })).toThrow(
      'thresholdForMinCost: costs.fn is undefined, expected a finite number',
    );
    expect(() => thresholdForMinCost(Y, S, { costs: { fp: 1, fn: 1, tn: NaN } })).toThrow('thresholdForMinCost: costs.tn is NaN');
    expect(() => thresholdForMinCost([0, 1], [0.1], { costs: { fp: 1, fn: 1 } })).toThrow(MetricInputError);
  });

  it('takes zeroDivision for the undefined precision at "reject all" and the recall without positives', () => {
    const costs = { fp: 100, fn: 1 };
    expect(thresholdForMinCost([1, 0, 1], [0.2, 0.9, 0.1], { costs, zeroDivision: 0 }).precision).toBe(0);
    expect(() => thresholdForMinCost([1, 0, 1], [0.2, 0.9, 0.1], { costs, zeroDivision: 'error' })).toThrow(
      new UndefinedMetricError('thresholdForMinCost: precision is undefined: nothing predicted positive at threshold Infinity'),
    );
    // Only negatives: "reject all" costs nothing; recall is undefined there.
    const r = thresholdForMinCost([0, 0], [0.2, 0.9], { costs: { fp: 1, fn: 1 }, zeroDivision: 1 });
    expect(r).toMatchObject({ threshold: Infinity, cost: 0, recall: 1, precision: 1, tp: 0, fp: 0, fn: 0, tn: 2 });
    expect(() => thresholdForMinCost([0, 0], [0.2, 0.9], { costs: { fp: 1, fn: 1 }, zeroDivision: 'error' })).toThrow(UndefinedMetricError);
  });

  it('takes zeroDivision for the cost when the total weight is 0, or throws with "error"', () => {
    const o = { costs: { fp: 1, fn: 1 }, sampleWeight: [0, 0] };
    expect(thresholdForMinCost([0, 1], [0.2, 0.9], { ...o, zeroDivision: 0 }).cost).toBe(0);
    expect(() => thresholdForMinCost([0, 1], [0.2, 0.9], { ...o, zeroDivision: 'error' })).toThrow(
      new UndefinedMetricError('thresholdForMinCost: the total weight is 0'),
    );
    expect(thresholdForMinCost(Y, S, { costs: { fp: 1, fn: 1 }, zeroDivision: 'error' })).toEqual(thresholdForMinCost(Y, S, { costs: { fp: 1, fn: 1 } }));
  });
});
