/**
 * Coverage: a digit classifier that refuses to answer when it is unsure.
 *
 * Trading coverage (the share of inputs answered) for accuracy on the
 * answered ones (Goodfellow et al. 2016, §11.1; Geifman & El-Yaniv 2017):
 * the risk-coverage curve and its area (AURC), a threshold whose risk on new
 * data is guaranteed with high probability, and calibration — the softmax of
 * an over-trained network is over-confident, temperature scaling repairs
 * the probabilities without changing a single prediction.
 *
 *   npx tsx examples/coverage.ts [--quick]
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { syntheticDigits, toTensors } from 'tfjs-methodology/datasets';
import { reliabilityPlot, riskCoveragePlot } from 'tfjs-methodology/plot';
import {
  applyTemperature,
  aurc,
  confidence,
  coverageAtRisk,
  eAurc,
  expectedCalibrationError,
  fitTemperature,
  reliabilityDiagram,
  riskCoverageCurve,
  selectWithGuaranteedRisk,
} from 'tfjs-methodology/selective';
import { Figures } from './lib/figures';
import { QUICK, fmt, heading, line, pct, sized, useCpuBackend } from './lib/run';

const TARGET_RISK = 0.05;
const DELTA = 0.05;

await useCpuBackend();
const figures = new Figures('coverage');
console.log(`Coverage: a digit reader that may say "I don't know"${QUICK ? ' (quick mode)' : ''}`);

const style = { size: 8 as const, noise: 0.25, shift: 0.12, slant: 0.25 };
const train = syntheticDigits({ n: sized(1000, 300), seed: 'coverage-train', ...style });
const calibration = syntheticDigits({ n: sized(2000, 400), seed: 'coverage-calibration', ...style });
const test = syntheticDigits({ n: sized(2000, 400), seed: 'coverage-test', ...style });
line('data', `${train.shape[0]} train, ${calibration.shape[0]} calibration, ${test.shape[0]} test 8x8 digits (noisy, shifted, slanted)`);

// A network that outputs logits; trained long on little data, it grows over-confident.
const model = tfl.sequential({
  layers: [
    tfl.layers.flatten({ inputShape: [8, 8, 1] }),
    tfl.layers.dense({ units: 128, activation: 'relu', kernelInitializer: tfl.initializers.heNormal({ seed: 1 }) }),
    tfl.layers.dense({ units: 10, kernelInitializer: tfl.initializers.glorotUniform({ seed: 2 }), name: 'logits' }),
  ],
});
model.compile({ optimizer: tf.train.adam(5e-3), loss: (y: tf.Tensor, logits: tf.Tensor) => tf.losses.softmaxCrossEntropy(y, logits) });
const t = toTensors(train, { oneHot: true });
const epochs = sized(40, 8);
await model.fit(t.x, t.y, { epochs, batchSize: 64, shuffle: false, verbose: 0 });
tf.dispose([t.x, t.y]);
line('model', `MLP 64-128-10, ${epochs} epochs of adam without regularisation`);

const logitsOf = (data: typeof test) => tf.tidy(() => model.predict(tf.tensor(data.x, [...data.shape])) as tf.Tensor2D);
const calLogits = logitsOf(calibration);
const testLogits = logitsOf(test);
const probabilities = (logits: tf.Tensor2D) => tf.tidy(() => tf.softmax(logits).arraySync() as number[][]);
const correctness = (p: number[][], y: ArrayLike<number>) => Float64Array.from(p, (row, i) => (row.indexOf(Math.max(...row)) === y[i] ? 1 : 0));

const testP = probabilities(testLogits);
const testCorrect = correctness(testP, test.y);
const testConf = confidence(testP);

heading('1. The risk-coverage trade-off (test)');
const curve = riskCoverageCurve(testCorrect, testConf);
line('error when answering everything', pct(curve.risk[0]));
for (const c of [0.9, 0.8, 0.5]) {
  let i = 0;
  while (i + 1 < curve.coverage.length && curve.coverage[i + 1] >= c) i++;
  line(`error on the surest ${pct(curve.coverage[i], 0)}`, pct(curve.risk[i]));
}
const area = aurc(testCorrect, testConf);
line('AURC / E-AURC', `${fmt(area)} / ${fmt(eAurc(testCorrect, testConf))}   (E-AURC: 0 for a perfect ranking)`);
const empirical = coverageAtRisk(testCorrect, testConf, TARGET_RISK);
line(`largest coverage at risk <= ${pct(TARGET_RISK, 0)}`, `${pct(empirical.coverage)} (chosen on the test set itself: optimistic)`);

heading(`2. A threshold with a guarantee: risk <= ${pct(TARGET_RISK, 0)} with probability ${1 - DELTA}`);
const calP = probabilities(calLogits);
const calCorrect = correctness(calP, calibration.y);
const sgr = selectWithGuaranteedRisk(calCorrect, confidence(calP), { targetRisk: TARGET_RISK, delta: DELTA });
let answered = 0;
let wrong = 0;
for (let i = 0; i < testConf.length; i++) {
  if (testConf[i] >= sgr.threshold) {
    answered++;
    wrong += 1 - testCorrect[i];
  }
}
if (sgr.feasible) {
  line('threshold (chosen on calibration data)', `${fmt(sgr.threshold)}: coverage ${pct(sgr.coverage)}, risk bound ${pct(sgr.riskBound, 2)}`);
  line('on the test set', `coverage ${pct(answered / testConf.length)}, risk ${pct(wrong / answered, 2)}`);
} else {
  line('threshold', `none: ${calibration.shape[0]} calibration examples cannot guarantee ${pct(TARGET_RISK, 0)}`);
}

heading('3. Calibration: does 0.9 confidence mean right 9 times in 10?');
const before = reliabilityDiagram(testCorrect, testConf, { bins: 10 });
const eceBefore = expectedCalibrationError(testCorrect, testConf, { bins: 10 });
const fit = fitTemperature(calLogits, calibration.y);
const scaled = applyTemperature(testLogits, fit.temperature) as tf.Tensor2D;
const scaledP = probabilities(scaled);
const scaledConf = confidence(scaledP);
const eceAfter = expectedCalibrationError(testCorrect, scaledConf, { bins: 10 });
const after = reliabilityDiagram(testCorrect, scaledConf, { bins: 10 });
line('mean confidence / accuracy', `${fmt(mean(testConf), 3)} / ${fmt(mean(testCorrect), 3)}`);
line('fitted temperature', `${fmt(fit.temperature, 3)}   (${fit.temperature > 1 ? '> 1: the softmax was over-confident' : '< 1: the softmax was under-confident'})`);
line('calibration log loss before / after', `${fmt(fit.logLossBefore)} / ${fmt(fit.logLossAfter)}`);
line('test ECE before / after', `${fmt(eceBefore)} / ${fmt(eceAfter)}`);
line('predictions changed by scaling', `${correctness(scaledP, test.y).reduce((s, c, i) => s + (c !== testCorrect[i] ? 1 : 0), 0)} (the arg-max never moves)`);
tf.dispose([calLogits, testLogits, scaled]);
model.dispose();

await figures.add('risk-coverage', 'Risk-coverage curve', riskCoveragePlot(curve, {
  title: 'Digits: error on the answered inputs vs coverage',
  aurc: area,
  targetRisk: TARGET_RISK,
  ...(sgr.feasible ? { operatingPoint: { coverage: sgr.coverage, risk: sgr.risk, threshold: sgr.threshold, label: 'guaranteed-risk threshold' } } : {}),
}));
await figures.add('reliability-before', 'Reliability before temperature scaling', reliabilityPlot(before, { ece: eceBefore, title: 'Before temperature scaling' }));
await figures.add('reliability-after', 'Reliability after temperature scaling', reliabilityPlot(after, { ece: eceAfter, title: `After temperature scaling (T = ${fit.temperature.toFixed(2)})` }));
console.log(`\n  Figures: ${figures.count} in examples/out/ (coverage-*.svg and their Vega-Lite specs)`);

function mean(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s / a.length;
}
