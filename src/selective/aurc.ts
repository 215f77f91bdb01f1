import type { CorrectnessInput } from '../core/readCorrectness';
import type { NumericInput } from '../core/types';
import { sumOfRisks } from './riskCoverageAreas';
import { riskCoverageTable } from './riskCoverageTable';
import type { RiskInputOptions } from './riskCoverageTable';

/** Options of {@link aurc}. */
export interface AurcOptions extends RiskInputOptions {}

/**
 * The area under the risk–coverage curve (AURC): the mean selective risk over
 * all coverages, lower is better.
 *
 * With the examples ordered by decreasing confidence and r_k the selective
 * risk (mean loss) of the k most confident, AURC = (1/n) Σ_{k=1..n} r_k.
 * Tied confidences count as the expectation over every order within the tie
 * (E[r_{k+j}] = (E + j·L/m)/(k + j) inside a tie of m examples with loss L
 * following k examples with loss E), so the value does not depend on the
 * order of the input. It mixes the quality of the ranking with the overall
 * error rate; {@link eAurc} removes the latter.
 *
 * Reference: Y. Geifman, G. Uziel and R. El-Yaniv (2019), "Bias-Reduced
 * Uncertainty Estimation for Deep Neural Classifiers", ICLR.
 *
 * @param correct - Per-example correctness (1/`true` = right), or losses with `input: 'loss'`.
 * @param confidence - Per-example confidence, higher = more confident.
 * @param options - See {@link AurcOptions}.
 * @returns The area, in [0, max loss].
 * @throws {MetricInputError} as {@link riskCoverageCurve}.
 * @example
 * aurc([1, 1, 0, 0], [0.9, 0.8, 0.7, 0.6]); // (0 + 0 + 1/3 + 2/4) / 4
 * // => 0.20833333333333331
 */
export function aurc(correct: CorrectnessInput, confidence: NumericInput, options: AurcOptions = {}): number {
  const table = riskCoverageTable(correct, confidence, options, 'aurc');
  return sumOfRisks(table) / table.n;
}
