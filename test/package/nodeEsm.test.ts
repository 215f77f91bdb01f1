import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  HEADLINE_CASE,
  HEADLINE_EXPORT,
  PACKAGE_TEST_TIMEOUT,
  consumer,
  moduleSubpaths,
  nodeJson,
  specifier,
  writeFiles,
} from './helpers/packedPackage';

describe('the packed package in a Node ESM project', () => {
  let plain: string;
  let withTfjs: string;
  beforeAll(async () => {
    plain = await consumer('plain');
    withTfjs = await consumer('tfjs');
  }, PACKAGE_TEST_TIMEOUT);

  it(
    'imports the metrics subpath, resolved to the ESM build, in a project without tfjs',
    async () => {
      await writeFiles(plain, {
        'esm.mjs': `
import * as metrics from 'tfjs-methodology/metrics';
const name = ${JSON.stringify(HEADLINE_EXPORT)};
const c = ${JSON.stringify(HEADLINE_CASE)};
let error = null;
try { metrics[name]([0, 1], [0.5]); } catch (e) {
  error = { name: e.name, isError: e instanceof Error, isMetricInputError: e instanceof metrics.MetricInputError };
}
console.log(JSON.stringify({
  metrics: import.meta.resolve('tfjs-methodology/metrics'),
  type: typeof metrics[name],
  value: typeof metrics[name] === 'function' ? metrics[name](c.yTrue, c.yScore) : null,
  error,
}));
`,
      });
      const out = await nodeJson<{
        metrics: string;
        type: string;
        value: number;
        error: { name: string; isError: boolean; isMetricInputError: boolean } | null;
      }>(plain, 'esm.mjs');
      expect(out.metrics).toMatch(/\/node_modules\/tfjs-methodology\/dist\/metrics\/index\.js$/);
      expect(out.type, `${HEADLINE_EXPORT} is exported from tfjs-methodology/metrics`).toBe('function');
      expect(out.value).toBeCloseTo(HEADLINE_CASE.expected, 12);
      expect(out.error).toEqual({ name: 'MetricInputError', isError: true, isMetricInputError: true });
    },
    PACKAGE_TEST_TIMEOUT,
  );

  it(
    'imports every subpath of the exports map as ESM (tfjs peers installed), sharing one copy of each function and error class',
    async () => {
      const subpaths = moduleSubpaths(withTfjs);
      expect(subpaths).toContain('.');
      expect(subpaths).toContain('./metrics');
      await writeFiles(withTfjs, {
        'subpaths.mjs': `
const out = {};
for (const s of ${JSON.stringify(subpaths.map(specifier))}) {
  const m = await import(s);
  out[s] = { file: import.meta.resolve(s), exports: Object.keys(m).length };
}
const root = await import('tfjs-methodology');
const metrics = await import('tfjs-methodology/metrics');
const name = ${JSON.stringify(HEADLINE_EXPORT)};
out.shared = { fn: root[name] === metrics[name], error: root.MetricInputError === metrics.MetricInputError };
console.log(JSON.stringify(out));
`,
      });
      const out = await nodeJson<Record<string, { file: string; exports: number }> & { shared: unknown }>(
        withTfjs,
        'subpaths.mjs',
      );
      for (const s of subpaths.map(specifier)) {
        expect(out[s].file, s).toMatch(/\/node_modules\/tfjs-methodology\/dist\/.*\.js$/);
        expect(out[s].exports, s).toBeGreaterThan(0);
      }
      expect(out['tfjs-methodology'].file).toMatch(/\/dist\/index\.js$/);
      expect(out.shared).toEqual({ fn: true, error: true });
    },
    PACKAGE_TEST_TIMEOUT,
  );

  it(
    "loads tfjs-core through its CommonJS main and reads a tfjs tensor through the metrics module",
    async () => {
      await writeFiles(withTfjs, {
        'tfjs.mjs': `
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import * as metrics from 'tfjs-methodology/metrics';
await tf.setBackend('cpu');
await tf.ready();
const name = ${JSON.stringify(HEADLINE_EXPORT)};
const c = ${JSON.stringify(HEADLINE_CASE)};
const yTrue = tf.tensor1d(c.yTrue, 'int32');
const yScore = tf.tensor1d(c.yScore);
const value = typeof metrics[name] === 'function' ? metrics[name](yTrue, yScore) : null;
yTrue.dispose(); yScore.dispose();
console.log(JSON.stringify({
  tfjsCore: import.meta.resolve('@tensorflow/tfjs-core'),
  backend: tf.getBackend(),
  layers: typeof tfl.sequential,
  numTensors: tf.memory().numTensors,
  value,
}));
`,
      });
      const out = await nodeJson<{ tfjsCore: string; backend: string; layers: string; numTensors: number; value: number }>(
        withTfjs,
        'tfjs.mjs',
      );
      // tfjs-core has no "exports" map: Node's ESM loader takes its CJS "main".
      expect(path.basename(out.tfjsCore)).toBe('tf-core.node.js');
      expect(out.backend).toBe('cpu');
      expect(out.layers).toBe('function');
      expect(out.numTensors).toBe(0);
      // A float32 tensor holds the scores rounded to float32; the ranking is the same.
      expect(out.value).toBeCloseTo(HEADLINE_CASE.expected, 12);
    },
    PACKAGE_TEST_TIMEOUT,
  );
});
