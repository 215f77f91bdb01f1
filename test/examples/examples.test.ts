import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';

// Every example runs in quick mode as a child process (tsx, as `npx tsx
// examples/<name>.ts --quick` does), two at a time, writing into a fresh
// folder: it must exit 0 without writing to stderr, and write every figure
// it promises, as SVG that parses as XML and as a Vega-Lite spec that
// parses as JSON. The walkthrough's report.html must hold every SVG inline.

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const TSX = createRequire(import.meta.url).resolve('tsx/cli');
const OUT = mkdtempSync(join(tmpdir(), 'tfjs-methodology-examples-'));

/** Each example and the figures (`<example>-<name>.svg` and `.vl.json`) it writes. */
const EXAMPLES: Record<string, readonly string[]> = {
  'rare-events': ['precision-recall', 'roc'],
  coverage: ['risk-coverage', 'reliability-before', 'reliability-after'],
  'baseline-and-diagnosis': ['learning-curve'],
  'gradient-check': [],
  debugging: ['dead-units', 'gradient-norms'],
  'double-descent': ['capacity-sweep'],
  'hyperparameter-search': ['learning-rate', 'history', 'importance'],
  walkthrough: ['learning-curve', 'search-history', 'parameter-importance', 'activations', 'gradient-norms', 'risk-coverage', 'reliability'],
};

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function runExample(name: string): Promise<Result> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, join('examples', `${name}.ts`), '--quick'], {
      cwd: REPO,
      env: { ...process.env, TFJS_METHODOLOGY_QUICK: '1', TFJS_METHODOLOGY_OUT: OUT },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
  });
}

// Two at a time: the machine this runs on has two cores.
let active = 0;
const waiting: (() => void)[] = [];
async function limited<T>(task: () => Promise<T>): Promise<T> {
  while (active >= 2) await new Promise<void>((wake) => waiting.push(wake));
  active++;
  try {
    return await task();
  } finally {
    active--;
    waiting.shift()?.();
  }
}
const results = new Map(Object.keys(EXAMPLES).map((name) => [name, limited(() => runExample(name))]));

const nonEmpty = (file: string) => statSync(file).size > 0;

describe('examples (quick mode)', () => {
  afterAll(() => rmSync(OUT, { recursive: true, force: true }));

  for (const [name, figures] of Object.entries(EXAMPLES)) {
    it(`${name} exits 0, prints its report and writes ${figures.length} figure(s) as SVG and Vega-Lite`, async () => {
      const { code, stdout, stderr } = await results.get(name)!;
      expect(stderr, `${name} wrote to stderr`).toBe('');
      expect(code, `${name} exited ${code}\n${stdout}`).toBe(0);
      // Undefined metrics print as 'NaN (undefined)'; nothing else may be undefined or infinite.
      expect(stdout.replaceAll('NaN (undefined)', '')).not.toMatch(/undefined|Infinity/);
      for (const figure of figures) {
        const svg = join(OUT, `${name}-${figure}.svg`);
        const spec = join(OUT, `${name}-${figure}.vl.json`);
        expect(nonEmpty(svg) && nonEmpty(spec), `${name}-${figure}`).toBe(true);
        const markup = readFileSync(svg, 'utf8');
        expect(XMLValidator.validate(markup), `${name}-${figure}.svg is not well-formed XML`).toBe(true);
        expect(markup.startsWith('<svg')).toBe(true);
        expect(JSON.parse(readFileSync(spec, 'utf8')).$schema).toMatch(/vega-lite/);
      }
    });
  }

  it('the walkthrough writes report.html: one self-contained page with every figure inline', async () => {
    const { code } = await results.get('walkthrough')!;
    expect(code).toBe(0);
    const html = readFileSync(join(OUT, 'report.html'), 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    for (const figure of EXAMPLES.walkthrough) {
      const svg = readFileSync(join(OUT, `walkthrough-${figure}.svg`), 'utf8');
      expect(html).toContain(svg);
    }
    expect(html.split('<svg').length - 1).toBe(EXAMPLES.walkthrough.length);
    // Opens offline: no script, no stylesheet or image fetched from elsewhere.
    expect(html).not.toMatch(/<script|<link|src="http|href="http/);
  });
});
