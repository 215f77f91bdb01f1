import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/core/errors';
import { confidence } from '../../src/selective/confidence';
import { expectError, tensorLike } from '../core/expectError';

const probs = [
  [0.7, 0.2, 0.1],
  [0.4, 0.4, 0.2],
  [1, 0, 0],
];

describe('confidence', () => {
  it('gives the largest probability by default', () => {
    expect(Array.from(confidence(probs))).toEqual([0.7, 0.4, 1]);
  });

  it('gives the margin between the two largest probabilities', () => {
    const m = confidence(probs, { method: 'margin' });
    expect(m[0]).toBeCloseTo(0.5, 15);
    expect(m[1]).toBe(0);
    expect(m[2]).toBe(1);
  });

  it('gives the negative entropy in nats: 0 for a one-hot row, −ln k for the uniform row', () => {
    const e = confidence([[0.5, 0.5], [1, 0], [0.25, 0.75]], { method: 'entropy' });
    expect(e[0]).toBeCloseTo(-Math.log(2), 15);
    expect(e[1]).toBe(0);
    expect(e[2]).toBeCloseTo(0.25 * Math.log(0.25) + 0.75 * Math.log(0.75), 15);
  });

  it('reads flat arrays with numClasses and 2-D tensors', () => {
    const flat = confidence(Float64Array.of(0.7, 0.2, 0.1, 0.4, 0.4, 0.2), { numClasses: 3 });
    expect(Array.from(flat)).toEqual([0.7, 0.4]);
    const t = confidence(tensorLike([0.25, 0.75, 0.5, 0.5], [2, 2]));
    expect(Array.from(t)).toEqual([0.75, 0.5]);
  });

  it('applies a stable softmax to logits, even huge ones', () => {
    const z = [
      [2, 1, 0],
      [1000, 0, -1000],
      [-1000, -1000, -1000],
    ];
    const c = confidence(z, { fromLogits: true });
    const s = Math.exp(2) + Math.exp(1) + 1;
    expect(c[0]).toBeCloseTo(Math.exp(2) / s, 15);
    expect(c[1]).toBe(1);
    expect(c[2]).toBeCloseTo(1 / 3, 12);
    const e = confidence(z, { fromLogits: true, method: 'entropy' });
    expect(e[1]).toBe(0);
    expect(e[2]).toBeCloseTo(-Math.log(3), 12);
    const m = confidence(z, { fromLogits: true, method: 'margin' });
    expect(m[0]).toBeCloseTo((Math.exp(2) - Math.exp(1)) / s, 15);
    expect(m[2]).toBe(0);
  });

  it('gives the same ranking from logits as from their softmax', () => {
    const z = [
      [0.3, -1.2, 2.2],
      [1.1, 1.0, 0.9],
      [-0.5, 3, 0],
    ];
    const p = z.map((r) => {
      const s = r.reduce((a, v) => a + Math.exp(v), 0);
      return r.map((v) => Math.exp(v) / s);
    });
    for (const method of ['maxProbability', 'margin', 'entropy'] as const) {
      const a = confidence(z, { fromLogits: true, method });
      const b = confidence(p, { method });
      a.forEach((v, i) => expect(v).toBeCloseTo(b[i], 14));
    }
  });

  it('rejects a row that does not sum to 1, naming the row', () => {
    expectError(
      () => confidence([[0.5, 0.5], [0.5, 0.4]]),
      MetricInputError,
      'confidence: probabilities[1] sums to 0.9, not 1 (tolerance 0.0001); pass fromLogits: true for logits',
    );
    expect(confidence([[0.5, 0.4]], { tolerance: 0.2 })[0]).toBe(0.5);
  });

  it('rejects entries outside [0, 1] and NaN', () => {
    expectError(
      () => confidence([[1.5, -0.5]]),
      MetricInputError,
      'confidence: probabilities[0][0] is 1.5, not a probability (pass fromLogits: true for logits)',
    );
    expectError(() => confidence([[0.5, NaN]]), MetricInputError, 'confidence: probabilities[0][1] is NaN');
  });

  it('rejects an unknown method', () => {
    expectError(
      () => confidence(probs, { method: 'variance' as 'margin' }),
      MetricInputError,
      'confidence: method is "variance", expected one of "maxProbability", "margin", "entropy"',
    );
  });

  it('gives the probability itself as the margin of a single class', () => {
    expect(Array.from(confidence([[1], [1]], { method: 'margin' }))).toEqual([1, 1]);
  });
});
