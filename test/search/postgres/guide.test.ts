import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectedOutputs, guideBlocks, materialise } from '../../helpers/guideSnippets';
import { startTestPostgres } from '../../helpers/postgres';
import type { TestPostgres } from '../../helpers/postgres';

// The PostgreSQL snippets of docs/search.md are fenced ```ts postgres (the
// search guide's own test runs only ```ts blocks, without a server): here they
// run in order against a real server, with DATABASE_URL set, and print what
// their `// =>` comments say.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const blocks = guideBlocks('search', 'ts postgres');
const outDir = join(ROOT, '.tmp', `search-postgres-guide-${process.pid}`);
let server: TestPostgres;
const saved = process.env.DATABASE_URL;

beforeAll(async () => {
  server = await startTestPostgres();
  process.env.DATABASE_URL = server.url;
}, 60_000);

afterAll(async () => {
  if (saved === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = saved;
  rmSync(outDir, { recursive: true, force: true });
  await server?.stop();
});

describe('docs/search.md, its PostgreSQL snippets', () => {
  it('has at least two, importing from tfjs-methodology/search/postgres and showing their output', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    for (const b of blocks) {
      expect(b).toContain("from 'tfjs-methodology/search/postgres'");
      expect(expectedOutputs(b).length).toBeGreaterThan(0);
    }
  });

  blocks.forEach((code, i) => {
    it(`snippet ${i + 1} runs against a real server and prints what its comments say`, async () => {
      const file = materialise(outDir, code, `postgres-snippet-${i + 1}.ts`);
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
    }, 60_000);
  });
});
