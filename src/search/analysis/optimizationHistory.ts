import type { Direction, StudyView } from '../types';

/** The data of an optimisation-history plot. */
export interface OptimizationHistory {
  readonly direction: Direction;
  /** Numbers of the complete trials, in order. */
  readonly numbers: Float64Array;
  /** Their objective values. */
  readonly values: Float64Array;
  /** The best value among the complete trials up to each one (running minimum, or maximum when maximising). */
  readonly bestSoFar: Float64Array;
}

/**
 * The objective value of each complete trial and the best value so far —
 * the data of Optuna's `plot_optimization_history`, and the curve a
 * sampler benchmark compares (regret = bestSoFar − optimum).
 *
 * @param study - A study (or any {@link StudyView}).
 * @returns Plain `Float64Array`s, ready for the plot module or `JSON.stringify`.
 * @example
 * const h = optimizationHistory(study); // values 3, 1, 2 (minimising)
 * [...h.bestSoFar];
 * // => [3, 1, 1]
 */
export function optimizationHistory(study: StudyView): OptimizationHistory {
  const complete = study.getTrials({ states: ['complete'] });
  const n = complete.length;
  const numbers = new Float64Array(n);
  const values = new Float64Array(n);
  const bestSoFar = new Float64Array(n);
  const min = study.direction === 'minimize';
  let best = min ? Infinity : -Infinity;
  for (let i = 0; i < n; i++) {
    const t = complete[i]!;
    numbers[i] = t.number;
    values[i] = t.value!;
    best = min ? Math.min(best, t.value!) : Math.max(best, t.value!);
    bestSoFar[i] = best;
  }
  return { direction: study.direction, numbers, values, bestSoFar };
}
