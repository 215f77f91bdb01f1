/**
 * Real tfjs tensors (not stand-ins) as inputs to every metric: the metrics
 * module reads them through `dataSync()` without importing tfjs, and the
 * results equal those on plain arrays (float32 scores are compared with the
 * float32-rounded plain scores, so the equality is exact).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BinaryScoreAccumulator,
  accuracy,
  averagePrecision,
  balancedAccuracy,
  confusionMatrix,
  f1,
  matthewsCorrcoef,
  precision,
  precisionRecallCurve,
  precisionRecallFScoreSupport,
  recall,
  rocAuc,
  rocCurve,
  thresholdForFBeta,
} from '../../src/metrics/index';
import { expectClose } from './helpers';

const yTrue = [0, 1, 1, 0, 1, 0, 0, 1, 1, 0];
const scores = [0.1, 0.9, 0.35, 0.4, 0.8, 0.05, 0.6, 0.35, 0.7, 0.2].map(Math.fround);
const yPred = [0, 1, 0, 0, 1, 0, 1, 0, 1, 0];
const weights = [1, 2, 1, 1, 0.5, 1, 3, 1, 1, 2];
const classes = [0, 2, 1, 2, 0, 1, 1, 2, 0, 1];
const probabilities = [
  [0.7, 0.2, 0.1],
  [0.1, 0.3, 0.6],
  [0.2, 0.5, 0.3],
  [0.25, 0.25, 0.5],
  [0.5, 0.25, 0.25],
  [0.1, 0.8, 0.1],
  [0.3, 0.4, 0.3],
  [0.2, 0.2, 0.6],
  [0.6, 0.2, 0.2],
  [0.3, 0.5, 0.2],
].map((row) => row.map(Math.fround));

describe('metrics on real tfjs tensors (cpu backend)', () => {
  const live: tf.Tensor[] = [];
  const keep = <T extends tf.Tensor>(t: T): T => (live.push(t), t);

  beforeAll(async () => {
    await tf.setBackend('cpu');
    await tf.ready();
  });

  afterAll(() => {
    for (const t of live) t.dispose();
  });

  it('ranking metrics read int32, bool and float32 tensors like arrays', () => {
    const yInt = keep(tf.tensor1d(yTrue, 'int32'));
    const yBool = keep(tf.tensor1d(yTrue.map((v) => v === 1), 'bool'));
    const s = keep(tf.tensor1d(scores, 'float32'));
    const w = keep(tf.tensor1d(weights, 'float32'));
    for (const y of [yInt, yBool]) {
      expect(averagePrecision(y, s)).toBe(averagePrecision(yTrue, scores));
      expect(rocAuc(y, s, { sampleWeight: w })).toBe(rocAuc(yTrue, scores, { sampleWeight: weights }));
      expectClose(precisionRecallCurve(y, s), precisionRecallCurve(yTrue, scores), 0);
      expectClose(rocCurve(y, s, { sampleWeight: w }), rocCurve(yTrue, scores, { sampleWeight: weights }), 0);
      expectClose(thresholdForFBeta(y, s, { beta: 1 }), thresholdForFBeta(yTrue, scores, { beta: 1 }), 0);
    }
    const acc = new BinaryScoreAccumulator().update(yInt, s, w);
    expect(acc.averagePrecision()).toBe(averagePrecision(yTrue, scores, { sampleWeight: weights }));
  });

  it('a 2-D tensor of probabilities works for multiclass averagePrecision and rocAuc', () => {
    const y = keep(tf.tensor1d(classes, 'int32'));
    const p = keep(tf.tensor2d(probabilities, [probabilities.length, 3], 'float32'));
    expect(averagePrecision(y, p, { average: 'macro' })).toBe(averagePrecision(classes, probabilities, { average: 'macro' }));
    expect(rocAuc(y, p, { multiClass: 'ovr' })).toBe(rocAuc(classes, probabilities, { multiClass: 'ovr' }));
    expect(rocAuc(y, p, { multiClass: 'ovo' })).toBe(rocAuc(classes, probabilities, { multiClass: 'ovo' }));
  });

  it('label metrics read numeric, boolean and string tensors like arrays', () => {
    const t = keep(tf.tensor1d(yTrue, 'int32'));
    const p = keep(tf.tensor1d(yPred, 'float32'));
    expect(accuracy(t, p)).toBe(accuracy(yTrue, yPred));
    expect(precision(t, p)).toBe(precision(yTrue, yPred));
    expect(recall(t, p, { average: 'macro' })).toBe(recall(yTrue, yPred, { average: 'macro' }));
    expect(matthewsCorrcoef(t, p)).toBe(matthewsCorrcoef(yTrue, yPred));
    const names = ['cat', 'dog', 'pig'];
    const sTrue = classes.map((c) => names[c]);
    const sPred = [...classes.slice(1), classes[0]].map((c) => names[c]);
    const st = keep(tf.tensor1d(sTrue, 'string'));
    const sp = keep(tf.tensor1d(sPred, 'string'));
    expectClose(confusionMatrix(st, sp), confusionMatrix(sTrue, sPred), 0);
    expectClose(precisionRecallFScoreSupport(st, sp), precisionRecallFScoreSupport(sTrue, sPred), 0);
    expect(f1(st, sp, { average: 'weighted' })).toBe(f1(sTrue, sPred, { average: 'weighted' }));
    expect(balancedAccuracy(st, sp)).toBe(balancedAccuracy(sTrue, sPred));
  });

  it('leaves the tensors alive and unchanged (the caller owns them)', () => {
    const s = tf.tensor1d(scores);
    const before = tf.memory().numTensors;
    averagePrecision(yTrue, s);
    expect(tf.memory().numTensors).toBe(before);
    expect(s.isDisposed).toBe(false);
    expect(Array.from(s.dataSync())).toEqual(scores);
    s.dispose();
  });
});
