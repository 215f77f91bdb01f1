/**
 * A tiny in-test study for sampler tests: a plain StudyView over an array of
 * FrozenTrials and an ask/tell loop that calls a Sampler the way a study does
 * (relative space, relative sample, then each parameter independently).
 */
import type { Direction, Distribution, FrozenTrial, ParamValue, Sampler, StudyView, TrialState } from '../../src/search/types';

export class ListStudy implements StudyView {
  readonly trials: FrozenTrial[] = [];
  constructor(readonly direction: Direction = 'minimize', readonly name = 'test') {}
  getTrials(options: { states?: readonly TrialState[] } = {}): readonly FrozenTrial[] {
    return options.states ? this.trials.filter((t) => options.states!.includes(t.state)) : this.trials;
  }
  /** Appends a finished trial. */
  add(params: Record<string, ParamValue>, distributions: Record<string, Distribution>, value: number | undefined, state: TrialState = 'complete', intermediate: [number, number][] = []): FrozenTrial {
    const t = frozen(this.trials.length, state, params, distributions, value, intermediate);
    this.trials.push(t);
    return t;
  }
}

export function frozen(number: number, state: TrialState, params: Record<string, ParamValue>, distributions: Record<string, Distribution>, value: number | undefined, intermediate: [number, number][] = []): FrozenTrial {
  return Object.freeze({
    number, state, params: { ...params }, distributions: { ...distributions }, value,
    intermediateValues: new Map(intermediate), datetimeStart: 0, datetimeComplete: state === 'running' ? undefined : 0,
    durationMs: undefined, error: undefined, userAttrs: {}, systemAttrs: {},
  });
}

/** Asks the sampler for one trial's parameters over a fixed space (in `space` order), as a study would. */
export function ask(study: ListStudy, sampler: Sampler, space: Record<string, Distribution>): { params: Record<string, ParamValue>; running: FrozenTrial } {
  let running = frozen(study.trials.length, 'running', {}, {}, undefined);
  study.trials.push(running);
  const rel = sampler.inferRelativeSearchSpace(study, running);
  const relParams = Object.keys(rel).length ? sampler.sampleRelative(study, running, rel) : {};
  const params: Record<string, ParamValue> = {};
  const dists: Record<string, Distribution> = {};
  for (const [name, d] of Object.entries(space)) {
    params[name] = name in relParams ? relParams[name]! : sampler.sampleIndependent(study, running, name, d);
    dists[name] = d;
    running = frozen(running.number, 'running', params, dists, undefined);
    study.trials[running.number] = running;
  }
  return { params, running };
}

/** Finishes a running trial of `study`. */
export function tell(study: ListStudy, running: FrozenTrial, value: number | undefined, state: TrialState = 'complete'): void {
  study.trials[running.number] = frozen(running.number, state, running.params as Record<string, ParamValue>, running.distributions as Record<string, Distribution>, value);
}

/** Runs `n` trials of `objective` with `sampler`; returns the study. */
export function runLoop(sampler: Sampler, space: Record<string, Distribution>, objective: (p: Record<string, ParamValue>) => number, n: number, direction: Direction = 'minimize'): ListStudy {
  const study = new ListStudy(direction);
  for (let i = 0; i < n; i++) {
    const { params, running } = ask(study, sampler, space);
    tell(study, running, objective(params));
  }
  return study;
}

/** Best-so-far value after each trial. */
export function bestSoFar(study: ListStudy): number[] {
  let best = Infinity;
  return study.trials.map((t) => (best = Math.min(best, t.value ?? Infinity)));
}

export const branin = (x: number, y: number): number => {
  const b = 5.1 / (4 * Math.PI ** 2), c = 5 / Math.PI, t = 1 / (8 * Math.PI);
  return (y - b * x * x + c * x - 6) ** 2 + 10 * (1 - t) * Math.cos(x) + 10;
};
