import type * as tf from '@tensorflow/tfjs-core';
import { failOption } from '../core/configErrors';
import { show } from '../core/fail';

/** How {@link setLearningRate} changed an optimizer's rate. */
export type LearningRateMethod = 'setLearningRate' | 'learningRate field';

interface RateOwner {
  learningRate?: unknown;
  setLearningRate?: (lr: number) => void;
}

/**
 * Sets the learning rate of a tfjs optimizer so that the next update uses
 * it — which assigning `optimizer.learningRate` does not always do.
 *
 * How each tfjs-core 4.22 optimizer is set:
 * - `SGDOptimizer` (`tf.train.sgd`) and `MomentumOptimizer`
 *   (`tf.train.momentum`): they cache −learningRate in a kept scalar tensor
 *   `c` built in the constructor, so assigning the field changes nothing;
 *   their `setLearningRate(lr)` disposes and rebuilds `c` — that is called.
 * - `AdamOptimizer`, `AdamaxOptimizer`, `RMSPropOptimizer`,
 *   `AdagradOptimizer`, `AdadeltaOptimizer`: they read the number
 *   `this.learningRate` at every step, so the field is assigned.
 * - Anything else with a numeric `learningRate` field is assigned the same
 *   way; an optimizer with neither is rejected.
 *
 * @param optimizer - A tfjs optimizer (e.g. `model.optimizer`).
 * @param learningRate - The new rate, a finite number >= 0.
 * @returns Which of the two mechanisms was used.
 * @throws {InvalidOptionError} `setLearningRate: learningRate is NaN, expected a finite number >= 0`;
 *   `setLearningRate: the optimizer has neither setLearningRate() nor a numeric learningRate`.
 * @example
 * const sgd = tf.train.sgd(0.1);
 * setLearningRate(sgd, 0.01);
 * // => 'setLearningRate'
 */
export function setLearningRate(optimizer: tf.Optimizer, learningRate: number): LearningRateMethod {
  const fn = 'setLearningRate';
  if (!(typeof learningRate === 'number' && learningRate >= 0 && learningRate < Infinity)) {
    failOption(fn, `learningRate is ${show(learningRate)}, expected a finite number >= 0`);
  }
  const o = optimizer as unknown as RateOwner;
  if (o && typeof o.setLearningRate === 'function') {
    o.setLearningRate(learningRate);
    return 'setLearningRate';
  }
  if (o && typeof o.learningRate === 'number') {
    o.learningRate = learningRate;
    return 'learningRate field';
  }
  return failOption(fn, 'the optimizer has neither setLearningRate() nor a numeric learningRate');
}

/**
 * Reads the learning rate a tfjs optimizer will use at its next step (its
 * `learningRate` field, which `setLearningRate` keeps in sync for SGD and
 * momentum).
 *
 * @param optimizer - A tfjs optimizer.
 * @returns The learning rate.
 * @throws {InvalidOptionError} `getLearningRate: the optimizer has no numeric learningRate`.
 * @example
 * getLearningRate(tf.train.adam(0.003));
 * // => 0.003
 */
export function getLearningRate(optimizer: tf.Optimizer): number {
  const o = optimizer as unknown as RateOwner;
  if (!o || typeof o.learningRate !== 'number') failOption('getLearningRate', 'the optimizer has no numeric learningRate');
  return o.learningRate as number;
}
