import { show } from '../core/fail';
import { failSearch } from './errors';
import { journalFileStorage } from './storages/journalFileStorage';
import type { JournalFileStorageOptions } from './storages/journalFileStorage';
import type { PostgresStorageOptions } from './postgres/postgresStorage';
import type { Storage } from './types';

/**
 * A storage described by plain data, so that it can cross a process
 * boundary (to the workers of {@link runWorkers}) or come from a command
 * line: a string is a PostgreSQL connection URL when it starts with
 * `postgres://` or `postgresql://`, else a journal file's path; an object
 * names the kind and carries the storage's options (which must be plain
 * JSON: a `pg.Pool` or a callback cannot cross a process boundary).
 *
 * Give heartbeat options here for workers that may die:
 * `{ journal: 'study.jsonl', heartbeatIntervalMs: 5000 }`.
 */
export type StorageDescriptor =
  | string
  | ({ readonly journal: string } & JournalFileStorageOptions)
  | ({ readonly postgres: string } & Omit<PostgresStorageOptions, 'onConnectionError'>);

/** Whether a storage string is a PostgreSQL URL (else a journal path). */
export function isPostgresUrl(s: string): boolean {
  return /^postgres(ql)?:\/\//i.test(s);
}

/**
 * Opens the storage a {@link StorageDescriptor} describes. PostgreSQL is
 * loaded lazily (`tfjs-methodology/search/postgres`, which loads `pg`), so a
 * journal user never loads it. Internal.
 *
 * @throws {SearchError} `runWorkers: storage is 3, expected a journal path, a postgres:// URL or { journal } / { postgres }`.
 */
export async function openStorage(descriptor: StorageDescriptor, fn: string): Promise<Storage> {
  if (typeof descriptor === 'string') {
    if (descriptor === '') failSearch(fn, 'storage is "", expected a journal path or a postgres:// URL');
    return isPostgresUrl(descriptor) ? openPostgres(descriptor, {}) : journalFileStorage(descriptor);
  }
  if (descriptor !== null && typeof descriptor === 'object') {
    if ('journal' in descriptor && typeof descriptor.journal === 'string') {
      const { journal, ...options } = descriptor;
      return journalFileStorage(journal, options);
    }
    if ('postgres' in descriptor && typeof descriptor.postgres === 'string') {
      const { postgres, ...options } = descriptor;
      return openPostgres(postgres, options);
    }
  }
  failSearch(fn, `storage is ${show(descriptor)}, expected a journal path, a postgres:// URL or { journal } / { postgres }`);
}

async function openPostgres(url: string, options: Omit<PostgresStorageOptions, 'onConnectionError'>): Promise<Storage> {
  const { postgresStorage } = await import('./postgres/index');
  return postgresStorage(url, options);
}

/** Plain-data check that a descriptor can be sent to another process. Internal. */
export function assertPlainDescriptor(descriptor: StorageDescriptor, fn: string): void {
  if (typeof descriptor === 'string') return;
  for (const [k, v] of Object.entries(descriptor)) {
    if (typeof v === 'function' || (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) !== Object.prototype && !Array.isArray(v))) {
      failSearch(fn, `storage.${k} is ${show(v)}, which cannot be sent to a worker process (give plain options)`);
    }
  }
}
