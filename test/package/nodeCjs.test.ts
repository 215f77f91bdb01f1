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

/**
 * Node >= 20.19 can require() an ES module, so a CJS consumer would "work" even
 * if the `require` condition were wrong. These tests check that require()
 * really resolves to, and loads, the `.cjs` build.
 */
describe('the packed package in a Node CommonJS project', () => {
  let plain: string;
  let withTfjs: string;
  beforeAll(async () => {
    plain = await consumer('plain');
    withTfjs = await consumer('tfjs');
  }, PACKAGE_TEST_TIMEOUT);

  it(
    "require('tfjs-methodology/metrics') resolves to the .cjs build and computes the metric, in a project without tfjs",
    async () => {
      await writeFiles(plain, {
        'cjs.cjs': `
const metrics = require('tfjs-methodology/metrics');
const name = ${JSON.stringify(HEADLINE_EXPORT)};
const c = ${JSON.stringify(HEADLINE_CASE)};
let error = null;
try { metrics[name]([0, 1], [0.5]); } catch (e) {
  error = { name: e.name, isError: e instanceof Error, isMetricInputError: e instanceof metrics.MetricInputError };
}
console.log(JSON.stringify({
  metrics: require.resolve('tfjs-methodology/metrics'),
  // require(esm) would hand back a module namespace object.
  tag: Object.prototype.toString.call(metrics),
  loaded: Object.keys(require.cache).filter((f) => f.includes('/node_modules/tfjs-methodology/')).map((f) => f.replace(/.*node_modules\\//, '')),
  type: typeof metrics[name],
  value: typeof metrics[name] === 'function' ? metrics[name](c.yTrue, c.yScore) : null,
  error,
}));
`,
      });
      const out = await nodeJson<{
        metrics: string;
        tag: string;
        loaded: string[];
        type: string;
        value: number;
        error: { name: string; isError: boolean; isMetricInputError: boolean } | null;
      }>(plain, 'cjs.cjs');
      expect(out.metrics).toMatch(/\/node_modules\/tfjs-methodology\/dist\/metrics\/index\.cjs$/);
      expect(out.tag).toBe('[object Object]');
      expect(out.loaded.length).toBeGreaterThan(0);
      for (const f of out.loaded) expect(f).toMatch(/\.cjs$/);
      expect(out.type, `${HEADLINE_EXPORT} is exported from tfjs-methodology/metrics`).toBe('function');
      expect(out.value).toBeCloseTo(HEADLINE_CASE.expected, 12);
      expect(out.error).toEqual({ name: 'MetricInputError', isError: true, isMetricInputError: true });
    },
    PACKAGE_TEST_TIMEOUT,
  );

  it(
    'requires every subpath of the exports map as CommonJS (tfjs peers installed), sharing one copy of each function and error class',
    async () => {
      const specs = moduleSubpaths(withTfjs).map(specifier);
      await writeFiles(withTfjs, {
        'subpaths.cjs': `
const out = {};
for (const s of ${JSON.stringify(specs)}) {
  const m = require(s);
  out[s] = { file: require.resolve(s), tag: Object.prototype.toString.call(m), exports: Object.keys(m).length };
}
const root = require('tfjs-methodology');
const metrics = require('tfjs-methodology/metrics');
const name = ${JSON.stringify(HEADLINE_EXPORT)};
out.shared = { fn: root[name] === metrics[name], error: root.MetricInputError === metrics.MetricInputError };
console.log(JSON.stringify(out));
`,
      });
      const out = await nodeJson<Record<string, { file: string; tag: string; exports: number }> & { shared: unknown }>(
        withTfjs,
        'subpaths.cjs',
      );
      for (const s of specs) {
        expect(out[s].file, s).toMatch(/\/node_modules\/tfjs-methodology\/dist\/.*\.cjs$/);
        expect(out[s].tag, s).toBe('[object Object]');
        expect(out[s].exports, s).toBeGreaterThan(0);
      }
      expect(out.shared).toEqual({ fn: true, error: true });
    },
    PACKAGE_TEST_TIMEOUT,
  );

  it(
    'reads a tfjs tensor required from CommonJS next to the metrics module',
    async () => {
      await writeFiles(withTfjs, {
        'tfjs.cjs': `
const tf = require('@tensorflow/tfjs-core');
require('@tensorflow/tfjs-backend-cpu');
const metrics = require('tfjs-methodology/metrics');
(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
  const name = ${JSON.stringify(HEADLINE_EXPORT)};
  const c = ${JSON.stringify(HEADLINE_CASE)};
  const yTrue = tf.tensor1d(c.yTrue, 'int32');
  const yScore = tf.tensor1d(c.yScore);
  const value = typeof metrics[name] === 'function' ? metrics[name](yTrue, yScore) : null;
  tf.dispose([yTrue, yScore]);
  console.log(JSON.stringify({ tfjsCore: require.resolve('@tensorflow/tfjs-core'), numTensors: tf.memory().numTensors, value }));
})();
`,
      });
      const out = await nodeJson<{ tfjsCore: string; numTensors: number; value: number }>(withTfjs, 'tfjs.cjs');
      expect(out.tfjsCore).toMatch(/tf-core\.node\.js$/);
      expect(out.numTensors).toBe(0);
      expect(out.value).toBeCloseTo(HEADLINE_CASE.expected, 12);
    },
    PACKAGE_TEST_TIMEOUT,
  );
});
