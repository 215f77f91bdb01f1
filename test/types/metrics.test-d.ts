/**
 * Type tests of the public signatures of `tfjs-methodology/metrics`, checked
 * by the TypeScript compiler through vitest's typecheck mode (enabled in
 * vitest.config.ts for test/types/**\/*.test-d.ts, so `npm test` runs them).
 * An `expectTypeOf` that does not hold, or a `@ts-expect-error` line that
 * compiles, fails the run.
 */
import type { Tensor1D, Tensor2D } from '@tensorflow/tfjs-core';
import { assertType, describe, expectTypeOf, it } from 'vitest';
import {
  MetricInputError,
  TfjsMethodologyError,
  UndefinedMetricError,
  accuracy,
  auc,
  averagePrecision,
  balancedAccuracy,
  bootstrapInterval,
  BinaryScoreAccumulator,
  type BinaryScoreAccumulatorJSON,
  type BootstrapInterval,
  classificationReport,
  confusionAtThresholds,
  confusionMatrix,
  errorRate,
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
  type Label,
  type LabelInput,
  type NumericInput,
  type ScoreMatrixInput,
  type TensorLike,
  type ZeroDivision,
} from '../../src/metrics/index';

const yTrue = [0, 1, 1, 0];
const yScore = [0.1, 0.8, 0.4, 0.3];
const yPred = [0, 1, 0, 0];
declare const tensor1d: Tensor1D;
declare const tensor2d: Tensor2D;

describe('inputs', () => {
  it('accepts arrays, typed arrays, booleans, strings and tfjs tensors where the contract says so', () => {
    expectTypeOf<number[]>().toExtend<NumericInput>();
    expectTypeOf<Float32Array>().toExtend<NumericInput>();
    expectTypeOf<Float64Array>().toExtend<NumericInput>();
    expectTypeOf<Int32Array>().toExtend<NumericInput>();
    expectTypeOf<Tensor1D>().toExtend<NumericInput>();
    expectTypeOf<boolean[]>().toExtend<LabelInput>();
    expectTypeOf<string[]>().toExtend<LabelInput>();
    expectTypeOf<readonly string[]>().toExtend<LabelInput>();
    expectTypeOf<Uint8Array>().toExtend<LabelInput>();
    expectTypeOf<Tensor1D>().toExtend<LabelInput>();
    expectTypeOf<number[][]>().toExtend<ScoreMatrixInput>();
    expectTypeOf<Tensor2D>().toExtend<ScoreMatrixInput>();
    expectTypeOf<Tensor2D>().toExtend<TensorLike>();
    expectTypeOf<Label>().toEqualTypeOf<number | string>();
    expectTypeOf<ZeroDivision>().toEqualTypeOf<number | 'error'>();
  });

  it('rejects scores that are not numbers', () => {
    // @ts-expect-error strings are labels, not scores
    averagePrecision(yTrue, ['0.1', '0.8', '0.4', '0.3']);
    // @ts-expect-error a single number is not an array of scores
    rocCurve(yTrue, 0.5);
    // @ts-expect-error weights are numbers
    accuracy(yTrue, yPred, { sampleWeight: ['1', '1', '1', '1'] });
  });

  it('takes tfjs tensors directly', () => {
    expectTypeOf(averagePrecision(tensor1d, tensor1d)).toEqualTypeOf<number>();
    expectTypeOf(rocAuc(tensor1d, tensor2d, { multiClass: 'ovo' })).toEqualTypeOf<number>();
    expectTypeOf(precision(tensor1d, tensor1d)).toEqualTypeOf<number>();
  });
});

