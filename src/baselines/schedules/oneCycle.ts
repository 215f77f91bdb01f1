import { readNumOption as readNum, readChoiceOption as readOneOf } from '../../core/configErrors';
import { checkStep, readRate, readSteps, type LearningRateSchedule } from './LearningRateSchedule';

/** Options of {@link oneCycle}, named as PyTorch's `OneCycleLR` (Keras has no one-cycle schedule). */
export interface OneCycleOptions {
  /** The peak rate (required). */
  maxLearningRate: number;
  /** The total number of steps of the cycle (required). */
  totalSteps: number;
  /** The fraction of the steps spent increasing the rate. Defaults to `0.3`. */
  pctStart?: number;
  /** The starting rate is maxLearningRate / divFactor. Defaults to `25`. */
  divFactor?: number;
  /** The final rate is the starting rate / finalDivFactor. Defaults to `1e4`. */
  finalDivFactor?: number;
  /** The shape of both phases: cosine or linear annealing. Defaults to `'cos'`. */
  annealStrategy?: 'cos' | 'linear';
}

/**
 * The one-cycle policy: the rate rises from maxLearningRate/divFactor to
 * maxLearningRate over the first pctStart·totalSteps − 1 steps, then falls
 * to (maxLearningRate/divFactor)/finalDivFactor at step totalSteps − 1, and
 * stays there. Cosine annealing from a to b over a phase at fraction p is
 * b + (a − b)·½(1 + cos πp); linear is a + (b − a)·p. Matches PyTorch's
 * `OneCycleLR` (two phases) at every step.
 *
 * Reference: L. N. Smith, N. Topin (2019), "Super-convergence: very fast
 * training of neural networks using large learning rates";
 * `torch.optim.lr_scheduler.OneCycleLR`.
 *
 * @param options - See {@link OneCycleOptions}.
 * @returns A {@link LearningRateSchedule}.
 * @throws {InvalidOptionError} `oneCycle: pctStart is 1, expected a finite number > 0 and < 1`.
 * @example
 * oneCycle({ maxLearningRate: 0.1, totalSteps: 100, pctStart: 0.5 })(49);
 * // => 0.1
 */
export function oneCycle(options: OneCycleOptions): LearningRateSchedule {
  const fn = 'oneCycle';
  const max = readRate(options?.maxLearningRate, undefined, fn, 'maxLearningRate');
  const total = readSteps(options.totalSteps, undefined, fn, 'totalSteps');
  const pct = readNum(options.pctStart, 0.3, fn, 'pctStart', { min: 0, max: 1, minExclusive: true, maxExclusive: true });
  const div = readNum(options.divFactor, 25, fn, 'divFactor', { min: 0, minExclusive: true });
  const finalDiv = readNum(options.finalDivFactor, 1e4, fn, 'finalDivFactor', { min: 0, minExclusive: true });
  const strategy = readOneOf(options.annealStrategy, ['cos', 'linear'] as const, 'cos', fn, 'annealStrategy');
  const initial = max / div;
  const min = initial / finalDiv;
  const peakStep = pct * total - 1;
  const lastStep = total - 1;
  const anneal = (a: number, b: number, p: number) =>
    strategy === 'cos' ? b + ((a - b) / 2) * (1 + Math.cos(Math.PI * p)) : a + (b - a) * p;
  return (step) => {
    checkStep(step, fn);
    if (step <= peakStep) return anneal(initial, max, peakStep > 0 ? step / peakStep : 1);
    if (step >= lastStep) return min;
    return anneal(max, min, (step - peakStep) / (lastStep - peakStep));
  };
}
