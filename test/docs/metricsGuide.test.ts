import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';

// Runs every ```ts block of docs/metrics.md, importing the library from
// source, and checks that it does not throw and that every `// => value`
// comment in it shows text the block really printed.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const guide = readFileSync(join(root, 'docs/metrics.md'), 'utf8');
const blocks = [...guide.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
const outDir = join(root, '.tmp', `metrics-guide-${process.pid}`);
const source = join(root, 'src/metrics/index.ts').replace(/\\/g, '/');

/** The `// => text` comments of a block (blank ones, for blank output lines, are skipped). */
function expectedOutputs(code: string): string[] {
  return code
    .split('\n')
    .map((line) => /\/\/ => (.*)$/.exec(line)?.[1]?.trimEnd())
    .filter((s): s is string => s !== undefined && s.trim() !== '');
}

describe('docs/metrics.md', () => {
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('has runnable snippets that import from tfjs-methodology/metrics', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(8);
    for (const b of blocks) expect(b).toContain("from 'tfjs-methodology/metrics'");
  });

  blocks.forEach((code, i) => {
    const title = code.split('\n').find((l) => l.includes("from 'tfjs-methodology/metrics'"))!;
    it(`snippet ${i + 1} runs and prints what its comments say (${title.slice(0, 70)})`, async () => {
      mkdirSync(outDir, { recursive: true });
      const file = join(outDir, `snippet-${i + 1}.ts`);
      writeFileSync(file, code.replaceAll("'tfjs-methodology/metrics'", JSON.stringify(source)));
      const printed: string[] = [];
      const log = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
        printed.push(format(...args));
      });
      try {
        await import(pathToFileURL(file).href);
      } finally {
        log.mockRestore();
      }
      const output = printed.join('\n');
      for (const expected of expectedOutputs(code)) expect(output).toContain(expected);
    });
  });
});
