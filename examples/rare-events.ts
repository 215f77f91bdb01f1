/**
 * Rare events: the one-in-a-thousand disease (Goodfellow et al. 2016,
 * §11.1), made concrete.
 *
 * A screening test sees people of whom 0.1% are sick. The model that always
 * says "healthy" is 99.9% accurate and useless; precision and recall say so,
 * the precision-recall curve and its area (AUPRC, with a bootstrap
 * interval: a hundred positives are not many) rank real models, and the
 * decision threshold is chosen for an F-score or for the costs of the two
 * mistakes — not left at 0.5.
 *
 *   npx tsx examples/rare-events.ts [--quick]
 */
import { logisticRegressionBaseline } from 'tfjs-methodology/baselines';
import { rareEvents } from 'tfjs-methodology/datasets';
import {
  accuracy,
  averagePrecision,
  bootstrapInterval,
  expectedCost,
  f1,
  precision,
  precisionRecallCurve,
  recall,
  rocAuc,
  rocCurve,
  thresholdForFBeta,
  thresholdForMinCost,
} from 'tfjs-methodology/metrics';
import { precisionRecallPlot, rocPlot } from 'tfjs-methodology/plot';
import { Figures } from './lib/figures';
import { QUICK, fmt, heading, line, pct, sized, useCpuBackend } from './lib/run';

const PREVALENCE = 0.001;
const N_TRAIN = sized(20_000, 5_000);
const N_TEST = sized(100_000, 20_000);
/** Missing a sick person is taken to cost 200 times a needless follow-up test. */
const COSTS = { fn: 200, fp: 1 };

await useCpuBackend();
const figures = new Figures('rare-events');

console.log(`Rare events: a screening test for a one-in-${1 / PREVALENCE} condition${QUICK ? ' (quick mode)' : ''}`);
const train = rareEvents({ n: N_TRAIN, prevalence: PREVALENCE, separation: 3, numFeatures: 2, seed: 'rare-train' });
const test = rareEvents({ n: N_TEST, prevalence: PREVALENCE, separation: 3, numFeatures: 2, seed: 'rare-test' });
let positives = 0;
for (let i = 0; i < test.y.length; i++) positives += test.y[i];
line('test set', `${N_TEST} people, ${positives} sick (${pct(positives / N_TEST, 2)})`);

const model = logisticRegressionBaseline(train, { maxIterations: sized(100, 30) });
const score = model.predictProba(test); // the probability of "sick"
const yTrue = test.y;

heading('1. Accuracy rewards the model that never finds anyone');
const healthy = new Int32Array(N_TEST);
const atHalf = Int32Array.from(score, (s) => (s >= 0.5 ? 1 : 0));
line('', `${'always "healthy"'.padEnd(20)}logistic regression, score >= 0.5`);
const rows: [string, (t: ArrayLike<number>, p: ArrayLike<number>) => number][] = [
  ['accuracy', (t, p) => accuracy(t, p)],
  ['precision', (t, p) => precision(t, p)],
  ['recall', (t, p) => recall(t, p)],
  ['F1', (t, p) => f1(t, p)],
];
for (const [name, metric] of rows) {
  line(name, `${fmt(metric(yTrue, healthy)).padEnd(20)}${fmt(metric(yTrue, atHalf))}`);
}
console.log('  Always "healthy" has no precision at all (it never says "sick"): NaN, not a silent 0. And the real');
console.log('  model, thresholded at the customary 0.5, is the same useless rule: no score of a 1-in-1000 case gets there.');

heading('2. Ranking quality over every threshold');
const curve = precisionRecallCurve(yTrue, score);
const ap = averagePrecision(yTrue, score);
const ci = bootstrapInterval(averagePrecision, yTrue, score, { resamples: sized(200, 50), confidence: 0.95, seed: 1, stratified: true, method: 'percentile' });
line('AUPRC (average precision)', `${fmt(ap)}   95% interval [${fmt(ci.lower)}, ${fmt(ci.upper)}] (${ci.method}, ${ci.resamples} resamples)`);
line('a random ranking would score', fmt(positives / N_TEST));
const auc = rocAuc(yTrue, score);
line('ROC AUC', `${fmt(auc)}   (looks excellent: ROC hides how many false alarms come with each find)`);

heading('3. Choosing the threshold');
const byF1 = thresholdForFBeta(yTrue, score, { beta: 1 });
const byF2 = thresholdForFBeta(yTrue, score, { beta: 2 });
const byCost = thresholdForMinCost(yTrue, score, { costs: COSTS });
const half = { threshold: 0.5, precision: precision(yTrue, atHalf), recall: recall(yTrue, atHalf) };
const costOf = (t: number) => expectedCost(yTrue, Int32Array.from(score, (s) => (s >= t ? 1 : 0)), COSTS, { normalize: false });
console.log(`  ${'rule'.padEnd(30)}${'threshold'.padEnd(12)}${'precision'.padEnd(17)}${'recall'.padEnd(10)}cost (fn ${COSTS.fn}, fp ${COSTS.fp})`);
for (const [name, p] of [
  ['score >= 0.5', half],
  ['best F1', byF1],
  ['best F2 (recall counts 2x)', byF2],
  ['least expected cost', byCost],
] as const) {
  console.log(`  ${name.padEnd(30)}${fmt(p.threshold, 4).padEnd(12)}${fmt(p.precision, 3).padEnd(17)}${fmt(p.recall, 3).padEnd(10)}${costOf(p.threshold)}`);
}
console.log('  When a miss costs 200 false alarms, the cheapest threshold flags far more people: low precision is');
console.log('  the right answer there, and accuracy would have hidden the whole trade-off.');

await figures.add(
  'precision-recall',
  'Precision-recall curve with the chosen thresholds',
  precisionRecallPlot(curve, {
    title: `Screening for a 1-in-${1 / PREVALENCE} condition`,
    averagePrecision: ap,
    label: 'logistic regression',
    operatingPoint: [
      { ...half, label: 'score >= 0.5' },
      { ...byF1, label: 'best F1' },
      { ...byCost, label: 'least cost' },
    ],
  }),
);
await figures.add('roc', 'ROC curve', rocPlot(rocCurve(yTrue, score), { auc, title: 'ROC: looks excellent on rare events' }));
console.log(`\n  Figures: ${figures.count} in examples/out/ (rare-events-*.svg and their Vega-Lite specs)`);
