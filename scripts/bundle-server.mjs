// Bundles the compiled CLI (dist/src/cli.js, from tsc) and its dependencies into one file,
// dist/newsgraph.js, which dist/src/main.js loads with V8's code cache (see src/main.ts).
// Usage: node scripts/bundle-server.mjs [outDir] (default dist; the bench passes dist-bench, tests a folder of their own).
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const root = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const outDir = resolve(root, process.argv[2] ?? 'dist');
// The bundle's name and its code caches' (tsc has compiled this module into outDir already).
const { BUNDLE_FILE, isCodeCacheFile } = createRequire(import.meta.url)(join(outDir, 'src', 'common', 'code-cache.js'));
const outfile = join(outDir, BUNDLE_FILE);

await build({
  entryPoints: [join(outDir, 'src', 'cli.js')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // PGlite reads its WASM and data files next to its own module; pg-native is an optional addon pg
  // tries to load.
  external: ['@electric-sql/pglite', 'pg-native'],
  // Class and function names stay as written (type-graphql names types after classes).
  keepNames: true,
  logLevel: 'warning',
});
// Code caches of an earlier bundle match nothing now.
for (const name of readdirSync(outDir)) if (isCodeCacheFile(name)) rmSync(join(outDir, name), { force: true });
