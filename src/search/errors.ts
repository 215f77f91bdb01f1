import { rethrowAs } from '../core/configErrors';
import { TfjsMethodologyError } from '../core/errors';

/**
 * A misuse of the search module: a parameter suggested again with a different
 * range (`suggestFloat: "lr" was suggested as float in [0.001, 0.1] (log), now
 * as float in [0.01, 1]`), a bad distribution, an unknown study, a trial told
 * twice, a corrupt journal. The message names the function and the argument.
 *
 * @example
 * try { floatDistribution(1, 0); } catch (e) { e instanceof SearchError; }
 * // => true
 */
export class SearchError extends TfjsMethodologyError {}

/** Throws a {@link SearchError} prefixed with the function's name. */
export function failSearch(fn: string, message: string): never {
  throw new SearchError(`${fn}: ${message}`);
}

/**
 * Thrown by an objective to end its trial as `pruned` (as Optuna's
 * `TrialPruned`): `if (trial.shouldPrune()) throw new TrialPruned();`.
 * `optimize` catches it and records the trial as pruned with its last
 * reported value; it is not a failure.
 *
 * @example
 * new TrialPruned().name;
 * // => 'TrialPruned'
 */
export class TrialPruned extends TfjsMethodologyError {
  constructor(message = 'trial was pruned') {
    super(message);
  }
}

/** Runs `read` (a `core/` reader) and rethrows its input error as a {@link SearchError}. */
export function asSearchError<T>(read: () => T): T {
  return rethrowAs(SearchError, read);
}