describe('ranking metrics', () => {
  it('binary averagePrecision and rocAuc return a number', () => {
    expectTypeOf(averagePrecision(yTrue, yScore)).toEqualTypeOf<number>();
    expectTypeOf(averagePrecision(yTrue, yScore, { sampleWeight: [1, 2, 1, 1], posLabel: 1, zeroDivision: 0 })).toEqualTypeOf<number>();
    expectTypeOf(rocAuc(yTrue, yScore)).toEqualTypeOf<number>();
    expectTypeOf(rocAuc(yTrue, yScore, { maxFpr: 0.1 })).toEqualTypeOf<number>();
    expectTypeOf(precisionRecallAuc(yTrue, yScore, { rule: 'davisGoadrich' })).toEqualTypeOf<number>();
    expectTypeOf(auc([0, 0.5, 1], [0, 0.8, 1])).toEqualTypeOf<number>();
  });

  it("multiclass averages return a number, and average 'none' a Float64Array", () => {
    const probabilities = [
      [0.7, 0.2, 0.1],
      [0.1, 0.8, 0.1],
    ];
    expectTypeOf(averagePrecision(['a', 'b'], probabilities, { average: 'macro' })).toEqualTypeOf<number>();
    expectTypeOf(averagePrecision(['a', 'b'], probabilities, { average: 'none' })).toEqualTypeOf<Float64Array>();
    expectTypeOf(rocAuc([0, 1], probabilities, { multiClass: 'ovr', average: 'weighted', labels: [0, 1, 2] })).toEqualTypeOf<number>();
    expectTypeOf(averagePrecision([0, 1], Float64Array.from([0.5, 0.5, 0.2, 0.8]), { numClasses: 2 })).toEqualTypeOf<number>();
  });

  it('a runtime-chosen average gives the union type, never a wrong one', () => {
    const probabilities = [
      [0.7, 0.2, 0.1],
      [0.1, 0.8, 0.1],
    ];
    const average = Math.random() < 0.5 ? ('none' as const) : ('macro' as const);
    // With average 'none' the call returns a Float64Array: typing it `number` would be unsound.
    expectTypeOf(averagePrecision([0, 1], probabilities, { average })).toEqualTypeOf<number | Float64Array>();
    expectTypeOf(rocAuc([0, 1], probabilities, { average })).toEqualTypeOf<number | Float64Array>();
  });

  it('curves are plain objects of Float64Arrays', () => {
    expectTypeOf(precisionRecallCurve(yTrue, yScore)).toExtend<{ precision: Float64Array; recall: Float64Array; thresholds: Float64Array }>();
    expectTypeOf(rocCurve(yTrue, yScore, { dropIntermediate: false })).toExtend<{ fpr: Float64Array; tpr: Float64Array; thresholds: Float64Array }>();
    expectTypeOf(confusionAtThresholds(yTrue, yScore)).toExtend<{ thresholds: Float64Array; tps: Float64Array; fps: Float64Array }>();
  });

  it('rejects unknown option values', () => {
    // @ts-expect-error 'mean' is not an average
    averagePrecision(yTrue, yScore, { average: 'mean' });
    // @ts-expect-error multiClass is 'ovr' or 'ovo'
    rocAuc(yTrue, [[0.5, 0.5]], { multiClass: 'raise' });
    // @ts-expect-error dropIntermediate is a boolean
    rocCurve(yTrue, yScore, { dropIntermediate: 'yes' });
    // @ts-expect-error rule is 'step', 'trapezoid' or 'davisGoadrich'
    precisionRecallAuc(yTrue, yScore, { rule: 'simpson' });
    // @ts-expect-error zeroDivision is a number or 'error'
    averagePrecision(yTrue, yScore, { zeroDivision: 'warn' });
    // @ts-expect-error yScore is required
    averagePrecision(yTrue);
  });
});

