/**
 * `npm run demo`: the practical methodology end to end on one problem —
 * reading multi-digit house numbers (Goodfellow, Bengio & Courville 2016,
 * ch. 11), here on seeded synthetic numbers so that it runs anywhere in
 * under a minute on the cpu backend.
 *
 *   1. the goal: a metric and a target          (selective)
 *   2. a baseline                               (baselines)
 *   3. a first model, diagnosed                  (diagnostics: diagnoseFit, learningCurve)
 *   4. the decision: data, capacity or regularisation
 *   5. tuning                                   (search)
 *   6. debugging                                (gradcheck, diagnostics: activationStats, gradientStats)
 *   7. the report, with coverage                (selective)
 *
 * It prints a readable report and writes examples/out/report.html, one
 * self-contained page with every figure inline (opens offline), plus each
 * figure as SVG and as its Vega-Lite spec. `--quick` (or
 * TFJS_METHODOLOGY_QUICK=1) shrinks every size; the numbers are then rough.
 *
 *   npx tsx examples/walkthrough.ts [--quick]
 */
import * as tf from '@tensorflow/tfjs-core';
import { logisticRegressionBaseline, majorityClassBaseline } from 'tfjs-methodology/baselines';
import { syntheticNumbers, takeExamples, type Dataset } from 'tfjs-methodology/datasets';
import { activationStats, diagnoseFit, gradientStats, learningCurve } from 'tfjs-methodology/diagnostics';
import { checkModelGradients, formatGradientReport } from 'tfjs-methodology/gradcheck';
import {
  activationHistogramsPlot,
  gradientNormsPlot,
  learningCurvePlot,
  optimizationHistoryPlot,
  parameterImportancePlot,
  reliabilityPlot,
  riskCoveragePlot,
} from 'tfjs-methodology/plot';
import { createStudy, medianPruner, optimizationHistory, parameterImportance, pruningCallback, tpeSampler } from 'tfjs-methodology/search';
import {
  aurc,
  coverageAtRisk,
  expectedCalibrationError,
  reliabilityDiagram,
  riskCoverageCurve,
  selectWithGuaranteedRisk,
} from 'tfjs-methodology/selective';
import { Figures } from './lib/figures';
import { evaluateNumbers, digitColumn, numberModel, numberTensors } from './lib/numbers';
import { QUICK, elapsed, fmt, heading, line, pct, progress, sized, useCpuBackend } from './lib/run';

const DIGITS = 3;
const SIZE = 8;
const SEED = 7;
const EPOCHS = sized(5, 2);
const BATCH = 32;
/** Mild shifts and slants: hard enough that data matters, easy enough for an MLP in seconds. */
const STYLE = { digits: DIGITS, size: SIZE, shift: 0.05, slant: 0.1 } as const;

/** The goal, set before any model: the book's "transcribe only when sure". */
const TARGET_RISK = 0.02; // the book's goal: 98% accuracy on the numbers it answers ...
const TARGET_COVERAGE = 0.95; // ... while answering at least 95% of them
const TARGET_ERROR = 0.02; // whole-number error when answering everything: the proxy the diagnosis aims at while training

await useCpuBackend();
const figures = new Figures('walkthrough');

console.log(`Reading ${DIGITS}-digit numbers: the practical methodology end to end${QUICK ? ' (quick mode: small sizes, rough numbers)' : ''}`);
console.log(`  seeded synthetic ${SIZE}x${SIZE * DIGITS} images (tfjs-methodology/datasets syntheticNumbers), cpu backend`);

// 1. Goal ---------------------------------------------------------------------
heading('1. The goal: which error metric, and what target');
console.log(`  A transcription is right only when all ${DIGITS} digits are. A wrong house number is costly, an`);
console.log('  unanswered one goes to a person: so the system may refuse, and the goal is a selective one.');
line('metric', 'selective risk (errors among answered numbers) and coverage');
line('target', `risk <= ${pct(TARGET_RISK, 0)} at coverage >= ${pct(TARGET_COVERAGE, 0)}, guaranteed w.p. 0.95`);
line('training proxy', `whole-number error <= ${pct(TARGET_ERROR, 0)} when answering everything`);

