import type { Direction, FrozenTrial, StudyView, TrialState } from '../../../src/search/types';

/** A finished or running trial record with the given learning curve (step → value). */
export function curveTrial(number: number, curve: readonly number[], state: TrialState = 'complete', firstStep = 0): FrozenTrial {
  const iv = new Map<number, number>();
  curve.forEach((v, i) => iv.set(firstStep + i, v));
  return {
    number, state, params: {}, distributions: {},
    value: state === 'complete' ? curve.at(-1) : undefined,
    intermediateValues: iv, datetimeStart: 0, datetimeComplete: state === 'running' ? undefined : 1,
    durationMs: undefined, error: undefined, userAttrs: {}, systemAttrs: {},
  };
}

/** A plain StudyView over fixed trials. */
export function studyOf(trials: readonly FrozenTrial[], direction: Direction = 'minimize', name = 'synthetic'): StudyView {
  return { direction, name, getTrials: (o = {}) => (o.states ? trials.filter((t) => o.states!.includes(t.state)) : trials) };
}

/** A decreasing loss curve a + 1/(1 + step), steps 0..n-1. */
export const loss = (a: number, n: number): number[] => Array.from({ length: n }, (_, s) => a + 1 / (1 + s));
