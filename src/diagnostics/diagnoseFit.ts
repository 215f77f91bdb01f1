import { show } from '../core/fail';
import { failDiagnostics } from './errors';

/** Input of {@link diagnoseFit}: errors on one scale (error rates, or losses), all finite and ≥ 0. */
export interface DiagnoseFitInput {
  /** The error on the training set. */
  trainError: number;
  /** The error on the validation (dev) set. */
  validationError: number;
  /** The error the project needs (the goal fixed before training). */
  targetError: number;
  /**
   * The lowest error any model can reach on this task: an estimate of the
   * Bayes error (see `bayesErrorBounds`) or a human-level error as its proxy.
   * Defaults to unknown: errors are judged against the target alone.
   */
  bayesError?: number;
  /** How far above the reference an error may be and still count as on it. Defaults to `0.02`. */
  tolerance?: number;
}

/** The verdict of {@link diagnoseFit}. */
export type FitVerdict = 'underfitting' | 'overfitting' | 'underfitting-and-overfitting' | 'good';

/** The stable ids of {@link diagnoseFit}'s recommendations, for code that branches on them. */
export type FitRecommendationId =
  | 'target-unreachable'
  | 'increase-capacity'
  | 'train-longer'
  | 'check-for-bugs'
  | 'more-data'
  | 'regularize'
  | 'reduce-capacity'
  | 'target-met';

/** One recommendation: a stable id and a short sentence. */
export interface FitRecommendation {
  readonly id: FitRecommendationId;
  readonly text: string;
}

/** The result of {@link diagnoseFit}. */
export interface FitDiagnosis {
  readonly verdict: FitVerdict;
  /** trainError − (bayesError ?? targetError): how far training is from the best it should reach (negative: below it). */
  readonly avoidableBias: number;
  /** validationError − trainError: the generalization gap. */
  readonly variance: number;
  /** `false` when the Bayes error is above the target: no model can reach it. */
  readonly targetReachable: boolean;
  /** The error the verdict judges against: max(targetError, bayesError ?? 0). */
  readonly reference: number;
  /** The tolerance used. */
  readonly tolerance: number;
  /** What to do next, most urgent first (bias before variance). */
  readonly recommendations: readonly FitRecommendation[];
}

/**
 * The methodology's decision between underfitting and overfitting
 * (Goodfellow et al., Deep Learning §11.4; Ng, "Machine Learning Yearning"
 * ch. 20–29): with the reference r = max(targetError, bayesError ?? 0) and
 * the tolerance t,
 *
 * - underfitting when trainError − r > t (the model does not even fit its
 *   training set well enough: more capacity, longer training, check for bugs);
 * - overfitting when validationError − trainError > t and
 *   validationError > r + t (a generalization gap that matters: more data,
 *   regularization, a smaller model);
 * - both gives `'underfitting-and-overfitting'` (fix the bias first), neither `'good'`.
 *
 * `avoidableBias` = trainError − (bayesError ?? targetError) (Ng's avoidable
 * bias, training error minus the Bayes or human-level error, with the target
 * standing in when no Bayes error is given); `variance` = validationError −
 * trainError. When bayesError > targetError the target is unreachable:
 * `targetReachable` is `false` and the first recommendation says so, and
 * errors are judged against the Bayes error, so that the result does not send
 * the user after capacity that cannot help.
 *
 * Recommendation ids: `target-unreachable`, `increase-capacity`,
 * `train-longer`, `check-for-bugs` (underfitting); `more-data`, `regularize`,
 * `reduce-capacity` (overfitting); `target-met` (good).
 *
 * @param input - The errors and the tolerance; see {@link DiagnoseFitInput}.
 * @returns A {@link FitDiagnosis}.
 * @throws {DiagnosticsInputError} when an error or the tolerance is not a finite number ≥ 0
 *   (`diagnoseFit: trainError is NaN, expected a finite number >= 0`).
 *
 * @example
 * const d = diagnoseFit({ trainError: 0.02, validationError: 0.12, targetError: 0.05 });
 * [d.verdict, d.recommendations.map((r) => r.id)];
 * // => ['overfitting', ['more-data', 'regularize', 'reduce-capacity']]
 *
 * @see A. Ng, "Machine Learning Yearning" (2018), "Bias and variance"; I. Goodfellow, Y. Bengio, A. Courville (2016), Deep Learning, §11.4.
 */
export function diagnoseFit(input: DiagnoseFitInput): FitDiagnosis {
  const fn = 'diagnoseFit';
  if (typeof input !== 'object' || input === null) failDiagnostics(fn, `expected { trainError, validationError, targetError }, got ${show(input)}`);
  const trainError = readError(input.trainError, fn, 'trainError');
  const validationError = readError(input.validationError, fn, 'validationError');
  const targetError = readError(input.targetError, fn, 'targetError');
  const bayesError = input.bayesError === undefined ? undefined : readError(input.bayesError, fn, 'bayesError');
  const tolerance = input.tolerance === undefined ? 0.02 : readError(input.tolerance, fn, 'tolerance');

  const reference = Math.max(targetError, bayesError ?? 0);
  const underfitting = trainError - reference > tolerance;
  const overfitting = validationError - trainError > tolerance && validationError > reference + tolerance;
  const targetReachable = bayesError === undefined || bayesError <= targetError;
  const verdict: FitVerdict = underfitting
    ? overfitting
      ? 'underfitting-and-overfitting'
      : 'underfitting'
    : overfitting
      ? 'overfitting'
      : 'good';

  const f = (v: number): string => String(Number(v.toPrecision(4)));
  const recommendations: FitRecommendation[] = [];
  if (!targetReachable) {
    recommendations.push({
      id: 'target-unreachable',
      text: `The target error ${f(targetError)} is below the Bayes error ${f(bayesError!)}: no model can reach it. Revise the target, or change the data itself (better features, sensors or labels).`,
    });
  }
  if (underfitting) {
    recommendations.push(
      { id: 'increase-capacity', text: `Training error ${f(trainError)} is above ${f(reference)}: increase capacity (more layers or units, fewer constraints, less regularization).` },
      { id: 'train-longer', text: 'Train longer or optimise better: tune the learning rate first, then the optimiser and the initialization.' },
      { id: 'check-for-bugs', text: 'Check for bugs and data problems: a sound model overfits a tiny batch (overfitTinyBatch); inspect the worst mistakes and the labels.' },
    );
  }
  if (overfitting) {
    recommendations.push(
      { id: 'more-data', text: `Validation error ${f(validationError)} is ${f(validationError - trainError)} above training: gather more data (learningCurve estimates how much).` },
      { id: 'regularize', text: 'Regularize: weight decay, dropout, data augmentation, early stopping.' },
      { id: 'reduce-capacity', text: 'Try a smaller model (capacitySweep shows where validation error is lowest).' },
    );
  }
  if (verdict === 'good') {
    recommendations.push({
      id: 'target-met',
      text: targetReachable
        ? 'Training and validation errors are within the tolerance of the target: confirm on the test set once, then stop.'
        : 'Training and validation errors are within the tolerance of the Bayes error: this model is near the best possible on this data.',
    });
  }
  return {
    verdict,
    avoidableBias: trainError - (bayesError ?? targetError),
    variance: validationError - trainError,
    targetReachable,
    reference,
    tolerance,
    recommendations,
  };
}

function readError(v: unknown, fn: string, arg: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) failDiagnostics(fn, `${arg} is ${show(v)}, expected a finite number >= 0`);
  return v;
}
