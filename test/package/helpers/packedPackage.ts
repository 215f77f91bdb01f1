/**
 * Builds and packs the package ONCE, installs the tarball into throw-away
 * consumer projects, and runs commands in them. Shared by every test in
 * `test/package/`: vitest runs those files in parallel workers, so the work is
 * guarded by directory locks (mkdir is atomic) and a "done" marker, and it is
 * keyed by a hash of everything that goes into the tarball. Unchanged sources
 * reuse the previous tarball and consumers; any change builds afresh.
 *
 * Consumers live under the OS temp dir, not inside the repository: Node and
 * TypeScript resolve bare specifiers by walking up the directory tree, and a
 * consumer inside the repo would silently find the repo's own `node_modules`
 * (tfjs, seedrandom) and hide a missing dependency.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { copyFile, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * The function the consumer tests import by name. It is the headline
 * export and the one with the 4 KB bundle budget: keep it `averagePrecision`.
 */
export const HEADLINE_EXPORT = 'averagePrecision';

/** scikit-learn's `average_precision_score` docstring example. */
export const HEADLINE_CASE = {
  yTrue: [0, 0, 1, 1],
  yScore: [0.1, 0.4, 0.35, 0.8],
  expected: 0.8333333333333333,
};

/** Generous: a cold `npm install` of tfjs from the registry can take a minute. */
export const PACKAGE_TEST_TIMEOUT = 300_000;

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command without a shell; never throws on a non-zero exit. */
export function run(
  file: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = { cwd: REPO },
): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      {
        cwd: options.cwd,
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
        timeout: options.timeoutMs ?? 240_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

/** Like {@link run} but throws, with the command's output, on a non-zero exit. */
export async function runOk(
  file: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<RunResult> {
  const result = await run(file, args, options);
  if (result.code !== 0) {
    throw new Error(
      `${file} ${args.join(' ')} (in ${options.cwd}) exited ${result.code}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`,
    );
  }
  return result;
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Files whose content decides what the tarball contains. */
function hashInputs(): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(path.join(REPO, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else files.push(rel);
    }
  };
  walk('src');
  for (const f of ['package.json', 'tsup.config.ts', 'tsconfig.json', 'README.md', 'LICENSE', 'CHANGELOG.md']) {
    if (existsSync(path.join(REPO, f))) files.push(f);
  }
  files.push(path.relative(REPO, fileURLToPath(import.meta.url)));
  return files.sort();
}

let cachedKey: string | undefined;
function inputsKey(): string {
  if (cachedKey) return cachedKey;
  const hash = createHash('sha256');
  for (const f of hashInputs()) {
    hash.update(f).update('\0').update(readFileSync(path.join(REPO, f))).update('\0');
  }
  cachedKey = hash.digest('hex').slice(0, 16);
  return cachedKey;
}

const ROOT = path.join(os.tmpdir(), 'tfjs-methodology-package-tests');
/** The work directory of this state of the sources. */
export function workDir(): string {
  return path.join(ROOT, inputsKey());
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Whether the process that took `lock` still runs (unknown owner counts as alive). */
function ownerAlive(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(path.join(lock, 'pid'), 'utf8'));
  } catch {
    return true;
  }
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs `fn` once per work directory and name, across processes: the first
 * caller takes the lock and does the work, the others wait for its marker.
 */
async function once(name: string, fn: () => Promise<void>): Promise<void> {
  const dir = workDir();
  mkdirSync(dir, { recursive: true });
  // In use: keep another run's pruning away from it.
  const now = new Date();
  utimesSync(dir, now, now);
  const lock = path.join(dir, `${name}.lock`);
  const done = path.join(dir, `${name}.done`);
  const deadline = Date.now() + PACKAGE_TEST_TIMEOUT;
  for (;;) {
    if (existsSync(done)) return;
    try {
      mkdirSync(lock);
      writeFileSync(path.join(lock, 'pid'), String(process.pid));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      // A lock whose owner died (a killed run) is stale; so is one older than 10 minutes.
      try {
        const age = Date.now() - statSync(lock).mtimeMs;
        if (age > 600_000 || (age > 5_000 && !ownerAlive(lock))) rmSync(lock, { recursive: true, force: true });
      } catch {
        /* removed meanwhile */
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      await sleep(250);
      continue;
    }
    try {
      if (!existsSync(done)) {
        await fn();
        writeFileSync(done, new Date().toISOString());
      }
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
    return;
  }
}

/**
 * Removes work directories of other source states untouched for 15 minutes
 * (each holds two consumers with tfjs installed: ~60 MB).
 */
async function pruneOldWorkDirs(): Promise<void> {
  const keep = path.basename(workDir());
  let entries: string[] = [];
  try {
    entries = await readdir(ROOT);
  } catch {
    return;
  }
  for (const name of entries) {
    if (name === keep) continue;
    const p = path.join(ROOT, name);
    try {
      if (Date.now() - (await stat(p)).mtimeMs > 900_000) await rm(p, { recursive: true, force: true });
    } catch {
      /* another run removed it */
    }
  }
}

/**
 * `npm run build` (into a staging copy, so a test run never rewrites the
 * repository's `dist/` under another process) and `npm pack`, once.
 * @returns the absolute path of the `.tgz`.
 */
export async function packedTarball(): Promise<string> {
  const stage = path.join(workDir(), 'stage');
  const out = path.join(workDir(), 'pack');
  await once('pack', async () => {
    await pruneOldWorkDirs();
    await rm(stage, { recursive: true, force: true });
    await rm(out, { recursive: true, force: true });
    await mkdir(stage, { recursive: true });
    await mkdir(out, { recursive: true });
    await runOk(npm, ['run', 'build', '--', '--out-dir', path.join(stage, 'dist')], { cwd: REPO });
    for (const f of ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE']) {
      if (existsSync(path.join(REPO, f))) await copyFile(path.join(REPO, f), path.join(stage, f));
    }
    await runOk(npm, ['pack', '--ignore-scripts', '--pack-destination', out], { cwd: stage });
  });
  const tgz = readdirSync(out).filter((f) => f.endsWith('.tgz'));
  if (tgz.length !== 1) throw new Error(`expected one tarball in ${out}, found ${tgz.join(', ') || 'none'}`);
  return path.join(out, tgz[0]);
}

/** The repo's installed version of a devDependency, so consumers get the same one. */
export function installedVersion(pkg: string): string {
  return JSON.parse(readFileSync(path.join(REPO, 'node_modules', pkg, 'package.json'), 'utf8')).version;
}

/** The tfjs packages the `tfjs` consumer installs next to the tarball. */
export const TFJS_PACKAGES = ['@tensorflow/tfjs-core', '@tensorflow/tfjs-layers', '@tensorflow/tfjs-backend-cpu'];

/**
 * A consumer project (`"type": "module"`) with the tarball installed:
 * - `plain`: the tarball only, no tfjs (its peers are optional);
 * - `tfjs`: the tarball plus tfjs-core, tfjs-layers and the cpu backend.
 * @returns the project's directory.
 */
export async function consumer(kind: 'plain' | 'tfjs'): Promise<string> {
  const tgz = await packedTarball();
  const dir = path.join(workDir(), 'consumers', kind);
  await once(`consumer-${kind}`, async () => {
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    await writeFile(
      path.join(dir, 'package.json'),
      JSON.stringify({ name: `consumer-${kind}`, version: '0.0.0', private: true, type: 'module' }, null, 2),
    );
    const extra = kind === 'tfjs' ? TFJS_PACKAGES.map((p) => `${p}@${installedVersion(p)}`) : [];
    await runOk(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', tgz, ...extra], {
      cwd: dir,
    });
  });
  return dir;
}

/** Writes `files` (name → content) into `dir`, creating folders. */
export async function writeFiles(dir: string, files: Record<string, string>): Promise<void> {
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
}

/** Runs a script with this Node and parses the last stdout line as JSON. */
export async function nodeJson<T = Record<string, unknown>>(cwd: string, script: string): Promise<T> {
  const { stdout } = await runOk(process.execPath, [script], { cwd });
  const lines = stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as T;
}

/** The subpaths of the packed package's `exports` map that are modules (not `./package.json`). */
export function moduleSubpaths(consumerDir: string): string[] {
  const pkg = JSON.parse(
    readFileSync(path.join(consumerDir, 'node_modules', 'tfjs-methodology', 'package.json'), 'utf8'),
  ) as { exports: Record<string, unknown> };
  return Object.keys(pkg.exports).filter((k) => !k.endsWith('.json'));
}

/** `tfjs-methodology` + subpath as a bare specifier (`.` → the package name). */
export function specifier(subpath: string): string {
  return subpath === '.' ? 'tfjs-methodology' : `tfjs-methodology/${subpath.slice(2)}`;
}
