import { readIntSearchOption, readNumberSearchOption } from '../options';
import type { Direction, FrozenTrial, Pruner, StudyView } from '../types';

/** Options of {@link percentilePruner} and {@link medianPruner}. */
export interface PercentilePrunerOptions {
  /** No pruning until this many trials are complete. Defaults to 5. */
  readonly startupTrials?: number;
  /** No pruning before this step of a trial. Defaults to 0. */
  readonly warmupSteps?: number;
  /** Check only every `intervalSteps` steps after the warm-up. Defaults to 1. */
  readonly intervalSteps?: number;
  /** No pruning at a step fewer than this many complete trials reported. Defaults to 1. */
  readonly minTrials?: number;
}

/**
 * Prunes a trial whose best intermediate value so far is worse than the
 * given percentile of the complete trials' values at the same step
 * (Optuna's `PercentilePruner`). With `percentile` 25 (minimising), a trial
 * must stay within the best quarter of earlier curves to go on.
 *
 * Rule, at the trial's last reported step s (minimising): prune when
 * `min_{t <= s} v_trial(t) > P_p({v_j(s) : j complete, reported at s})`,
 * P_p being the linear-interpolation percentile (NumPy's default); when
 * maximising, `max_t v_trial(t) < P_{100 − p}`. The check is made at the
 * first report in each window of `intervalSteps` steps after `warmupSteps`.
 *
 * @param percentile - In `[0, 100]`: lower prunes more.
 * @param options - `startupTrials`, `warmupSteps`, `intervalSteps`, `minTrials`.
 * @returns A {@link Pruner}.
 * @throws {SearchError} `percentilePruner: percentile is 120, expected a finite number >= 0 and <= 100`.
 * @example
 * const study = await createStudy({ pruner: percentilePruner(25, { startupTrials: 5, warmupSteps: 2 }) });
 */
export function percentilePruner(percentile: number, options: PercentilePrunerOptions = {}, fn = 'percentilePruner'): Pruner {
  const p = readNumberSearchOption(percentile, 50, fn, 'percentile', { min: 0, max: 100 });
  const startupTrials = readIntSearchOption(options.startupTrials, 5, fn, 'startupTrials', 0);
  const warmupSteps = readIntSearchOption(options.warmupSteps, 0, fn, 'warmupSteps', 0);
  const intervalSteps = readIntSearchOption(options.intervalSteps, 1, fn, 'intervalSteps', 1);
  const minTrials = readIntSearchOption(options.minTrials, 1, fn, 'minTrials', 1);
  return {
    prune(study: StudyView, trial: FrozenTrial): boolean {
      const step = lastStep(trial);
      if (step === undefined || step < warmupSteps) return false;
      // As Optuna: check at the first report in each interval of intervalSteps after the warm-up (a trial need not report every step).
      const intervalStart = Math.floor((step - warmupSteps) / intervalSteps) * intervalSteps + warmupSteps;
      if (previousStep(trial, step) >= intervalStart) return false;
      const complete = study.getTrials({ states: ['complete'] });
      if (complete.length < startupTrials) return false;
      const best = bestIntermediate(trial, study.direction);
      const atStep: number[] = [];
      for (const t of complete) {
        const v = t.intermediateValues.get(step);
        if (v !== undefined) atStep.push(v);
      }
      if (atStep.length < minTrials) return false;
      const q = quantile(atStep, (study.direction === 'minimize' ? p : 100 - p) / 100);
      return study.direction === 'minimize' ? best > q : best < q;
    },
  };
}

/**
 * Prunes a trial whose best intermediate value so far is worse than the
 * median of the complete trials' values at the same step (Optuna's
 * `MedianPruner`, the pruner of Google Vizier's "median stopping rule"):
 * `percentilePruner(50, options)`.
 *
 * Reference: D. Golovin et al. (2017), "Google Vizier: A Service for
 * Black-Box Optimization", KDD.
 *
 * @param options - `startupTrials` (defaults to 5), `warmupSteps` (0), `intervalSteps` (1), `minTrials` (1).
 * @returns A {@link Pruner}.
 * @throws {SearchError} `medianPruner: startupTrials is -1, expected a finite integer >= 0`.
 * @example
 * const study = await createStudy({ pruner: medianPruner({ warmupSteps: 3 }) });
 */
export function medianPruner(options: PercentilePrunerOptions = {}): Pruner {
  return percentilePruner(50, options, 'medianPruner');
}

/** The largest step a trial reported, or `undefined`. Internal. */
export function lastStep(trial: FrozenTrial): number | undefined {
  let last: number | undefined;
  for (const s of trial.intermediateValues.keys()) if (last === undefined || s > last) last = s;
  return last;
}

/** The largest reported step before `step`, or −1. Internal. */
export function previousStep(trial: FrozenTrial, step: number): number {
  let prev = -1;
  for (const s of trial.intermediateValues.keys()) if (s < step && s > prev) prev = s;
  return prev;
}

function bestIntermediate(trial: FrozenTrial, direction: Direction): number {
  let best = direction === 'minimize' ? Infinity : -Infinity;
  for (const v of trial.intermediateValues.values()) best = direction === 'minimize' ? Math.min(best, v) : Math.max(best, v);
  return best;
}

/** The q-quantile with linear interpolation between order statistics (NumPy's default). */
function quantile(values: number[], q: number): number {
  const sorted = Float64Array.from(values).sort();
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