describe('label metrics', () => {
  it("precision, recall, f1 and fBeta return a number, or a Float64Array for average 'none'", () => {
    expectTypeOf(precision(yTrue, yPred)).toEqualTypeOf<number>();
    expectTypeOf(recall(yTrue, yPred, { average: 'macro' })).toEqualTypeOf<number>();
    expectTypeOf(f1(yTrue, yPred, { average: 'weighted', zeroDivision: 1 })).toEqualTypeOf<number>();
    expectTypeOf(fBeta(yTrue, yPred, { beta: 2 })).toEqualTypeOf<number>();
    expectTypeOf(precision(yTrue, yPred, { average: 'none' })).toEqualTypeOf<Float64Array>();
    expectTypeOf(recall(yTrue, yPred, { average: 'none' })).toEqualTypeOf<Float64Array>();
    expectTypeOf(f1(yTrue, yPred, { average: 'none' })).toEqualTypeOf<Float64Array>();
    expectTypeOf(fBeta(yTrue, yPred, { average: 'none', beta: 0.5 })).toEqualTypeOf<Float64Array>();
    expectTypeOf(precision(['spam', 'ham'], ['spam', 'spam'], { posLabel: 'spam' })).toEqualTypeOf<number>();
  });

  it('a runtime-chosen average gives the union type', () => {
    const average = Math.random() < 0.5 ? ('none' as const) : ('macro' as const);
    expectTypeOf(precision(yTrue, yPred, { average })).toEqualTypeOf<number | Float64Array>();
  });

  it("precisionRecallFScoreSupport returns arrays per class for 'none' and numbers for an average", () => {
    const perClass = precisionRecallFScoreSupport(yTrue, yPred, { average: 'none' });
    expectTypeOf(perClass.precision).toEqualTypeOf<Float64Array>();
    expectTypeOf(perClass.support).toEqualTypeOf<Float64Array>();
    const macro = precisionRecallFScoreSupport(yTrue, yPred, { average: 'macro' });
    expectTypeOf(macro.precision).toEqualTypeOf<number>();
    expectTypeOf(macro.fScore).toEqualTypeOf<number>();
  });

  it('accuracy, errorRate, balancedAccuracy, matthewsCorrcoef and expectedCost return a number', () => {
    expectTypeOf(accuracy(yTrue, yPred)).toEqualTypeOf<number>();
    expectTypeOf(accuracy(yTrue, yPred, { normalize: false })).toEqualTypeOf<number>();
    expectTypeOf(errorRate(yTrue, yPred)).toEqualTypeOf<number>();
    expectTypeOf(balancedAccuracy(yTrue, yPred, { adjusted: true })).toEqualTypeOf<number>();
    expectTypeOf(matthewsCorrcoef(yTrue, yPred)).toEqualTypeOf<number>();
    expectTypeOf(expectedCost(yTrue, yPred, { fp: 1, fn: 10 })).toEqualTypeOf<number>();
    expectTypeOf(expectedCost(yTrue, yPred, [[0, 1], [10, 0]])).toEqualTypeOf<number>();
  });

  it('confusionMatrix returns the labels and rows of Float64Array', () => {
    const cm = confusionMatrix(yTrue, yPred, { normalize: 'true' });
    expectTypeOf(cm.labels).toEqualTypeOf<Label[]>();
    expectTypeOf(cm.matrix).toEqualTypeOf<Float64Array[]>();
  });

  it('classificationReport returns text, or a plain object with outputDict', () => {
    expectTypeOf(classificationReport(yTrue, yPred)).toEqualTypeOf<string>();
    expectTypeOf(classificationReport(yTrue, yPred, { digits: 4 })).toEqualTypeOf<string>();
    expectTypeOf(classificationReport(yTrue, yPred, { outputDict: true })).not.toEqualTypeOf<string>();
    expectTypeOf(classificationReport(yTrue, yPred, { outputDict: true })).toExtend<object>();
  });

  it('rejects unknown option values', () => {
    // @ts-expect-error 'samples' is not supported
    precision(yTrue, yPred, { average: 'samples' });
    // @ts-expect-error normalize is 'true', 'pred' or 'all'
    confusionMatrix(yTrue, yPred, { normalize: 'rows' });
    // @ts-expect-error beta is a number
    fBeta(yTrue, yPred, { beta: '2' });
    // @ts-expect-error yPred is required
    accuracy(yTrue);
  });
});

