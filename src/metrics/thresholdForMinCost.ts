import type { Label, LabelInput, NumericInput, ZeroDivision } from '../core/types';
import { readZeroDivision, undefinedValue } from '../core/zeroDivision';
import { readBinaryCosts, type BinaryCosts } from './internal/binaryCosts';
import { noPoint, pointAt, readThresholdCounts, type ThresholdPoint } from './internal/thresholdPoint';

/** Options of {@link thresholdForMinCost}. */
export interface ThresholdForMinCostOptions {
  /** Cost of each outcome per unit of weight: `{ fp, fn, tp?, tn? }` (tp and tn default to 0). Required. */
  costs: BinaryCosts;
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

/** What {@link thresholdForMinCost} returns: the operating point and its costs. */
export interface ThresholdForMinCost extends ThresholdPoint {
  /** Average cost per unit of weight at the threshold (as `expectedCost` with `normalize: true`). */
  cost: number;
  /** Total cost at the threshold (as `expectedCost` with `normalize: false`). */
  totalCost: number;
}

/**
 * The threshold that minimises the expected cost of the decisions "positive
 * when `score >= threshold`" under per-outcome costs.
 *
 * Definition: cost(t) = (c_tp·tp(t) + c_fp·fp(t) + c_fn·fn(t) + c_tn·tn(t)) / W
 * with the weighted counts at t and W the total weight, i.e.
 * `expectedCost(yTrue, yScore >= t, costs)`. Every distinct score is a
 * candidate, and so is +Infinity ("reject all": nothing predicted positive,
 * returned as `threshold: Infinity`); the lowest score is "accept all".
 *
 * Ties: the higher threshold (fewer predicted positives; +Infinity first).
 * With a total weight of 0 the cost is undefined and every field is `NaN`
 * (`cost` is `zeroDivision` when given). At the chosen point, an undefined
 * precision (threshold `Infinity`: nothing predicted positive) or recall (no
 * positive example) is `NaN`, or `zeroDivision`.
 *
 * For calibrated probabilities the Bayes-optimal threshold is
 * (c_fp − c_tn) / (c_fp − c_tn + c_fn − c_tp) (Elkan 2001); this function
 * instead finds the empirical optimum on the given data, which needs no
 * calibration but overfits small samples — choose it on validation data.
 *
 * Reference: C. Elkan (2001), "The foundations of cost-sensitive learning", IJCAI.
 *
 * @param yTrue - binary labels: `{0, 1}`, `{-1, 1}`, booleans, or any two labels with `posLabel`.
 * @param yScore - finite scores, higher meaning more likely positive.
 * @param options - `costs` (required), `sampleWeight`, `posLabel`, `zeroDivision`.
 * @returns `{ threshold, cost, totalCost, precision, recall, tp, fp, fn, tn }` at the cheapest threshold.
 * @throws {MetricInputError} for missing or non-finite `costs.fp`/`costs.fn`
 *   (or a non-finite `tp`/`tn`), empty input, a length mismatch, a NaN or
 *   infinite score, non-binary labels or a bad weight.
 * @throws {UndefinedMetricError} with `zeroDivision: 'error'` when the total weight is 0, or the
 *   chosen point's precision or recall is undefined.
 * @example
 * // a false positive costs 5 times a false negative: only the surest score is worth flagging
 * thresholdForMinCost([0, 0, 1, 1, 0, 1], [0.1, 0.4, 0.35, 0.8, 0.7, 0.9], { costs: { fp: 5, fn: 1 } }).threshold;
 * // => 0.8
 */
export function thresholdForMinCost(
  yTrue: LabelInput,
  yScore: NumericInput,
  options: ThresholdForMinCostOptions,
): ThresholdForMinCost {
  const fn = 'thresholdForMinCost';
  const costs = readBinaryCosts(options?.costs, fn, 'costs');
  const zeroDivision = readZeroDivision(options?.zeroDivision, fn);
  const c = readThresholdCounts(fn, yTrue, yScore, options);
  const total = c.positives + c.negatives;
  if (!(total > 0)) return { ...noPoint(), cost: undefinedValue(zeroDivision, fn, 'the total weight is 0'), totalCost: NaN };
  const P = c.positives;
  const N = c.negatives;
  // i = -1 is +Infinity: nothing predicted positive
  let best = -1;
  let bestCost = costs.fn * P + costs.tn * N;
  for (let i = 0; i < c.thresholds.length; i++) {
    const tp = c.tps[i];
    const fp = c.fps[i];
    const cost = costs.tp * tp + costs.fp * fp + costs.fn * (P - tp) + costs.tn * (N - fp);
    if (cost < bestCost) {
      best = i;
      bestCost = cost;
    }
  }
  const { threshold, ...rest } = pointAt(c, best, zeroDivision, fn);
  return { threshold, cost: bestCost / total, totalCost: bestCost, ...rest };
}
