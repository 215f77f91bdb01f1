import { beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_TEST_TIMEOUT, consumer, nodeJson, writeFiles } from '../../package/helpers/packedPackage';

/**
 * `pg` is an optional peer dependency: a project without it can load
 * `tfjs-methodology/search/postgres` (CommonJS or ESM) and only fails when a
 * storage is first used, with a SearchError naming pg and how to install it.
 * Runs against the packed package in a consumer project without pg (and
 * without tfjs: the postgres subpath does not need it).
 */
describe('tfjs-methodology/search/postgres in a project without pg', () => {
  let plain: string;
  beforeAll(async () => {
    plain = await consumer('plain');
    const probe = (load: string, search: string) => `
let pgInstalled = true;
try { require.resolve('pg'); } catch { pgInstalled = false; }
${load}
const storage = mod.postgresStorage('postgres://user:secret@127.0.0.1:9/none', { schema: 'x' });
storage.listStudies().then(
  () => console.log(JSON.stringify({ pgInstalled, failed: false })),
  (e) => console.log(JSON.stringify({ pgInstalled, failed: true, type: typeof mod.postgresStorage, name: e.name, message: e.message, isLibraryError: e instanceof ${search}.TfjsMethodologyError })),
);
`;
    await writeFiles(plain, {
      'pg-missing.cjs': probe(`const mod = require('tfjs-methodology/search/postgres');\nconst root = require('tfjs-methodology');`, 'root'),
      'pg-missing.mjs': `import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\n${probe(`const mod = await import('tfjs-methodology/search/postgres');\nconst root = await import('tfjs-methodology');`, 'root')}`,
    });
  }, PACKAGE_TEST_TIMEOUT);

  for (const file of ['pg-missing.cjs', 'pg-missing.mjs']) {
    it(
      `loads the module (${file.endsWith('cjs') ? 'require' : 'import'}) and fails only on first use, with a SearchError naming pg and \`npm install pg\``,
      async () => {
        const out = await nodeJson<{ pgInstalled: boolean; failed: boolean; type: string; name: string; message: string; isLibraryError: boolean }>(plain, file);
        expect(out.pgInstalled).toBe(false);
        expect(out.failed).toBe(true);
        expect(out.type).toBe('function');
        expect([out.name, out.isLibraryError]).toEqual(['SearchError', true]);
        expect(out.message).toMatch(/^postgresStorage: needs the PostgreSQL client "pg", an optional peer dependency that is not installed: run `npm install pg`/);
      },
      PACKAGE_TEST_TIMEOUT,
    );
  }
});
