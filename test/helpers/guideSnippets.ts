import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';

// Shared by the docs tests: runs the ```ts blocks of a guide against the
// library's source (every 'tfjs-methodology/<module>' specifier, nested ones
// such as 'tfjs-methodology/search/postgres' included, is mapped to
// src/<module>/index.ts) and checks that each `// => text` comment shows text
// the block really printed with console.log.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The fenced blocks of `docs/<name>.md` whose info string is exactly `lang`. */
export function guideBlocks(name: string, lang = 'ts'): string[] {
  const guide = readFileSync(join(ROOT, `docs/${name}.md`), 'utf8');
  const fence = new RegExp('```' + lang.replace(/ /g, ' ') + '\\n([\\s\\S]*?)```', 'g');
  return [...guide.matchAll(fence)].map((m) => m[1]);
}

/** The `// => text` comments of a block (blank ones, for blank output lines, are skipped). */
export function expectedOutputs(code: string): string[] {
  return code
    .split('\n')
    .map((line) => /\/\/ => (.*)$/.exec(line)?.[1]?.trimEnd())
    .filter((s): s is string => s !== undefined && s.trim() !== '');
}

/** Rewrites the package's specifiers to the source index files. */
export function toSource(code: string): string {
  return code.replace(/(['"])tfjs-methodology(?:\/(\w+(?:\/\w+)*))?\1/g, (_, _q, module?: string) =>
    JSON.stringify(join(ROOT, 'src', module ?? '', 'index.ts').replace(/\\/g, '/')),
  );
}

/** Writes a block, mapped to the source, as a file under `.tmp/` and returns its path. */
export function materialise(outDir: string, code: string, name: string): string {
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, name);
  writeFileSync(file, toSource(code));
  return file;
}

/** Options of {@link describeGuide}. */
export interface DescribeGuideOptions {
  /** The module every snippet imports from (`tfjs-methodology/<module>`). Defaults to the guide's name. */
  module?: string;
  /** The fewest ```ts blocks the guide must have. */
  minBlocks: number;
  /** Every block must show at least one `// =>` output. Defaults to `true`. */
  requireOutputs?: boolean;
  /** Per-snippet timeout in ms. Defaults to vitest's. */
  timeout?: number;
}

/**
 * Defines the tests of `docs/<name>.md`: the guide has at least `minBlocks`
 * snippets importing from its module, and each snippet runs and prints what
 * its `// =>` comments say. Returns the folder the snippets are written to.
 */
export function describeGuide(name: string, options: DescribeGuideOptions): string {
  const { module = name, minBlocks, requireOutputs = true, timeout } = options;
  const specifier = `'tfjs-methodology/${module}'`;
  const blocks = guideBlocks(name);
  const outDir = join(ROOT, '.tmp', `${name}-guide-${process.pid}`);

  describe(`docs/${name}.md`, () => {
    afterAll(() => rmSync(outDir, { recursive: true, force: true }));

    it(`has runnable snippets that import from tfjs-methodology/${module}${requireOutputs ? ' and show their output' : ''}`, () => {
      expect(blocks.length).toBeGreaterThanOrEqual(minBlocks);
      for (const b of blocks) {
        expect(b).toContain(`from ${specifier}`);
        if (requireOutputs) expect(expectedOutputs(b).length).toBeGreaterThan(0);
      }
    });

    blocks.forEach((code, i) => {
      const title = code.split('\n').find((l) => l.includes(specifier)) ?? '';
      it(
        `snippet ${i + 1} runs and prints what its comments say (${title.slice(0, 70)})`,
        async () => {
          const file = materialise(outDir, code, `snippet-${i + 1}.ts`);
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
        },
        timeout,
      );
    });
  });
  return outDir;
}
