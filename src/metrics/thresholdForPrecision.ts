import { readNumberOption } from '../core/assert';
import { fail } from '../core/fail';
import type { Label, LabelInput, NumericInput, ZeroDivision } from '../core/types';
import { readZeroDivision } from '../core/zeroDivision';
import { noPoint, noPositives, pointAt, readThresholdCounts, type ThresholdPoint } from './internal/thresholdPoint';

export type { ThresholdPoint } from './internal/thresholdPoint';

/** Options of {@link thresholdForPrecision}. */
export interface ThresholdForPrecisionOptions {
  /** The precision to reach, in [0, 1]. Required. */
  minPrecision: number;
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
 * The threshold that reaches a target precision with the highest recall:
 * among the thresholds t (the distinct scores; predict positive when
 * `score >= t`) whose precision tp/(tp + fp) is at least `minPrecision`, the
 * one with the largest recall tp/(tp + fn).
 *
 * Ties: thresholds with the same recall differ only by false positives, so
 * the one with the higher precision (the higher threshold) is returned; when
 * precision ties too, the higher threshold. The "predict nothing" threshold
 * (+Infinity) has no precision and is never returned.
 *
 * Not reached: when no threshold has precision ≥ `minPrecision`, or when
 * there is no positive example (recall undefined), the result is not an
 * error: every field is `NaN` (with no positive example, `recall` is
 * `zeroDivision` when given).
 *
 * Computed from the single core {@link confusionAtThresholds} in one pass
 * over its m distinct thresholds after the core's sort.
 *
 * Reference: scikit-learn's precision_recall_curve; the same choice as
 * TensorFlow's `RecallAtPrecision` metric.
 *
 * @param yTrue - binary labels: `{0, 1}`, `{-1, 1}`, booleans, or any two labels with `posLabel`.
 * @param yScore - finite scores, higher meaning more likely positive.
 * @param options - `minPrecision` (required), `sampleWeight`, `posLabel`, `zeroDivision`.
 * @returns `{ threshold, precision, recall, tp, fp, fn, tn }` at the chosen threshold (weighted counts).
 * @throws {MetricInputError} for a missing or out-of-range `minPrecision`, empty
 *   input, a length mismatch, a NaN or infinite score, non-binary labels or a bad weight.
 * @throws {UndefinedMetricError} with `zeroDivision: 'error'` when there is no positive example.
 * @example
 * thresholdForPrecision([0, 0, 1, 1, 0, 1], [0.1, 0.4, 0.35, 0.8, 0.7, 0.9], { minPrecision: 0.6 });
 * // => { threshold: 0.35, precision: 0.6, recall: 1, tp: 3, fp: 2, fn: 0, tn: 1 }
 */
export function thresholdForPrecision(
  yTrue: LabelInput,
  yScore: NumericInput,
  options: ThresholdForPrecisionOptions,
): ThresholdPoint {
  const fn = 'thresholdForPrecision';
  if (options?.minPrecision === undefined) fail(fn, 'minPrecision is required: a number in [0, 1]');
  const minPrecision = readNumberOption(options.minPrecision, NaN, fn, 'minPrecision', { min: 0, max: 1 });
  const zeroDivision = readZeroDivision(options.zeroDivision, fn);
  const c = readThresholdCounts(fn, yTrue, yScore, options);
  if (!(c.positives > 0)) return noPositives(zeroDivision, fn);
  let best = -1;
  let bestTp = -1;
  let bestPrecision = -1;
  for (let i = 0; i < c.thresholds.length; i++) {
    const tp = c.tps[i];
    const predicted = tp + c.fps[i];
    if (!(predicted > 0)) continue;
    const precision = tp / predicted;
    if (precision < minPrecision) continue;
    if (tp > bestTp || (tp === bestTp && precision > bestPrecision)) {
      best = i;
      bestTp = tp;
      bestPrecision = precision;
    }
  }
  return best < 0 ? noPoint() : pointAt(c, best);
}
