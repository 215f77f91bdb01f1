import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/core/errors';
import { logLoss } from '../../src/selective/logLoss';
import { expectError, tensorLike } from '../core/expectError';
import fixture from '../fixtures/sklearn-selective.json';

type Case = {
  yTrue: number[] | string[];
  probabilities: number[] | number[][];
  sampleWeight?: number[] | null;
  labels?: number[];
  expected: number;
  expectedSum?: number;
};

describe('logLoss', () => {
  it('equals scikit-learn log_loss on the fixture cases (binary 1-D, multiclass, weights, strings, labels)', () => {
    for (const c of fixture.logLoss as Case[]) {
      const opts = { sampleWeight: c.sampleWeight ?? undefined, labels: c.labels };
      expect(logLoss(c.yTrue, c.probabilities, opts)).toBeCloseTo(c.expected, 12);
      if (c.expectedSum !== undefined) {
        expect(logLoss(c.yTrue, c.probabilities, { ...opts, normalize: false })).toBeCloseTo(c.expectedSum, 10);
      }
    }
  });

  it('is the mean of −ln p of the true class, worked by hand', () => {
    expect(logLoss([0, 1, 2], [[0.5, 0.25, 0.25], [0.2, 0.8, 0], [0.1, 0.1, 0.8]])).toBeCloseTo(
      -(Math.log(0.5) + Math.log(0.8) + Math.log(0.8)) / 3,
      15,
    );
  });

  it('reads 1-D probabilities as those of the greater class', () => {
    expect(logLoss([0, 1], [0.2, 0.6])).toBeCloseTo(-(Math.log(0.8) + Math.log(0.6)) / 2, 15);
    expect(logLoss(['no', 'yes'], [0.2, 0.6])).toBeCloseTo(-(Math.log(0.8) + Math.log(0.6)) / 2, 15);
  });

  it('clips at the machine epsilon of the input precision', () => {
    expect(logLoss([0, 1], [1, 1])).toBeCloseTo(-Math.log(2.220446049250313e-16) / 2, 12);
    const eps32 = 1.1920928955078125e-7;
    expect(logLoss([0, 1], Float32Array.of(1, 1))).toBeCloseTo(-(Math.log(eps32) + Math.log(1 - eps32)) / 2, 12);
    expect(logLoss([0, 1], tensorLike([0, 1, 1, 0], [2, 2]))).toBeCloseTo(-Math.log(1.1920928955078125e-7), 12);
  });

  it('rejects a row that does not sum to 1, naming the row', () => {
    expectError(
      () => logLoss([0, 1], [[0.5, 0.5], [0.2, 0.7]]),
      MetricInputError,
      'logLoss: probabilities[1] sums to 0.8999999999999999, not 1 (tolerance 0.0001)',
    );
  });

  it('rejects probabilities outside [0, 1]', () => {
    expectError(() => logLoss([0, 1], [0.5, 1.5]), MetricInputError, 'logLoss: probabilities[1] is 1.5, expected a probability in [0, 1]');
  });

  it('needs two classes and as many classes as columns', () => {
    expectError(() => logLoss([1, 1], [0.5, 0.9]), MetricInputError, 'logLoss: yTrue contains only one label (1): pass labels to name every class');
    expect(logLoss([1, 1], [0.5, 0.9], { labels: [0, 1] })).toBeCloseTo(-(Math.log(0.5) + Math.log(0.9)) / 2, 15);
    expectError(
      () => logLoss([0, 1], [[0.2, 0.3, 0.5], [0.1, 0.1, 0.8]]),
      MetricInputError,
      'logLoss: yTrue has 2 classes (0, 1) but probabilities has 3 columns: pass labels',
    );
    expectError(
      () => logLoss([0, 5], [[0.5, 0.5], [0.5, 0.5]], { labels: [0, 1] }),
      MetricInputError,
      'logLoss: yTrue[1] is 5, not one of labels [0, 1]',
    );
  });

  it('rejects weights that sum to 0', () => {
    expectError(() => logLoss([0, 1], [0.5, 0.5], { sampleWeight: [0, 0] }), MetricInputError, 'logLoss: sampleWeight sums to 0: the weighted mean is undefined');
  });
});
