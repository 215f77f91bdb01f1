import type { CorrectnessInput } from '../core/readCorrectness';
import type { NumericInput } from '../core/types';
import { calibrationBins } from './calibrationBins';
import type { CalibrationBinOptions, ReliabilityDiagram } from './calibrationBins';

export type { BinStrategy, CalibrationBinOptions, ReliabilityDiagram } from './calibrationBins';

/** Options of {@link reliabilityDiagram}. */
export interface ReliabilityDiagramOptions extends CalibrationBinOptions {}

/**
 * The data of a reliability diagram: the examples grouped into confidence
 * bins, with each bin's mean confidence, accuracy and size. A calibrated
 * model has accuracy ≈ confidence in every bin; bars below the diagonal mean
 * over-confidence.
 *
 * For bin B_b: conf(B_b) = (1/|B_b|) Σ_{i∈B_b} c_i and
 * acc(B_b) = (1/|B_b|) Σ_{i∈B_b} correct_i. Every one of the M bins is
 * returned, in increasing confidence; an empty bin has count 0 and `NaN`
 * confidence and accuracy (filter on `count > 0` to plot).
 *
 * Reference: C. Guo, G. Pleiss, Y. Sun and K. Q. Weinberger (2017), "On
 * Calibration of Modern Neural Networks", ICML, §2; A. Niculescu-Mizil and R.
 * Caruana (2005), "Predicting Good Probabilities with Supervised Learning".
 *
 * @param correct - Per-example correctness (1/`true` = right).
 * @param confidence - Per-example confidence in [0, 1] (e.g. the max probability).
 * @param options - `bins` and `strategy`; see {@link ReliabilityDiagramOptions}.
 * @returns `{ lower, upper, confidence, accuracy, count }`, `Float64Array`s of M entries.
 * @throws {MetricInputError} for a confidence outside [0, 1], correctness
 *   that is not 0/1/boolean, empty input, a length mismatch, or bad options.
 * @example
 * reliabilityDiagram([1, 0, 1, 1], [0.9, 0.8, 0.3, 0.2], { bins: 2 }).accuracy;
 * // => Float64Array [1, 0.5]
 */
export function reliabilityDiagram(
  correct: CorrectnessInput,
  confidence: NumericInput,
  options: ReliabilityDiagramOptions = {},
): ReliabilityDiagram {
  const { lower, upper, confidence: conf, accuracy, count } = calibrationBins(
    correct,
    confidence,
    options,
    'reliabilityDiagram',
  );
  return { lower, upper, confidence: conf, accuracy, count };
}
