// The process entry (`node dist/src/main.js <command>`): runs the CLI (cli.ts) from its one-file
// bundle when the build made one, else from the compiled files.
//
// Loading the CLI's ~1,200 module files costs more than anything else in starting (0.75-0.9 s of
// a 2.2 s reopen on a slow machine: resolving and reading files, then compiling them). The build
// (scripts/bundle-server.mjs) bundles dist/src/cli.js and its dependencies into dist/newsgraph.js;
// this file compiles that bundle with V8's code cache, which the first process to run it writes
// next to it once it has started (and any later one whose V8 rejects it). Reopening a 1M-event
// store, interleaved: modules loaded 0.42-0.54 s after the process began, against 0.67-1.04 s
// from the files and 0.61-0.73 s from the bundle without its cache.
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { BUNDLE_FILE, codeCacheFile } from './common/code-cache';
import { applyV8Settings } from './common/v8-settings';

// Before the bundle is compiled, so that its code cache is made and checked under the same flags.
// The embedded store is the one without DATABASE_URL, as config.ts decides.
const v8Settings = applyV8Settings(!process.env.DATABASE_URL?.trim());

/** How long after starting the code cache is written: what ran by then (start-up, first requests) is in it. */
const CODE_CACHE_AFTER_MS = 5000;

function runBundle(bundle: string): boolean {
  const built = statSync(bundle);
  // A bundle older than the compiled files is stale (tsc ran without the bundler): not used.
  if (built.mtimeMs < statSync(join(__dirname, 'cli.js')).mtimeMs) return false;
  // V8 refuses a code cache made under other flags: each set gets its own file.
  const cacheFile = codeCacheFile(bundle, built, v8Settings);
  const cachedData = existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  const script = new Script(Module.wrap(readFileSync(bundle, 'utf8')), { filename: bundle, cachedData });
  const bundleModule = new Module(bundle, module);
  bundleModule.filename = bundle;
  if (!cachedData || script.cachedDataRejected) {
    setTimeout(() => {
      try {
        const temporary = `${cacheFile}.${process.pid}`;
        writeFileSync(temporary, script.createCachedData());
        renameSync(temporary, cacheFile);
      } catch {
        // A read-only install (the Docker image's dist/) starts without the cache.
      }
    }, CODE_CACHE_AFTER_MS).unref();
  }
  // Said in the `started` line (cli.ts).
  process.env.NEWSGRAPH_LOADED_FROM = `bundle, code cache ${!cachedData ? 'none yet' : script.cachedDataRejected ? 'rejected' : 'used'}`;
  (script.runInThisContext() as (...args: unknown[]) => void).call(
    bundleModule.exports, bundleModule.exports, Module.createRequire(bundle), bundleModule, bundle, dirname(bundle),
  );
  return true;
}

const bundle = join(__dirname, '..', BUNDLE_FILE);
if (process.env.NEWSGRAPH_BUNDLE === 'off' || !existsSync(bundle) || !runBundle(bundle)) {
  process.env.NEWSGRAPH_LOADED_FROM = 'files';
  require('./cli');
}