describe('threshold selection', () => {
  it('returns the threshold with the achieved precision and recall', () => {
    type Point = { threshold: number; precision: number; recall: number };
    expectTypeOf(thresholdForPrecision(yTrue, yScore, { minPrecision: 0.9 })).toExtend<Point>();
    expectTypeOf(thresholdForRecall(yTrue, yScore, { minRecall: 0.9 })).toExtend<Point>();
    expectTypeOf(thresholdForFBeta(yTrue, yScore, { beta: 2 })).toExtend<Point & { fScore: number }>();
    expectTypeOf(thresholdForMinCost(yTrue, yScore, { costs: { fp: 1, fn: 10 } })).toExtend<Point & { cost: number }>();
  });

  it('requires the target of the selection', () => {
    // @ts-expect-error minPrecision is required
    thresholdForPrecision(yTrue, yScore, {});
    // @ts-expect-error minRecall is required
    thresholdForRecall(yTrue, yScore);
    // @ts-expect-error costs need fp and fn
    thresholdForMinCost(yTrue, yScore, { costs: { fp: 1 } });
  });
});

describe('bootstrapInterval', () => {
  it('takes any metric of the module and returns the interval', () => {
    expectTypeOf(bootstrapInterval(accuracy, yTrue, yPred, { seed: 1 })).toEqualTypeOf<BootstrapInterval>();
    expectTypeOf(bootstrapInterval(averagePrecision, yTrue, yScore, { seed: 'a', method: 'bca', stratified: true })).toEqualTypeOf<BootstrapInterval>();
    expectTypeOf(bootstrapInterval(rocAuc, yTrue, yScore, { resamples: 200, confidence: 0.9 })).toEqualTypeOf<BootstrapInterval>();
    const ci = bootstrapInterval(accuracy, yTrue, yPred);
    expectTypeOf(ci.lower).toEqualTypeOf<number>();
    expectTypeOf(ci.upper).toEqualTypeOf<number>();
    expectTypeOf(ci.estimate).toEqualTypeOf<number>();
  });

  it('rejects an unknown method', () => {
    // @ts-expect-error method is 'percentile' or 'bca'
    bootstrapInterval(accuracy, yTrue, yPred, { method: 'basic' });
  });
});

describe('BinaryScoreAccumulator', () => {
  it('chains updates and merges and returns the batch results types', () => {
    const acc = new BinaryScoreAccumulator();
    expectTypeOf(acc.update(yTrue, yScore)).toEqualTypeOf<BinaryScoreAccumulator>();
    expectTypeOf(acc.update(yTrue, yScore, [1, 1, 2, 1]).merge(new BinaryScoreAccumulator())).toEqualTypeOf<BinaryScoreAccumulator>();
    expectTypeOf(acc.averagePrecision()).toEqualTypeOf<number>();
    expectTypeOf(acc.rocAuc()).toEqualTypeOf<number>();
    expectTypeOf(acc.precisionRecallCurve()).toEqualTypeOf<ReturnType<typeof precisionRecallCurve>>();
    expectTypeOf(acc.rocCurve()).toEqualTypeOf<ReturnType<typeof rocCurve>>();
    expectTypeOf(new BinaryScoreAccumulator({ thresholds: 1000 }).mode).toEqualTypeOf<'exact' | 'binned'>();
  });

  it('round-trips through JSON', () => {
    const json = new BinaryScoreAccumulator({ thresholds: [0.25, 0.5, 0.75] }).toJSON();
    expectTypeOf(json).toEqualTypeOf<BinaryScoreAccumulatorJSON>();
    expectTypeOf(BinaryScoreAccumulator.fromJSON(json)).toEqualTypeOf<BinaryScoreAccumulator>();
  });

  it('rejects thresholds that are not numbers', () => {
    // @ts-expect-error thresholds is a count or an array of numbers
    new BinaryScoreAccumulator({ thresholds: 'auto' });
  });
});

describe('errors', () => {
  it('exports the error classes, all extending TfjsMethodologyError', () => {
    expectTypeOf<MetricInputError>().toExtend<TfjsMethodologyError>();
    expectTypeOf<UndefinedMetricError>().toExtend<TfjsMethodologyError>();
    expectTypeOf<TfjsMethodologyError>().toExtend<Error>();
    assertType<Error>(new MetricInputError('m'));
  });
});
