import { basename } from 'node:path';

/** The one-file bundle of the CLI, in the build's output folder (scripts/bundle-server.mjs writes it). */
export const BUNDLE_FILE = 'newsgraph.js';

/**
 * The one-file bundle's V8 code cache (see src/main.ts): a file beside the bundle, named for the
 * bundle it was made from (its mtime and size), so that a rebuilt bundle never meets an old cache,
 * and for the V8 flags main.ts set (`variant`), which differ by store.
 */
export function codeCacheFile(bundle: string, built: { mtimeMs: number; size: number }, variant: string): string {
  return `${bundle}.${Math.trunc(built.mtimeMs)}-${built.size}-${variant}.cache`;
}

/** Whether a file name in the bundle's folder is one of its code caches, of any build. */
export function isCodeCacheFile(name: string): boolean {
  const file = basename(name);
  return file.startsWith(`${BUNDLE_FILE}.`) && /^\d+-\d+(-[a-z]+)?\.cache$/.test(file.slice(BUNDLE_FILE.length + 1));
}
