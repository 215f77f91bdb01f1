/**
 * Baseline and diagnosis: the first numbers of a project, and what they say
 * to do next (Goodfellow et al. 2016, §11.2–11.4; Ng, "Machine Learning
 * Yearning").
 *
 * Three interleaved spirals, 5% of their labels flipped. A linear baseline underfits
 * (high bias: train error far above the target); a bigger model fits; the
 * Bayes error, bracketed from the data by 1-nearest-neighbour bounds, says
 * how low any model can go; `diagnoseFit` gives the verdict with
 * recommendations; and a learning curve fitted with a power law says how
 * much more data would reach the target error.
 *
 *   npx tsx examples/baseline-and-diagnosis.ts [--quick]
 */
import * as tf from '@tensorflow/tfjs-core';
import { baselineModel, compareBaselines, logisticRegressionBaseline } from 'tfjs-methodology/baselines';
import { spirals, takeExamples, toTensors, withLabelNoise, type Dataset } from 'tfjs-methodology/datasets';
import { bayesErrorBounds, diagnoseFit, learningCurve } from 'tfjs-methodology/diagnostics';
import { errorRate } from 'tfjs-methodology/metrics';
import { learningCurvePlot } from 'tfjs-methodology/plot';
import { Figures } from './lib/figures';
import { QUICK, fmt, heading, line, pct, progress, sized, useCpuBackend } from './lib/run';

const TARGET_ERROR = 0.06;
/** How far apart two errors must be to count (diagnoseFit's default is 0.02; these sets are big enough for 0.01). */
const TOLERANCE = 0.01;
const EPOCHS = sized(30, 6);

await useCpuBackend();
const figures = new Figures('baseline-and-diagnosis');
console.log(`Baseline and diagnosis: three spirals, 6% target error${QUICK ? ' (quick mode)' : ''}`);

const style = { numClasses: 3, turns: 1, noise: 0.04 };
const nTrain = sized(400, 100);
// 5% of the labels flipped: an irreducible error no model can remove (the Bayes error is about 5%).
const noisy = (d: Dataset, seed: string): Dataset => ({ ...d, y: withLabelNoise(d.y as Int32Array, 0.05, seed) });
const trainAll = noisy(spirals({ n: 4 * nTrain, seed: 'spirals-train', ...style }), 'flip-train');
const train = takeExamples(trainAll, range(nTrain));
const validation = noisy(spirals({ n: sized(600, 150), seed: 'spirals-validation', ...style }), 'flip-validation');
line('data', `${nTrain} train (and ${4 * nTrain} in reserve), ${validation.shape[0]} validation, 3 classes, 5% labels flipped`);

heading('1. Baselines first');
const table = await compareBaselines(train, validation);
for (const row of table.rows) line(row.baseline, `validation error ${pct(1 - row.metrics.accuracy)}`);
const linear = logisticRegressionBaseline(train);
const linearTrain = errorRate(train.y, linear.predict(train));
const linearVal = errorRate(validation.y, linear.predict(validation));

heading('2. How low can any model go? The Bayes error, bracketed');
const bayes = bayesErrorBounds(trainAll.x, trainAll.y, { numFeatures: 2 });
line('1-NN leave-one-out error', pct(bayes.nearestNeighbourError));
line('Bayes error within (Cover & Hart)', `[${pct(bayes.lower)}, ${pct(bayes.upper)}]`);
console.log(
  TARGET_ERROR > bayes.lower
    ? `  The target ${pct(TARGET_ERROR, 0)} is above the lower bound: the data itself does not rule it out.`
    : `  The target ${pct(TARGET_ERROR, 0)} is below the lower bound: no model can reach it on this data.`,
);

heading('3. The linear baseline, diagnosed');
line('train / validation error', `${pct(linearTrain)} / ${pct(linearVal)}`);
report(diagnoseFit({ trainError: linearTrain, validationError: linearVal, targetError: TARGET_ERROR, bayesError: bayes.lower, tolerance: TOLERANCE }));

heading('4. A deep baseline: baselineModel (MLP 64-64, ReLU, He init, adam; dropout off for a deterministic run)');
const deep = await fitMlp(train);
line('train / validation error', `${pct(deep.trainError)} / ${pct(deep.validationError)}`);
const verdict = diagnoseFit({ trainError: deep.trainError, validationError: deep.validationError, targetError: TARGET_ERROR, bayesError: bayes.lower, tolerance: TOLERANCE });
report(verdict);

heading('5. Would more data help? A learning curve');
const sizes = [nTrain / 4, nTrain / 2, nTrain, 2 * nTrain, 4 * nTrain].map(Math.round);
const curve = await learningCurve({
  sizes,
  train: (n) => (n === nTrain ? deep : fitMlp(takeExamples(trainAll, range(n)))),
  onProgress: (p) => progress(p.index + 1, p.total, `${p.value} examples: train ${pct(p.trainError)}, validation ${pct(p.validationError)}`),
});
line('power-law fit', `validation error(n) ~ ${fmt(curve.fit.a, 2)} n^-${fmt(curve.fit.b, 2)} + ${fmt(curve.fit.c, 3)}`);
for (const target of [TARGET_ERROR]) {
  const need = curve.examplesNeeded(target);
  line(
    `examples for ${pct(target, 0)} validation error`,
    Number.isFinite(need.examples) ? `${Math.round(need.examples)} (${Math.round(need.additional)} more than the largest tried)` : `not by data alone: ${need.reason}`,
  );
}
console.log(`  Read it: where the curve still falls, more data pays; where it has flattened above the target`);
console.log('  (here near the 5% of flipped labels the Bayes bounds saw), more data alone will not reach it —');
console.log('  only cleaner labels or better features can. A variance verdict says "more data" by default; the');
console.log('  learning curve says whether that would be enough.');
await figures.add('learning-curve', 'Learning curve', learningCurvePlot(curve, { targetError: TARGET_ERROR, title: 'Spirals: error against training-set size' }));
console.log(`\n  Figures: ${figures.count} in examples/out/ (baseline-and-diagnosis-*.svg and their Vega-Lite specs)`);

function report(d: ReturnType<typeof diagnoseFit>): void {
  line('diagnoseFit verdict', `${d.verdict}  (avoidable bias ${fmt(d.avoidableBias, 3)}, variance ${fmt(d.variance, 3)})`);
  for (const r of d.recommendations) console.log(`    - [${r.id}] ${r.text}`);
}

async function fitMlp(data: Dataset): Promise<{ trainError: number; validationError: number }> {
  const { model } = baselineModel({ input: 'tabular', inputShape: [2], task: 'multiclass', numClasses: 3, learningRate: 0.02, dropout: 0, seed: 1 });
  const t = toTensors(data);
  await model.fit(t.x, t.y, { epochs: EPOCHS, batchSize: 64, shuffle: false, verbose: 0 });
  const predict = (d: Dataset) =>
    tf.tidy(() => (tf.argMax(model.predict(tf.tensor(d.x, [...d.shape])) as tf.Tensor, -1) as tf.Tensor).dataSync() as Int32Array);
  const result = { trainError: errorRate(data.y, predict(data)), validationError: errorRate(validation.y, predict(validation)) };
  tf.dispose([t.x, t.y]);
  model.dispose();
  return result;
}

function range(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i);
}
