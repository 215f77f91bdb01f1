import type { CorrectnessInput } from '../core/readCorrectness';
import type { NumericInput } from '../core/types';
import { optimalSumOfRisks, sumOfRisks } from './riskCoverageAreas';
import { riskCoverageTable } from './riskCoverageTable';
import type { RiskInputOptions } from './riskCoverageTable';

/** Options of {@link eAurc}. */
export interface EAurcOptions extends RiskInputOptions {}

/**
 * The excess AURC: {@link aurc} minus the AURC of the best possible ordering
 * of the same losses, so only the quality of the confidence ranking remains.
 * 0 for a perfect ranking, >= 0 always.
 *
 * E-AURC = (1/n) Σ_k r_k − (1/n) Σ_k r*_k, where r*_k is the mean of the k
 * smallest losses. The optimum is computed exactly (for 0/1 correctness with
 * w errors among n: Σ_{k=n−w+1..n} (k − (n − w))/k), not with the continuous
 * approximation r + (1 − r)·ln(1 − r) of the paper. Ties as in {@link aurc}.
 * A difference below zero can only come from rounding and is returned as 0.
 *
 * Reference: Y. Geifman, G. Uziel and R. El-Yaniv (2019), "Bias-Reduced
 * Uncertainty Estimation for Deep Neural Classifiers", ICLR.
 *
 * @param correct - Per-example correctness (1/`true` = right), or losses with `input: 'loss'`.
 * @param confidence - Per-example confidence, higher = more confident.
 * @param options - See {@link EAurcOptions}.
 * @returns The excess area, >= 0.
 * @throws {MetricInputError} as {@link riskCoverageCurve}.
 * @example
 * eAurc([1, 0, 1, 0], [0.9, 0.8, 0.7, 0.6]); // aurc (0 + 1/2 + 1/3 + 2/4)/4 minus optimum (1/3 + 2/4)/4
 * // => 0.125
 */
export function eAurc(correct: CorrectnessInput, confidence: NumericInput, options: EAurcOptions = {}): number {
  const table = riskCoverageTable(correct, confidence, options, 'eAurc');
  const excess = (sumOfRisks(table) - optimalSumOfRisks(table)) / table.n;
  return excess > 0 ? excess : 0;
}
