/**
 * The contract for undefined values, for every metric whose value can be
 * undefined: NaN by default (never a silent 0), the `zeroDivision` number
 * instead when given, an `UndefinedMetricError` for `zeroDivision: 'error'`,
 * and `zeroDivision` never changes a defined value. Bad `zeroDivision`
 * values are bad input (`MetricInputError`).
 */
import { describe, expect, it } from 'vitest';
import { MetricInputError, UndefinedMetricError } from '../../src/core/errors';
import {
  BinaryScoreAccumulator,
  accuracy,
  averagePrecision,
  balancedAccuracy,
  classificationReport,
  confusionMatrix,
  expectedCost,
  f1,
  fBeta,
  matthewsCorrcoef,
  precision,
  precisionRecallAuc,
  precisionRecallCurve,
  precisionRecallFScoreSupport,
  recall,
  rocAuc,
  rocCurve,
  thresholdForFBeta,
  thresholdForMinCost,
  thresholdForPrecision,
  thresholdForRecall,
} from '../../src/metrics/index';
import type { ZeroDivision } from '../../src/metrics/index';

interface UndefinedCase {
  name: string;
  /** Computes the metric on an input where it is undefined and returns the undefined number. */
  undefinedValue(zeroDivision?: ZeroDivision): number;
  /** Computes the metric on an input where it is defined. */
  definedValue(zeroDivision?: ZeroDivision): unknown;
}

const noPositives = { y: [0, 0, 0], s: [0.2, 0.5, 0.9] };
const oneClass = { y: [1, 1, 1], s: [0.2, 0.5, 0.9] };
const ordinary = { y: [0, 1, 1, 0, 1], s: [0.1, 0.8, 0.4, 0.5, 0.9], p: [0, 1, 0, 1, 1] };

