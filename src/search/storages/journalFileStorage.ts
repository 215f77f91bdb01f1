import { failSearch } from '../errors';
import { acquireFileLock } from './fileLock';
import { readHeartbeatOptions } from './heartbeatOptions';
import type { HeartbeatOptions } from './heartbeatOptions';
import { EventStorage } from './inMemoryStorage';
import { JournalModel } from './journalModel';
import type { JournalEvent } from './journalModel';
import type { Storage } from '../types';

/** A journal line that could not be read, as reported by {@link JournalFileStorage.corruptLines}. */
export interface CorruptJournalLine {
  /** 1-based line number in the file. */
  readonly line: number;
  /** The line's text (truncated to 200 characters). */
  readonly text: string;
  /** Why it was skipped: `torn last line (no newline)`, `invalid JSON`, or the event's error. */
  readonly reason: string;
}

/** The storage returned by {@link journalFileStorage}. */
export interface JournalFileStorage extends Storage {
  /** The journal's path. */
  readonly path: string;
  /**
   * Lines skipped while reading the journal: a torn last line left by a
   * process killed in the middle of a write, or an unreadable line. The
   * library never prints; check this after opening a journal to learn of
   * damage. Events that another writer made invalid (e.g. a second finish
   * of one trial) are not corruption and are not listed.
   */
  readonly corruptLines: readonly CorruptJournalLine[];
}

/** Options of {@link journalFileStorage}. */
export interface JournalFileStorageOptions extends HeartbeatOptions {
  /**
   * Take a lock file (`<path>.lock`, created with `O_EXCL`) around each
   * read-the-tail-then-append, so that any number of processes on one
   * machine can write one journal: lines are never interleaved or torn by
   * another writer, and a torn last line can only be a killed writer's. A
   * lock left by a killed process is broken when its process is gone (same
   * host) or after 10 s. Every process writing the journal must use the
   * lock; `false` (one writer, or a file system without `O_EXCL`, such as
   * some network file systems) skips it. Defaults to `true`.
   */
  readonly lock?: boolean;
  /**
   * Flush every event to the disk (`fdatasync`: the data and the new file
   * length) before going on, so that a power loss cannot lose a finished
   * trial. It costs a few milliseconds per event on a disk (about 12–16 ms
   * per trial of 6 events measured here, against 0.2–0.4 ms without); a
   * killed process loses nothing either way. Defaults to `true`.
   */
  readonly fsync?: boolean;
}

type Fs = typeof import('node:fs');

/**
 * A storage in an append-only file of JSON lines, one per event (Node only),
 * after Optuna's `JournalFileStorage`. Every write takes the lock file
 * `<path>.lock`, reads the lines other writers appended since its last read
 * (only that tail), appends one line and flushes it to the disk
 * (`fdatasync`), then releases the lock; the state is the replay of the
 * file. So any number of processes on one machine can share one study —
 * trial numbers stay contiguous, lines are never interleaved or torn by
 * another writer, an enqueued trial is claimed by one worker only — and a
 * study survives its processes: create it again on the same file with
 * `loadIfExists: true` to resume or join it.
 *
 * A trial whose worker died stays `running` unless the storage has
 * heartbeats: with `heartbeatIntervalMs`, a study records a heartbeat event
 * for each running trial every interval, and before each trial every worker
 * fails the running trials whose last heartbeat is older than
 * `gracePeriodMs` (with `retryFailedTrials`, they are run again). The clock
 * is each writer's `Date.now()`: on one machine all writers share it; on
 * several machines (a journal on a shared disk) clocks that differ by more
 * than a small part of the grace period would fail live trials or keep dead
 * ones — use PostgreSQL there, whose heartbeats use the server's clock.
 * Without heartbeats, mark a dead worker's trial with
 * `study.tell(number, { state: 'failed', error })`.
 *
 * A process killed in the middle of a write can leave a torn last line: it
 * is skipped, listed in `corruptLines`, and the next write starts on a new
 * line (with `lock: false`, a partial last line is first given 100 ms to
 * grow, as it may be another writer's in flight).
 *
 * Reference: Optuna's `JournalStorage` / `JournalFileBackend` (its
 * `JournalFileOpenLock` is also an `O_EXCL` lock file).
 *
 * @param path - The journal file; created if missing.
 * @param options - `fsync` (defaults to `true`), `lock` (`true`), `heartbeatIntervalMs` (no heartbeats), `gracePeriodMs` (twice the interval).
 * @returns A {@link JournalFileStorage}.
 * @throws {SearchError} `journalFileStorage: path is "", expected a file path`; a bad heartbeat option;
 *   on use, `createTrial: could not take the lock study.jsonl.lock within 60000 ms (held by 123@host)`; file system errors.
 * @example
 * const storage = journalFileStorage('study.jsonl', { heartbeatIntervalMs: 10_000 });
 * const study = await createStudy({ storage, name: 'mlp', loadIfExists: true, retryFailedTrials: { maxRetries: 1 } });
 * await study.optimize(objective, { trials: 50 }); // run it in 4 processes at once, kill one: its trial is redone
 */
