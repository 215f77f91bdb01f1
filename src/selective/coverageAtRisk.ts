import { readNumberOption } from '../core/assert';
import type { CorrectnessInput } from '../core/readCorrectness';
import type { NumericInput } from '../core/types';
import { riskCoverageTable } from './riskCoverageTable';
import type { RiskInputOptions } from './riskCoverageTable';

/** Options of {@link coverageAtRisk}. */
export interface CoverageAtRiskOptions extends RiskInputOptions {}

/** An operating point of a selective classifier. */
export interface SelectiveOperatingPoint {
  /** Fraction of the examples accepted. */
  coverage: number;
  /** Accept the examples with confidence >= threshold (`Infinity`: accept none). */
  threshold: number;
  /** Selective risk of the accepted examples (`NaN` when none are accepted). */
  risk: number;
}

/**
 * The largest coverage whose empirical selective risk stays at or below
 * `maxRisk`, with its threshold.
 *
 * Among the thresholds t (distinct confidences) with r(t) <= maxRisk, the one
 * of largest coverage. The risk need not decrease with the threshold, so
 * every point is checked, not only the first crossing. When no threshold
 * qualifies the result is `{ coverage: 0, threshold: Infinity, risk: NaN }`
 * (accept nothing). This is the empirical operating point on the given data,
 * without a guarantee for new data: see {@link selectWithGuaranteedRisk}.
 *
 * Reference: Y. Geifman and R. El-Yaniv (2017), "Selective Classification for
 * Deep Neural Networks", NeurIPS.
 *
 * @param correct - Per-example correctness (1/`true` = right), or losses with `input: 'loss'`.
 * @param confidence - Per-example confidence, higher = more confident.
 * @param maxRisk - The largest acceptable selective risk, >= 0.
 * @param options - See {@link CoverageAtRiskOptions}.
 * @returns `{ coverage, threshold, risk }`.
 * @throws {MetricInputError} as {@link riskCoverageCurve}, or for a negative or non-finite `maxRisk`.
 * @example
 * coverageAtRisk([1, 1, 0, 1], [0.9, 0.8, 0.7, 0.6], 0.25);
 * // => { coverage: 1, threshold: 0.6, risk: 0.25 }
 */
export function coverageAtRisk(
  correct: CorrectnessInput,
  confidence: NumericInput,
  maxRisk: number,
  options: CoverageAtRiskOptions = {},
): SelectiveOperatingPoint {
  const fn = 'coverageAtRisk';
  const limit = readNumberOption((maxRisk as number | undefined) ?? NaN, NaN, fn, 'maxRisk', { min: 0 });
  const { n, thresholds, accepted, loss } = riskCoverageTable(correct, confidence, options, fn);
  for (let g = thresholds.length - 1; g >= 0; g--) {
    const risk = loss[g] / accepted[g];
    if (risk <= limit) return { coverage: accepted[g] / n, threshold: thresholds[g], risk };
  }
  return { coverage: 0, threshold: Infinity, risk: NaN };
}