const nTrain = sized(1200, 240);
const nVal = sized(1000, 200);
const nTest = sized(1000, 200);
const trainAll = syntheticNumbers({ n: nTrain * 2, ...STYLE, seed: `${SEED}-train` });
const train = takeExamples(trainAll, range(nTrain));
const validation = syntheticNumbers({ n: nVal, ...STYLE, seed: `${SEED}-validation` });
const test = syntheticNumbers({ n: nTest, ...STYLE, seed: `${SEED}-test` });
line('data', `${nTrain} train, ${nVal} validation (tuning and calibration), ${nTest} test (touched once, at the end)`);

// 2. Baseline -----------------------------------------------------------------
heading('2. A baseline: the first number on the way to the target');
const baselineTrain = takeExamples(train, range(sized(400, 120)));
let majorityRight = 1;
let linearRight = 1;
const majorityCorrect = new Float64Array(nVal).fill(1);
const linearCorrect = new Float64Array(nVal).fill(1);
for (let j = 0; j < DIGITS; j++) {
  const column = digitColumn(baselineTrain, j);
  const valColumn = digitColumn(validation, j);
  const majority = majorityClassBaseline(column).predict(valColumn);
  const linear = logisticRegressionBaseline(column, { maxIterations: sized(40, 10) }).predict(valColumn);
  for (let i = 0; i < nVal; i++) {
    if (majority[i] !== valColumn.y[i]) majorityCorrect[i] = 0;
    if (linear[i] !== valColumn.y[i]) linearCorrect[i] = 0;
  }
  progress(j + 1, DIGITS, `logistic regression for digit ${j + 1}`);
}
majorityRight = mean(majorityCorrect);
linearRight = mean(linearCorrect);
line('majority class, whole-number error', pct(1 - majorityRight));
line('logistic regression per digit', `${pct(1 - linearRight)}   (the bar a deep model has to clear)`);

// 3. First model and diagnosis ------------------------------------------------
heading('3. A first deep model, diagnosed');
const firstConfig = { hidden: 64, l2: 0, learningRate: 5e-3 };
console.log(`  MLP: flatten -> dense(${firstConfig.hidden}, relu, He init) -> dense(${DIGITS}x10) -> softmax per digit; adam ${firstConfig.learningRate}, ${EPOCHS} epochs`);
const first = await trainNumbers(train, firstConfig, SEED);
const firstTrain = evaluateNumbers(first, train);
const firstVal = evaluateNumbers(first, validation);
first.dispose();
line('train error (whole numbers)', pct(firstTrain.error));
line('validation error (whole numbers)', `${pct(firstVal.error)}   (per digit ${pct(firstVal.digitError)})`);
const diagnosis = diagnoseFit({ trainError: firstTrain.error, validationError: firstVal.error, targetError: TARGET_ERROR });
line('diagnoseFit verdict', diagnosis.verdict);
line('avoidable bias / variance', `${fmt(diagnosis.avoidableBias, 3)} / ${fmt(diagnosis.variance, 3)}`);
for (const r of diagnosis.recommendations) console.log(`    - [${r.id}] ${r.text}`);

console.log('  Learning curve: the same model on growing training sets');
const sizes = [nTrain / 8, nTrain / 4, nTrain / 2, nTrain].map(Math.round);
const curve = await learningCurve({
  sizes,
  train: async (n) => {
    if (n === nTrain) return { trainError: firstTrain.error, validationError: firstVal.error };
    const model = await trainNumbers(takeExamples(train, range(n)), firstConfig, SEED);
    const result = { trainError: evaluateNumbers(model, takeExamples(train, range(n))).error, validationError: evaluateNumbers(model, validation).error };
    model.dispose();
    return result;
  },
  onProgress: (p) => progress(p.index + 1, p.total, `${p.value} examples: train ${pct(p.trainError)}, validation ${pct(p.validationError)}`),
});
const needed = curve.examplesNeeded(TARGET_ERROR);
line('power-law fit', `error(n) ~ ${fmt(curve.fit.a, 2)} n^-${fmt(curve.fit.b, 2)} + ${fmt(curve.fit.c, 3)}`);
line(
  `examples for ${pct(TARGET_ERROR, 0)} validation error`,
  Number.isFinite(needed.examples) ? `${count(needed.examples)} (${count(needed.additional)} more)` : `never by data alone: ${needed.reason}`,
);
await figures.add('learning-curve', 'Learning curve of the first model', learningCurvePlot(curve, { targetError: TARGET_ERROR, title: 'Learning curve: whole-number error' }));