export function journalFileStorage(path: string, options: JournalFileStorageOptions = {}): JournalFileStorage {
  if (typeof path !== 'string' || path === '') failSearch('journalFileStorage', `path is ${JSON.stringify(path)}, expected a file path`);
  const sync = options.fsync ?? true;
  const locking = options.lock ?? true;
  const heartbeat = readHeartbeatOptions(options, 'journalFileStorage');
  const lockPath = `${path}.lock`;
  const model = new JournalModel();
  const corrupt: CorruptJournalLine[] = [];
  const writer = `${typeof process !== 'undefined' ? process.pid : 0}-${Date.now().toString(36)}-${(instances++).toString(36)}`;
  let fs: Fs | undefined;
  let fd: number | undefined;
  let offset = 0; // bytes of the file already replayed
  let lineNo = 0;
  let seq = 0;
  let needsNewline = false;
  let own: { seq: number; result?: unknown; error?: unknown } | undefined;

  const open = async (): Promise<Fs> => {
    if (fs === undefined) {
      let mod: Fs;
      try {
        mod = await import('node:fs');
      } catch (e) {
        failSearch('journalFileStorage', `needs Node's file system (node:fs), which this environment lacks (${(e as Error).message}); use inMemoryStorage() and study.toJSON() instead`);
      }
      fd = mod.openSync(path, 'a+');
      fs = mod;
    }
    return fs;
  };

  /**
   * Replays the lines appended since the last read (by anyone). A last line
   * without its newline is normally another writer's append in flight and is
   * left for the next read; `tornAt` says it is a torn line (see `open`).
   */
  const catchUp = (f: Fs, first: boolean, locked = false): number => {
    const size = f.fstatSync(fd!).size;
    if (size <= offset) return size;
    const buf = Buffer.alloc(size - offset);
    let read = 0;
    while (read < buf.length) read += f.readSync(fd!, buf, read, buf.length - read, offset + read);
    let start = 0;
    for (let i = 0; i < buf.length; i++) {
      if (buf[i] !== 0x0a) continue;
      applyLine(buf.toString('utf8', start, i));
      start = i + 1;
    }
    offset += start;
    if (start < buf.length && ((first && tornCheck) || locked)) {
      // A torn last line: a writer died in the middle of its write.
      lineNo++;
      corrupt.push({ line: lineNo, text: buf.toString('utf8', start).slice(0, 200), reason: 'torn last line (no newline)' });
      offset = size;
      needsNewline = true;
    }
    return size;
  };
  let tornCheck = false;

  const applyLine = (text: string): void => {
    lineNo++;
    if (text.trim() === '') return;
    let e: JournalEvent & { w?: string; s?: number };
    try {
      e = JSON.parse(text, revive) as JournalEvent & { w?: string; s?: number };
    } catch {
      corrupt.push({ line: lineNo, text: text.slice(0, 200), reason: 'invalid JSON' });
      return;
    }
    const mine = e.w === writer && own !== undefined && e.s === own.seq;
    try {
      const result = model.apply(e, mine ? fnOf(e) : 'journalFileStorage');
      if (mine) own!.result = result;
    } catch (err) {
      if (mine) own!.error = err; // other writers' rejected events change nothing, as on every replica
    }
  };

  let opened: Promise<Fs> | undefined;
  /**
   * Opens and replays the journal. A partial last line is waited for once
   * (another process may be writing it); if the file has not grown after
   * 100 ms, the line is torn (its writer died) and is skipped and reported.
   */
  const ready = (): Promise<Fs> =>
    (opened ??= (async () => {
      const f = await open();
      if (locking) {
        // Under the lock no one is writing: a partial last line is a killed writer's, torn.
        const release = await acquireFileLock(f, lockPath, 'journalFileStorage');
        try {
          catchUp(f, false, true);
        } finally {
          release();
        }
        return f;
      }
      const size = catchUp(f, false);
      if (offset < size) {
        await new Promise((r) => setTimeout(r, 100));
        if (f.fstatSync(fd!).size === size) tornCheck = true;
        catchUp(f, true);
        tornCheck = false;
      }
      return f;
    })());

  const read = async (): Promise<JournalModel> => {
    const f = await ready();
    catchUp(f, false);
    return model;
  };

  const write = async (e: JournalEvent, fn: string): Promise<unknown> => {
    const f = await ready();
    const release = locking ? await acquireFileLock(f, lockPath, fn) : undefined;
    let done: NonNullable<typeof own>;
    // From here to the release everything is synchronous: no other write of this process can interleave either.
    try {
      catchUp(f, false, locking);
      own = { seq: seq++ };
      const line = (needsNewline ? '\n' : '') + JSON.stringify({ ...e, w: writer, s: own.seq }, replace) + '\n';
      needsNewline = false;
      // One write call in practice; a short write is completed under the lock, where no other line can come between.
      const bytes = Buffer.from(line, 'utf8');
      for (let done = 0; done < bytes.length; ) done += f.writeSync(fd!, bytes, done, bytes.length - done);
      if (sync) f.fdatasyncSync(fd!); // fdatasync: the data and the new length, without the timestamps
      catchUp(f, false);
      done = own;
    } finally {
      own = undefined;
      release?.();
    }
    if (done.error !== undefined) throw done.error;
    if (!('result' in done)) failSearch(fn, `journal ${path} did not replay its own event`);
    return done.result;
  };

  // The study lock is a second lock file per study, so that a study's writes (which take the append lock) can run inside it.
  const studyLock = async (studyId: string): Promise<() => void> =>
    acquireFileLock(await ready(), `${path}.study-${encodeURIComponent(studyId)}.lock`, 'withStudyLock');
  const storage = new EventStorage(write, read, Date.now, heartbeat, locking ? studyLock : undefined) as unknown as JournalFileStorage & { close(): Promise<void> };
  Object.defineProperty(storage, 'path', { value: path, enumerable: true });
  Object.defineProperty(storage, 'corruptLines', { get: () => corrupt, enumerable: true });
  storage.close = async () => {
    if (fs !== undefined && fd !== undefined) fs.closeSync(fd);
    fs = undefined;
    fd = undefined;
    opened = undefined;
  };
  return storage;
}

let instances = 0;

const fnOf = (e: JournalEvent): string =>
  ({
    createStudy: 'createStudy',
    deleteStudy: 'deleteStudy',
    createTrial: 'createTrial',
    setParam: 'setTrialParam',
    setIntermediate: 'setTrialIntermediateValue',
    setUserAttr: 'setTrialUserAttr',
    setSystemAttr: 'setTrialSystemAttr',
    setState: 'setTrialState',
    heartbeat: 'recordHeartbeat',
    failStale: 'failStaleTrials',
  })[e.op];

/** JSON has no infinities: a value of ±Infinity is written as `{"$num": "Infinity"}`. */
function replace(_key: string, v: unknown): unknown {
  return typeof v === 'number' && !Number.isFinite(v) ? { $num: String(v) } : v;
}

function revive(_key: string, v: unknown): unknown {
  if (v !== null && typeof v === 'object' && '$num' in v && Object.keys(v).length === 1) return Number((v as { $num: string }).$num);
  return v;
}
