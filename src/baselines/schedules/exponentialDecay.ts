import { checkStep, readRate, type LearningRateSchedule } from './LearningRateSchedule';

/** Options of {@link exponentialDecay}, named as Keras's `ExponentialDecay`. */
export interface ExponentialDecayOptions {
  /** The rate at step 0 (required). */
  initialLearningRate: number;
  /** The factor applied per `decaySteps` steps, > 0 (required). */
  decayRate: number;
  /** The number of steps over which the rate is multiplied by `decayRate` (required). */
  decaySteps: number;
  /** Decay in discrete jumps (⌊step / decaySteps⌋) instead of continuously. Defaults to `false`. */
  staircase?: boolean;
}

/**
 * Exponential decay, as Keras's `ExponentialDecay`:
 * η(step) = initialLearningRate · decayRate^(step / decaySteps), the exponent
 * floored when `staircase` is true.
 *
 * Reference: `keras.optimizers.schedules.ExponentialDecay`.
 *
 * @param options - See {@link ExponentialDecayOptions}.
 * @returns A {@link LearningRateSchedule}.
 * @throws {InvalidOptionError} `exponentialDecay: decayRate is 0, expected a finite number > 0`.
 * @example
 * exponentialDecay({ initialLearningRate: 0.1, decayRate: 0.5, decaySteps: 100 })(50);
 * // => 0.07071067811865477 (0.1 · 0.5^0.5)
 */
export function exponentialDecay(options: ExponentialDecayOptions): LearningRateSchedule {
  const fn = 'exponentialDecay';
  const lr0 = readRate(options?.initialLearningRate, undefined, fn, 'initialLearningRate');
  const rate = readRate(options.decayRate, undefined, fn, 'decayRate');
  const steps = readRate(options.decaySteps, undefined, fn, 'decaySteps');
  const staircase = options.staircase === true;
  return (step) => {
    checkStep(step, fn);
    const p = step / steps;
    return lr0 * Math.pow(rate, staircase ? Math.floor(p) : p);
  };
}
