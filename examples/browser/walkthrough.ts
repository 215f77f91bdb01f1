/**
 * The core steps of the methodology walkthrough, written once and run both in
 * the browser page (`main.ts`, on WebGL, wasm or cpu) and in Node by the
 * browser test suite (`test/browser/browser.test.ts`, on the cpu backend), so
 * that the two can be compared number for number.
 *
 * Every step returns plain JSON (arrays, numbers, strings): what the page shows,
 * what it puts on `window.__results`, and what the test compares.
 *
 * 1. metrics: a seeded rare-event dataset scored by a fixed linear rule — pure
 *    float64 JavaScript, so the browser must reproduce Node's numbers exactly;
 * 2. activation statistics and gradient norms of a small seeded MLP at
 *    initialisation (float32 on the backend: equal to Node's within float32
 *    tolerance);
 * 3. a gradient check of that MLP (passes) and of a model with a planted bug,
 *    a custom layer whose gradient is 10% too large (fails, naming the layer);
 * 4. a few epochs of training on two moons, with the test-set metrics.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { rareEvents, twoMoons } from 'tfjs-methodology/datasets';
import {
  accuracy,
  averagePrecision,
  bootstrapInterval,
  precisionRecallCurve,
  rocAuc,
  rocCurve,
  thresholdForFBeta,
} from 'tfjs-methodology/metrics';
import { checkModelGradients } from 'tfjs-methodology/gradcheck';
import { gradientStats, type GradientStats } from 'tfjs-methodology/diagnostics';
import { activationStatsJson, type ActivationStatsJson } from './activations';

/** The seeds and sizes of every step: one place, shared by the page and the test. */
export const WALKTHROUGH_CONFIG = {
  metrics: { n: 4000, prevalence: 0.02, separation: 2.5, numFeatures: 2, seed: 7, bootstrapResamples: 200, bootstrapSeed: 1 },
  model: { inputs: 2, hidden: [16, 8], seeds: [11, 12, 13] },
  activations: { batch: 128, seed: 22 },
  gradcheck: { batch: 6, seed: 21, plantedFactor: 1.1 },
  training: { n: 400, noise: 0.15, seed: 3, trainFraction: 0.75, epochs: 12, batchSize: 32, learningRate: 0.05 },
} as const;

/** A binary curve as plain arrays (the library returns `Float64Array`s). */
export interface CurveJson {
  readonly x: number[];
  readonly y: number[];
  readonly thresholds: number[];
}

/** Step 1's results: pure float64 metrics, equal in every JavaScript engine. */
export interface MetricsStep {
  readonly n: number;
  readonly positives: number;
  /** Accuracy of "always negative": the accuracy paradox. */
  readonly alwaysNegativeAccuracy: number;
  readonly averagePrecision: number;
  readonly rocAuc: number;
  readonly apInterval: { readonly lower: number; readonly upper: number; readonly standardError: number };
  readonly bestF1: { readonly threshold: number; readonly fScore: number; readonly precision: number; readonly recall: number };
  /** recall on x, precision on y. */
  readonly precisionRecall: CurveJson;
  /** fpr on x, tpr on y. */
  readonly roc: CurveJson;
}

/** Step 3's results. */
export interface GradcheckStep {
  readonly correct: {
    readonly ok: boolean;
    readonly failures: number;
    readonly comparisons: number;
    readonly maxRelError: number;
    /** The worst comparison's |analytic − numeric| / tolerance: below 1 passes; the margin of the check. */
    readonly worstErrorOverTolerance: number;
  };
  readonly planted: { readonly ok: boolean; readonly failures: number; readonly worst: string; readonly plantedVariable: string };
}

/** Step 4's results. */
export interface TrainingStep {
  readonly loss: number[];
  readonly testAccuracy: number;
  readonly testAveragePrecision: number;
  /** The model's test-set scores (float32 values). */
  readonly testScores: number[];
  readonly testLabels: number[];
}

/** What one run of the walkthrough returns. */
export interface WalkthroughResults {
  readonly backend: string;
  readonly metrics: MetricsStep;
  readonly activations: ActivationStatsJson;
  /** Gradient norms per variable at initialisation (`gradientStats`). */
  readonly gradients: GradientStats;
  readonly gradcheck: GradcheckStep;
  readonly training: TrainingStep;
  /** Live tensors after minus before each tfjs step (0 = no leak). */
  readonly leaks: { readonly initialisation: number; readonly gradcheck: number; readonly training: number };
  /** Wall-clock milliseconds per step. */
  readonly millis: Record<string, number>;
}

