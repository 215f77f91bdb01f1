import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** bench/RESULTS.md, shared by every benchmark: each owns one marked section. */
export const RESULTS_PATH = join(dirname(fileURLToPath(import.meta.url)), 'RESULTS.md');

/** One line describing the machine a benchmark ran on. */
export function machineLine(): string {
  const cpu = cpus();
  return `${cpu[0]?.model ?? 'unknown CPU'} × ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}-${process.arch}, ${new Date().toISOString().slice(0, 10)}`;
}

/**
 * Replaces (or appends) the section `name` of bench/RESULTS.md, delimited by
 * `<!-- name:start -->` and `<!-- name:end -->`, leaving other benchmarks'
 * sections as they are.
 */
export function writeResultsSection(name: string, markdown: string): void {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  let text = existsSync(RESULTS_PATH)
    ? readFileSync(RESULTS_PATH, 'utf8')
    : '# Benchmark results\n\nWritten by `npm run bench*`; each section is replaced by the benchmark that owns it. Ratios are against a reference measured in the same run.\n';
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i >= 0 && j > i) text = text.slice(0, i) + block + text.slice(j + end.length);
  else text = `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(RESULTS_PATH, text);
}
