import { readChoice } from '../core/assert';
import type { CorrectnessInput } from '../core/readCorrectness';
import type { NumericInput } from '../core/types';
import { calibrationBins } from './calibrationBins';
import type { CalibrationBinOptions } from './calibrationBins';

/** How the per-bin gaps |acc − conf| are combined. */
export type CalibrationNorm = 'l1' | 'l2' | 'max';

/** Options of {@link expectedCalibrationError}. */
export interface ExpectedCalibrationErrorOptions extends CalibrationBinOptions {
  /**
   * `'l1'`: the expected calibration error Σ_b (|B_b|/n)·|acc − conf|;
   * `'l2'`: √(Σ_b (|B_b|/n)·(acc − conf)²); `'max'`: the maximum calibration
   * error max_b |acc − conf| over non-empty bins. Defaults to `'l1'`.
   */
  norm?: CalibrationNorm;
}

const NORMS: readonly CalibrationNorm[] = ['l1', 'l2', 'max'];

/**
 * The expected calibration error (ECE): how far, on average over the
 * examples, the confidence is from the accuracy of examples with that
 * confidence. 0 for a perfectly calibrated model (in the binned sense).
 *
 * ECE = Σ_{b=1..M} (|B_b| / n) · |acc(B_b) − conf(B_b)| over the bins of
 * {@link reliabilityDiagram} (by default 15 equal-width bins (i/M, (i+1)/M],
 * the first including 0); `norm: 'max'` gives the maximum calibration error
 * (MCE) and `'l2'` the root-mean-square version. Binned estimates depend on M
 * and are biased upward for small bins: compare models with the same bins.
 *
 * Reference: M. P. Naeini, G. F. Cooper and M. Hauskrecht (2015), "Obtaining
 * Well Calibrated Probabilities Using Bayesian Binning", AAAI; C. Guo et al.
 * (2017), "On Calibration of Modern Neural Networks", ICML, eq. (3).
 *
 * @param correct - Per-example correctness (1/`true` = right).
 * @param confidence - Per-example confidence in [0, 1].
 * @param options - `bins`, `strategy`, `norm`; see {@link ExpectedCalibrationErrorOptions}.
 * @returns The calibration error, in [0, 1].
 * @throws {MetricInputError} as {@link reliabilityDiagram}, or an unknown `norm`.
 * @example
 * expectedCalibrationError([1, 0, 1, 1], [0.9, 0.8, 0.3, 0.2], { bins: 2 });
 * // => 0.55
 */
export function expectedCalibrationError(
  correct: CorrectnessInput,
  confidence: NumericInput,
  options: ExpectedCalibrationErrorOptions = {},
): number {
  const fn = 'expectedCalibrationError';
  const norm = readChoice(options.norm, NORMS, 'l1', fn, 'norm');
  const bins = calibrationBins(correct, confidence, options, fn);
  const { n, count, accuracy } = bins;
  let total = 0;
  for (let b = 0; b < count.length; b++) {
    if (count[b] === 0) continue;
    const gap = Math.abs(accuracy[b] - bins.confidence[b]);
    if (norm === 'max') total = Math.max(total, gap);
    else if (norm === 'l1') total += (count[b] / n) * gap;
    else total += (count[b] / n) * gap * gap;
  }
  return norm === 'l2' ? Math.sqrt(total) : total;
}