// 4. Decision -----------------------------------------------------------------
heading('4. The decision: more data, more capacity, or more regularisation?');
const overfits = diagnosis.verdict === 'overfitting' || diagnosis.verdict === 'underfitting-and-overfitting';
const underfits = diagnosis.verdict === 'underfitting' || diagnosis.verdict === 'underfitting-and-overfitting';
// The curve still falls (a real exponent, an asymptote below the target): data helps.
const dataHelps = curve.fit.b > 0.2 && curve.fit.c < TARGET_ERROR && Number.isFinite(needed.examples);
let tuningTrain: Dataset = train;
if (overfits && dataHelps) {
  tuningTrain = trainAll;
  console.log(`  High variance (validation ${pct(firstVal.error)} vs train ${pct(firstTrain.error)}), and the learning curve still falls`);
  console.log(`  (exponent ${fmt(curve.fit.b, 2)}, asymptote ${pct(curve.fit.c)}): more data is the surest cure. The fit wants ${count(needed.examples)}`);
  console.log(`  examples for the proxy target; data is cheap here (we generate it) and this demo affords ${count(trainAll.shape[0])}.`);
  console.log('  The coverage goal may need less, since the system can refuse the hardest numbers. The search below also');
  console.log('  tries weight decay (regularisation) and the width (capacity).');
} else if (overfits) {
  console.log('  High variance, but the learning curve has flattened above the target: more data alone will not do.');
  console.log('  Regularise and tune (the search tries weight decay, the width and the learning rate).');
} else if (underfits) {
  console.log('  High bias: the model cannot even fit the training set. More capacity (wider layers) and a tuned learning rate.');
} else {
  console.log('  Neither: the first model meets the proxy target already; tune lightly and check the coverage goal.');
}

// 5. Tuning -------------------------------------------------------------------
heading('5. Tuning: a small TPE search with median pruning');
const trials = sized(4, 2);
const searchTrain = takeExamples(tuningTrain, range(Math.round(nTrain / 2)));
console.log(`  ${trials} trials on ${searchTrain.shape[0]} examples (a subset: cheaper, and it ranks configurations alike), scored by validation error`);
const study = await createStudy({
  sampler: tpeSampler({ seed: SEED, startupTrials: 3 }),
  pruner: medianPruner({ startupTrials: 2, warmupSteps: 1 }),
});
const searchTensors = numberTensors(searchTrain);
// The pruner watches the validation loss on 300 numbers each epoch (cheaper); trials are scored on all of them.
const valTensors = numberTensors(takeExamples(validation, range(sized(300, 100))));
await study.optimize(
  async (trial) => {
    const config = {
      hidden: trial.suggestInt('hidden', 32, 128, { log: true }),
      l2: trial.suggestFloat('l2', 1e-6, 1e-3, { log: true }),
      learningRate: trial.suggestFloat('learningRate', 2e-3, 2e-2, { log: true }),
    };
    const model = numberModel({ digits: DIGITS, size: SIZE, seed: SEED, ...config });
    const pruning = pruningCallback(trial, { monitor: 'val_loss' });
    try {
      await model.fit(searchTensors.x, searchTensors.y, {
        epochs: EPOCHS,
        batchSize: BATCH,
        shuffle: false,
        verbose: 0,
        validationData: [valTensors.x, valTensors.y],
        callbacks: [pruning],
      });
      pruning.throwIfPruned();
      return evaluateNumbers(model, validation).error;
    } finally {
      model.dispose();
    }
  },
  {
    trials,
    onTrialComplete: (t) =>
      progress(t.number + 1, trials, `trial ${t.number}: ${t.state}${t.value === undefined ? '' : `, validation error ${pct(t.value)}`}  ${JSON.stringify(roundParams(t.params))}`),
  },
);
tf.dispose([searchTensors.x, searchTensors.y, valTensors.x, valTensors.y]);
const best = study.bestParams as { hidden: number; l2: number; learningRate: number };
line('best trial', `${study.bestTrial?.number}: validation error ${pct(study.bestValue)}`);
line('best parameters', JSON.stringify(roundParams(best)));
const importance = parameterImportance(study);
line('parameter importance (PED-ANOVA)', Object.entries(importance).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', '));
await figures.add('search-history', 'Search history', optimizationHistoryPlot(optimizationHistory(study), { title: 'Validation error, best so far' }));
await figures.add('parameter-importance', 'Parameter importance', parameterImportancePlot(importance, { title: 'Which hyperparameters mattered' }));

