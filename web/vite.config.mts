import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * Builds the two pages the API process serves from dist/web: the explorer (index.html, at /) and
 * GraphiQL (ide.html, at GET /graphql for browsers). Everything they load is bundled here, so
 * nothing is fetched from another host at run time.
 */
export default defineConfig({
  root: here('.'),
  base: '/',
  publicDir: false,
  build: {
    outDir: here('../dist/web'),
    emptyOutDir: true,
    // GraphiQL's editor (Monaco) is large; the explorer's chunks stay small.
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      input: { index: here('index.html'), ide: here('ide.html') },
      // framer-motion (in GraphiQL) marks modules "use client", which means nothing in a bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  worker: { format: 'es' },
  server: { proxy: { '/graphql': 'http://localhost:4000' } },
});
