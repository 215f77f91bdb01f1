import { failSearch } from '../errors';
import { readNumberSearchOption } from '../options';
import type { HeartbeatSettings } from '../types';

/** The heartbeat options a storage is opened with (`journalFileStorage`, `inMemoryStorage`, `postgresStorage`). */
export interface HeartbeatOptions {
  /**
   * Record a heartbeat for each running trial every this many milliseconds,
   * and let workers fail trials whose heartbeat is older than
   * `gracePeriodMs` (Optuna's `heartbeat_interval`). Defaults to no
   * heartbeats: a trial whose worker died then stays `running`.
   */
  readonly heartbeatIntervalMs?: number;
  /**
   * How long a running trial may go without a heartbeat before it is
   * failed, in milliseconds (Optuna's `grace_period`). Only with
   * `heartbeatIntervalMs`. Defaults to twice `heartbeatIntervalMs`, as Optuna.
   */
  readonly gracePeriodMs?: number;
}

/**
 * Reads `heartbeatIntervalMs` and `gracePeriodMs`: both finite and > 0, and
 * the grace period not shorter than the interval (a trial would otherwise be
 * failed between two heartbeats of a live worker). Internal.
 *
 * @returns The settings, or `undefined` when the storage has no heartbeats.
 * @throws {SearchError} `journalFileStorage: gracePeriodMs is 10, expected a number >= heartbeatIntervalMs (50)`.
 */
export function readHeartbeatOptions(options: HeartbeatOptions, fn: string): HeartbeatSettings | undefined {
  const { heartbeatIntervalMs, gracePeriodMs } = options;
  if (heartbeatIntervalMs === undefined) {
    if (gracePeriodMs !== undefined) failSearch(fn, 'gracePeriodMs needs heartbeatIntervalMs (a grace period without heartbeats means nothing)');
    return undefined;
  }
  const intervalMs = readNumberSearchOption(heartbeatIntervalMs, 0, fn, 'heartbeatIntervalMs', { min: 0, minExclusive: true, max: 2 ** 31 - 1 });
  const grace = readNumberSearchOption(gracePeriodMs, 2 * intervalMs, fn, 'gracePeriodMs', { min: 0, minExclusive: true });
  if (grace < intervalMs) failSearch(fn, `gracePeriodMs is ${grace}, expected a number >= heartbeatIntervalMs (${intervalMs})`);
  return Object.freeze({ intervalMs, gracePeriodMs: grace });
}
