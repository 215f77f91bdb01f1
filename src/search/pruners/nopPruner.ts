import type { Pruner } from '../types';

/**
 * A pruner that never prunes (Optuna's `NopPruner`): every trial runs to the
 * end. Use it to switch pruning off.
 *
 * @returns A {@link Pruner} whose `prune` always returns `false`.
 * @example
 * nopPruner().prune(study, trial);
 * // => false
 */
export function nopPruner(): Pruner {
  return { prune: () => false };
}