/** Step 1: the rare-event metrics (no tfjs). */
export function metricsStep(): MetricsStep {
  const c = WALKTHROUGH_CONFIG.metrics;
  const data = rareEvents({ n: c.n, prevalence: c.prevalence, separation: c.separation, numFeatures: c.numFeatures, seed: c.seed });
  const n = data.shape[0];
  const d = data.shape[1];
  // The likelihood-ratio ranking of rareEvents is the projection on (1, …, 1).
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += data.x[i * d + j];
    score[i] = s;
  }
  let positives = 0;
  for (let i = 0; i < n; i++) positives += data.y[i];
  const pr = precisionRecallCurve(data.y, score);
  const roc = rocCurve(data.y, score);
  const best = thresholdForFBeta(data.y, score);
  const ci = bootstrapInterval(averagePrecision, data.y, score, {
    resamples: c.bootstrapResamples,
    seed: c.bootstrapSeed,
    stratified: true,
  });
  return {
    n,
    positives,
    alwaysNegativeAccuracy: accuracy(data.y, new Int32Array(n)),
    averagePrecision: averagePrecision(data.y, score),
    rocAuc: rocAuc(data.y, score),
    apInterval: { lower: ci.lower, upper: ci.upper, standardError: ci.standardError },
    bestF1: { threshold: best.threshold, fScore: best.fScore, precision: best.precision, recall: best.recall },
    precisionRecall: { x: Array.from(pr.recall), y: Array.from(pr.precision), thresholds: Array.from(pr.thresholds) },
    roc: { x: Array.from(roc.fpr), y: Array.from(roc.tpr), thresholds: Array.from(roc.thresholds) },
  };
}

/**
 * The walkthrough's small MLP, with seeded initialisers: the same weights on
 * every backend. It outputs a logit (no sigmoid): the loss is computed from
 * logits by {@link logitLoss}.
 */
export function buildModel(): tfl.Sequential {
  const c = WALKTHROUGH_CONFIG.model;
  return tfl.sequential({
    layers: [
      tfl.layers.dense({
        units: c.hidden[0],
        inputShape: [c.inputs],
        activation: 'tanh',
        kernelInitializer: tfl.initializers.glorotNormal({ seed: c.seeds[0] }),
        name: 'hidden1',
      }),
      tfl.layers.dense({
        units: c.hidden[1],
        activation: 'relu',
        kernelInitializer: tfl.initializers.heNormal({ seed: c.seeds[1] }),
        name: 'hidden2',
      }),
      tfl.layers.dense({
        units: 1,
        kernelInitializer: tfl.initializers.glorotNormal({ seed: c.seeds[2] }),
        name: 'output',
      }),
    ],
  });
}

/**
 * The planted bug: y = x ⊙ w whose custom gradient with respect to `w` is
 * `factor` times the true one (1 would be correct).
 */
export class WrongGradientScale extends tfl.layers.Layer {
  static className = 'WrongGradientScale';
  private w!: tfl.LayerVariable;
  constructor(private readonly factor: number) {
    super({ name: 'wrong_gradient_scale' });
  }
  override build(inputShape: tfl.Shape | tfl.Shape[]): void {
    const shape = inputShape as tfl.Shape;
    this.w = this.addWeight('w', [shape[shape.length - 1]!], 'float32', tfl.initializers.randomNormal({ mean: 1, stddev: 0.5, seed: 5 }));
    this.built = true;
  }
  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0] : inputs;
    const factor = this.factor;
    const op = tf.customGrad(((a: tf.Tensor, w: tf.Tensor, save: tf.GradSaveFunc) => {
      save([a, w]);
      return {
        value: tf.mul(a, w),
        gradFunc: (dy: tf.Tensor, [sa, sw]: tf.Tensor[]) => [tf.mul(dy, sw), tf.mul(tf.sum(tf.mul(dy, sa), 0), factor)],
      };
    }) as never) as (a: tf.Tensor, w: tf.Tensor) => tf.Tensor;
    return op(x, this.w.read());
  }
}

/**
 * Binary cross-entropy from logits (tfjs's numerically stable
 * `sigmoidCrossEntropy`). Unlike tfjs-layers' `'binaryCrossentropy'`, it does
 * not clip probabilities at the backend's epsilon, which tfjs's WebGL backend
 * reports as 1e-4 (float16) even when it renders in float32, so the same model
 * trains the same on every backend.
 */
export function logitLoss(yTrue: tf.Tensor, logits: tf.Tensor): tf.Tensor {
  return tf.losses.sigmoidCrossEntropy(yTrue, logits);
}

/** A seeded batch of two-moons inputs and labels. */
function probeBatch(c: { readonly batch: number; readonly seed: number }): { x: tf.Tensor; y: tf.Tensor } {
  const data = twoMoons({ n: c.batch, noise: 0.1, seed: c.seed });
  return {
    x: tf.tensor2d(data.x, [c.batch, 2]),
    y: tf.tensor2d(Float32Array.from(data.y), [c.batch, 1]),
  };
}

