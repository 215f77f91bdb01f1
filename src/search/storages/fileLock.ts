/**
 * A lock file shared by processes (Node only), for the journal's
 * read-the-tail-then-append: `open(lockPath, 'wx')` (O_CREAT | O_EXCL)
 * creates the file only if it does not exist, atomically on a local file
 * system, so exactly one process holds the lock. The file holds its owner's
 * `pid@hostname`. A lock is stale, and is broken, when its owner is a process
 * of this host that no longer exists, or when the file is older than
 * `staleMs` (a lock is held for one append, milliseconds, so an old lock was
 * left by a process killed inside it). Internal.
 *
 * Breaking a stale lock renames it away first (atomic), so that of several
 * processes that find it stale at once only one removes it. A process
 * paused for longer than `staleMs` inside the lock could lose it: the
 * default (10 s) is far above an append's time.
 */
import { failSearch } from '../errors';

type Fs = typeof import('node:fs');

/** Options of {@link acquireFileLock}. */
export interface FileLockOptions {
  /** A lock file older than this is stale. Defaults to 10 000 ms. */
  readonly staleMs?: number;
  /** Give up (throw) after waiting this long. Defaults to 60 000 ms. */
  readonly timeoutMs?: number;
}

let host: string | undefined;

/**
 * Takes the lock at `lockPath`, waiting with exponential backoff (1 ms
 * doubling to 8 ms, with jitter; a lock is held for milliseconds, so a long sleep would only add latency) while another process holds it.
 *
 * @returns The function that releases it (call it in `finally`).
 * @throws {SearchError} `journalFileStorage: could not take the lock <path> within 60000 ms (held by 123@host)`.
 */
export async function acquireFileLock(fs: Fs, lockPath: string, fn: string, options: FileLockOptions = {}): Promise<() => void> {
  const { staleMs = 10_000, timeoutMs = 60_000 } = options;
  host ??= (await import('node:os')).hostname();
  const me = `${process.pid}@${host}`;
  const start = Date.now();
  let delay = 1;
  for (;;) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      try {
        fs.writeSync(fd, me);
      } finally {
        fs.closeSync(fd);
      }
      return () => {
        try {
          fs.unlinkSync(lockPath);
        } catch {
          // already broken as stale by another process: nothing to release
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const owner = breakIfStale(fs, lockPath, staleMs);
    if (owner === undefined) continue;
    if (Date.now() - start > timeoutMs) failSearch(fn, `could not take the lock ${lockPath} within ${timeoutMs} ms (held by ${owner || 'an unknown process'})`);
    await new Promise((r) => setTimeout(r, delay * (0.5 + Math.random())));
    delay = Math.min(8, delay * 2);
  }
}

/** Removes the lock if it is stale; returns `undefined` if it is gone (retry at once), else its owner. */
function breakIfStale(fs: Fs, lockPath: string, staleMs: number): string | undefined {
  let owner: string;
  let mtime: number;
  try {
    owner = fs.readFileSync(lockPath, 'utf8');
    mtime = fs.statSync(lockPath).mtimeMs;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  const [pid, ownerHost] = owner.split('@');
  const deadOwner = ownerHost === host && pid !== undefined && /^\d+$/.test(pid) && !alive(Number(pid));
  if (!deadOwner && Date.now() - mtime <= staleMs) return owner;
  const aside = `${lockPath}.stale-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    fs.renameSync(lockPath, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  // If what we moved aside is not the lock we judged (its owner re-took it meanwhile), give it back when we can.
  let moved = '';
  try {
    moved = fs.readFileSync(aside, 'utf8');
  } catch {
    // unreadable: treat as the stale one
  }
  if (moved !== owner) {
    try {
      fs.linkSync(aside, lockPath); // fails if a new lock exists: then the moved one is lost, as with any stale-breaking lock
    } catch {
      // ignore
    }
  }
  try {
    fs.unlinkSync(aside);
  } catch {
    // ignore
  }
  return undefined;
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
