import { describe, expect, it } from 'vitest';
import { reliabilityDiagram } from '../../src/selective/reliabilityDiagram';
import fixture from '../fixtures/sklearn-selective.json';

describe('reliabilityDiagram', () => {
  it('bins equal-width (i/M, (i+1)/M] with the first bin including 0, worked by hand', () => {
    const d = reliabilityDiagram([1, 0, 1, 1, 0], [0, 0.2, 0.3, 0.35, 1], { bins: 10 });
    expect(Array.from(d.count)).toEqual([1, 1, 1, 1, 0, 0, 0, 0, 0, 1]);
    // 0.3 belongs to (0.2, 0.3], not (0.3, 0.4], although 0.3 · 10 rounds to 3.0000000000000004.
    expect(d.confidence[2]).toBe(0.3);
    expect(d.confidence[3]).toBe(0.35);
    expect(d.accuracy[9]).toBe(0);
    expect(Number.isNaN(d.accuracy[5])).toBe(true);
    expect(d.lower[3]).toBe(0.3);
    expect(d.upper[3]).toBe(0.4);
  });

  it('uses quantile edges like scikit-learn calibration_curve(strategy="quantile")', () => {
    const conf = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
    const d = reliabilityDiagram([0, 0, 1, 0, 1, 1, 1, 1], conf, { bins: 4, strategy: 'quantile' });
    // edges: percentiles 0, 25, 50, 75, 100 → 0.1, 0.275, 0.45, 0.625, 0.8
    [0.1, 0.275, 0.45, 0.625].forEach((v, i) => expect(d.lower[i]).toBeCloseTo(v, 15));
    expect(d.upper[3]).toBe(0.8);
    expect(Array.from(d.count)).toEqual([2, 2, 2, 2]);
    expect(Array.from(d.accuracy)).toEqual([0, 0.5, 1, 1]);
  });

  it('has, in its non-empty bins, the values of scikit-learn calibration_curve', () => {
    for (const c of fixture.calibrationCurve) {
      const d = reliabilityDiagram(c.correct, c.confidence, { bins: c.bins, strategy: c.strategy as 'uniform' | 'quantile' });
      const kept = Array.from(d.count.keys()).filter((b) => d.count[b] > 0);
      expect(kept.length).toBe(c.accuracy.length);
      kept.forEach((b, i) => {
        expect(d.accuracy[b]).toBeCloseTo(c.accuracy[i], 12);
        expect(d.confidence[b]).toBeCloseTo(c.meanConfidence[i], 12);
      });
    }
  });
});
