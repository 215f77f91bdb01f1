import { existsSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, type Options } from 'tsup';

/**
 * The public entry points, one per subpath export. Only these get bundled
 * type declarations (`.d.ts` for `import`, `.d.cts` for `require`).
 */
export const entries = {
  index: 'src/index.ts',
  'metrics/index': 'src/metrics/index.ts',
  'selective/index': 'src/selective/index.ts',
  'search/index': 'src/search/index.ts',
  'gradcheck/index': 'src/gradcheck/index.ts',
  'baselines/index': 'src/baselines/index.ts',
  'datasets/index': 'src/datasets/index.ts',
  'diagnostics/index': 'src/diagnostics/index.ts',
  'plot/index': 'src/plot/index.ts',
  'search/postgres/index': 'src/search/postgres/index.ts',
};

type EsbuildPlugin = NonNullable<Options['esbuildPlugins']>[number];

/**
 * One output file per source file, like Rollup's `preserveModules`: every
 * relative import stays an import, of the built sibling (`./x` → `./x.js` in
 * ESM, `./x.cjs` in CJS). A consumer's bundler then drops whole files it
 * does not use (the package is `"sideEffects": false`), and with them their
 * imports of other packages: `averagePrecision` alone does not drag in
 * `seedrandom`, which a single bundled file importing it at the top would.
 */
const preserveModules: EsbuildPlugin = {
  name: 'preserve-modules',
  setup(build) {
    const ext = build.initialOptions.format === 'cjs' ? '.cjs' : '.js';
    build.onResolve({ filter: /^\.\.?(\/|$)/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const target = path.resolve(args.resolveDir, args.path);
      if (existsSync(`${target}.ts`)) return { path: `${args.path}${ext}`, external: true };
      if (existsSync(path.join(target, 'index.ts'))) return { path: `${args.path}/index${ext}`, external: true };
      return undefined;
    });
  },
};

export default defineConfig({
  entry: ['src/**/*.ts'],
  format: ['esm', 'cjs'],
  dts: { entry: entries },
  bundle: true,
  splitting: false,
  sourcemap: false,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  outDir: 'dist',
  // Peers stay external: in Node they resolve to tfjs's CommonJS `main`.
  // Node built-ins are imported as `node:fs` and kept as written (Node >= 20),
  // so a bundler knows them for built-ins, not npm packages called `fs`.
  external: [/^@tensorflow\//, 'seedrandom', /^node:/, 'pg', 'vega', 'vega-lite'],
  removeNodeProtocol: false,
  esbuildPlugins: [preserveModules],
  // runWorkers finds its worker script from __filename in the CJS build and
  // from import.meta.url only in ESM (see thisFile there): the CJS build's
  // empty import.meta is never read, so esbuild's warning about it is noise.
  esbuildOptions(options) {
    options.logOverride = { ...options.logOverride, 'empty-import-meta': 'silent' };
  },
  outExtension({ format }) {
    return { js: format === 'cjs' ? '.cjs' : '.js' };
  },
});
