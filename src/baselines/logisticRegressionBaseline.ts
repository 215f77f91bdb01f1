import * as tf from '@tensorflow/tfjs-core';
import { readIntOption as readInt, readNumOption as readNum } from '../core/configErrors';
import type { FeatureInput, LabeledData, Predictor } from './Predictor';
import { argMax, probaOutput, readClassIds, readFeatures, standardization, standardize } from './internal/features';

/** Options of {@link logisticRegressionBaseline}. */
export interface LogisticRegressionOptions {
  /** The L2 penalty λ in mean cross-entropy + λ·Σw² (the intercept is not penalised), on standardised features. Defaults to `1e-4`. */
  l2?: number;
  /** The number of full-batch Adam steps. Defaults to `300`. */
  maxIterations?: number;
  /** Adam's learning rate. Defaults to `0.1`. */
  learningRate?: number;
  /** Stop early when the loss changes by less than this between two checks (every 10 steps). Defaults to `1e-7`. */
  tolerance?: number;
}

/** A fitted logistic regression: a {@link Predictor} plus its coefficients. */
export interface LogisticRegressionPredictor extends Predictor {
  /**
   * Coefficients in the original feature units, row-major `[numFeatures, m]`
   * with m = 1 for two classes (the log-odds of class 1) and m = numClasses
   * otherwise (softmax logits).
   */
  readonly coefficients: Float64Array;
  /** The intercepts, length m. */
  readonly intercept: Float64Array;
  /** The number of optimisation steps taken. */
  readonly iterations: number;
  /** The final penalised training loss. */
  readonly loss: number;
}

/**
 * Logistic regression fitted with tfjs: a sigmoid (two classes) or softmax
 * (more) linear model minimising the mean cross-entropy plus λ·Σw² on
 * standardised features, by full-batch Adam from zero weights (so it is
 * deterministic). The coefficients are returned in the original units
 * (w/scale, b − Σ w·mean/scale) and predictions are computed in float64
 * without tensors. For two Gaussian classes with a shared covariance the log
 * odds are exactly linear, so it recovers the Bayes decision boundary.
 *
 * Reference: T. Hastie, R. Tibshirani, J. Friedman (2009), The Elements of
 * Statistical Learning, §4.4; scikit-learn `LogisticRegression` (whose `C`
 * is 1 / (2·n·λ) here).
 *
 * @param train - Labelled data (a classification `Dataset` works).
 * @param options - See {@link LogisticRegressionOptions}.
 * @returns A {@link LogisticRegressionPredictor}. No tensors remain allocated.
 * @throws {InvalidOptionError} `logisticRegressionBaseline: l2 is -1, expected a finite number >= 0`.
 * @example
 * const lr = logisticRegressionBaseline(gaussianBlobs({ n: 400, separation: 3 }));
 * lr.predict([[-2, 0], [2, 0]]);
 * // => Int32Array [0, 1]
 */
export function logisticRegressionBaseline(train: LabeledData, options: LogisticRegressionOptions = {}): LogisticRegressionPredictor {
  const fn = 'logisticRegressionBaseline';
  const l2 = readNum(options.l2, 1e-4, fn, 'l2', { min: 0 });
  const maxIterations = readInt(options.maxIterations, 300, fn, 'maxIterations', 1);
  const learningRate = readNum(options.learningRate, 0.1, fn, 'learningRate', { min: 0, minExclusive: true });
  const tolerance = readNum(options.tolerance, 1e-7, fn, 'tolerance', { min: 0 });
  const f = readFeatures(train, fn);
  const { y, k } = readClassIds(train, f.n, fn);
  const { n, d } = f;
  const { mean, scale } = standardization(f);
  const m = k === 2 ? 1 : k;

  const xs = tf.tensor2d(standardize(f, mean, scale), [n, d]);
  const target = k === 2 ? tf.tensor2d(Float32Array.from(y), [n, 1]) : tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(y, 'int32'), k), 'float32'));
  // tidy disposes the zeros but never a variable.
  const w = tf.tidy(() => tf.variable(tf.zeros([d, m])));
  const b = tf.tidy(() => tf.variable(tf.zeros([m])));
  const optimizer = tf.train.adam(learningRate);
  const lossFn = () =>
    tf.tidy(() => {
      const logits = tf.add(tf.matMul(xs, w), b);
      const ce = k === 2 ? tf.losses.sigmoidCrossEntropy(target, logits) : tf.losses.softmaxCrossEntropy(target, logits);
      return tf.add(ce, tf.mul(l2, tf.sum(tf.square(w)))) as tf.Scalar;
    });
  let iterations = 0;
  let loss = NaN;
  let previous = Infinity;
  let weights: Float32Array;
  let bias: Float32Array;
  try {
    while (iterations < maxIterations) {
      const check = (iterations + 1) % 10 === 0 || iterations + 1 === maxIterations;
      const value = optimizer.minimize(lossFn, check, [w, b]);
      iterations++;
      if (value) {
        loss = value.dataSync()[0];
        value.dispose();
        if (Math.abs(previous - loss) <= tolerance * Math.max(1, Math.abs(loss))) break;
        previous = loss;
      }
    }
    weights = w.dataSync() as Float32Array;
    bias = b.dataSync() as Float32Array;
  } finally {
    tf.dispose([xs, target, w, b]);
    optimizer.dispose();
  }

  // Back to the original units: w·(x − μ)/s + b = (w/s)·x + (b − Σ w·μ/s).
  const coefficients = new Float64Array(d * m);
  const intercept = new Float64Array(m);
  for (let c = 0; c < m; c++) {
    let bc = bias[c];
    for (let j = 0; j < d; j++) {
      coefficients[j * m + c] = weights[j * m + c] / scale[j];
      bc -= (weights[j * m + c] * mean[j]) / scale[j];
    }
    intercept[c] = bc;
  }

  const probabilities = (x: FeatureInput): { p: Float64Array; n: number } => {
    const q = readFeatures(x, fn, 'x', d);
    const p = new Float64Array(q.n * k);
    const z = new Float64Array(m);
    for (let i = 0; i < q.n; i++) {
      for (let c = 0; c < m; c++) {
        let s = intercept[c];
        for (let j = 0; j < d; j++) s += q.data[i * d + j] * coefficients[j * m + c];
        z[c] = s;
      }
      if (k === 2) {
        const p1 = 1 / (1 + Math.exp(-z[0]));
        p[2 * i] = 1 - p1;
        p[2 * i + 1] = p1;
      } else {
        let max = -Infinity;
        for (let c = 0; c < k; c++) if (z[c] > max) max = z[c];
        let sum = 0;
        for (let c = 0; c < k; c++) sum += p[i * k + c] = Math.exp(z[c] - max);
        for (let c = 0; c < k; c++) p[i * k + c] /= sum;
      }
    }
    return { p, n: q.n };
  };
  return {
    name: 'logisticRegression',
    numClasses: k,
    numFeatures: d,
    coefficients,
    intercept,
    iterations,
    loss,
    predict(x: FeatureInput) {
      const { p, n: rows } = probabilities(x);
      return argMax(p, rows, k);
    },
    predictProba(x: FeatureInput) {
      const { p, n: rows } = probabilities(x);
      return probaOutput(p, rows, k);
    },
  };
}
