import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/core/errors';
import { riskCoverageCurve } from '../../src/selective/riskCoverageCurve';
import { expectError, tensorLike } from '../core/expectError';

const arr = (a: Float64Array) => Array.from(a);

describe('riskCoverageCurve', () => {
  it('gives one point per distinct confidence, thresholds increasing and coverage decreasing', () => {
    const c = riskCoverageCurve([1, 0, 1, 1], [0.9, 0.8, 0.7, 0.7]);
    expect(arr(c.thresholds)).toEqual([0.7, 0.8, 0.9]);
    expect(arr(c.coverage)).toEqual([1, 0.5, 0.25]);
    expect(arr(c.risk)).toEqual([0.25, 0.5, 0]);
  });

  it('accepts or rejects tied confidences together', () => {
    const c = riskCoverageCurve([0, 1, 1, 0], [0.5, 0.5, 0.9, 0.5]);
    expect(arr(c.thresholds)).toEqual([0.5, 0.9]);
    expect(arr(c.coverage)).toEqual([1, 0.25]);
    expect(arr(c.risk)).toEqual([0.5, 0]);
  });

  it('does not depend on the order of the examples', () => {
    const a = riskCoverageCurve([1, 0, 1, 0, 1], [0.1, 0.2, 0.3, 0.2, 0.9]);
    const b = riskCoverageCurve([1, 0, 0, 1, 1], [0.9, 0.2, 0.2, 0.3, 0.1]);
    expect(a).toEqual(b);
  });

  it('reads booleans, typed arrays and tensors', () => {
    const expected = riskCoverageCurve([1, 0, 1], [0.3, 0.2, 0.1]);
    expect(riskCoverageCurve([true, false, true], Float32Array.of(0.3, 0.2, 0.1))).toEqual(
      riskCoverageCurve([1, 0, 1], Float32Array.of(0.3, 0.2, 0.1)),
    );
    expect(riskCoverageCurve(Uint8Array.of(1, 0, 1), [0.3, 0.2, 0.1])).toEqual(expected);
    expect(riskCoverageCurve(tensorLike([1, 0, 1]), [0.3, 0.2, 0.1])).toEqual(expected);
  });

  it('has risk 0 everywhere when every prediction is right', () => {
    const c = riskCoverageCurve([1, 1, 1], [0.2, 0.5, 0.9]);
    expect(arr(c.risk)).toEqual([0, 0, 0]);
  });

  it('has risk 1 everywhere when every prediction is wrong', () => {
    const c = riskCoverageCurve([0, 0, 0], [0.2, 0.5, 0.9]);
    expect(arr(c.risk)).toEqual([1, 1, 1]);
    expect(arr(c.coverage)).toEqual([1, 2 / 3, 1 / 3]);
  });

  it('gives a single point for a constant confidence', () => {
    const c = riskCoverageCurve([1, 0, 1, 1], [0.6, 0.6, 0.6, 0.6]);
    expect(arr(c.thresholds)).toEqual([0.6]);
    expect(arr(c.coverage)).toEqual([1]);
    expect(arr(c.risk)).toEqual([0.25]);
  });

  it('takes real-valued losses with input: loss', () => {
    const c = riskCoverageCurve([0.5, 2, 0, 1], [0.9, 0.1, 0.9, 0.4], { input: 'loss' });
    expect(arr(c.thresholds)).toEqual([0.1, 0.4, 0.9]);
    expect(arr(c.coverage)).toEqual([1, 0.75, 0.5]);
    expect(arr(c.risk)).toEqual([3.5 / 4, 1.5 / 3, 0.25]);
  });

  it('treats 0/1 losses like correctness with the roles swapped', () => {
    const a = riskCoverageCurve([1, 0, 0, 1], [0.4, 0.3, 0.2, 0.1]);
    const b = riskCoverageCurve([0, 1, 1, 0], [0.4, 0.3, 0.2, 0.1], { input: 'loss' });
    expect(a).toEqual(b);
  });

  it('rejects NaN and infinite confidences', () => {
    expectError(() => riskCoverageCurve([1, 0, 1], [0.5, NaN, 0.1]), MetricInputError, 'riskCoverageCurve: confidence[1] is NaN');
    expectError(() => riskCoverageCurve([1, 0], [Infinity, 0.1]), MetricInputError, 'riskCoverageCurve: confidence[0] is Infinity');
  });

  it('rejects empty input and length mismatches', () => {
    expectError(() => riskCoverageCurve([], []), MetricInputError, 'riskCoverageCurve: correct is empty');
    expectError(
      () => riskCoverageCurve([1, 0], [0.5]),
      MetricInputError,
      'riskCoverageCurve: correct has 2 entries but confidence has 1',
    );
  });

  it('rejects correctness that is not 0, 1 or boolean, and negative losses', () => {
    expectError(() => riskCoverageCurve([1, 0.5], [0.5, 0.4]), MetricInputError, /^riskCoverageCurve: correct\[1\] is 0.5, expected 0, 1, false or true/);
    expectError(
      () => riskCoverageCurve([1, -1], [0.5, 0.4], { input: 'loss' }),
      MetricInputError,
      'riskCoverageCurve: correct[1] is -1, a loss must be a finite number >= 0',
    );
    expectError(
      () => riskCoverageCurve([1, 0], [0.5, 0.4], { input: 'losses' as 'loss' }),
      MetricInputError,
      'riskCoverageCurve: input is "losses", expected one of "correctness", "loss"',
    );
  });

  it('groups -0 and 0 as one confidence', () => {
    const c = riskCoverageCurve([1, 0, 1], [0, -0, 1]);
    expect(c.thresholds.length).toBe(2);
    expect(arr(c.coverage)).toEqual([1, 1 / 3]);
  });
});

