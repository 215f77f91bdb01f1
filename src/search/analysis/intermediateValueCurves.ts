import type { StudyView, TrialState } from '../types';

/** One trial's learning curve: the values it reported. */
export interface IntermediateValueCurve {
  readonly number: number;
  readonly state: TrialState;
  /** The reported steps, ascending. */
  readonly steps: Float64Array;
  /** The value at each step. */
  readonly values: Float64Array;
}

/**
 * The intermediate values (learning curves) of every trial that reported
 * any, steps sorted — the data of Optuna's `plot_intermediate_values`: it
 * shows where pruned trials stopped and whether the pruner stopped curves
 * that would have ended well.
 *
 * @param study - A study (or any {@link StudyView}).
 * @returns One {@link IntermediateValueCurve} per trial with reports, in trial order.
 * @example
 * intermediateValueCurves(study)[0];
 * // => { number: 0, state: 'pruned', steps: Float64Array [0, 1, 2], values: Float64Array [0.9, 0.7, 0.65] }
 */
export function intermediateValueCurves(study: StudyView): IntermediateValueCurve[] {
  const out: IntermediateValueCurve[] = [];
  for (const t of study.getTrials()) {
    if (t.intermediateValues.size === 0) continue;
    const steps = Float64Array.from(t.intermediateValues.keys()).sort();
    out.push({ number: t.number, state: t.state, steps, values: Float64Array.from(steps, (s) => t.intermediateValues.get(s)!) });
  }
  return out;
}
