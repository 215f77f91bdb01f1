import { failSearch } from '../errors';
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
export interface JournalFileStorageOptions {
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
 * after Optuna's `JournalFileStorage`. Every write appends one line in a
 * single `write` call on a file opened for appending, then flushes it to
 * the disk (`fdatasync`); the
 * state is the replay of the file. So a study survives its process: create
 * the study again on the same file with `loadIfExists: true` to resume it —
 * every finished trial is there, numbers go on from the last one, and none
 * is run twice. A trial that was running when the process died stays
 * `running` (nothing can tell a dead process from a slow one without
 * heartbeats); mark it with `study.tell(number, { state: 'failed', error })`.
 *
 * A process killed in the middle of a write can leave a torn last line: a
 * partial last line that does not grow within 100 ms of opening is skipped,
 * listed in `corruptLines`, and the next write starts on a new line. Trial numbers come from the order of the lines, not from the
 * writer, so writers that append concurrently get distinct numbers (full
 * multi-process safety, with a lock and heartbeats, is a later step).
 *
 * Reference: Optuna's `JournalStorage` / `JournalFileBackend`.
 *
 * @param path - The journal file; created if missing.
 * @param options - `fsync` (defaults to `true`).
 * @returns A {@link JournalFileStorage}.
 * @throws {SearchError} `journalFileStorage: path is "", expected a file path`; file system errors on first use.
 * @example
 * const storage = journalFileStorage('study.jsonl');
 * const study = await createStudy({ storage, name: 'mlp', loadIfExists: true });
 * await study.optimize(objective, { trials: 50 }); // kill it, run it again: it resumes
 */
export function journalFileStorage(path: string, options: JournalFileStorageOptions = {}): JournalFileStorage {
  if (typeof path !== 'string' || path === '') failSearch('journalFileStorage', `path is ${JSON.stringify(path)}, expected a file path`);
  const sync = options.fsync ?? true;
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
  const catchUp = (f: Fs, first: boolean): number => {
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
    if (start < buf.length && first && tornCheck) {
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
    catchUp(f, false);
    own = { seq: seq++ };
    const line = (needsNewline ? '\n' : '') + JSON.stringify({ ...e, w: writer, s: own.seq }, replace) + '\n';
    needsNewline = false;
    f.writeSync(fd!, line);
    if (sync) f.fdatasyncSync(fd!); // fdatasync: the data and the new length, without the timestamps
    catchUp(f, false);
    const done = own;
    own = undefined;
    if (done.error !== undefined) throw done.error;
    if (!('result' in done)) failSearch(fn, `journal ${path} did not replay its own event`);
    return done.result;
  };

  const storage = new EventStorage(write, read) as unknown as JournalFileStorage & { close(): Promise<void> };
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
