import { describe, expect, it } from 'vitest';
import { MetricInputError, UndefinedMetricError } from '../../src/core/errors';
import { expectedCost } from '../../src/metrics/expectedCost';

describe('expectedCost', () => {
  it('averages the binary costs of the outcomes: spam filter with a costly false positive', () => {
    // outcomes: fp, tn, tp, fn, tn → (20 + 0 + 0 + 1 + 0) / 5
    expect(expectedCost([0, 0, 1, 1, 0], [1, 0, 1, 0, 0], { fp: 20, fn: 1 })).toBeCloseTo(4.2, 15);
  });

  it('uses tp and tn costs when given (negative costs are gains)', () => {
    // fp 20, tn -1, tp -2, fn 1, tn -1 → 17 / 5
    expect(expectedCost([0, 0, 1, 1, 0], [1, 0, 1, 0, 0], { fp: 20, fn: 1, tp: -2, tn: -1 })).toBeCloseTo(3.4, 15);
  });

  it('returns the total cost with normalize: false', () => {
    expect(expectedCost([0, 0, 1, 1, 0], [1, 0, 1, 0, 0], { fp: 20, fn: 1 }, { normalize: false })).toBe(21);
  });

  it('weights each example by sampleWeight', () => {
    // fp with weight 2, fn with weight 3, tp weight 1 → (40 + 3) / 6
    expect(expectedCost([0, 1, 1], [1, 0, 1], { fp: 20, fn: 1 }, { sampleWeight: [2, 3, 1] })).toBeCloseTo(43 / 6, 14);
  });

  it('needs posLabel for other label pairs, such as spam and ham', () => {
    const yTrue = ['ham', 'spam', 'spam', 'ham'];
    const yPred = ['spam', 'spam', 'ham', 'ham'];
    expect(expectedCost(yTrue, yPred, { fp: 10, fn: 1 }, { posLabel: 'spam' })).toBeCloseTo(11 / 4, 15);
    expect(() => expectedCost(yTrue, yPred, { fp: 10, fn: 1 })).toThrow(MetricInputError);
  });

  it('indexes a cost matrix by [true][predicted] in sorted label order', () => {
    // a→a 0, b→c 2, c→c 0
    expect(expectedCost(['a', 'b', 'c'], ['a', 'c', 'c'], [[0, 1, 1], [5, 0, 2], [1, 1, 0]])).toBeCloseTo(2 / 3, 15);
    // numbers sort numerically: 10 after 9
    expect(expectedCost([9, 10], [10, 9], [[0, 3], [7, 0]])).toBe(5);
  });

  it('follows the order of labels when given, including classes absent from the data', () => {
    const c = [
      [0, 4, 9],
      [1, 0, 9],
      [9, 9, 0],
    ];
    expect(expectedCost(['b', 'a'], ['a', 'a'], c, { labels: ['a', 'b', 'z'] })).toBe(0.5);
  });

  it('equals the error rate under the zero-one cost and agrees with the {fp, fn} form', () => {
    const yTrue = [0, 1, 1, 0, 1, 0, 0, 1];
    const yPred = [0, 1, 0, 0, 1, 1, 1, 1];
    expect(expectedCost(yTrue, yPred, [[0, 1], [1, 0]])).toBe(3 / 8);
    const w = [1, 2, 0.5, 1, 3, 1, 2, 0.25];
    expect(expectedCost(yTrue, yPred, [[-1, 7], [3, -2]], { sampleWeight: w })).toBeCloseTo(
      expectedCost(yTrue, yPred, { tn: -1, fp: 7, fn: 3, tp: -2 }, { sampleWeight: w }),
      14,
    );
  });

  it('is undefined when the total weight is 0: NaN, the zeroDivision value, or an error', () => {
    expect(expectedCost([0, 1], [1, 1], { fp: 1, fn: 1 }, { sampleWeight: [0, 0] })).toBeNaN();
    expect(expectedCost([0, 1], [1, 1], { fp: 1, fn: 1 }, { sampleWeight: [0, 0], zeroDivision: 0 })).toBe(0);
    expect(() => expectedCost([0, 1], [1, 1], { fp: 1, fn: 1 }, { sampleWeight: [0, 0], zeroDivision: 'error' })).toThrow(
      UndefinedMetricError,
    );
    expect(expectedCost([0, 1], [1, 1], { fp: 1, fn: 1 }, { sampleWeight: [0, 0], normalize: false })).toBe(0);
  });

  it('does not mutate its inputs', () => {
    const yTrue = Float64Array.from([0, 1, 1]);
    const yPred = Float64Array.from([1, 1, 0]);
    const cost = [[0, 2], [3, 0]];
    expectedCost(yTrue, yPred, cost);
    expect(Array.from(yTrue)).toEqual([0, 1, 1]);
    expect(Array.from(yPred)).toEqual([1, 1, 0]);
    expect(cost).toEqual([[0, 2], [3, 0]]);
  });

  it('throws MetricInputError naming the argument for bad input', () => {
    const e = (f: () => unknown, msg: string) => {
      expect(f).toThrow(MetricInputError);
      expect(f).toThrow(msg);
    };
    e(() => expectedCost([0, 1], [1], { fp: 1, fn: 1 }), 'expectedCost: yTrue has 2 entries but yPred has 1');
    e(() => expectedCost([], [], { fp: 1, fn: 1 }), 'expectedCost: yTrue is empty');
    e(() => expectedCost([0, 2], [0, 1], { fp: 1, fn: 1 }), 'expectedCost: yTrue[1] is 2');
    e(() => expectedCost([0, 1], [0, 1], { fp: 1 } as never), 'expectedCost: costMatrix.fn is undefined, expected a finite number');
    e(() => expectedCost([0, 1], [0, 1], { fp: 1, fn: NaN }), 'expectedCost: costMatrix.fn is NaN');
    e(() => expectedCost([0, 1], [0, 1], { fp: 1, fn: 1, tp: Infinity }), 'expectedCost: costMatrix.tp is Infinity');
    e(() => expectedCost([0, 1], [0, 1], null as never), 'expectedCost: costMatrix is null');
    e(() => expectedCost([0, 1], [0, 1], { fp: 1, fn: 1 }, { sampleWeight: [1, -2] }), 'expectedCost: sampleWeight[1] is -2');
    e(() => expectedCost([0, 1], [0, 1], { fp: 1, fn: 1 }, { labels: [0, 1] }), 'expectedCost: labels applies to a cost matrix');
    e(() => expectedCost([0, 1], [0, 1], [[0, 1], [1, 0]], { posLabel: 1 }), 'expectedCost: posLabel applies to { fp, fn } costs');
    e(() => expectedCost([0, 1], [0, 1], [[0, 1, 1], [1, 0, 1], [1, 1, 0]]), 'expectedCost: costMatrix has 3 rows but there are 2 labels; pass labels');
    e(() => expectedCost([0, 1], [0, 1], [[0, 1], [1]]), 'expectedCost: costMatrix[1] has 1 entries but there are 2 labels');
    e(() => expectedCost([0, 1], [0, 1], [[0, 1], [NaN, 0]]), 'expectedCost: costMatrix[1][0] is NaN, expected a finite number');
    e(() => expectedCost([0, 1], [0, 7], [[0, 1], [1, 0]], { labels: [0, 1] }), 'expectedCost: yPred[1] is 7, not among labels');
    e(() => expectedCost([5, 1], [0, 1], [[0, 1], [1, 0]], { labels: [0, 1] }), 'expectedCost: yTrue[0] is 5, not among labels');
    e(() => expectedCost([0, 1], [0, 1], { fp: 1, fn: 1 }, { normalize: 'yes' as never }), 'expectedCost: normalize is "yes"');
  });
});
