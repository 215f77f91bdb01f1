/**
 * The public surface of `tfjs-methodology/metrics`: the names of issue 3 (a
 * public contract, kept exactly) and nothing internal. An internal entry
 * point that skips validation must not be reachable from the package.
 */
import { describe, expect, it } from 'vitest';
import * as metrics from '../../src/metrics/index';

const CONTRACT = [
  // Errors.
  'MetricInputError',
  'TfjsMethodologyError',
  'UndefinedMetricError',
  // Label metrics.
  'accuracy',
  'balancedAccuracy',
  'classificationReport',
  'confusionMatrix',
  'errorRate',
  'f1',
  'fBeta',
  'matthewsCorrcoef',
  'precision',
  'precisionRecallFScoreSupport',
  'recall',
  // Ranking metrics and their core.
  'auc',
  'averagePrecision',
  'confusionAtThresholds',
  'precisionRecallAuc',
  'precisionRecallCurve',
  'rocAuc',
  'rocCurve',
  // Threshold selection and costs.
  'expectedCost',
  'thresholdForFBeta',
  'thresholdForMinCost',
  'thresholdForPrecision',
  'thresholdForRecall',
  // Intervals and streaming.
  'BinaryScoreAccumulator',
  'bootstrapInterval',
];

describe('the public surface of the metrics module', () => {
  it('exports every name of the contract, as a function or class', () => {
    for (const name of CONTRACT) {
      expect(typeof (metrics as Record<string, unknown>)[name], name).toBe('function');
    }
  });

  it('exports nothing else at runtime (internal helpers stay internal)', () => {
    expect(Object.keys(metrics).sort()).toEqual([...CONTRACT].sort());
  });
});
