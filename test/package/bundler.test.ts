import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { HEADLINE_CASE, HEADLINE_EXPORT, PACKAGE_TEST_TIMEOUT, consumer, writeFiles } from './helpers/packedPackage';

/**
 * Budget for `import { averagePrecision } from 'tfjs-methodology/metrics'`,
 * minified. Issue 3 asks for 4 KB (4096 bytes); that target is NOT met: the
 * bundle measures about 8.3 KB (8321 bytes; 11.2 KB before the compact
 * kernel and readers). What `averagePrecision` must carry by its contract
 * does not fit in 4 KB: the exact ranking kernel fast enough for the speed
 * targets (LSD radix sort, lookup-table placement, sweep: ~2.0 KB); readers
 * of arrays, typed arrays, tensors, booleans and strings with messages naming
 * function, argument, index and value, plus the options (~2.8 KB); the n×k
 * matrix reader, one-vs-rest with four averages and scikit-learn's label
 * order (~2.9 KB). This is a regression guard at the measured size plus a
 * little headroom, not the issue's target.
 */
const BUDGET_BYTES = 9 * 1024;
const ISSUE_TARGET_BYTES = 4096;

/** Strings that only tfjs code contains (module ids, engine and kernel registry names). */
const TFJS_MARKERS = ['@tensorflow', 'tfjs-core', 'registerKernel', 'registerGradient', 'getBackend', 'TFJS_', 'tfjsflags'];

async function bundle(cwd: string, entry: string, external: string[] = []) {
  const result = await build({
    external,
    entryPoints: [path.join(cwd, entry)],
    absWorkingDir: cwd,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  const output = Object.values(result.metafile.outputs)[0];
  return {
    code,
    bytes: Buffer.byteLength(code),
    /** Every file esbuild parsed, including those tree shaking dropped. */
    parsed: Object.keys(result.metafile.inputs),
    /** The files with code in the bundle. */
    inputs: Object.entries(output.inputs)
      .filter(([, v]) => v.bytesInOutput > 0)
      .map(([k]) => k),
  };
}

/**
 * Bundled in the consumer that HAS tfjs installed: if anything on the path
 * from `averagePrecision` imported tfjs, esbuild would find it and pull it in.
 */
describe('the packed package in a bundler (esbuild, minified, browser)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await consumer('tfjs');
    await writeFiles(dir, {
      'bundle-headline.js': `import { ${HEADLINE_EXPORT} } from 'tfjs-methodology/metrics';\nexport { ${HEADLINE_EXPORT} };\n`,
    });
  }, PACKAGE_TEST_TIMEOUT);

  it(
    `bundles only ${HEADLINE_EXPORT} from tfjs-methodology/metrics to at most 9 KB (the issue's 4 KB target is not met) without any tfjs code, and the bundle works`,
    async () => {
      const { code, bytes, parsed } = await bundle(dir, 'bundle-headline.js');
      expect(parsed.filter((f) => f.includes('@tensorflow'))).toEqual([]);
      for (const marker of TFJS_MARKERS) expect(code.includes(marker), `bundle contains "${marker}"`).toBe(false);
      expect(bytes, `minified bundle of ${HEADLINE_EXPORT} is ${bytes} bytes (issue target ${ISSUE_TARGET_BYTES})`).toBeLessThanOrEqual(BUDGET_BYTES);
      // Tree shaking must not have broken it: run the minified bundle itself.
      const mod = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
      expect(mod[HEADLINE_EXPORT](HEADLINE_CASE.yTrue, HEADLINE_CASE.yScore)).toBeCloseTo(HEADLINE_CASE.expected, 12);
    },
    PACKAGE_TEST_TIMEOUT,
  );

  it(
    `drops the package's files that ${HEADLINE_EXPORT} does not use, and seedrandom with them`,
    async () => {
      const { inputs } = await bundle(dir, 'bundle-headline.js');
      const ours = inputs.filter((f) => f.includes('node_modules/tfjs-methodology/'));
      expect(ours.length).toBeGreaterThan(1);
      expect(inputs.filter((f) => f.includes('node_modules/seedrandom/'))).toEqual([]);
      expect(ours.filter((f) => /bootstrap|random|threshold|confusionMatrix|classificationReport/.test(f))).toEqual([]);
    },
    PACKAGE_TEST_TIMEOUT,
  );

  it(
    'bundles the whole metrics module without any tfjs code',
    async () => {
      await writeFiles(dir, {
        'bundle-metrics.js': `import * as metrics from 'tfjs-methodology/metrics';\nconsole.log(metrics);\n`,
      });
      const { code, parsed } = await bundle(dir, 'bundle-metrics.js');
      expect(parsed.filter((f) => f.includes('@tensorflow'))).toEqual([]);
      expect(parsed.some((f) => f.includes('tfjs-methodology/dist/metrics/index.js'))).toBe(true);
      for (const marker of TFJS_MARKERS) expect(code.includes(marker), `bundle contains "${marker}"`).toBe(false);
    },
    PACKAGE_TEST_TIMEOUT,
  );

  it(
    'importing only checkGradients does not pull in the search module',
    async () => {
      await writeFiles(dir, {
        'bundle-gradcheck.js': `import { checkGradients } from 'tfjs-methodology/gradcheck';\nexport { checkGradients };\n`,
      });
      const { parsed, inputs } = await bundle(dir, 'bundle-gradcheck.js', ['@tensorflow/*']);
      expect(inputs.some((f) => f.includes('tfjs-methodology/dist/gradcheck/checkGradients.js'))).toBe(true);
      // Not even parsed: nothing on the path from the gradcheck entry imports search.
      expect(parsed.filter((f) => f.includes('tfjs-methodology/dist/search/'))).toEqual([]);
      expect(inputs.filter((f) => f.includes('tfjs-methodology/dist/search/'))).toEqual([]);
    },
    PACKAGE_TEST_TIMEOUT,
  );
});