describe('riskCoverageCurve on large inputs (radix paths)', () => {
  /** The curve by a plain comparator sort and a scan: slow and obvious. */
  function naive(losses: number[], conf: number[]) {
    const idx = conf.map((_, i) => i).sort((a, b) => conf[b] - conf[a]);
    const t: number[] = [];
    const cov: number[] = [];
    const risk: number[] = [];
    let sum = 0;
    idx.forEach((i, k) => {
      sum += losses[i];
      if (k + 1 === idx.length || conf[idx[k + 1]] !== conf[i]) {
        t.unshift(conf[i]);
        cov.unshift((k + 1) / idx.length);
        risk.unshift(sum / (k + 1));
      }
    });
    return { t, cov, risk };
  }

  it('equals a comparator-sort reference for 0/1 correctness and for real losses', () => {
    const n = 5000;
    const conf = Array.from({ length: n }, (_, i) => Math.round(Math.sin(i * 12.9898) * 43758.5453 % 1 * 800) / 400 - 1);
    const correct = conf.map((c, i) => ((i * 2654435761) % 97 < 70 + 20 * c ? 1 : 0));
    const a = riskCoverageCurve(correct, conf);
    const ref = naive(correct.map((c) => 1 - c), conf);
    expect(arr(a.thresholds)).toEqual(ref.t);
    expect(arr(a.coverage)).toEqual(ref.cov);
    a.risk.forEach((r, i) => expect(r).toBeCloseTo(ref.risk[i], 12));
    const losses = correct.map((c, i) => (c ? 0 : (i % 13) / 4));
    const b = riskCoverageCurve(losses, conf, { input: 'loss' });
    const refB = naive(losses, conf);
    expect(arr(b.thresholds)).toEqual(refB.t);
    b.risk.forEach((r, i) => expect(r).toBeCloseTo(refB.risk[i], 12));
  });

  it('has the overall error rate as the risk at full coverage', () => {
    const correct = Array.from({ length: 3000 }, (_, i) => (i % 7 === 0 ? 0 : 1));
    const conf = correct.map((_, i) => (i * 7919) % 1000);
    const c = riskCoverageCurve(correct, conf);
    expect(c.coverage[0]).toBe(1);
    expect(c.risk[0]).toBeCloseTo(correct.filter((x) => x === 0).length / 3000, 15);
  });
});

describe('riskCoverageCurve, properties', () => {
  const examples = fc
    .array(fc.tuple(fc.boolean(), fc.integer({ min: -5, max: 5 })), { minLength: 1, maxLength: 80 })
    .map((pairs) => ({ correct: pairs.map((p) => p[0]), conf: pairs.map((p) => p[1] / 3) }));

  it('starts at coverage 1 with the overall error rate, thresholds increasing and coverage decreasing', () => {
    fc.assert(
      fc.property(examples, ({ correct, conf }) => {
        const c = riskCoverageCurve(correct, conf);
        expect(c.coverage[0]).toBe(1);
        expect(c.risk[0]).toBeCloseTo(correct.filter((x) => !x).length / correct.length, 14);
        for (let i = 1; i < c.thresholds.length; i++) {
          expect(c.thresholds[i]).toBeGreaterThan(c.thresholds[i - 1]);
          expect(c.coverage[i]).toBeLessThan(c.coverage[i - 1]);
        }
        expect(c.thresholds.length).toBe(new Set(conf).size);
      }),
    );
  });

  it('is unchanged by strictly increasing transforms of the confidence, except for the thresholds', () => {
    fc.assert(
      fc.property(examples, ({ correct, conf }) => {
        const a = riskCoverageCurve(correct, conf);
        const b = riskCoverageCurve(correct, conf.map((x) => Math.atan(x) * 10 + 3));
        expect(b.coverage).toEqual(a.coverage);
        expect(b.risk).toEqual(a.risk);
      }),
    );
  });
});
