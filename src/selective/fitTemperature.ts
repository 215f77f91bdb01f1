import * as tf from '@tensorflow/tfjs-core';
import { fail, show } from '../core/fail';
import { readNumberOption } from '../core/assert';
import type { NumericInput, ScoreMatrixInput } from '../core/types';
import { logitsTensor, readClassIndices, separable } from './temperatureInputs';

/** Options of {@link fitTemperature}. */
export interface FitTemperatureOptions {
  /** Number of columns of flat row-major logits. Defaults to none (required for flat input). */
  numClasses?: number;
  /** Smallest temperature searched. Defaults to `0.01`. */
  minTemperature?: number;
  /** Largest temperature searched. Defaults to `100`. */
  maxTemperature?: number;
  /** Most Newton/bisection steps. Defaults to `50`. */
  maxIterations?: number;
  /**
   * Stop when a step changes the inverse temperature by less than this
   * fraction. float32 arithmetic limits the useful precision to about 1e-6.
   * Defaults to `1e-5`.
   */
  tolerance?: number;
}

/** The result of {@link fitTemperature}. */
export interface TemperatureFit {
  /** The fitted temperature T > 0; divide the logits by it. */
  temperature: number;
  /** Mean negative log-likelihood of the labels at T = 1 (computed in float32 on the backend). */
  logLossBefore: number;
  /** Mean negative log-likelihood at the fitted T. */
  logLossAfter: number;
  /** Steps taken. */
  iterations: number;
  /** True when the step tolerance was met, or the optimum lies on a search bound. */
  converged: boolean;
  /** True when the optimum lies on `minTemperature` or `maxTemperature`. */
  atBound: boolean;
}

/**
 * Temperature scaling: the single temperature T that minimises the negative
 * log-likelihood of held-out labels under softmax(z / T), fitted with tfjs so
 * that it runs on whatever backend is active (cpu, wasm, webgl, node).
 *
 * With s = 1/T, NLL(s) = (1/n) Σ_i [ln Σ_j e^(s·z_ij) − s·z_i,y_i] is convex
 * in s, with NLL'(s) = (1/n) Σ_i (E_p[z_i] − z_i,y_i) and
 * NLL''(s) = (1/n) Σ_i Var_p[z_i] (p = softmax(s·z_i)). The fit is a
 * safeguarded Newton iteration on NLL'(s) = 0 inside the bracket
 * [1/maxTemperature, 1/minTemperature], falling back to a geometric bisection
 * when a Newton step leaves the bracket. Each step runs one fused tfjs
 * computation (log-softmax, expectations) and reads back three numbers; no
 * gradient registration is needed. When every example's largest logit is
 * its label's (strictly), the NLL decreases for ever as T → 0 and the result
 * is `minTemperature` with `atBound: true`. Temperature scaling never changes the
 * arg-max, so accuracy is unchanged; it only calibrates the confidence. Fit
 * it on a validation set, not on the training data.
 *
 * Tensors: the caller's `logits` tensor is only read, never disposed or
 * modified; every tensor created here is disposed before returning (the
 * number of live tensors is unchanged).
 *
 * Reference: C. Guo, G. Pleiss, Y. Sun and K. Q. Weinberger (2017), "On
 * Calibration of Modern Neural Networks", ICML, §4.2.
 *
 * @param logits - n×k logits (pre-softmax): a 2-D tensor, nested arrays, or a flat array with `numClasses`.
 * @param labels - n true class indices in [0, k), as numbers, a typed array or a 1-D tensor.
 * @param options - See {@link FitTemperatureOptions}.
 * @returns `{ temperature, logLossBefore, logLossAfter, iterations, converged, atBound }`.
 * @throws {MetricInputError} for non-finite logits, a label that is not a
 *   class index, a length mismatch, empty input, or bad bounds.
 * @example
 * const fit = fitTemperature([[4, 0], [0, 4], [4, 0], [0, 4], [4, 0]], [0, 1, 0, 1, 1]);
 * fit.temperature > 1; // the model was over-confident
 * // => true
 */
export function fitTemperature(
  logits: ScoreMatrixInput | tf.Tensor,
  labels: NumericInput,
  options: FitTemperatureOptions = {},
): TemperatureFit {
  const fn = 'fitTemperature';
  const minT = readNumberOption(options.minTemperature, 0.01, fn, 'minTemperature', { min: 0, minExclusive: true });
  const maxT = readNumberOption(options.maxTemperature, 100, fn, 'maxTemperature', { min: 0, minExclusive: true });
  if (!(minT < maxT)) fail(fn, `minTemperature (${show(minT)}) must be below maxTemperature (${show(maxT)})`);
  const maxIterations = readNumberOption(options.maxIterations, 50, fn, 'maxIterations', { min: 1, integer: true });
  const tolerance = readNumberOption(options.tolerance, 1e-5, fn, 'tolerance', { min: 0, minExclusive: true });

  const { z, owned, values } = logitsTensor(logits, options.numClasses, fn);
  try {
    const [n, k] = z.shape;
    if (n === 0) fail(fn, 'logits is empty');
    const y = readClassIndices(labels, n, k, fn);
    const hot = tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(y, 'int32'), k), 'float32'));
    try {
      const evaluate = (s: number): [number, number, number] => {
        const out = tf.tidy(() => {
          const logp = tf.logSoftmax(tf.mul(z, tf.scalar(s)));
          const p = tf.exp(logp);
          const nll = tf.neg(tf.mean(tf.sum(tf.mul(hot, logp), 1)));
          const expected = tf.sum(tf.mul(p, z), 1);
          const grad = tf.mean(tf.sub(expected, tf.sum(tf.mul(hot, z), 1)));
          const centred = tf.sub(z, tf.expandDims(expected, 1));
          const curvature = tf.mean(tf.sum(tf.mul(p, tf.square(centred)), 1));
          return tf.stack([nll, grad, curvature]);
        });
        const v = out.dataSync();
        out.dispose();
        return [v[0], v[1], v[2]];
      };
      let lo = 1 / maxT;
      let hi = 1 / minT;
      if (separable(values, y, k)) {
        // Every example is right with a strict margin: NLL'(s) < 0 for every
        // s, so the optimum is the smallest temperature allowed. (In float32
        // the gradient underflows to 0 long before, and would stop a search early.)
        return {
          temperature: minT,
          logLossBefore: evaluate(1)[0],
          logLossAfter: evaluate(hi)[0],
          iterations: 0,
          converged: true,
          atBound: true,
        };
      }
      let s = Math.min(Math.max(1, lo), hi);
      let [f, g, h] = evaluate(s);
      const logLossBefore = s === 1 ? f : evaluate(1)[0];
      let iterations = 0;
      let converged = false;
      while (iterations < maxIterations) {
        iterations++;
        if (g > 0) hi = s;
        else if (g < 0) lo = s;
        else {
          converged = true;
          break;
        }
        let next = h > 0 ? s - g / h : NaN;
        if (!(next > lo && next < hi)) next = Math.sqrt(lo * hi);
        const step = Math.abs(next - s) / s;
        s = next;
        [f, g, h] = evaluate(s);
        if (step < tolerance || (hi - lo) / hi < tolerance) {
          converged = true;
          break;
        }
      }
      const sMin = 1 / maxT;
      const sMax = 1 / minT;
      const atBound = (s - sMin) / sMin < 10 * tolerance || (sMax - s) / sMax < 10 * tolerance;
      return { temperature: 1 / s, logLossBefore, logLossAfter: f, iterations, converged: converged || atBound, atBound };
    } finally {
      hot.dispose();
    }
  } finally {
    if (owned) z.dispose();
  }
}
