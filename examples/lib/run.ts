/**
 * What every example shares: the quick flag, the output folder, printing
 * helpers and progress lines. Examples are programs, so they print; the
 * library itself never does.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';

/**
 * Quick mode (`--quick` or `TFJS_METHODOLOGY_QUICK=1`): every example shrinks
 * its data, epochs and trials so that it finishes in seconds. The test suite
 * runs the examples this way; the numbers it prints are then rougher.
 */
export const QUICK = process.argv.includes('--quick') || process.env.TFJS_METHODOLOGY_QUICK === '1';

/** `full` normally, `quick` in quick mode. */
export function sized<T>(full: T, quick: T): T {
  return QUICK ? quick : full;
}

/** `examples/out/` (or `$TFJS_METHODOLOGY_OUT`, which the tests use), created on first use. */
export const OUT_DIR = process.env.TFJS_METHODOLOGY_OUT
  ? resolve(process.env.TFJS_METHODOLOGY_OUT)
  : resolve(dirname(fileURLToPath(import.meta.url)), '..', 'out');

/** Writes `examples/out/<name>` and returns its path. */
export function writeOutput(name: string, contents: string): string {
  const file = join(OUT_DIR, name);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, contents);
  return file;
}

/**
 * The cpu backend, and tfjs's production mode, which only silences its
 * "install tfjs-node to speed things up" banner (a console.warn) so that the
 * report reads cleanly.
 */
export async function useCpuBackend(): Promise<void> {
  tf.enableProdMode();
  await tf.setBackend('cpu');
  await tf.ready();
}

const started = Date.now();

/** Everything printed with console.log so far (the walkthrough's HTML report repeats it). */
export const transcript: string[] = [];
const print = console.log.bind(console);
console.log = (...args: unknown[]) => {
  transcript.push(format(...args));
  print(...args);
};

/** A numbered section heading. */
export function heading(text: string): void {
  console.log(`\n${text}\n${'-'.repeat(Math.min(text.length, 78))}`);
}

/** One aligned `label  value` line. */
export function line(label: string, value: string | number): void {
  console.log(`  ${label.padEnd(42)}${value}`);
}

/** A number with `digits` decimals, or "NaN (undefined)". */
export function fmt(x: number, digits = 4): string {
  return Number.isNaN(x) ? 'NaN (undefined)' : x.toFixed(digits);
}

/** A fraction as a percentage. */
export function pct(x: number, digits = 1): string {
  return Number.isNaN(x) ? 'NaN (undefined)' : `${(100 * x).toFixed(digits)}%`;
}

/** A progress line for a long step (`[3/8] training on 1000 examples… 2.1 s`). */
export function progress(done: number, total: number, what: string): void {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`    [${done}/${total}] ${what}  (${seconds} s)`);
}

/** Seconds since the example started. */
export function elapsed(): string {
  return `${((Date.now() - started) / 1000).toFixed(1)} s`;
}
