import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/core/errors';
import { brierScore } from '../../src/selective/brierScore';
import { expectError } from '../core/expectError';
import fixture from '../fixtures/sklearn-selective.json';

type Case = { yTrue: number[] | string[]; probability: number[]; sampleWeight: number[] | null; posLabel?: string; expected: number };

describe('brierScore', () => {
  it('equals scikit-learn brier_score_loss on the fixture cases', () => {
    for (const c of fixture.brierScore as Case[]) {
      const got = brierScore(c.yTrue, c.probability, { sampleWeight: c.sampleWeight ?? undefined, posLabel: c.posLabel });
      expect(got).toBeCloseTo(c.expected, 13);
    }
  });

  it('is the mean squared difference between outcome and probability, worked by hand', () => {
    expect(brierScore([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3])).toBeCloseTo((0.01 + 0.01 + 0.04 + 0.09) / 4, 15);
    expect(brierScore([true, false], [0, 1])).toBe(1);
  });

  it('takes the greatest numeric label as positive, and 1 for {−1, 1}', () => {
    expect(brierScore([2, 3], [0.25, 0.75])).toBeCloseTo(0.0625, 15);
    expect(brierScore([-1, 1], [0.25, 0.75])).toBeCloseTo(0.0625, 15);
    expect(brierScore([2, 3], [0.25, 0.75], { posLabel: 2 })).toBeCloseTo(0.5625, 15);
  });

  it('needs posLabel for string labels and binary labels for 1-D probabilities', () => {
    expectError(
      () => brierScore(['a', 'b'], [0.5, 0.5]),
      MetricInputError,
      'brierScore: yTrue holds string labels ("a", "b"): pass posLabel to name the positive class',
    );
    expectError(
      () => brierScore([0, 1, 2], [0.5, 0.5, 0.5]),
      MetricInputError,
      'brierScore: yTrue[2] is 2, a third label besides 0 and 1: 1-D probabilities need binary labels',
    );
  });

  it('sums the squared differences over the classes of a matrix, halved only for two columns by default', () => {
    const y = [0, 1, 2];
    const p = [[0.5, 0.25, 0.25], [0.2, 0.8, 0], [0.1, 0.1, 0.8]];
    // (0.25 + 0.0625 + 0.0625) + (0.04 + 0.04 + 0) + (0.01 + 0.01 + 0.04) → / 3
    expect(brierScore(y, p)).toBeCloseTo((0.375 + 0.08 + 0.06) / 3, 15);
    expect(brierScore(y, p, { scaleByHalf: true })).toBeCloseTo((0.375 + 0.08 + 0.06) / 6, 15);
    expect(brierScore([0, 1], [[0.75, 0.25], [0.5, 0.5]])).toBeCloseTo(brierScore([0, 1], [0.25, 0.5]), 15);
    expect(brierScore([0, 1], [0.25, 0.5], { scaleByHalf: false })).toBeCloseTo(2 * brierScore([0, 1], [0.25, 0.5]), 15);
  });

  it('weights examples', () => {
    expect(brierScore([0, 1], [0.5, 0.5], { sampleWeight: [3, 1] })).toBeCloseTo(0.25, 15);
    expect(brierScore([0, 1], [0.2, 0.5], { sampleWeight: [3, 1] })).toBeCloseTo((3 * 0.04 + 0.25) / 4, 15);
  });

  it('rejects probabilities outside [0, 1] and a length mismatch', () => {
    expectError(() => brierScore([0, 1], [-0.1, 0.5]), MetricInputError, 'brierScore: probability[0] is -0.1, expected a probability in [0, 1]');
    expectError(() => brierScore([0, 1], [0.5]), MetricInputError, 'brierScore: yTrue has 2 entries but probability has 1');
  });
});
