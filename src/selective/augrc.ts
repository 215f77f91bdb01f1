import type { CorrectnessInput } from '../core/readCorrectness';
import type { NumericInput } from '../core/types';
import { sumOfCumulativeLosses } from './riskCoverageAreas';
import { riskCoverageTable } from './riskCoverageTable';
import type { RiskInputOptions } from './riskCoverageTable';

/** Options of {@link augrc}. */
export interface AugrcOptions extends RiskInputOptions {}

/**
 * The area under the generalized risk–coverage curve (AUGRC): the mean, over
 * all coverages, of the rate of accepted-and-wrong examples among all
 * examples. Lower is better.
 *
 * With e_k the summed loss of the k most confident examples (the number of
 * errors for correctness), AUGRC = (1/n) Σ_{k=1..n} e_k / n. Unlike
 * {@link aurc}, each point weighs silent failures by how often they happen
 * overall, so a few errors among the most confident examples do not dominate.
 * Ties as in {@link aurc}: a tie of m examples with loss L after summed loss
 * E contributes m·E + L·(m + 1)/2.
 *
 * Reference: K. Traub, L. Klein, F. Jaeger et al. (2024), "Overcoming Common
 * Flaws in the Evaluation of Selective Classification Systems", NeurIPS.
 *
 * @param correct - Per-example correctness (1/`true` = right), or losses with `input: 'loss'`.
 * @param confidence - Per-example confidence, higher = more confident.
 * @param options - See {@link AugrcOptions}.
 * @returns The area, between 0 (nothing wrong) and the mean loss.
 * @throws {MetricInputError} as {@link riskCoverageCurve}.
 * @example
 * augrc([1, 1, 0, 0], [0.9, 0.8, 0.7, 0.6]); // (0 + 0 + 1 + 2) / 4 / 4
 * // => 0.1875
 */
export function augrc(correct: CorrectnessInput, confidence: NumericInput, options: AugrcOptions = {}): number {
  const table = riskCoverageTable(correct, confidence, options, 'augrc');
  return sumOfCumulativeLosses(table) / (table.n * table.n);
}
