import { failOption } from '../../core/configErrors';
import { checkStep, readRate, readSteps, type LearningRateSchedule } from './LearningRateSchedule';

/** Options of {@link linearWarmup}. */
export interface LinearWarmupOptions {
  /** The number of warm-up steps (required). */
  warmupSteps: number;
  /** The rate at step 0. Defaults to `0`. */
  initialLearningRate?: number;
}

/**
 * Linear warm-up in front of a schedule: for step < warmupSteps the rate
 * rises linearly from `initialLearningRate` (0 by default) to the wrapped
 * schedule's first value, η = η₀ + (schedule(0) − η₀)·step / warmupSteps;
 * afterwards the wrapped schedule runs from its own step 0,
 * η = schedule(step − warmupSteps) — as Keras's `CosineDecay` with
 * `warmup_steps` counts its decay after the warm-up.
 *
 * Reference: P. Goyal et al. (2017), "Accurate, large minibatch SGD:
 * training ImageNet in 1 hour" (gradual warm-up).
 *
 * @param schedule - The schedule to run after the warm-up.
 * @param options - See {@link LinearWarmupOptions}.
 * @returns A {@link LearningRateSchedule}.
 * @throws {InvalidOptionError} `linearWarmup: warmupSteps is 0, expected a finite integer >= 1`.
 * @example
 * linearWarmup(constant(0.1), { warmupSteps: 10 })(5);
 * // => 0.05
 */
export function linearWarmup(schedule: LearningRateSchedule, options: LinearWarmupOptions): LearningRateSchedule {
  const fn = 'linearWarmup';
  if (typeof schedule !== 'function') failOption(fn, 'schedule must be a function (step) => learningRate');
  const warmup = readSteps(options?.warmupSteps, undefined, fn, 'warmupSteps');
  const start = readRate(options.initialLearningRate, 0, fn, 'initialLearningRate', true);
  const target = schedule(0);
  return (step) => {
    checkStep(step, fn);
    if (step < warmup) return start + ((target - start) * step) / warmup;
    return schedule(step - warmup);
  };
}
