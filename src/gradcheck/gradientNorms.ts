import * as tf from '@tensorflow/tfjs-core';
import { readModel, resolveLoss, modelLossValue, type ModelLike, type ModelLoss } from './engine/modelLoss';
import { ensureGradientsRegistered, translateTfError, withTapeCleanup } from './engine/tfErrors';

/** Options of {@link gradientNorms}. */
export interface GradientNormsOptions {
  /** The loss, by name or as `(yTrue, yPred) => tensor`. Defaults to `'meanSquaredError'`. */
  loss?: ModelLoss;
  /** Calls the model with `training: true`. Defaults to false. */
  training?: boolean;
}

/** The gradient of one trainable variable, summarised. */
export interface VariableGradientNorm {
  name: string;
  /** ‖∂loss/∂w‖₂. */
  gradientNorm: number;
  /** ‖w‖₂. */
  weightNorm: number;
  /** gradientNorm / weightNorm (NaN when the weights are all zero): the relative size of a unit-rate update. */
  ratio: number;
  /** Largest |∂loss/∂w_j|. */
  maxAbsGradient: number;
  /** Whether any gradient element is NaN or infinite. */
  nonFinite: boolean;
}

/** The result of {@link gradientNorms}. */
export interface GradientNormsReport {
  /** The loss at (x, y). */
  loss: number;
  /** One entry per trainable variable, in the model's order. */
  variables: VariableGradientNorm[];
  /** ‖∂loss/∂θ‖₂ over all trainable variables (what `clipnorm`-style global clipping looks at). */
  globalNorm: number;
}

function norm(a: ArrayLike<number>): { l2: number; max: number; finite: boolean } {
  // Scaled sum of squares (as LAPACK's dnrm2) so that large gradients do not overflow.
  let scale = 0;
  let ssq = 1;
  let max = 0;
  let finite = true;
  for (let i = 0; i < a.length; i++) {
    const v = Math.abs(a[i]);
    if (!Number.isFinite(v)) {
      finite = false;
      continue;
    }
    if (v > max) max = v;
    if (v === 0) continue;
    if (scale < v) {
      ssq = 1 + ssq * (scale / v) ** 2;
      scale = v;
    } else ssq += (v / scale) ** 2;
  }
  return { l2: scale * Math.sqrt(ssq), max, finite };
}

/**
 * Gradient health per trainable variable: the L2 norm of the loss gradient,
 * the weights' norm and their ratio ‖g‖/‖w‖. Exploding gradients show as huge
 * or non-finite norms, vanishing ones as ratios many orders of magnitude below
 * the others (typically in the first layers of a deep network); a healthy
 * update ratio lr·‖g‖/‖w‖ is around 1e-3 (Karpathy, CS231n "ratio of weights:updates";
 * Goodfellow et al., Deep Learning, §8.2.4 and §11.5).
 *
 * One forward and one backward pass; norms accumulated in float64; the model
 * is not changed and no tensor is left behind.
 *
 * @param model - A `tf.LayersModel`.
 * @param x - The input batch.
 * @param y - The targets.
 * @param options - The loss and `training`.
 * @returns A {@link GradientNormsReport}.
 * @throws {GradientCheckError} bad model, unknown loss, or a kernel missing on the backend.
 * @example
 * gradientNorms(model, x, y, { loss: 'meanSquaredError' }).variables[0].name;
 * // => 'dense_Dense1/kernel'
 */
export function gradientNorms(model: ModelLike, x: tf.Tensor | tf.Tensor[], y: tf.Tensor, options: GradientNormsOptions = {}): GradientNormsReport {
  const fn = 'gradientNorms';
  const m = readModel(fn, model);
  const loss = resolveLoss(fn, options.loss);
  ensureGradientsRegistered(fn);
  try {
    let report!: GradientNormsReport;
    withTapeCleanup(() => tf.tidy(() => {
      const list = m.trainableWeights.map((v) => v.read() as tf.Variable);
      const { value, grads } = tf.variableGrads(() => modelLossValue(m, x, y, loss, options.training ?? false, fn), list);
      let total = 0;
      const variables = list.map((v, i): VariableGradientNorm => {
        const g = grads[v.name];
        const gn = g ? norm(g.dataSync() as Float32Array) : { l2: 0, max: 0, finite: true };
        const wn = norm(v.dataSync() as Float32Array);
        total += gn.l2 * gn.l2;
        return {
          name: m.trainableWeights[i].name,
          gradientNorm: gn.finite ? gn.l2 : NaN,
          weightNorm: wn.l2,
          ratio: gn.finite ? (wn.l2 === 0 ? NaN : gn.l2 / wn.l2) : NaN,
          maxAbsGradient: gn.finite ? gn.max : NaN,
          nonFinite: !gn.finite,
        };
      });
      report = {
        loss: (value.dataSync() as Float32Array)[0],
        variables,
        globalNorm: variables.some((v) => v.nonFinite) ? NaN : Math.sqrt(total),
      };
    }));
    return report;
  } catch (error) {
    throw translateTfError(fn, error);
  }
}
