/**
 * Double descent: a capacity sweep on noisy data (Belkin, Hsu, Ma & Mandal
 * 2019; Belkin, Hsu & Xu 2020; Hastie, Montanari, Rosset & Tibshirani 2022).
 *
 * A regression target depends on 1000 weak features (feature j carries a
 * weight ∝ j^−½, plus noise). The model of capacity p is linear in the first
 * p features, fitted by minimum-norm least squares — what gradient descent
 * from zero weights converges to. With n = 40 training examples, the test
 * error first follows the classical U (more features help, then the fit
 * starts chasing noise), peaks where the model can just interpolate the
 * training set (p = n, one solution, wildly sensitive to the noise), and
 * then falls again: past the threshold, among the many interpolating
 * solutions the minimum-norm one spreads the weight over more features and
 * averages the noise away. `capacitySweep` finds the interpolation
 * threshold, the peak and the best capacity.
 *
 *   npx tsx examples/double-descent.ts [--quick]
 */
import seedrandom from 'seedrandom';
import { capacitySweep } from 'tfjs-methodology/diagnostics';
import { capacitySweepPlot } from 'tfjs-methodology/plot';
import { Figures } from './lib/figures';
import { QUICK, fmt, heading, line, progress, sized } from './lib/run';

const FEATURES = 1000;
const N_TRAIN = 40;
const NOISE = 0.2;
const DRAWS = sized(8, 2); // errors averaged over a few draws of the training set

const figures = new Figures('double-descent');
console.log(`Double descent: least squares on the first p of ${FEATURES} weak features, ${N_TRAIN} noisy examples${QUICK ? ' (quick mode)' : ''}`);
const rng = seedrandom('double-descent');
const normal = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
const beta = Float64Array.from({ length: FEATURES }, (_, j) => (j + 1) ** -0.5);
const norm = Math.hypot(...beta);
for (let j = 0; j < FEATURES; j++) beta[j] /= norm; // ‖β‖ = 1: predicting 0 has test MSE 1 + noise²
const trains = Array.from({ length: DRAWS }, () => sample(N_TRAIN));
const test = sample(sized(2000, 500));
line('test MSE: predicting 0 / true weights', `${fmt(1 + NOISE ** 2, 3)} / ${fmt(NOISE ** 2, 3)}`);

// Close to p = n the test error is unbounded (at p = n exactly the system is square and nearly
// singular): the sweep steps around it, so that the figure's linear scale still shows the first U.
const capacities = sized([1, 2, 5, 10, 20, 30, 35, 45, 50, 60, 80, 120, 200, 400, 1000], [2, 10, 30, 35, 45, 60, 200, 1000]);
heading('1. The sweep: train and test mean squared error by the number of features used');
const sweep = await capacitySweep({
  capacities,
  train: (p) => {
    let trainError = 0;
    let validationError = 0;
    for (const train of trains) {
      const w = minimumNormFit(train, p);
      trainError += mse(w, train) / DRAWS;
      validationError += mse(w, test) / DRAWS;
    }
    return { trainError, validationError };
  },
  onProgress: (q) => progress(q.index + 1, q.total, `p = ${String(q.value).padStart(4)}: train ${fmt(q.trainError, 4)}, test ${fmt(q.validationError, 3)}`),
});

heading('2. What capacitySweep reads from it');
line('shape of the test curve', sweep.shape);
line('interpolation threshold', sweep.interpolationThreshold ? `p = ${sweep.interpolationThreshold.capacity} (training error ~ 0 from there on)` : 'none in the sweep');
line('peak', sweep.peak ? `p = ${sweep.peak.capacity}, test MSE ${fmt(sweep.peak.validationError, 3)}` : 'none');
line('best capacity', `p = ${sweep.best.capacity}, test MSE ${fmt(sweep.best.validationError, 3)}`);
console.log(`  Near p = n = ${N_TRAIN} the fit must pass through every noisy point with exactly enough freedom: its weights`);
console.log('  explode. With more features the minimum-norm interpolant is tame again. A classical sweep that stopped');
console.log('  near the peak would have concluded "smaller is better": look past the interpolation threshold (or');
console.log('  regularise, which removes the peak) before choosing a capacity.');
await figures.add(
  'capacity-sweep',
  'Capacity sweep',
  capacitySweepPlot(sweep, { capacityName: 'features used (p)', logX: true, title: 'Double descent: test error by number of features' }),
);
console.log(`\n  Figures: ${figures.count} in examples/out/ (double-descent-*.svg and its Vega-Lite spec)`);

// ---------------------------------------------------------------------------

interface Sample {
  readonly x: Float64Array; // n × FEATURES, row-major
  readonly y: Float64Array;
  readonly n: number;
}

/** n examples: x ~ N(0, I), y = x·β + N(0, NOISE²). */
function sample(n: number): Sample {
  const x = Float64Array.from({ length: n * FEATURES }, normal);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < FEATURES; j++) s += x[i * FEATURES + j] * beta[j];
    y[i] = s + NOISE * normal();
  }
  return { x, y, n };
}

/**
 * The minimum-norm least-squares weights on the first p features:
 * w = (XᵀX)⁻¹Xᵀy below the threshold (p < n), w = Xᵀ(XXᵀ)⁻¹y at and above
 * it, each through a Cholesky solve (a 1e-12 relative ridge for round-off).
 */
function minimumNormFit(d: Sample, p: number): Float64Array {
  const { x, y, n } = d;
  const at = (i: number, j: number) => x[i * FEATURES + j];
  if (p < n) {
    const gram = new Float64Array(p * p);
    const rhs = new Float64Array(p);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < p; j++) {
        rhs[j] += at(i, j) * y[i];
        for (let k = 0; k <= j; k++) gram[j * p + k] += at(i, j) * at(i, k);
      }
    }
    return choleskySolve(gram, rhs, p);
  }
  const gram = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k <= i; k++) {
      let s = 0;
      for (let j = 0; j < p; j++) s += at(i, j) * at(k, j);
      gram[i * n + k] = s;
    }
  }
  const alpha = choleskySolve(gram, y, n);
  const w = new Float64Array(p);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) w[j] += at(i, j) * alpha[i];
  return w;
}

/** Solves A z = r for a symmetric positive definite A given by its lower triangle. */
function choleskySolve(a: Float64Array, r: Float64Array, m: number): Float64Array {
  let trace = 0;
  for (let i = 0; i < m; i++) trace += a[i * m + i];
  const ridge = 1e-12 * (trace / m);
  const l = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * m + j] + (i === j ? ridge : 0);
      for (let k = 0; k < j; k++) s -= l[i * m + k] * l[j * m + k];
      l[i * m + j] = i === j ? Math.sqrt(Math.max(s, Number.MIN_VALUE)) : s / l[j * m + j];
    }
  }
  const z = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = r[i];
    for (let k = 0; k < i; k++) s -= l[i * m + k] * z[k];
    z[i] = s / l[i * m + i];
  }
  for (let i = m - 1; i >= 0; i--) {
    let s = z[i];
    for (let k = i + 1; k < m; k++) s -= l[k * m + i] * z[k];
    z[i] = s / l[i * m + i];
  }
  return z;
}

function mse(w: Float64Array, d: Sample): number {
  let s = 0;
  for (let i = 0; i < d.n; i++) {
    let f = 0;
    for (let j = 0; j < w.length; j++) f += d.x[i * FEATURES + j] * w[j];
    s += (f - d.y[i]) ** 2;
  }
  return s / d.n;
}
