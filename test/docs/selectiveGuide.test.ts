import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';

// Runs every ```ts block of docs/selective.md against the library's source and
// checks that each `// => text` comment shows text the block really printed.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const guide = readFileSync(join(root, 'docs/selective.md'), 'utf8');
const blocks = [...guide.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
const outDir = join(root, '.tmp', `selective-guide-${process.pid}`);
const source = join(root, 'src/selective/index.ts').replace(/\\/g, '/');
const MODULE = "'tfjs-methodology/selective'";

function expectedOutputs(code: string): string[] {
  return code
    .split('\n')
    .map((line) => /\/\/ => (.*)$/.exec(line)?.[1]?.trimEnd())
    .filter((s): s is string => s !== undefined && s.trim() !== '');
}

describe('docs/selective.md', () => {
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('has runnable snippets, each importing from tfjs-methodology/selective and showing its output', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(7);
    for (const b of blocks) {
      expect(b).toContain(`from ${MODULE}`);
      expect(expectedOutputs(b).length).toBeGreaterThan(0);
    }
  });

  blocks.forEach((code, i) => {
    const title = code.split('\n').find((l) => l.includes(MODULE))!;
    it(`snippet ${i + 1} runs and prints what its comments say (${title.slice(0, 70)})`, async () => {
      mkdirSync(outDir, { recursive: true });
      const file = join(outDir, `snippet-${i + 1}.ts`);
      writeFileSync(file, code.replaceAll(MODULE, JSON.stringify(source)));
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
