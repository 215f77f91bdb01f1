import { readIntSearchOption } from '../options';
import { failSearch } from '../errors';
import { ashaPrune } from './successiveHalvingPruner';
import { lastStep } from './percentilePruner';
import type { FrozenTrial, Pruner, StudyView } from '../types';

/** Options of {@link hyperbandPruner}. */
export interface HyperbandPrunerOptions {
  /** The smallest step at which a trial may be pruned (r of the most aggressive bracket). Defaults to 1. */
  readonly minResource?: number;
  /** The step at which trials end (R). `'auto'`: one more than the largest step of the complete trials when one first exists (then fixed); no pruning before a trial completes. Defaults to `'auto'`. */
  readonly maxResource?: number | 'auto';
  /** η. Defaults to 3. */
  readonly reductionFactor?: number;
}

/**
 * Hyperband (Optuna's `HyperbandPruner`): several successive-halving brackets
 * at once, from the most aggressive (first rung at `minResource`) to one that
 * never prunes before `maxResource`, so that no single choice of the first
 * rung has to be right. There are `⌊log_η(R/r)⌋ + 1` brackets; bracket b
 * runs successive halving with first rung `r·η^b`, against the trials of its
 * own bracket only. A trial's bracket is a hash of the study's name and the
 * trial's number, drawn in proportion to each bracket's budget
 * `⌈B·η^b'/(b'+1)⌉` (B brackets, b' = B − 1 − b), as in Optuna. A rung at or
 * beyond `maxResource` is never checked: a trial that got there is done.
 *
 * Reference: L. Li, K. Jamieson, G. DeSalvo, A. Rostamizadeh, A. Talwalkar
 * (2018), "Hyperband: A Novel Bandit-Based Approach to Hyperparameter
 * Optimization", JMLR 18.
 *
 * @param options - `minResource`, `maxResource`, `reductionFactor`.
 * @returns A {@link Pruner}.
 * @throws {SearchError} `hyperbandPruner: maxResource is 0, expected >= minResource (1)`.
 * @example
 * const study = await createStudy({ pruner: hyperbandPruner({ minResource: 1, maxResource: 27 }) });
 */
export function hyperbandPruner(options: HyperbandPrunerOptions = {}): Pruner {
  const fn = 'hyperbandPruner';
  const minResource = readIntSearchOption(options.minResource, 1, fn, 'minResource', 1);
  const eta = readIntSearchOption(options.reductionFactor, 3, fn, 'reductionFactor', 2);
  const maxOption = options.maxResource ?? 'auto';
  if (maxOption !== 'auto') {
    readIntSearchOption(maxOption, 1, fn, 'maxResource', 1);
    if (maxOption < minResource) failSearch(fn, `maxResource is ${maxOption}, expected >= minResource (${minResource})`);
  }
  let maxResource: number | undefined = typeof maxOption === 'number' ? maxOption : undefined;
  return {
    prune(study: StudyView, trial: FrozenTrial): boolean {
      if (maxResource === undefined) {
        // 'auto', as Optuna: one more than the largest step of the first complete trials, then fixed.
        let last: number | undefined;
        for (const t of study.getTrials({ states: ['complete'] })) {
          const s = lastStep(t);
          if (s !== undefined && (last === undefined || s > last)) last = s;
        }
        if (last === undefined) return false;
        maxResource = Math.max(last + 1, minResource);
      }
      const nBrackets = Math.floor(Math.log(Math.max(maxResource, minResource) / minResource) / Math.log(eta) + 1e-9) + 1;
      const bracket = hyperbandBracket(study.name, trial.number, nBrackets, eta);
      const same = study.getTrials().filter((t) => hyperbandBracket(study.name, t.number, nBrackets, eta) === bracket);
      return ashaPrune(study, same, trial, minResource, eta, bracket, maxResource);
    },
  };
}

/** The bracket of a trial: a hash of the study name and number, weighted by the brackets' budgets. Internal. */
export function hyperbandBracket(studyName: string, number: number, nBrackets: number, eta: number): number {
  const budgets: number[] = [];
  for (let b = 0; b < nBrackets; b++) {
    const s = nBrackets - 1 - b;
    budgets.push(Math.ceil((nBrackets * eta ** s) / (s + 1)));
  }
  const total = budgets.reduce((a, c) => a + c, 0);
  let h = fnv1a(`${studyName}_${number}`) % total;
  for (let b = 0; b < nBrackets; b++) {
    if (h < budgets[b]!) return b;
    h -= budgets[b]!;
  }
  return nBrackets - 1;
}

/** 32-bit FNV-1a hash of a string's UTF-16 code units. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}
