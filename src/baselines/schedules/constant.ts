import { checkStep, readRate, type LearningRateSchedule } from './LearningRateSchedule';

/**
 * A constant learning rate: η(step) = learningRate.
 *
 * @param learningRate - The rate, > 0.
 * @returns A {@link LearningRateSchedule}.
 * @throws {InvalidOptionError} `constant: learningRate is 0, expected a finite number > 0`.
 * @example
 * constant(0.01)(100);
 * // => 0.01
 */
export function constant(learningRate: number): LearningRateSchedule {
  const fn = 'constant';
  const lr = readRate(learningRate, undefined, fn, 'learningRate');
  return (step) => {
    checkStep(step, fn);
    return lr;
  };
}
