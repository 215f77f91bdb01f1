import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HEADLINE_EXPORT, PACKAGE_TEST_TIMEOUT, REPO, consumer, run, writeFiles } from './helpers/packedPackage';

const tsc = path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');

/**
 * A consumer's source. Each `@ts-expect-error` fails the check (TS2578) if
 * the line is NOT an error, so a package whose types fell back to `any`
 * cannot pass.
 */
const consumerSource = `
import { ${HEADLINE_EXPORT}, MetricInputError, TfjsMethodologyError } from 'tfjs-methodology/metrics';
import type { NumericInput } from 'tfjs-methodology/metrics';

const scores: NumericInput = new Float64Array([0.1, 0.4, 0.35, 0.8]);
// A binary call returns a number.
export const value: number = ${HEADLINE_EXPORT}([0, 0, 1, 1], scores);
export const error: TfjsMethodologyError = new MetricInputError('averagePrecision: yScore[0] is NaN');

// @ts-expect-error yScore is required
${HEADLINE_EXPORT}([0, 1]);
// @ts-expect-error the binary result is a number, not a string
export const wrong: string = ${HEADLINE_EXPORT}([0, 1], [0.2, 0.8]);
// @ts-expect-error options are an object
${HEADLINE_EXPORT}([0, 1], [0.2, 0.8], 42);
`;

/**
 * Compiler options common to every consumer: strict, no DOM, no @types, and
 * the package's own declarations checked too. The project has no tfjs: the
 * metrics module's types must not need it.
 */
const common = { strict: true, noEmit: true, skipLibCheck: false, types: [], lib: ['es2022'], target: 'es2022' };

async function typecheck(dir: string, project: string) {
  const result = await run(process.execPath, [tsc, '-p', project, '--explainFiles', '--pretty', 'false'], { cwd: dir });
  const errors = result.stdout
    .split('\n')
    .filter((l) => /error TS\d+/.test(l))
    .join('\n');
  return { ...result, errors };
}

describe('the packed package in a TypeScript project', () => {
  let dir: string;
  beforeAll(async () => {
    dir = path.join(await consumer('plain'), 'ts');
    await writeFiles(dir, {
      'esm.mts': consumerSource,
      'cjs.cts': consumerSource,
      'bundler.ts': consumerSource,
      'tsconfig.node16.json': JSON.stringify({
        compilerOptions: { ...common, module: 'node16', moduleResolution: 'node16' },
        files: ['esm.mts', 'cjs.cts'],
      }),
      'tsconfig.bundler.json': JSON.stringify({
        compilerOptions: { ...common, module: 'esnext', moduleResolution: 'bundler' },
        files: ['bundler.ts'],
      }),
    });
  }, PACKAGE_TEST_TIMEOUT);

  it(
    'type-checks an ESM (.mts) and a CJS (.cts) file with moduleResolution node16, against .d.ts and .d.cts',
    async () => {
      const { code, errors, stdout } = await typecheck(dir, 'tsconfig.node16.json');
      expect(errors).toBe('');
      expect(code).toBe(0);
      // The import condition's types for the .mts file, the require condition's for the .cts file.
      expect(stdout).toMatch(/node_modules\/tfjs-methodology\/dist\/metrics\/index\.d\.ts/);
      expect(stdout).toMatch(/node_modules\/tfjs-methodology\/dist\/metrics\/index\.d\.cts/);
    },
    PACKAGE_TEST_TIMEOUT,
  );

  it(
    'type-checks with moduleResolution bundler',
    async () => {
      const { code, errors, stdout } = await typecheck(dir, 'tsconfig.bundler.json');
      expect(errors).toBe('');
      expect(code).toBe(0);
      expect(stdout).toMatch(/node_modules\/tfjs-methodology\/dist\/metrics\/index\.d\.ts/);
    },
    PACKAGE_TEST_TIMEOUT,
  );

  it(
    'reports a wrong call as a type error (the types are read, not any)',
    async () => {
      await writeFiles(dir, {
        'wrong.mts': `import { ${HEADLINE_EXPORT} } from 'tfjs-methodology/metrics';\nexport const s: string = ${HEADLINE_EXPORT}([0, 1], [0.2, 0.8]);\n`,
        'tsconfig.wrong.json': JSON.stringify({
          compilerOptions: { ...common, module: 'node16', moduleResolution: 'node16' },
          files: ['wrong.mts'],
        }),
      });
      const { code, errors } = await typecheck(dir, 'tsconfig.wrong.json');
      expect(code).not.toBe(0);
      expect(errors).toMatch(/wrong\.mts\(2,14\): error TS2322/);
    },
    PACKAGE_TEST_TIMEOUT,
  );
});
