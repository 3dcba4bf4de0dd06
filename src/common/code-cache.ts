import { basename } from 'node:path';

/**
 * The one-file bundle's V8 code cache (see src/main.ts): a file beside the bundle, named for the
 * bundle it was made from (its mtime and size), so that a rebuilt bundle never meets an old cache.
 */
export function codeCacheFile(bundle: string, built: { mtimeMs: number; size: number }): string {
  return `${bundle}.${Math.trunc(built.mtimeMs)}-${built.size}.cache`;
}

/** Whether a file name in the bundle's folder is one of its code caches, of any build. */
export function isCodeCacheFile(name: string): boolean {
  return /^newsgraph\.js\.\d+-\d+\.cache$/.test(basename(name));
}
