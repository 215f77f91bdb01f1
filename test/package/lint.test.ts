import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_TEST_TIMEOUT, REPO, packedTarball, run } from './helpers/packedPackage';

describe('the packed tarball', () => {
  let tgz: string;
  beforeAll(async () => {
    tgz = await packedTarball();
  }, PACKAGE_TEST_TIMEOUT);

  it(
    'passes publint with warnings treated as errors',
    async () => {
      const data = await readFile(tgz);
      const tarball = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
      const { messages, pkg } = await publint({ pack: { tarball }, level: 'warning', strict: true });
      expect(messages.map((m) => `${m.type}: ${formatMessage(m, pkg, { color: false })}`)).toEqual([]);
    },
    PACKAGE_TEST_TIMEOUT,
  );

  it(
    'passes Are the Types Wrong for node16 (from ESM and from CJS) and bundler resolution',
    async () => {
      const attw = path.join(REPO, 'node_modules', '@arethetypeswrong', 'cli', 'dist', 'index.js');
      // The node16 profile leaves out node10, which cannot resolve subpath exports at all.
      const args = [attw, tgz, '--profile', 'node16', '--no-definitely-typed', '--no-color'];
      const json = await run(process.execPath, [...args, '--format', 'json'], { cwd: REPO });
      const analysis = JSON.parse(json.stdout).analysis as {
        entrypoints: Record<string, { resolutions: Record<string, unknown> }>;
        problems: Array<{ kind: string; entrypoint?: string; resolutionKind?: string }>;
      };
      expect(Object.keys(analysis.entrypoints)).toContain('./metrics');
      const problems = analysis.problems.filter((p) => p.resolutionKind !== 'node10');
      if (problems.length > 0 || json.code !== 0) {
        const table = await run(process.execPath, [...args, '--format', 'table'], { cwd: REPO });
        expect.fail(`attw found problems:\n${table.stdout}\n${JSON.stringify(problems, null, 2)}`);
      }
      expect(json.code).toBe(0);
    },
    PACKAGE_TEST_TIMEOUT,
  );

  it(
    'contains the builds, the types, README, CHANGELOG and LICENSE, and no sources or tests',
    async () => {
      const { stdout } = await run('tar', ['-tzf', tgz], { cwd: REPO });
      const files = stdout.trim().split('\n').map((f) => f.replace(/^package\//, ''));
      for (const f of [
        'package.json',
        'README.md',
        'CHANGELOG.md',
        'LICENSE',
        'dist/index.js',
        'dist/index.cjs',
        'dist/index.d.ts',
        'dist/index.d.cts',
        'dist/metrics/index.js',
        'dist/metrics/index.cjs',
        'dist/metrics/index.d.ts',
        'dist/metrics/index.d.cts',
      ]) {
        expect(files).toContain(f);
      }
      expect(files.filter((f) => /^(src|test|bench|examples|node_modules)\//.test(f) || f.endsWith('.tgz'))).toEqual([]);
    },
    PACKAGE_TEST_TIMEOUT,
  );
});
