import { readIntSearchOption } from '../options';
import { lastStep, previousStep } from './percentilePruner';
import type { Direction, FrozenTrial, Pruner, StudyView } from '../types';

/** Options of {@link successiveHalvingPruner}. */
export interface SuccessiveHalvingPrunerOptions {
  /** The step of the first rung, r. `'auto'`: 1% of the largest step of the complete trials (at least 1), no pruning before a trial completes. Defaults to `'auto'`. */
  readonly minResource?: number | 'auto';
  /** η: only the best 1/η of the trials at a rung go on to the next. Defaults to 4. */
  readonly reductionFactor?: number;
  /** s: the first rung is at step r·η^s. Defaults to 0. */
  readonly minEarlyStoppingRate?: number;
}

/**
 * Asynchronous successive halving (ASHA), as Optuna's
 * `SuccessiveHalvingPruner`. Rung k is at step `r·η^(s+k)`; a trial reaching
 * a rung is compared with every trial of the study that reached it, each
 * with its value at the first step it reported at or after the rung; it
 * goes on only if it ranks in the best `⌊n/η⌋` of those n values (the best
 * one while n < η), and is pruned otherwise.
 *
 * A rung is judged at the first report at or after its step; rungs passed
 * at earlier reports are not judged again (a promotion stands, as in ASHA).
 * Stateless: rung values are read from the trials' intermediate values, so
 * the pruner needs no storage of its own and every process sharing a study
 * decides alike.
 *
 * Reference: L. Li, K. Jamieson, A. Rostamizadeh, E. Gonina, M. Hardt,
 * B. Recht, A. Talwalkar (2020), "A System for Massively Parallel
 * Hyperparameter Tuning", MLSys.
 *
 * @param options - `minResource`, `reductionFactor`, `minEarlyStoppingRate`.
 * @returns A {@link Pruner}.
 * @throws {SearchError} `successiveHalvingPruner: reductionFactor is 1, expected a finite integer >= 2`.
 * @example
 * const study = await createStudy({ pruner: successiveHalvingPruner({ minResource: 1, reductionFactor: 3 }) });
 */
export function successiveHalvingPruner(options: SuccessiveHalvingPrunerOptions = {}, fn = 'successiveHalvingPruner'): Pruner {
  const eta = readIntSearchOption(options.reductionFactor, 4, fn, 'reductionFactor', 2);
  const rate = readIntSearchOption(options.minEarlyStoppingRate, 0, fn, 'minEarlyStoppingRate', 0);
  const minResource = options.minResource ?? 'auto';
  if (minResource !== 'auto') readIntSearchOption(minResource, 1, fn, 'minResource', 1);
  return {
    prune: (study, trial) => ashaPrune(study, study.getTrials(), trial, typeof minResource === 'number' ? minResource : autoMinResource(study), eta, rate),
  };
}

/** r from the complete trials: 1% of their largest step, at least 1; `undefined` before any completes. */
function autoMinResource(study: StudyView): number | undefined {
  let maxStep: number | undefined;
  for (const t of study.getTrials({ states: ['complete'] })) {
    const s = lastStep(t);
    if (s !== undefined && (maxStep === undefined || s > maxStep)) maxStep = s;
  }
  return maxStep === undefined ? undefined : Math.max(Math.floor(maxStep / 100), 1);
}

/** The successive-halving decision against `trials` (all the study's, or one Hyperband bracket's). Internal. */
export function ashaPrune(study: StudyView, trials: readonly FrozenTrial[], trial: FrozenTrial, minResource: number | undefined, eta: number, rate: number, maxResource = Infinity): boolean {
  const step = lastStep(trial);
  if (step === undefined || minResource === undefined) return false;
  // Rungs reached at an earlier report were decided then (the trial went on): a promotion is never revisited.
  const decidedUpTo = previousStep(trial, step);
  for (let rung = 0; ; rung++) {
    const rungStep = minResource * eta ** (rate + rung);
    if (step < rungStep || rungStep >= maxResource) return false;
    if (rungStep <= decidedUpTo) continue;
    const value = valueAtRung(trial, rungStep)!;
    const competing: number[] = [value];
    for (const t of trials) {
      if (t.number === trial.number) continue;
      const v = valueAtRung(t, rungStep);
      if (v !== undefined) competing.push(v);
    }
    if (!promotable(value, competing, eta, study.direction)) return true;
  }
}

/** A trial's value at a rung: its value at the first step it reported at or after the rung's step. */
function valueAtRung(t: FrozenTrial, rungStep: number): number | undefined {
  let first: number | undefined;
  for (const s of t.intermediateValues.keys()) if (s >= rungStep && (first === undefined || s < first)) first = s;
  return first === undefined ? undefined : t.intermediateValues.get(first);
}

function promotable(value: number, competing: number[], eta: number, direction: Direction): boolean {
  let k = Math.floor(competing.length / eta) - 1;
  if (k < 0) k = 0; // before η trials reach a rung, only the best goes on (trials cannot be paused and resumed)
  const sorted = Float64Array.from(competing).sort();
  return direction === 'minimize' ? value <= sorted[k]! : value >= sorted[sorted.length - 1 - k]!;
}

