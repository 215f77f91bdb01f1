import { defineConfig } from 'tsup';

/**
 * One entry per subpath export. ESM gets code splitting so that shared
 * `core/` helpers are emitted once; CJS gets one self-contained file per entry.
 */
export const entries = {
  index: 'src/index.ts',
  'metrics/index': 'src/metrics/index.ts',
};

export default defineConfig({
  entry: entries,
  format: ['esm', 'cjs'],
  dts: true,
  splitting: true,
  treeshake: true,
  sourcemap: false,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  outDir: 'dist',
  // Peers stay external: in Node they resolve to tfjs's CommonJS `main`.
  external: [/^@tensorflow\//, 'seedrandom'],
  outExtension({ format }) {
    return { js: format === 'cjs' ? '.cjs' : '.js' };
  },
});
