import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/core/errors';
import { auc } from '../../src/metrics/auc';

describe('auc', () => {
  it('is the trapezoidal area of the scikit-learn docstring ROC curve (0.75)', () => {
    expect(auc([0, 0, 0.5, 0.5, 1], [0, 0.5, 0.5, 1, 1])).toBe(0.75);
  });

  it('is positive for decreasing x, as for a PR curve', () => {
    expect(auc([1, 0.5, 0], [0.5, 1, 1])).toBe(0.875);
    expect(auc(Float64Array.of(1, 1, 0), [0, 1, 1])).toBe(1);
  });

  it('propagates a NaN of y', () => {
    expect(auc([0, 1], [NaN, 1])).toBeNaN();
  });

  it('names the argument, index and value of bad input', () => {
    expect(() => auc([0, 1, 0.5], [0, 1, 1])).toThrow(
      new MetricInputError('auc: x is neither increasing nor decreasing: x[2] is 0.5 after x[1] is 1 (and x[1] > x[0])'),
    );
    expect(() => auc([1, 0, 2], [0, 1, 1])).toThrow('auc: x is neither increasing nor decreasing: x[2] is 2 after x[1] is 0 (and x[1] < x[0])');
    expect(() => auc([0], [1])).toThrow('auc: x has 1 point, at least 2 are needed');
    expect(() => auc([0, 1], [1])).toThrow('auc: x has 2 entries but y has 1');
    expect(() => auc([0, NaN], [1, 1])).toThrow('auc: x[1] is NaN');
  });
});
