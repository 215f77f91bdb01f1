import type { NumericInput } from '../core/types';
import { failDiagnostics } from './errors';
import { readErrors, readIncreasing, runSweep, type SweepProgress, type TrainResult } from './internal/learningCurvePoints';
import { fitPowerLaw, powerLawExamplesNeeded } from './internal/powerLaw';
import type { ExamplesNeeded, LearningCurve } from './types';

export type { SweepProgress, TrainResult } from './internal/learningCurvePoints';

/** Options of {@link learningCurve}. */
export interface LearningCurveOptions {
  /** Training-set sizes to train at: at least two, positive, increasing (geometric spacing, e.g. 250, 500, 1000, …, fits best). */
  sizes: NumericInput;
  /**
   * Trains a fresh model on the first `size` examples (or a random subset of
   * that size) and returns its `{ trainError, validationError }` (finite,
   * ≥ 0), the validation set being the same for every size. May be async;
   * sizes are trained one after the other, never concurrently.
   */
  train: (size: number) => TrainResult | Promise<TrainResult>;
  /** Called after each size with its errors (`value` is the size); may be async. Defaults to none. */
  onProgress?: (progress: SweepProgress) => void | Promise<void>;
}

/**
 * The learning curve: training and validation error as a function of the
 * training-set size n, and a power law fitted to the validation errors,
 *
 *   validationError(n) ≈ a · n^(−b) + c,  a ≥ 0, b > 0, c ≥ 0,
 *
 * whose asymptote c is the error more data alone converges to, so that
 * `examplesNeeded(target)` can say how much data a target error takes:
 * n = (a / (target − c))^(1/b), or `Infinity` with the reason when c ≥ target.
 * A curve that has flattened far above the target says "fix the bias first"
 * (more capacity), a curve still falling says "get more data".
 *
 * The fit minimises the squared residuals over (a, b, c) by variable
 * projection: for each b, a and c solve a constrained linear least-squares
 * problem exactly; b is found by a log grid over [0.001, 10] and golden-section
 * refinement. With two sizes, c is fixed at 0 (three parameters from two
 * points are not identifiable); errors that do not decrease give the flat fit
 * a = 0, b = 0, c = their mean.
 *
 * Reference: J. Hestness et al. (2017), "Deep learning scaling is
 * predictable, empirically"; I. Goodfellow, Y. Bengio, A. Courville (2016),
 * Deep Learning, §11.4 ("Determining whether to gather more data");
 * scikit-learn `learning_curve`.
 *
 * @param options - `sizes`, `train` and `onProgress`; see {@link LearningCurveOptions}.
 * @returns A promise of the {@link LearningCurve}: `sizes`, `trainError`,
 *   `validationError` (`Float64Array`s), the `fit` (a, b, c, rmse) and
 *   `examplesNeeded(targetError)`.
 * @throws {DiagnosticsInputError} (as a rejected promise) for fewer than two
 *   sizes, a size ≤ 0, sizes that do not increase, or a `train` result whose
 *   errors are not finite numbers ≥ 0 (`learningCurve: train(200).validationError is NaN, expected a finite number >= 0`).
 *
 * @example
 * const curve = await learningCurve({
 *   sizes: [100, 200, 400, 800, 1600],
 *   train: (n) => ({ trainError: 0.02, validationError: 2 * n ** -0.5 + 0.05 }),
 * });
 * [curve.fit.a, curve.fit.b, curve.fit.c].map((v) => v.toFixed(3));
 * // => ['2.000', '0.500', '0.050']
 * curve.examplesNeeded(0.07).examples;
 * // => 10000
 */
export async function learningCurve(options: LearningCurveOptions): Promise<LearningCurve> {
  const fn = 'learningCurve';
  if (typeof options !== 'object' || options === null) failDiagnostics(fn, 'expected an options object { sizes, train }');
  const sizes = readIncreasing(options.sizes, fn, 'sizes', true);
  const { trainError, validationError } = await runSweep(sizes, options.train, options.onProgress, fn);
  return makeCurve(sizes, trainError, validationError);
}

/**
 * The learning curve of errors already measured: the same result as
 * {@link learningCurve} (the power-law fit and `examplesNeeded`) from the
 * sizes and the errors at those sizes, without training anything.
 *
 * @param sizes - Training-set sizes: at least two, positive, increasing.
 * @param trainError - Training error at each size (finite, ≥ 0).
 * @param validationError - Validation error at each size (finite, ≥ 0); the power law is fitted to these.
 * @returns The {@link LearningCurve}.
 * @throws {DiagnosticsInputError} for bad sizes, or errors of another length, negative or not finite.
 * @example
 * learningCurveFromErrors([100, 400, 1600], [0, 0, 0], [0.3, 0.2, 0.15]).fit.c.toFixed(3);
 * // => '0.100'
 */
export function learningCurveFromErrors(sizes: NumericInput, trainError: NumericInput, validationError: NumericInput): LearningCurve {
  const fn = 'learningCurveFromErrors';
  const s = readIncreasing(sizes, fn, 'sizes', true);
  return makeCurve(s, readErrors(trainError, s.length, fn, 'trainError', 'sizes'), readErrors(validationError, s.length, fn, 'validationError', 'sizes'));
}

function makeCurve(sizes: Float64Array, trainError: Float64Array, validationError: Float64Array): LearningCurve {
  const fit = fitPowerLaw(sizes, validationError);
  const largest = sizes[sizes.length - 1];
  return {
    sizes,
    trainError,
    validationError,
    fit,
    examplesNeeded(targetError: number): ExamplesNeeded {
      if (typeof targetError !== 'number' || !Number.isFinite(targetError) || targetError < 0) {
        failDiagnostics('examplesNeeded', `targetError is ${String(targetError)}, expected a finite number >= 0`);
      }
      return powerLawExamplesNeeded(fit, targetError, largest);
    },
  };
}
