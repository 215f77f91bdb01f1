import { failOption, readNumOption as readNum, readIntOption as readInt } from '../../core/configErrors';
import { show } from '../../core/fail';

/**
 * A learning-rate schedule: a pure function from the step (a batch or an
 * epoch index, counted from 0) to the learning rate at that step. Every
 * factory of this module returns one; any function of this type can be
 * passed to {@link learningRateScheduler}.
 */
export type LearningRateSchedule = (step: number) => number;

/** @internal Throws unless `step` is a finite number >= 0. */
export function checkStep(step: number, fn: string): void {
  if (!(typeof step === 'number' && step >= 0 && step < Infinity)) {
    failOption(fn, `step is ${show(step)}, expected a finite number >= 0`);
  }
}

/** @internal A learning rate option: finite and > 0 (or >= 0 with `allowZero`). */
export function readRate(value: number | undefined, fallback: number | undefined, fn: string, arg: string, allowZero = false): number {
  if (value === undefined && fallback === undefined) failOption(fn, `${arg} is required`);
  return readNum(value, fallback as number, fn, arg, { min: 0, minExclusive: !allowZero });
}

/** @internal A positive step count. */
export function readSteps(value: number | undefined, fallback: number | undefined, fn: string, arg: string): number {
  if (value === undefined && fallback === undefined) failOption(fn, `${arg} is required`);
  return readInt(value, fallback as number, fn, arg, 1);
}