/** Step 3: a gradient check that passes, and one that catches the planted bug. */
export function gradcheckStep(): GradcheckStep {
  const c = WALKTHROUGH_CONFIG.gradcheck;
  const { x, y } = probeBatch(c);
  const y3 = tf.tile(y, [1, 3]);
  const model = buildModel();
  const planted = tfl.sequential({
    layers: [
      tfl.layers.dense({ units: 3, inputShape: [2], kernelInitializer: tfl.initializers.glorotNormal({ seed: 31 }), name: 'planted_dense' }),
      new WrongGradientScale(c.plantedFactor),
    ],
  });
  try {
    const good = checkModelGradients(model, x, y, { loss: logitLoss });
    const bad = checkModelGradients(planted, x, y3, { loss: 'meanSquaredError' });
    let correctMaxRel = 0;
    for (const input of good.inputs) correctMaxRel = Math.max(correctMaxRel, input.maxRelError);
    return {
      correct: {
        ok: good.ok,
        failures: good.failures,
        comparisons: good.comparisons,
        maxRelError: correctMaxRel,
        worstErrorOverTolerance: good.worst[0] ? good.worst[0].absError / good.worst[0].tolerance : 0,
      },
      planted: {
        ok: bad.ok,
        failures: bad.failures,
        worst: bad.worst[0]?.name ?? '',
        plantedVariable: planted.layers[1].trainableWeights[0].name,
      },
    };
  } finally {
    model.dispose();
    planted.dispose();
    tf.dispose([x, y, y3]);
  }
}

/** Step 2: activation statistics and gradient norms of the seeded MLP at initialisation. */
export function initialisationStep(): { activations: ActivationStatsJson; gradients: GradientStats } {
  const { x, y } = probeBatch(WALKTHROUGH_CONFIG.activations);
  const model = buildModel();
  try {
    return {
      activations: activationStatsJson(model, x),
      gradients: gradientStats(model, x, y, { loss: logitLoss, learningRate: WALKTHROUGH_CONFIG.training.learningRate }),
    };
  } finally {
    model.dispose();
    tf.dispose([x, y]);
  }
}

/** Step 4: a few epochs of training on two moons, then the test-set metrics. */
export async function trainingStep(): Promise<TrainingStep> {
  const c = WALKTHROUGH_CONFIG.training;
  const data = twoMoons({ n: c.n, noise: c.noise, seed: c.seed });
  const nTrain = Math.round(c.n * c.trainFraction);
  const nTest = c.n - nTrain;
  // twoMoons returns its points in a seeded random order: the first rows are a random training set.
  const xTrain = tf.tensor2d(data.x.subarray(0, 2 * nTrain), [nTrain, 2]);
  const yTrain = tf.tensor2d(Float32Array.from(data.y.subarray(0, nTrain)), [nTrain, 1]);
  const xTest = tf.tensor2d(data.x.subarray(2 * nTrain), [nTest, 2]);
  const testLabels = Array.from(data.y.subarray(nTrain));
  const model = buildModel();
  // Adam's epsilon given explicitly: its default is the backend's epsilon, 1e-4 on WebGL and 1e-7 elsewhere.
  const optimizer = tf.train.adam(c.learningRate, 0.9, 0.999, 1e-7);
  model.compile({ optimizer, loss: logitLoss });
  try {
    // shuffle: false — tfjs shuffles with Math.random, which would make runs differ.
    const history = await model.fit(xTrain, yTrain, { epochs: c.epochs, batchSize: c.batchSize, shuffle: false, verbose: 0 });
    const scores = tf.tidy(() => tf.sigmoid(model.predict(xTest) as tf.Tensor));
    const testScores = Array.from(await scores.data());
    scores.dispose();
    const predicted = testScores.map((s) => (s >= 0.5 ? 1 : 0));
    return {
      loss: (history.history.loss as number[]).map(Number),
      testAccuracy: accuracy(testLabels, predicted),
      testAveragePrecision: averagePrecision(testLabels, testScores),
      testScores,
      testLabels,
    };
  } finally {
    model.dispose();
    optimizer.dispose();
    tf.dispose([xTrain, yTrain, xTest]);
  }
}

async function measured<T>(millis: Record<string, number>, name: string, step: () => T | Promise<T>): Promise<{ value: T; leak: number }> {
  const before = tf.memory().numTensors;
  const start = performance.now();
  const value = await step();
  millis[name] = performance.now() - start;
  return { value, leak: tf.memory().numTensors - before };
}

/**
 * Runs every step on the current tfjs backend.
 *
 * @param onStep - Called before each step with its name (for a progress line); awaited, so a page can repaint.
 */
export async function runWalkthrough(
  onStep: (name: string) => void | Promise<void> = () => {},
): Promise<WalkthroughResults> {
  await tf.ready();
  const millis: Record<string, number> = {};
  await onStep('metrics');
  const metrics = await measured(millis, 'metrics', metricsStep);
  await onStep('initialisation');
  const initialisation = await measured(millis, 'initialisation', initialisationStep);
  await onStep('gradcheck');
  const gradcheck = await measured(millis, 'gradcheck', gradcheckStep);
  await onStep('training');
  const training = await measured(millis, 'training', trainingStep);
  return {
    backend: tf.getBackend(),
    metrics: metrics.value,
    activations: initialisation.value.activations,
    gradients: initialisation.value.gradients,
    gradcheck: gradcheck.value,
    training: training.value,
    leaks: { initialisation: initialisation.leak, gradcheck: gradcheck.leak, training: training.leak },
    millis,
  };
}
