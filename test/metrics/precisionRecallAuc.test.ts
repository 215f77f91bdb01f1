import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/core/errors';
import { auc } from '../../src/metrics/auc';
import { averagePrecision } from '../../src/metrics/averagePrecision';
import { precisionRecallAuc } from '../../src/metrics/precisionRecallAuc';
import { precisionRecallCurve } from '../../src/metrics/precisionRecallCurve';

const y = [0, 0, 1, 1];
const s = [0.1, 0.4, 0.35, 0.8];

// Davis & Goadrich by brute-force quadrature, for comparison with the closed form.
function dgQuadrature(tps: number[], fps: number[], P: number, steps = 20000): number {
  let area = 0;
  let tpA = 0;
  let fpA = 0;
  for (let i = 0; i < tps.length; i++) {
    const delta = tps[i] - tpA;
    if (delta > 0) {
      const slope = (fps[i] - fpA) / delta;
      const h = delta / steps;
      for (let k = 0; k < steps; k++) {
        const x = (k + 0.5) * h;
        area += ((tpA + x) / (tpA + x + fpA + slope * x)) * h;
      }
    }
    tpA = tps[i];
    fpA = fps[i];
  }
  return area / P;
}

describe('precisionRecallAuc', () => {
  it("equals averagePrecision with the default 'step' rule", () => {
    expect(precisionRecallAuc(y, s)).toBe(averagePrecision(y, s));
    expect(precisionRecallAuc(y, s, { rule: 'step' })).toBeCloseTo(5 / 6, 15);
  });

  it("is the trapezoid over the curve's points with 'trapezoid' (19/24 here), as auc(recall, precision)", () => {
    // (0,1)→(½,1): ½; (½,1)→(½,½): 0; (½,½)→(1,⅔): ½·(½+⅔)/2 = 7/24; →(1,½): 0.
    expect(precisionRecallAuc(y, s, { rule: 'trapezoid' })).toBeCloseTo(1 / 2 + 7 / 24, 15);
    const c = precisionRecallCurve(y, s);
    expect(precisionRecallAuc(y, s, { rule: 'trapezoid' })).toBeCloseTo(auc(c.recall, c.precision), 15);
  });

  it("integrates Davis & Goadrich's interpolation in closed form", () => {
    // (0,0)→(TP 1, FP 0): precision 1 over recall ½ → ½.
    // (1,1)→(2,1): precision (1+x)/(2+x), ½∫₀¹ = ½(1 − ln(3/2)).
    expect(precisionRecallAuc(y, s, { rule: 'davisGoadrich' })).toBeCloseTo(0.5 + 0.5 * (1 - Math.log(1.5)), 15);
  });

  it('is optimistic with the trapezoid where precision falls along the curve: step < Davis–Goadrich < trapezoid', () => {
    // Points (TP, FP): (1, 0), (2, 1), (3, 2) with P = 3; precision 1, 2/3, 3/5.
    const yy = [1, 1, 0, 1, 0, 0];
    const ss = [3, 2, 2, 1, 1, 0];
    const step = (1 + 2 / 3 + 3 / 5) / 3;
    const trap = (1 / 3) * (1 + (1 + 2 / 3) / 2 + (2 / 3 + 3 / 5) / 2);
    // Closed form per stretch: Δ/c + (s·TP_A − FP_A)/c² · ln(1 + cΔ/b), here s = 1, c = 2, Δ = 1.
    const dg = (1 + (0.5 + 0.25 * Math.log(3)) + (0.5 + 0.25 * Math.log(1 + 2 / 3))) / 3;
    expect(precisionRecallAuc(yy, ss)).toBeCloseTo(step, 15);
    expect(precisionRecallAuc(yy, ss, { rule: 'trapezoid' })).toBeCloseTo(trap, 15);
    expect(precisionRecallAuc(yy, ss, { rule: 'davisGoadrich' })).toBeCloseTo(dg, 15);
    expect(step < dg && dg < trap).toBe(true);
  });

  it('gives the closed form of Davis–Goadrich equal to brute-force quadrature on random data', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 8 })), { minLength: 2, maxLength: 40 }), (rows) => {
        const yy = rows.map((r) => (r[0] ? 1 : 0));
        const ss = rows.map((r) => r[1]);
        const P = yy.reduce((a: number, b) => a + b, 0);
        if (P === 0) return;
        // cumulative counts by decreasing distinct score
        const th = [...new Set(ss)].sort((a, b) => b - a);
        const tps = th.map((t) => yy.filter((v, i) => v && ss[i] >= t).length);
        const fps = th.map((t) => yy.filter((v, i) => !v && ss[i] >= t).length);
        const dg = precisionRecallAuc(yy, ss, { rule: 'davisGoadrich' });
        expect(dg).toBeCloseTo(dgQuadrature(tps, fps, P), 7);
      }),
      { numRuns: 100 },
    );
  });

  it('returns NaN without positives, or zeroDivision', () => {
    expect(precisionRecallAuc([0, 0], [1, 2], { rule: 'trapezoid' })).toBeNaN();
    expect(precisionRecallAuc([0, 0], [1, 2], { rule: 'davisGoadrich', zeroDivision: 0 })).toBe(0);
  });

  it('names the argument and value of a bad rule or input', () => {
    expect(() => precisionRecallAuc(y, s, { rule: 'simpson' as never })).toThrow(
      new MetricInputError('precisionRecallAuc: rule is "simpson", expected one of "step", "trapezoid", "davisGoadrich"'),
    );
    expect(() => precisionRecallAuc([0, 1], [Infinity, 1])).toThrow('precisionRecallAuc: yScore[0] is Infinity');
  });
});
