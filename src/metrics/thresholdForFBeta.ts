import { readNumberOption } from '../core/assert';
import type { Label, LabelInput, NumericInput, ZeroDivision } from '../core/types';
import { readZeroDivision } from '../core/zeroDivision';
import { noPositives, pointAt, readThresholdCounts, type ThresholdPoint } from './internal/thresholdPoint';

/** Options of {@link thresholdForFBeta}. */
export interface ThresholdForFBetaOptions {
  /** Weight of recall relative to precision (β > 0; β = 2 favours recall, β = 0.5 precision). Defaults to 1 (F1). */
  beta?: number;
  /** Non-negative weight per example. Defaults to 1 for every example. */
  sampleWeight?: NumericInput;
  /** The positive class. Defaults to 1 (or `true`) for `{0, 1}`, `{-1, 1}` or boolean labels. */
  posLabel?: Label | boolean;
  /**
   * Value of an undefined rate in the result (no positive example: recall;
   * nothing predicted positive: precision), or `'error'` to throw an
   * UndefinedMetricError. Defaults to NaN.
   */
  zeroDivision?: ZeroDivision;
}

/** What {@link thresholdForFBeta} returns: the operating point and its F-beta. */
export interface ThresholdForFBeta extends ThresholdPoint {
  /** F-beta at the threshold. */
  fScore: number;
}

/**
 * The threshold that maximises the F-beta score over all distinct scores
 * (predict positive when `score >= threshold`).
 *
 * Definition: F_β = (1 + β²)·tp / ((1 + β²)·tp + β²·fn + fp), computed from
 * the weighted counts as `fBeta` does (so it is 0, not undefined, when tp = 0
 * but fp + fn > 0). The "predict nothing" threshold (+Infinity) scores 0 and
 * can never win when there are positives, since the lowest threshold then
 * has tp > 0.
 *
 * Ties: the higher threshold (fewer predicted positives) is returned.
 *
 * Undefined: without any positive example every threshold scores 0 (or is
 * undefined), no threshold is better than another, and every field is `NaN`,
 * except `recall` and `fScore`, which are `zeroDivision` when given.
 *
 * Computed from the single core {@link confusionAtThresholds}: one pass
 * over its m distinct thresholds.
 *
 * Reference: C. J. van Rijsbergen (1979), Information Retrieval, ch. 7;
 * Z. C. Lipton, C. Elkan & B. Naryanaswamy (2014), "Optimal thresholding of
 * classifiers to maximize F1 measure", ECML PKDD.
 *
 * @param yTrue - binary labels: `{0, 1}`, `{-1, 1}`, booleans, or any two labels with `posLabel`.
 * @param yScore - finite scores, higher meaning more likely positive.
 * @param options - `beta`, `sampleWeight`, `posLabel`, `zeroDivision`.
 * @returns `{ threshold, fScore, precision, recall, tp, fp, fn, tn }` at the best threshold.
 * @throws {MetricInputError} for `beta` ≤ 0 or not finite, empty input, a
 *   length mismatch, a NaN or infinite score, non-binary labels or a bad weight.
 * @throws {UndefinedMetricError} with `zeroDivision: 'error'` when there is no positive example.
 * @example
 * thresholdForFBeta([0, 0, 1, 1, 0, 1], [0.1, 0.4, 0.35, 0.8, 0.7, 0.9]);
 * // => { threshold: 0.8, fScore: 0.8, precision: 1, recall: 0.6666666666666666, tp: 2, fp: 0, fn: 1, tn: 3 }
 */
export function thresholdForFBeta(
  yTrue: LabelInput,
  yScore: NumericInput,
  options: ThresholdForFBetaOptions = {},
): ThresholdForFBeta {
  const fn = 'thresholdForFBeta';
  const beta = readNumberOption(options.beta, 1, fn, 'beta', { min: 0, minExclusive: true });
  const zeroDivision = readZeroDivision(options.zeroDivision, fn);
  const c = readThresholdCounts(fn, yTrue, yScore, options);
  if (!(c.positives > 0)) {
    const none = noPositives(zeroDivision, fn);
    return { ...none, fScore: none.recall };
  }
  const b2 = beta * beta;
  let best = -1;
  let bestF = -1;
  for (let i = 0; i < c.thresholds.length; i++) {
    const tp = c.tps[i];
    const f = ((1 + b2) * tp) / ((1 + b2) * tp + b2 * (c.positives - tp) + c.fps[i]);
    if (f > bestF) {
      best = i;
      bestF = f;
    }
  }
  const { threshold, ...rest } = pointAt(c, best);
  return { threshold, fScore: bestF, ...rest };
}
