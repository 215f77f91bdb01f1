import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';

// Runs every ```ts block of docs/search.md against the
// library's source (the package specifiers are mapped to the index files) and
// checks that every `// => text` comment shows text the block really printed.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MODULES: Record<string, string> = {
  "'tfjs-methodology/search'": 'src/search/index.ts',
  "'tfjs-methodology/datasets'": 'src/datasets/index.ts',
  "'tfjs-methodology/metrics'": 'src/metrics/index.ts',
};

function expectedOutputs(code: string): string[] {
  return code
    .split('\n')
    .map((line) => /\/\/ => (.*)$/.exec(line)?.[1]?.trimEnd())
    .filter((s): s is string => s !== undefined && s.trim() !== '');
}

function toSource(code: string): string {
  let out = code;
  for (const [specifier, file] of Object.entries(MODULES)) {
    out = out.replaceAll(specifier, JSON.stringify(join(root, file).replace(/\\/g, '/')));
  }
  return out;
}

for (const [guideName, module, minBlocks] of [
  ['search', "'tfjs-methodology/search'", 6],
] as const) {
  const guide = readFileSync(join(root, `docs/${guideName}.md`), 'utf8');
  const blocks = [...guide.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
  const outDir = join(root, '.tmp', `${guideName}-guide-${process.pid}`);

  describe(`docs/${guideName}.md`, () => {
    afterAll(() => rmSync(outDir, { recursive: true, force: true }));

    it(`has runnable snippets that import from tfjs-methodology/${guideName} and show their output`, () => {
      expect(blocks.length).toBeGreaterThanOrEqual(minBlocks);
      for (const b of blocks) {
        expect(b).toContain(`from ${module}`);
        expect(expectedOutputs(b).length).toBeGreaterThan(0);
      }
    });

    blocks.forEach((code, i) => {
      const title = code.split('\n').find((l) => l.includes(module))!;
      it(`snippet ${i + 1} runs and prints what its comments say (${title.slice(0, 70)})`, async () => {
        mkdirSync(outDir, { recursive: true });
        const file = join(outDir, `snippet-${i + 1}.ts`);
        writeFileSync(file, toSource(code));
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
      }, 120_000);
    });
  });
}