console.log(`  Retraining the best configuration on all ${tuningTrain.shape[0]} training examples`);
const model = await trainNumbers(tuningTrain, best, SEED);
const finalTrain = evaluateNumbers(model, tuningTrain);
const finalVal = evaluateNumbers(model, validation);
line('train / validation error', `${pct(finalTrain.error)} / ${pct(finalVal.error)}   (first model: ${pct(firstTrain.error)} / ${pct(firstVal.error)})`);
const after = diagnoseFit({ trainError: finalTrain.error, validationError: finalVal.error, targetError: TARGET_ERROR });
line('diagnoseFit verdict now', after.verdict);

// 6. Debugging ----------------------------------------------------------------
heading('6. Debugging: are the gradients right, are the units alive?');
const probe = numberTensors(takeExamples(validation, range(sized(64, 32))));
const small = numberModel({ digits: DIGITS, size: SIZE, seed: SEED, hidden: 8, l2: 0 });
const check = checkModelGradients(small, tf.slice(probe.x, 0, 4), tf.slice(probe.y, 0, 4), { loss: 'categoricalCrossentropy' });
small.dispose();
line('gradient check (8-unit copy, 4 numbers)', check.ok ? 'passed: back-propagation matches finite differences' : 'FAILED');
if (!check.ok) console.log(formatGradientReport(check, 5));
const activations = activationStats(model, probe.x);
for (const layer of activations.layers) {
  if (layer.className !== 'Dense') continue;
  line(`layer ${layer.name} (${layer.activation})`, `mean ${fmt(layer.mean, 3)}, dead units ${layer.deadUnits}/${layer.units}, zeros ${pct(layer.zeroFraction)}`);
  if (layer.activation === 'relu' && layer.deadFraction > 0.25) {
    console.log(`    ${pct(layer.deadFraction, 0)} of the ReLUs never fire on this batch: large learning rates kill units (see examples/debugging.ts);`);
    console.log('    a lower rate or a leaky ReLU would give the same width more use.');
  }
}
const gradients = gradientStats(model, probe.x, probe.y, { loss: 'categoricalCrossentropy', learningRate: best.learningRate });
for (const v of gradients.variables) line(`gradient ${v.name}`, `|g|/|w| ${fmt(v.ratio, 5)}  ${v.status}`);
line('gradient trend across depth', gradients.trend.direction);
tf.dispose([probe.x, probe.y]);
await figures.add('activations', 'Activation histograms', activationHistogramsPlot(activations, { title: 'Activations per layer (validation batch)' }));
await figures.add('gradient-norms', 'Gradient norms', gradientNormsPlot(gradients, { title: 'Gradient norm by depth' }));

