/**
 * `npm run demo`: choosing a metric for a rare-event detector, on seeded
 * synthetic scores.
 *
 * A screening model sees 50 000 people of whom 1% have the condition. We
 * compare the model that always says "healthy" with a real (imperfect)
 * scorer: accuracy cannot tell them apart, precision/recall/F1, average
 * precision and ROC AUC can; then we pick a threshold for a target precision
 * and put a bootstrap confidence interval around the average precision,
 * because on rare events a metric without an interval misleads.
 *
 * Run from the repository after `npm ci` (this file imports the TypeScript
 * sources; an application imports 'tfjs-methodology/metrics' instead).
 */
import seedrandom from 'seedrandom';
import {
  accuracy,
  averagePrecision,
  bootstrapInterval,
  f1,
  precision,
  precisionRecallCurve,
  recall,
  rocAuc,
  thresholdForPrecision,
} from '../src/metrics/index';

const N = 50_000;
const PREVALENCE = 0.01;
const SEED = 'tfjs-methodology demo';

/**
 * Synthetic data: a latent "risk" that is higher for the sick (a normal shift
 * of 2 standard deviations), squashed into a probability-like score.
 */
function syntheticScreening(n: number, prevalence: number, seed: string) {
  const rng = seedrandom(seed);
  const yTrue = new Float64Array(n);
  const yScore = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const sick = rng() < prevalence;
    // Box–Muller: one standard normal from two uniforms.
    const z = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
    const risk = z + (sick ? 2 : 0) - 3;
    yTrue[i] = sick ? 1 : 0;
    yScore[i] = 1 / (1 + Math.exp(-risk));
  }
  return { yTrue, yScore };
}

const fmt = (x: number, digits = 4) => (Number.isNaN(x) ? 'NaN (undefined)' : x.toFixed(digits));
const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
const line = (label: string, value: string) => console.log(`  ${label.padEnd(34)}${value}`);

const { yTrue, yScore } = syntheticScreening(N, PREVALENCE, SEED);
const positives = yTrue.reduce((s, y) => s + y, 0);

console.log('A rare-event detector, measured (seeded synthetic data)');
console.log(`  ${N} examples, ${positives} positives (${pct(positives / N)}), seed "${SEED}"\n`);

// 1. Accuracy rewards the useless model.
const alwaysNegative = new Float64Array(N);
const at05 = yScore.map((s) => (s >= 0.5 ? 1 : 0));
console.log('1. Accuracy cannot tell a useless model from a useful one');
console.log(`  ${''.padEnd(34)}${'always "healthy"'.padEnd(18)}model at score >= 0.5`);
const row = (name: string, metric: (t: Float64Array, p: Float64Array) => number) =>
  line(name, `${fmt(metric(yTrue, alwaysNegative)).padEnd(18)}${fmt(metric(yTrue, at05))}`);
row('accuracy', (t, p) => accuracy(t, p));
row('precision', (t, p) => precision(t, p));
row('recall', (t, p) => recall(t, p));
row('F1', (t, p) => f1(t, p));
console.log('  (a model that never says "sick" has no precision at all: the library says so, not a silent 0)\n');

// 2. Threshold-free summaries of the ranking.
const ap = averagePrecision(yTrue, yScore);
const auc = rocAuc(yTrue, yScore);
const curve = precisionRecallCurve(yTrue, yScore);
console.log('2. Ranking quality over all thresholds');
line('average precision (AUPRC)', `${fmt(ap)}   (a random ranking scores ~ the prevalence, ${fmt(positives / N)})`);
line('ROC AUC', `${fmt(auc)}   (looks excellent: ROC hides the flood of false alarms)`);
line('precision-recall curve', `${curve.thresholds.length} distinct thresholds`);
console.log();

// 3. A decision threshold for a target precision.
const minPrecision = 0.5;
const pick = thresholdForPrecision(yTrue, yScore, { minPrecision });
console.log(`3. The threshold with the highest recall at precision >= ${minPrecision}`);
line('threshold', fmt(pick.threshold));
line('precision / recall there', `${fmt(pick.precision)} / ${fmt(pick.recall)}`);
const decided = yScore.map((s) => (s >= pick.threshold ? 1 : 0));
let flagged = 0;
let caught = 0;
for (let i = 0; i < N; i++) {
  flagged += decided[i];
  caught += decided[i] * yTrue[i];
}
line('flagged for a closer look', `${flagged} people, ${caught} of them sick (${positives - caught} missed)`);
line('F1 there', fmt(f1(yTrue, decided)));
console.log();

// 4. An interval, because ~500 positives is not many.
const ci = bootstrapInterval(averagePrecision, yTrue, yScore, {
  resamples: 300,
  confidence: 0.95,
  seed: 7,
  stratified: true,
});
console.log('4. How sure are we? A stratified bootstrap interval for AP');
line(
  `AP, ${Math.round(100 * ci.confidence)}% interval (${ci.method})`,
  `${fmt(ci.estimate)}  [${fmt(ci.lower)}, ${fmt(ci.upper)}]  from ${ci.resamples} resamples`,
);
line('bootstrap standard error', fmt(ci.standardError));
