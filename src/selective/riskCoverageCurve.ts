import type { CorrectnessInput } from '../core/readCorrectness';
import type { NumericInput } from '../core/types';
import { riskCoverageTable } from './riskCoverageTable';
import type { RiskInputOptions } from './riskCoverageTable';

/** Options of {@link riskCoverageCurve}. */
export interface RiskCoverageCurveOptions extends RiskInputOptions {}

/** A risk–coverage curve: one point per distinct confidence. */
export interface RiskCoverageCurve {
  /** Fraction of the examples accepted at each threshold (decreasing, the first is 1). */
  coverage: Float64Array;
  /** Selective risk (mean loss of the accepted examples) at each threshold. */
  risk: Float64Array;
  /** The distinct confidences, increasing: point i accepts confidence >= `thresholds[i]`. */
  thresholds: Float64Array;
}

/**
 * The risk–coverage curve of a selective classifier that answers only when
 * its confidence reaches a threshold.
 *
 * For every distinct confidence t, the classifier accepts the examples with
 * confidence >= t: coverage(t) = |{i : c_i >= t}| / n and selective risk
 * r(t) = Σ_{c_i >= t} loss_i / |{i : c_i >= t}|, where loss_i = 1 − correct_i
 * (or the given loss with `input: 'loss'`). Thresholds increase and coverage
 * decreases along the arrays; the first point has coverage 1 and the overall
 * error rate as its risk. Examples with tied confidences are accepted or
 * rejected together, so a tie is one point, never several.
 *
 * Reference: R. El-Yaniv and Y. Wiener (2010), "On the Foundations of
 * Noise-free Selective Classification", JMLR 11; Y. Geifman and R. El-Yaniv
 * (2017), "Selective Classification for Deep Neural Networks", NeurIPS.
 *
 * @param correct - Per-example correctness (1/`true` = right), or losses with `input: 'loss'`.
 * @param confidence - Per-example confidence, higher = more confident (see `confidence()`).
 * @param options - See {@link RiskCoverageCurveOptions}.
 * @returns `{ coverage, risk, thresholds }` as `Float64Array`s of equal length.
 * @throws {MetricInputError} for empty input, a length mismatch, NaN or
 *   infinite confidence, correctness that is not 0/1/boolean, or a negative loss.
 * @example
 * riskCoverageCurve([1, 0, 1, 1], [0.9, 0.8, 0.7, 0.7]);
 * // => { coverage: [1, 0.5, 0.25], risk: [0.25, 0.5, 0], thresholds: [0.7, 0.8, 0.9] }
 */
export function riskCoverageCurve(
  correct: CorrectnessInput,
  confidence: NumericInput,
  options: RiskCoverageCurveOptions = {},
): RiskCoverageCurve {
  const { n, thresholds, accepted, loss } = riskCoverageTable(correct, confidence, options, 'riskCoverageCurve');
  // The table's arrays are fresh and ours: turn them into the curve in place
  // (risk before coverage, which overwrites the counts), then reverse.
  const d = thresholds.length;
  const coverage = accepted;
  const risk = loss;
  for (let g = 0; g < d; g++) {
    risk[g] = loss[g] / accepted[g];
    coverage[g] = accepted[g] / n;
  }
  thresholds.reverse();
  coverage.reverse();
  risk.reverse();
  return { coverage, risk, thresholds };
}