const CASES: UndefinedCase[] = [
  {
    name: 'thresholdForPrecision (its recall) with no positive example',
    undefinedValue: (zd) => thresholdForPrecision(noPositives.y, noPositives.s, { minPrecision: 0, zeroDivision: zd }).recall,
    definedValue: (zd) => thresholdForPrecision(ordinary.y, ordinary.s, { minPrecision: 0.5, zeroDivision: zd }),
  },
  {
    name: 'thresholdForRecall (its recall) with no positive example',
    undefinedValue: (zd) => thresholdForRecall(noPositives.y, noPositives.s, { minRecall: 0.5, zeroDivision: zd }).recall,
    definedValue: (zd) => thresholdForRecall(ordinary.y, ordinary.s, { minRecall: 0.5, zeroDivision: zd }),
  },
  {
    name: 'thresholdForFBeta (its F-score) with no positive example',
    undefinedValue: (zd) => thresholdForFBeta(noPositives.y, noPositives.s, { zeroDivision: zd }).fScore,
    definedValue: (zd) => thresholdForFBeta(ordinary.y, ordinary.s, { zeroDivision: zd }),
  },
  {
    name: 'thresholdForMinCost (its cost) with a total weight of 0',
    undefinedValue: (zd) => thresholdForMinCost(ordinary.y, ordinary.s, { costs: { fp: 1, fn: 1 }, sampleWeight: [0, 0, 0, 0, 0], zeroDivision: zd }).cost,
    definedValue: (zd) => thresholdForMinCost(ordinary.y, ordinary.s, { costs: { fp: 1, fn: 1 }, zeroDivision: zd }),
  },
  {
    name: 'averagePrecision with no positive example',
    undefinedValue: (zd) => averagePrecision(noPositives.y, noPositives.s, { zeroDivision: zd }),
    definedValue: (zd) => averagePrecision(ordinary.y, ordinary.s, { zeroDivision: zd }),
  },
  {
    name: 'rocAuc with one class only',
    undefinedValue: (zd) => rocAuc(oneClass.y, oneClass.s, { zeroDivision: zd }),
    definedValue: (zd) => rocAuc(ordinary.y, ordinary.s, { zeroDivision: zd }),
  },
  {
    name: 'rocAuc with maxFpr and one class only',
    undefinedValue: (zd) => rocAuc(noPositives.y, noPositives.s, { zeroDivision: zd, maxFpr: 0.5 }),
    definedValue: (zd) => rocAuc(ordinary.y, ordinary.s, { zeroDivision: zd, maxFpr: 0.5 }),
  },
  {
    name: 'precisionRecallAuc (every rule) with no positive example',
    undefinedValue: (zd) => {
      const values = (['step', 'trapezoid', 'davisGoadrich'] as const).map((rule) =>
        precisionRecallAuc(noPositives.y, noPositives.s, { zeroDivision: zd, rule }),
      );
      expect(new Set(values.map(String)).size).toBe(1);
      return values[0];
    },
    definedValue: (zd) =>
      (['step', 'trapezoid', 'davisGoadrich'] as const).map((rule) => precisionRecallAuc(ordinary.y, ordinary.s, { zeroDivision: zd, rule })),
  },
  {
    name: 'precisionRecallCurve recall with no positive example',
    undefinedValue: (zd) => precisionRecallCurve(noPositives.y, noPositives.s, { zeroDivision: zd }).recall[0],
    definedValue: (zd) => precisionRecallCurve(ordinary.y, ordinary.s, { zeroDivision: zd }),
  },
  {
    name: 'rocCurve fpr with no negative example',
    undefinedValue: (zd) => rocCurve(oneClass.y, oneClass.s, { zeroDivision: zd }).fpr[1],
    definedValue: (zd) => rocCurve(ordinary.y, ordinary.s, { zeroDivision: zd }),
  },
  {
    name: 'rocCurve tpr with no positive example',
    undefinedValue: (zd) => rocCurve(noPositives.y, noPositives.s, { zeroDivision: zd }).tpr[1],
    definedValue: (zd) => rocCurve(ordinary.y, ordinary.s, { zeroDivision: zd }),
  },
  {
    name: 'BinaryScoreAccumulator averagePrecision with no positive example',
    undefinedValue: (zd) => new BinaryScoreAccumulator().update(noPositives.y, noPositives.s).averagePrecision({ zeroDivision: zd }),
    definedValue: (zd) => new BinaryScoreAccumulator().update(ordinary.y, ordinary.s).averagePrecision({ zeroDivision: zd }),
  },
  {
    name: 'BinaryScoreAccumulator rocAuc with one class only',
    undefinedValue: (zd) => new BinaryScoreAccumulator().update(oneClass.y, oneClass.s).rocAuc({ zeroDivision: zd }),
    definedValue: (zd) => new BinaryScoreAccumulator().update(ordinary.y, ordinary.s).rocAuc({ zeroDivision: zd }),
  },
  {
    name: 'precision with nothing predicted positive',
    undefinedValue: (zd) => precision([0, 1, 1], [0, 0, 0], { zeroDivision: zd }),
    definedValue: (zd) => precision(ordinary.y, ordinary.p, { zeroDivision: zd }),
  },
  {
    name: 'recall with no positive example',
    undefinedValue: (zd) => recall([0, 0, 0], [0, 1, 0], { zeroDivision: zd }),
    definedValue: (zd) => recall(ordinary.y, ordinary.p, { zeroDivision: zd }),
  },
  {
    name: 'f1 with no positive example and nothing predicted positive (tp + fp + fn = 0)',
    undefinedValue: (zd) => f1([0, 0, 0], [0, 0, 0], { zeroDivision: zd }),
    definedValue: (zd) => [f1(ordinary.y, ordinary.p, { zeroDivision: zd }), f1([0, 0, 1], [0, 0, 0], { zeroDivision: zd })],
  },
  {
    name: 'fBeta with tp + fp + fn = 0',
    undefinedValue: (zd) => fBeta([0, 0], [0, 0], { beta: 2, zeroDivision: zd }),
    definedValue: (zd) => fBeta(ordinary.y, ordinary.p, { beta: 2, zeroDivision: zd }),
  },
  {
    name: 'precision macro over a listed class never predicted',
    // (1 + 1 + precision of class 2) / 3, solved for the undefined term.
    undefinedValue: (zd) => precision([0, 1], [0, 1], { average: 'macro', labels: [0, 1, 2], zeroDivision: zd }) * 3 - 2,
    definedValue: (zd) => precision([0, 1, 2, 2], [0, 1, 2, 1], { average: 'macro', zeroDivision: zd }),
  },
  {
    name: 'precisionRecallFScoreSupport per-class recall of a listed class absent from the data',
    undefinedValue: (zd) => precisionRecallFScoreSupport([0, 1], [0, 1], { average: 'none', labels: [0, 1, 2], zeroDivision: zd }).recall[2],
    definedValue: (zd) => precisionRecallFScoreSupport(ordinary.y, ordinary.p, { average: 'none', zeroDivision: zd }),
  },
  {
    name: 'accuracy with every weight zero',
    undefinedValue: (zd) => accuracy([0, 1], [0, 0], { sampleWeight: [0, 0], zeroDivision: zd }),
    definedValue: (zd) => accuracy(ordinary.y, ordinary.p, { zeroDivision: zd }),
  },
  {
    name: 'balancedAccuracy adjusted with one true class',
    undefinedValue: (zd) => balancedAccuracy([1, 1, 1], [1, 0, 1], { adjusted: true, zeroDivision: zd }),
    definedValue: (zd) => balancedAccuracy(ordinary.y, ordinary.p, { adjusted: true, zeroDivision: zd }),
  },
  {
    name: 'matthewsCorrcoef with a single predicted class',
    undefinedValue: (zd) => matthewsCorrcoef([0, 1, 1], [1, 1, 1], { zeroDivision: zd }),
    definedValue: (zd) => matthewsCorrcoef(ordinary.y, ordinary.p, { zeroDivision: zd }),
  },
  {
    name: "confusionMatrix normalize 'true' with a listed class absent from yTrue",
    undefinedValue: (zd) => confusionMatrix([0, 1], [0, 1], { labels: [0, 1, 2], normalize: 'true', zeroDivision: zd }).matrix[2][0],
    definedValue: (zd) => confusionMatrix(ordinary.y, ordinary.p, { normalize: 'true', zeroDivision: zd }),
  },
  {
    name: 'expectedCost with every weight zero',
    undefinedValue: (zd) => expectedCost([0, 1], [1, 1], { fp: 1, fn: 5 }, { sampleWeight: [0, 0], zeroDivision: zd }),
    definedValue: (zd) => expectedCost(ordinary.y, ordinary.p, { fp: 1, fn: 5 }, { zeroDivision: zd }),
  },
  {
    name: 'classificationReport recall of a listed class absent from the data',
    undefinedValue: (zd) => {
      const report = classificationReport([0, 1], [0, 1], { labels: [0, 1, 2], outputDict: true, zeroDivision: zd });
      return (report['2'] as { recall: number }).recall;
    },
    definedValue: (zd) => classificationReport(ordinary.y, ordinary.p, { outputDict: true, zeroDivision: zd }),
  },
];

describe.each(CASES)('$name', (c) => {
  it('is NaN by default', () => {
    expect(c.undefinedValue()).toBeNaN();
  });

  it('is the zeroDivision number when one is given', () => {
    expect(c.undefinedValue(0)).toBe(0);
    expect(c.undefinedValue(1)).toBe(1);
  });

  it("throws an UndefinedMetricError (not a MetricInputError) with zeroDivision 'error'", () => {
    let thrown: unknown;
    try {
      c.undefinedValue('error');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(UndefinedMetricError);
    expect(thrown).not.toBeInstanceOf(MetricInputError);
  });

  it('keeps a defined value whatever zeroDivision says', () => {
    const reference = c.definedValue();
    expect(c.definedValue(0)).toEqual(reference);
    expect(c.definedValue(1)).toEqual(reference);
    expect(c.definedValue('error')).toEqual(reference);
  });

  it('rejects a zeroDivision that is neither a number nor "error" as bad input', () => {
    expect(() => c.definedValue('warn' as ZeroDivision)).toThrow(MetricInputError);
    expect(() => c.definedValue('warn' as ZeroDivision)).toThrow('zeroDivision');
  });
});
