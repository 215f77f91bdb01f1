import { describe, expect, it } from 'vitest';
import { DiagnosticsInputError } from '../../src/diagnostics/errors';
import { mostConfused } from '../../src/diagnostics/mostConfused';

describe('mostConfused', () => {
  const yTrue = ['cat', 'dog', 'dog', 'fox', 'fox', 'fox', 'cat', 'dog'];
  const yPred = ['cat', 'cat', 'dog', 'dog', 'dog', 'cat', 'dog', 'cat'];

  it('lists the off-diagonal (true, predicted) pairs by count, largest first', () => {
    expect(mostConfused(yTrue, yPred)).toEqual([
      { trueLabel: 'dog', predictedLabel: 'cat', count: 2 },
      { trueLabel: 'fox', predictedLabel: 'dog', count: 2 },
      { trueLabel: 'cat', predictedLabel: 'dog', count: 1 },
      { trueLabel: 'fox', predictedLabel: 'cat', count: 1 },
    ]);
  });

  it('orders equal counts by true label, then predicted label, in the label order', () => {
    const out = mostConfused([2, 1, 0, 2], [0, 2, 1, 1]);
    expect(out.map((p) => [p.trueLabel, p.predictedLabel])).toEqual([
      [0, 1],
      [1, 2],
      [2, 0],
      [2, 1],
    ]);
    // With labels given, their order decides.
    expect(mostConfused([2, 1, 0, 2], [0, 2, 1, 1], { labels: [2, 1, 0] }).map((p) => [p.trueLabel, p.predictedLabel])).toEqual([
      [2, 1],
      [2, 0],
      [1, 2],
      [0, 1],
    ]);
  });

  it('keeps only pairs with at least min examples', () => {
    expect(mostConfused(yTrue, yPred, { min: 2 }).map((p) => p.count)).toEqual([2, 2]);
    expect(mostConfused(yTrue, yPred, { min: 3 })).toEqual([]);
  });

  it('counts weights with sampleWeight, min comparing total weights', () => {
    expect(mostConfused([0, 0, 1], [1, 1, 0], { sampleWeight: [0.25, 0.5, 2] })).toHaveLength(1);
    const out = mostConfused([0, 0, 1], [1, 1, 0], { sampleWeight: [0.25, 0.5, 2], min: 0.5 });
    expect(out).toEqual([
      { trueLabel: 1, predictedLabel: 0, count: 2 },
      { trueLabel: 0, predictedLabel: 1, count: 0.75 },
    ]);
  });

  it('is empty when every prediction is right', () => {
    expect(mostConfused([0, 1, 2], [0, 1, 2])).toEqual([]);
  });

  it('rejects bad input with DiagnosticsInputError in its own name', () => {
    expect(() => mostConfused([0, 1], [0])).toThrow('mostConfused: yTrue has 2 entries but yPred has 1');
    expect(() => mostConfused([0, 1], [0, NaN])).toThrow('mostConfused: yPred[1] is NaN, not a valid label');
    expect(() => mostConfused([0, 1], [0, 1], { min: 0 })).toThrow('mostConfused: min is 0, expected a finite number > 0');
    expect(() => mostConfused([0, 1], ['a', 'b'])).toThrow(DiagnosticsInputError);
  });
});
