/**
 * The `study` command of the `tfjs-methodology` program, after Optuna's CLI
 * (`optuna studies`, `optuna trials`, `optuna best-trial`):
 *
 * ```
 * tfjs-methodology study list   --storage <journal-path | postgres-url>
 * tfjs-methodology study trials --storage <…> [--study NAME] [--format table|json]
 * tfjs-methodology study best   --storage <…> [--study NAME] [--format table|json]
 * ```
 *
 * With PostgreSQL, `--schema NAME` picks the schema (defaults to the storage's, `tfjs_methodology`).
 *
 * `--study` may be left out when the storage holds one study. A
 * `postgres://` or `postgresql://` storage loads `tfjs-methodology/search/postgres`
 * (and `pg`) lazily. Internal to the package's `bin`; tested through
 * {@link runCli}.
 */
import { isPostgresUrl, openStorage } from '../search/openStorage';
import type { FrozenTrial, Storage, StudySummary } from '../search/types';
import { formatTable } from './table';

/** What a run of the program printed and its exit code (0 success, 1 failure, 2 bad usage). */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const USAGE = `Usage:
  tfjs-methodology study list   --storage <journal-path | postgres-url> [--format table|json]
  tfjs-methodology study trials --storage <journal-path | postgres-url> [--study NAME] [--format table|json]
  tfjs-methodology study best   --storage <journal-path | postgres-url> [--study NAME] [--format table|json]
Options:
  --storage   a journal file, or a postgres:// (postgresql://) connection URL
  --schema    the PostgreSQL schema of the studies (default tfjs_methodology)
  --study     the study's name (needed when the storage has several)
  --format    table (default) or json
`;

class UsageError extends Error {}
class CliError extends Error {}

/**
 * Runs the program on its arguments (without `node` and the script) and
 * returns what it would print; `main.ts` prints it and exits with the code.
 *
 * @param argv - e.g. `['study', 'list', '--storage', 'study.jsonl']`.
 * @returns The exit code and the printed text.
 * @example
 * (await runCli(['study', 'list', '--storage', 'study.jsonl'])).stdout;
 * // => '+------+-----------+ …'
 */
export async function runCli(argv: readonly string[]): Promise<CliResult> {
  let storage: Storage | undefined;
  try {
    const args = parse(argv);
    if (args.help) return { code: 0, stdout: USAGE, stderr: '' };
    storage = await open(args.storage, args.schema);
    const out = await command(storage, args);
    return { code: 0, stdout: out, stderr: '' };
  } catch (e) {
    if (e instanceof UsageError) return { code: 2, stdout: '', stderr: `tfjs-methodology: ${e.message}\n${USAGE}` };
    return { code: 1, stdout: '', stderr: `tfjs-methodology: ${e instanceof Error ? e.message : String(e)}\n` };
  } finally {
    await storage?.close?.().catch(() => undefined);
  }
}

interface Args {
  readonly help: boolean;
  readonly command: 'list' | 'trials' | 'best';
  readonly storage: string;
  readonly study: string | undefined;
  readonly schema: string | undefined;
  readonly format: 'table' | 'json';
}

function parse(argv: readonly string[]): Args {
  if (argv.includes('--help') || argv.includes('-h') || argv.length === 0) return { help: true, command: 'list', storage: '', study: undefined, schema: undefined, format: 'table' };
  const [group, command, ...rest] = argv;
  if (group !== 'study') throw new UsageError(`unknown command ${JSON.stringify(group)} (expected "study")`);
  if (command !== 'list' && command !== 'trials' && command !== 'best') throw new UsageError(`unknown study command ${JSON.stringify(command)} (expected list, trials or best)`);
  const options: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    const m = /^--(storage|study|schema|format)(?:=(.*))?$/.exec(a);
    if (m === null) throw new UsageError(`unknown argument ${JSON.stringify(a)}`);
    const value = m[2] ?? rest[++i];
    if (value === undefined) throw new UsageError(`--${m[1]} needs a value`);
    options[m[1]!] = value;
  }
  if (options['storage'] === undefined || options['storage'] === '') throw new UsageError('--storage is required');
  const format = options['format'] ?? 'table';
  if (format !== 'table' && format !== 'json') throw new UsageError(`--format is ${JSON.stringify(format)}, expected table or json`);
  if (options['schema'] !== undefined && !isPostgresUrl(options['storage'])) throw new UsageError('--schema is for a postgres:// storage');
  return { help: false, command, storage: options['storage'], study: options['study'], schema: options['schema'], format };
}