// 7. Report with coverage -----------------------------------------------------
heading('7. The report: accuracy when it answers, and how often it answers');
line('confidence', 'product of the digits\' top softmax probabilities');
line('AURC (validation)', fmt(aurc(finalVal.correct, finalVal.confidence)));
const empirical = coverageAtRisk(finalVal.correct, finalVal.confidence, TARGET_RISK);
line(`coverage at risk <= ${pct(TARGET_RISK, 0)} (validation)`, `${pct(empirical.coverage)} at confidence >= ${fmt(empirical.threshold, 3)}`);
const sgr = selectWithGuaranteedRisk(finalVal.correct, finalVal.confidence, { targetRisk: TARGET_RISK, delta: 0.05 });
const finalTest = evaluateNumbers(model, test);
let answered = 0;
let wrong = 0;
for (let i = 0; i < nTest; i++) {
  if (finalTest.confidence[i] >= sgr.threshold) {
    answered++;
    wrong += 1 - finalTest.correct[i];
  }
}
const testCoverage = answered / nTest;
const testRisk = answered === 0 ? NaN : wrong / answered;
if (sgr.feasible) {
  line('guaranteed-risk threshold (SGR, δ 0.05)', `${fmt(sgr.threshold, 3)}: coverage ${pct(sgr.coverage)}, risk bound ${pct(sgr.riskBound)}`);
} else {
  line('guaranteed-risk threshold (SGR, δ 0.05)', `none: ${nVal} validation numbers cannot guarantee ${pct(TARGET_RISK, 0)}`);
}
line('TEST, answering everything', `error ${pct(finalTest.error)}`);
line('TEST, at the SGR threshold', sgr.feasible ? `coverage ${pct(testCoverage)}, risk ${pct(testRisk)}` : 'no threshold');
const diagram = reliabilityDiagram(finalTest.correct, finalTest.confidence, { bins: 10 });
const ece = expectedCalibrationError(finalTest.correct, finalTest.confidence, { bins: 10 });
line('expected calibration error (test)', fmt(ece));
const goalMet = sgr.feasible && testCoverage >= TARGET_COVERAGE && testRisk <= TARGET_RISK;
model.dispose();
await figures.add('risk-coverage', 'Risk-coverage curve', riskCoveragePlot(riskCoverageCurve(finalTest.correct, finalTest.confidence), {
  title: 'Test: whole-number risk vs coverage',
  targetRisk: TARGET_RISK,
  aurc: aurc(finalTest.correct, finalTest.confidence),
  ...(sgr.feasible && answered > 0 ? { operatingPoint: { coverage: testCoverage, risk: testRisk, threshold: sgr.threshold, label: 'guaranteed-risk threshold' } } : {}),
}));
await figures.add('reliability', 'Reliability diagram', reliabilityPlot(diagram, { ece, title: 'Test: is the confidence a probability?' }));

heading('Verdict');
if (goalMet) {
  console.log(`  Goal met on the test set: ${pct(testCoverage)} of the numbers answered with ${pct(testRisk)} wrong.`);
} else {
  console.log(`  Goal not met yet (coverage ${pct(testCoverage)}, risk ${pct(testRisk)}; wanted >= ${pct(TARGET_COVERAGE, 0)} at <= ${pct(TARGET_RISK, 0)}).`);
  console.log('  The diagnosis above says where to go next: more data while the learning curve falls, then capacity.');
}
const report = figures.writeReport({
  title: 'Reading multi-digit numbers: the practical methodology, end to end',
  summary: [
    `Goal: selective risk <= ${pct(TARGET_RISK, 0)} at coverage >= ${pct(TARGET_COVERAGE, 0)}.`,
    `Baseline (logistic regression per digit): whole-number error ${pct(1 - linearRight)}.`,
    `First MLP: train ${pct(firstTrain.error)}, validation ${pct(firstVal.error)} — ${diagnosis.verdict}.`,
    `Tuned (${JSON.stringify(roundParams(best))}): train ${pct(finalTrain.error)}, validation ${pct(finalVal.error)}.`,
    `Gradient check ${check.ok ? 'passed' : 'FAILED'}.`,
    `Test: error ${pct(finalTest.error)} answering everything; ${sgr.feasible ? `coverage ${pct(testCoverage)} at risk ${pct(testRisk)} with the guaranteed-risk threshold` : 'no guaranteed-risk threshold'}.`,
    goalMet ? 'Goal met.' : 'Goal not met yet.',
  ],
});
console.log(`\n  Report: ${report}  (${figures.count} figures, SVG and Vega-Lite specs beside it)  total ${elapsed()}`);

// ---------------------------------------------------------------------------

async function trainNumbers(data: Dataset, config: { hidden: number; l2: number; learningRate: number }, seed: number) {
  const model = numberModel({ digits: DIGITS, size: SIZE, seed, ...config });
  const { x, y } = numberTensors(data);
  await model.fit(x, y, { epochs: EPOCHS, batchSize: BATCH, shuffle: false, verbose: 0 });
  tf.dispose([x, y]);
  return model;
}

/** A count for people: 12 345, or "more than a billion". */
function count(n: number): string {
  return n > 1e9 ? 'more than a billion' : Math.round(n).toLocaleString('en-US');
}

function range(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i);
}

function mean(a: Float64Array): number {
  let s = 0;
  for (const v of a) s += v;
  return s / a.length;
}

function roundParams(p: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(2)) : v]));
}
