import { readNumOption as readNum } from '../../core/configErrors';
import { checkStep, readRate, readSteps, type LearningRateSchedule } from './LearningRateSchedule';

/** Options of {@link stepDecay}. */
export interface StepDecayOptions {
  /** The rate at step 0 (required). */
  initialLearningRate: number;
  /** The multiplier applied every `every` steps, in (0, 1]. Defaults to `0.1`. */
  factor?: number;
  /** The number of steps between drops (required). */
  every: number;
}

/**
 * Step decay ("drop the learning rate by a factor every few epochs"):
 * η(step) = initialLearningRate · factor^⌊step / every⌋.
 *
 * Reference: the step-decay example of the Keras `LearningRateScheduler`
 * documentation; K. He et al. (2016), "Deep residual learning for image
 * recognition" (÷10 at fixed epochs).
 *
 * @param options - See {@link StepDecayOptions}.
 * @returns A {@link LearningRateSchedule}.
 * @throws {InvalidOptionError} `stepDecay: every is 0, expected a finite integer >= 1`.
 * @example
 * stepDecay({ initialLearningRate: 0.1, factor: 0.5, every: 10 })(25);
 * // => 0.025
 */
export function stepDecay(options: StepDecayOptions): LearningRateSchedule {
  const fn = 'stepDecay';
  const lr0 = readRate(options?.initialLearningRate, undefined, fn, 'initialLearningRate');
  const factor = readNum(options.factor, 0.1, fn, 'factor', { min: 0, max: 1, minExclusive: true });
  const every = readSteps(options.every, undefined, fn, 'every');
  return (step) => {
    checkStep(step, fn);
    return lr0 * Math.pow(factor, Math.floor(step / every));
  };
}
