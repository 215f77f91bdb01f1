import { readNumOption as readNum } from '../../core/configErrors';
import { checkStep, readRate, type LearningRateSchedule } from './LearningRateSchedule';

/** Warm restarts of {@link cosineDecay}, named as Keras's `CosineDecayRestarts`. */
export interface CosineRestarts {
  /** Each period is `tMul` times longer than the previous one. Defaults to `2`. */
  tMul?: number;
  /** Each restart starts at `mMul` times the previous peak. Defaults to `1`. */
  mMul?: number;
}

/** Options of {@link cosineDecay}, named as Keras's `CosineDecay`. */
export interface CosineDecayOptions {
  /** The rate at step 0 (required). */
  initialLearningRate: number;
  /** The length of the decay (with restarts: of the first period) (required). */
  decaySteps: number;
  /** The floor, as a fraction of `initialLearningRate`. Defaults to `0`. */
  alpha?: number;
  /** Restart the cosine at the end of each period (SGDR); `true` means `{ tMul: 2, mMul: 1 }`. Defaults to no restarts. */
  restarts?: boolean | CosineRestarts;
}

/**
 * Cosine decay, as Keras's `CosineDecay`: with t = min(step, decaySteps),
 * η(step) = initialLearningRate · ((1 − α)·½(1 + cos(π t / decaySteps)) + α).
 * After `decaySteps` the rate stays at α·initialLearningRate.
 *
 * With `restarts` (Keras's `CosineDecayRestarts`, SGDR), period i lasts
 * decaySteps·tMulⁱ steps and peaks at mMulⁱ·initialLearningRate; within it
 * the same cosine runs from its peak down to α·initialLearningRate.
 *
 * Reference: I. Loshchilov, F. Hutter (2017), "SGDR: stochastic gradient
 * descent with warm restarts"; `keras.optimizers.schedules.CosineDecay` and
 * `CosineDecayRestarts`.
 *
 * @param options - See {@link CosineDecayOptions}.
 * @returns A {@link LearningRateSchedule}.
 * @throws {InvalidOptionError} `cosineDecay: alpha is 2, expected a finite number >= 0 and <= 1`.
 * @example
 * cosineDecay({ initialLearningRate: 0.1, decaySteps: 100 })(50);
 * // => 0.05
 */
export function cosineDecay(options: CosineDecayOptions): LearningRateSchedule {
  const fn = 'cosineDecay';
  const lr0 = readRate(options?.initialLearningRate, undefined, fn, 'initialLearningRate');
  const steps = readRate(options.decaySteps, undefined, fn, 'decaySteps');
  const alpha = readNum(options.alpha, 0, fn, 'alpha', { min: 0, max: 1 });
  const restarts = options.restarts === true ? {} : options.restarts || undefined;
  if (!restarts) {
    return (step) => {
      checkStep(step, fn);
      const t = Math.min(step, steps) / steps;
      return lr0 * ((1 - alpha) * 0.5 * (1 + Math.cos(Math.PI * t)) + alpha);
    };
  }
  const tMul = readNum(restarts.tMul, 2, fn, 'restarts.tMul', { min: 0, minExclusive: true });
  const mMul = readNum(restarts.mMul, 1, fn, 'restarts.mMul', { min: 0 });
  return (step) => {
    checkStep(step, fn);
    let fraction = step / steps;
    let i: number;
    if (tMul === 1) {
      i = Math.floor(fraction);
      fraction -= i;
    } else {
      // Periods 1, tMul, tMul², … end at the partial sums (1 − tMulⁱ)/(1 − tMul).
      i = Math.floor(Math.log(1 - fraction * (1 - tMul)) / Math.log(tMul));
      const done = (1 - Math.pow(tMul, i)) / (1 - tMul);
      fraction = (fraction - done) / Math.pow(tMul, i);
    }
    const cosine = 0.5 * Math.pow(mMul, i) * (1 + Math.cos(Math.PI * fraction));
    return lr0 * ((1 - alpha) * cosine + alpha);
  };
}
