import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // examples/**/*.test.ts import the package by name, as a user would: map it
    // to the sources, like tsconfig.json's `paths` does for tsc and tsx.
    alias: [
      { find: /^tfjs-methodology$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
      { find: /^tfjs-methodology\/(.+)$/, replacement: fileURLToPath(new URL('./src/', import.meta.url)) + '$1/index.ts' },
    ],
  },
  test: {
    include: ['test/**/*.test.ts', 'examples/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Type tests (test/types/*.test-d.ts) are checked by tsc as part of `vitest run`.
    typecheck: {
      enabled: true,
      include: ['test/types/**/*.test-d.ts'],
      tsconfig: './test/types/tsconfig.json',
    },
  },
});