async function open(descriptor: string, schema: string | undefined): Promise<Storage> {
  if (schema !== undefined) return openStorage({ postgres: descriptor, schema }, 'study');
  if (!isPostgresUrl(descriptor)) {
    const { existsSync } = await import('node:fs');
    // Opening a journal creates it: a mistyped path must not leave an empty file behind.
    if (!existsSync(descriptor)) throw new CliError(`no journal file at ${descriptor}`);
  }
  return openStorage(descriptor, 'study');
}

async function command(storage: Storage, args: Args): Promise<string> {
  const studies = await storage.listStudies();
  if (args.command === 'list') {
    if (args.format === 'json') return `${JSON.stringify(studies.map(({ studyId: _, ...s }) => ({ ...s, datetimeStart: iso(s.datetimeStart) })), null, 2)}\n`;
    return formatTable(
      ['name', 'direction', 'trials', 'complete', 'pruned', 'failed', 'running', 'waiting', 'best value', 'started'],
      studies.map((s) => [s.name, s.direction, String(s.nTrials), ...(['complete', 'pruned', 'failed', 'running', 'waiting'] as const).map((k) => String(s.trialCounts[k])), num(s.bestValue), iso(s.datetimeStart) ?? '']),
    );
  }
  const summary = pick(studies, args.study);
  const trials = await storage.getAllTrials(summary.studyId);
  if (args.command === 'trials') {
    if (args.format === 'json') return `${JSON.stringify(trials.map(trialJSON), null, 2)}\n`;
    return trialTable(trials);
  }
  const better = summary.direction === 'minimize' ? (a: number, b: number) => a < b : (a: number, b: number) => a > b;
  let best: FrozenTrial | undefined;
  for (const t of trials) if (t.state === 'complete' && t.value !== undefined && (best === undefined || better(t.value, best.value!))) best = t;
  if (best === undefined) throw new CliError(`study ${JSON.stringify(summary.name)} has no complete trial yet`);
  if (args.format === 'json') return `${JSON.stringify(trialJSON(best), null, 2)}\n`;
  return trialTable([best]);
}

function pick(studies: readonly StudySummary[], name: string | undefined): StudySummary {
  if (name !== undefined) {
    const s = studies.find((x) => x.name === name);
    if (s === undefined) throw new CliError(`no study named ${JSON.stringify(name)} (the storage has ${studies.length === 0 ? 'none' : studies.map((x) => JSON.stringify(x.name)).join(', ')})`);
    return s;
  }
  if (studies.length === 1) return studies[0]!;
  throw new CliError(studies.length === 0 ? 'the storage has no study' : `the storage has ${studies.length} studies: give --study (${studies.map((x) => JSON.stringify(x.name)).join(', ')})`);
}

function trialTable(trials: readonly FrozenTrial[]): string {
  const names = [...new Set(trials.flatMap((t) => Object.keys(t.params)))];
  const header = ['number', 'state', 'value', ...names.map((n) => `params_${n}`), 'duration ms', 'started', 'error'];
  const rows = trials.map((t) => [
    String(t.number),
    t.state,
    num(t.value),
    ...names.map((n) => (n in t.params ? cell(t.params[n]) : '')),
    t.durationMs === undefined ? '' : String(t.durationMs),
    iso(t.datetimeStart) ?? '',
    t.error ?? '',
  ]);
  return formatTable(header, rows);
}

function trialJSON(t: FrozenTrial): Record<string, unknown> {
  return {
    number: t.number,
    state: t.state,
    value: t.value !== undefined && !Number.isFinite(t.value) ? String(t.value) : t.value,
    params: t.params,
    intermediateValues: [...t.intermediateValues],
    datetimeStart: iso(t.datetimeStart),
    datetimeComplete: iso(t.datetimeComplete),
    durationMs: t.durationMs,
    error: t.error,
    userAttrs: t.userAttrs,
    systemAttrs: t.systemAttrs,
  };
}

const num = (v: number | undefined): string => (v === undefined ? '' : String(v));
const cell = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));
const iso = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : new Date(ms).toISOString());
