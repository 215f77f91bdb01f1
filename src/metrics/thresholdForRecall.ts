import { readNumberOption } from '../core/assert';
import { fail } from '../core/fail';
import type { Label, LabelInput, NumericInput, ZeroDivision } from '../core/types';
import { readZeroDivision } from '../core/zeroDivision';
import { noPoint, noPositives, pointAt, readThresholdCounts, type ThresholdPoint } from './internal/thresholdPoint';

/** Options of {@link thresholdForRecall}. */
export interface ThresholdForRecallOptions {
  /** The recall to reach, in [0, 1]. Required. */
  minRecall: number;
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

/**
 * The threshold that reaches a target recall with the highest precision:
 * among the thresholds t (the distinct scores; predict positive when
 * `score >= t`) whose recall tp/(tp + fn) is at least `minRecall`, the one
 * with the largest precision tp/(tp + fp) — e.g. "catch 95% of the frauds,
 * with as few false alarms per catch as possible".
 *
 * Ties: among thresholds of equal precision the one with the higher recall
 * (the lower threshold: it catches more at the same precision); when recall
 * ties too, the higher threshold. Thresholds where nothing is predicted
 * positive (precision undefined), including +Infinity, are never returned.
 *
 * Not reached: when there is no positive example (recall undefined) every
 * field is `NaN`, except `recall`, which is `zeroDivision` when given; any `minRecall` ≤ 1 is otherwise reachable (the lowest
 * threshold has recall 1).
 *
 * Computed from the single core {@link confusionAtThresholds}.
 *
 * Reference: the converse of {@link thresholdForPrecision}; TensorFlow's
 * `PrecisionAtRecall` metric.
 *
 * @param yTrue - binary labels: `{0, 1}`, `{-1, 1}`, booleans, or any two labels with `posLabel`.
 * @param yScore - finite scores, higher meaning more likely positive.
 * @param options - `minRecall` (required), `sampleWeight`, `posLabel`, `zeroDivision`.
 * @returns `{ threshold, precision, recall, tp, fp, fn, tn }` at the chosen threshold (weighted counts).
 * @throws {MetricInputError} for a missing or out-of-range `minRecall`, empty
 *   input, a length mismatch, a NaN or infinite score, non-binary labels or a bad weight.
 * @throws {UndefinedMetricError} with `zeroDivision: 'error'` when there is no positive example.
 * @example
 * thresholdForRecall([0, 0, 1, 1, 0, 1], [0.1, 0.4, 0.35, 0.8, 0.7, 0.9], { minRecall: 0.6 });
 * // => { threshold: 0.8, precision: 1, recall: 0.6666666666666666, tp: 2, fp: 0, fn: 1, tn: 3 }
 */
export function thresholdForRecall(
  yTrue: LabelInput,
  yScore: NumericInput,
  options: ThresholdForRecallOptions,
): ThresholdPoint {
  const fn = 'thresholdForRecall';
  if (options?.minRecall === undefined) fail(fn, 'minRecall is required: a number in [0, 1]');
  const minRecall = readNumberOption(options.minRecall, NaN, fn, 'minRecall', { min: 0, max: 1 });
  const zeroDivision = readZeroDivision(options.zeroDivision, fn);
  const c = readThresholdCounts(fn, yTrue, yScore, options);
  if (!(c.positives > 0)) return noPositives(zeroDivision, fn);
  let best = -1;
  let bestPrecision = -1;
  let bestTp = -1;
  for (let i = 0; i < c.thresholds.length; i++) {
    const tp = c.tps[i];
    const predicted = tp + c.fps[i];
    if (!(predicted > 0) || tp / c.positives < minRecall) continue;
    const precision = tp / predicted;
    if (precision > bestPrecision || (precision === bestPrecision && tp > bestTp)) {
      best = i;
      bestPrecision = precision;
      bestTp = tp;
    }
  }
  return best < 0 ? noPoint() : pointAt(c, best);
}
