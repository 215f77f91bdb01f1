import { readNumberOption } from '../core/assert';
import { fail } from '../core/fail';
import type { CorrectnessInput } from '../core/readCorrectness';
import type { NumericInput } from '../core/types';
import { binomialTailInversion } from './binomialUpperBound';
import { riskCoverageTable } from './riskCoverageTable';
import type { RiskInputOptions } from './riskCoverageTable';

/** Options of {@link selectWithGuaranteedRisk}. */
export interface SelectWithGuaranteedRiskOptions extends RiskInputOptions {
  /** The selective risk r* that must not be exceeded on new data, in (0, 1). Required. */
  targetRisk: number;
  /** The probability δ that the guarantee fails, in (0, 1). Defaults to `0.05`. */
  delta?: number;
}

/** The result of {@link selectWithGuaranteedRisk}. */
export interface GuaranteedRiskSelection {
  /** True when some threshold's risk bound is at most `targetRisk`. */
  feasible: boolean;
  /** Accept confidence >= threshold; `NaN` when not feasible. */
  threshold: number;
  /** Coverage of the threshold on the calibration data (0 when not feasible). */
  coverage: number;
  /** Empirical selective risk of the threshold on the calibration data (`NaN` when not feasible). */
  risk: number;
  /** The bound B* on the true selective risk, <= targetRisk (`NaN` when not feasible). */
  riskBound: number;
  /** Number of accepted calibration examples at the threshold (0 when not feasible). */
  accepted: number;
  /** The risk target asked for. */
  targetRisk: number;
  /** The failure probability asked for. */
  delta: number;
  /** How many thresholds the binary search tested; each bound used δ / tests. */
  tests: number;
}

/**
 * Selection with guaranteed risk (SGR): the confidence threshold of largest
 * coverage whose selective risk on new data is at most `targetRisk` with
 * probability at least 1 − δ over the draw of the calibration sample.
 *
 * Algorithm 1 of Geifman & El-Yaniv (2017): a binary search over the D
 * distinct confidences of the calibration data. For a candidate threshold θ
 * accepting m_θ examples of which k_θ are wrong, the true selective risk is at
 * most B*(k_θ, m_θ, δ/K) (the binomial tail inversion,
 * {@link binomialUpperBound}) except with probability δ/K; a union bound over
 * the K = ⌈log2(D + 1)⌉ tests the search can make gives the guarantee for the
 * returned threshold. A test passes when B* <= targetRisk; the search moves
 * toward larger coverage after a pass and smaller after a failure, and the
 * passing test of largest coverage is returned. When no test passes the
 * result says so (`feasible: false`, threshold `NaN`) rather than returning a
 * threshold without a guarantee.
 *
 * The guarantee assumes the new data are drawn from the same distribution as
 * the calibration data, independently of it (do not calibrate on training
 * data), and 0/1 losses: with `input: 'loss'` every loss must be 0 or 1.
 * Tied confidences are accepted together.
 *
 * Reference: Y. Geifman and R. El-Yaniv (2017), "Selective Classification for
 * Deep Neural Networks", NeurIPS, Algorithm 1.
 *
 * @param correct - Per-example correctness on the calibration set (1/`true` = right).
 * @param confidence - Per-example confidence, higher = more confident.
 * @param options - `targetRisk` (required) and `delta`; see {@link SelectWithGuaranteedRiskOptions}.
 * @returns `{ feasible, threshold, coverage, risk, riskBound, accepted, targetRisk, delta, tests }`.
 * @throws {MetricInputError} as {@link riskCoverageCurve}, for a missing or
 *   out-of-range `targetRisk`/`delta`, or for losses that are not 0/1.
 * @example
 * const conf = Array.from({ length: 1000 }, (_, i) => i / 1000);
 * const correct = conf.map((c) => (c > 0.3 ? 1 : 0));
 * selectWithGuaranteedRisk(correct, conf, { targetRisk: 0.05, delta: 0.05 }).feasible;
 * // => true
 */
export function selectWithGuaranteedRisk(
  correct: CorrectnessInput,
  confidence: NumericInput,
  options: SelectWithGuaranteedRiskOptions,
): GuaranteedRiskSelection {
  const fn = 'selectWithGuaranteedRisk';
  const range = { min: 0, max: 1, minExclusive: true, maxExclusive: true };
  const targetRisk = readNumberOption(options?.targetRisk ?? NaN, NaN, fn, 'targetRisk', range);
  const delta = readNumberOption(options?.delta, 0.05, fn, 'delta', range);
  const { thresholds, accepted, loss, binary, losses } = riskCoverageTable(correct, confidence, options, fn);
  if (!binary) {
    for (let i = 0; i < losses.length; i++) {
      if (losses[i] !== 0 && losses[i] !== 1) {
        fail(fn, `correct[${i}] is ${losses[i]}: the binomial bound needs 0/1 losses`);
      }
    }
  }
  const d = thresholds.length;
  const tests = Math.max(1, Math.ceil(Math.log2(d + 1)));
  const level = delta / tests;
  // Answer a in {-1 (none), 0..d-1}; invariant lo <= a <= hi, lo passed (or is -1).
  let lo = -1;
  let hi = d - 1;
  let bestBound = NaN;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2) + 1;
    const bound = binomialTailInversion(loss[mid], accepted[mid], level);
    if (bound <= targetRisk) {
      lo = mid;
      bestBound = bound;
    } else {
      hi = mid - 1;
    }
  }
  if (lo < 0) {
    return { feasible: false, threshold: NaN, coverage: 0, risk: NaN, riskBound: NaN, accepted: 0, targetRisk, delta, tests };
  }
  const n = accepted[d - 1];
  return {
    feasible: true,
    threshold: thresholds[lo],
    coverage: accepted[lo] / n,
    risk: loss[lo] / accepted[lo],
    riskBound: bestBound,
    accepted: accepted[lo],
    targetRisk,
    delta,
    tests,
  };
}
