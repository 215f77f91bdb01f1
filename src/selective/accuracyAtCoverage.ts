import { readNumberOption } from '../core/assert';
import type { CorrectnessInput } from '../core/readCorrectness';
import type { NumericInput } from '../core/types';
import { riskCoverageTable } from './riskCoverageTable';
import type { RiskInputOptions } from './riskCoverageTable';

/** Options of {@link accuracyAtCoverage}. */
export interface AccuracyAtCoverageOptions extends RiskInputOptions {}

/**
 * The accuracy of a selective classifier that answers on (at least) a given
 * fraction of the examples: the most confident ones.
 *
 * The classifier uses the highest threshold whose coverage reaches the target;
 * the result is the accuracy 1 − r of the examples it accepts (for
 * `input: 'loss'`, 1 − the mean accepted loss). Tied confidences are accepted
 * together, so the coverage actually reached can exceed the target when a tie
 * straddles it; read it from {@link riskCoverageCurve} if it matters.
 *
 * Reference: Y. Geifman and R. El-Yaniv (2017), "Selective Classification for
 * Deep Neural Networks", NeurIPS (risk at a given coverage).
 *
 * @param correct - Per-example correctness (1/`true` = right), or losses with `input: 'loss'`.
 * @param confidence - Per-example confidence, higher = more confident.
 * @param coverage - The target coverage, in (0, 1].
 * @param options - See {@link AccuracyAtCoverageOptions}.
 * @returns The selective accuracy at that coverage.
 * @throws {MetricInputError} as {@link riskCoverageCurve}, or for a coverage outside (0, 1].
 * @example
 * accuracyAtCoverage([1, 1, 0, 1], [0.9, 0.8, 0.7, 0.6], 0.5);
 * // => 1
 */
export function accuracyAtCoverage(
  correct: CorrectnessInput,
  confidence: NumericInput,
  coverage: number,
  options: AccuracyAtCoverageOptions = {},
): number {
  const fn = 'accuracyAtCoverage';
  const target = readNumberOption((coverage as number | undefined) ?? NaN, NaN, fn, 'coverage', { min: 0, minExclusive: true, max: 1 });
  const { n, accepted, loss } = riskCoverageTable(correct, confidence, options, fn);
  let g = 0;
  // accepted/n >= target compares the fractions as the caller wrote them:
  // 0.7 * 10 is 7.000000000000001 in float64, but 7 / 10 is 0.7.
  while (accepted[g] / n < target) g++;
  return 1 - loss[g] / accepted[g];
}
