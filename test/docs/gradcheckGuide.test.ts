import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';

// Runs every ```ts block of docs/gradcheck.md against the library's source and
// checks that each `// => text` comment shows text the block really printed;
// the ```ts vitest block (a complete test file) is imported here, so that its
// own describe/it blocks run as part of this suite.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const guide = readFileSync(join(root, 'docs/gradcheck.md'), 'utf8');
const blocks = [...guide.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
const testFiles = [...guide.matchAll(/```ts vitest\n([\s\S]*?)```/g)].map((m) => m[1]);
const outDir = join(root, '.tmp', `gradcheck-guide-${process.pid}`);
const source = join(root, 'src/gradcheck/index.ts').replace(/\\/g, '/');
const MODULE = "'tfjs-methodology/gradcheck'";

function expectedOutputs(code: string): string[] {
  return code
    .split('\n')
    .map((line) => /\/\/ => (.*)$/.exec(line)?.[1]?.trimEnd())
    .filter((s): s is string => s !== undefined && s.trim() !== '');
}

function materialise(code: string, name: string): string {
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, name);
  writeFileSync(file, code.replaceAll(MODULE, JSON.stringify(source)));
  return file;
}

describe('docs/gradcheck.md', () => {
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('has a complete vitest file and runnable snippets, each importing tfjs-methodology/gradcheck and showing its output', () => {
    expect(testFiles).toHaveLength(1);
    expect(testFiles[0]).toContain(`from ${MODULE}`);
    expect(blocks.length).toBeGreaterThanOrEqual(6);
    for (const b of blocks) {
      expect(b).toContain(`from ${MODULE}`);
      expect(expectedOutputs(b).length).toBeGreaterThan(0);
    }
  });

  blocks.forEach((code, i) => {
    const title = code.split('\n').find((l) => l.includes(MODULE))!;
    it(`snippet ${i + 1} runs and prints what its comments say (${title.slice(0, 70)})`, async () => {
      const file = materialise(code, `snippet-${i + 1}.ts`);
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

// The guide's complete test file registers its own tests here.
await import(pathToFileURL(materialise(testFiles[0], 'swish.test.ts')).href);
