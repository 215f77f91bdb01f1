// Vite config of the browser demo: `npx vite examples/browser` (dev server) or
// `npx vite build examples/browser`. The library is imported from the repo's
// sources ('tfjs-methodology/<module>' → src/<module>/index.ts), so no build
// of the package is needed.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('../../', import.meta.url));

export default defineConfig({
  root,
  base: './',
  resolve: {
    alias: [
      { find: /^tfjs-methodology$/, replacement: `${repo}src/index.ts` },
      { find: /^tfjs-methodology\/(.+)$/, replacement: `${repo}src/$1/index.ts` },
    ],
  },
  // The sources live outside the page's root.
  server: { fs: { allow: [repo] } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // tfjs and vega are large; the demo is not a production bundle.
    chunkSizeWarningLimit: 8192,
    target: 'es2022',
  },
});
