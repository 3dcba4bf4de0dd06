import { setFlagsFromString } from 'node:v8';

/**
 * The V8 settings a Newsgraph process gives itself before it compiles anything (main.ts for every
 * command; bench/server.ts, so that the benchmarked servers run as `npm start` does). Returns the
 * name of the set, which the code cache is kept under: V8 refuses a cache made under other flags.
 */
export function applyV8Settings(embedded: boolean): 'embedded' | 'server' {
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  // PGlite's engine is WebAssembly. V8 recompiles a function with its optimizing compiler once the
  // function has run through a budget (by default 1.8 MB of code executed); starting reaches that
  // budget for many functions at once, and the main thread then waited 150-450 ms before taking the
  // first request. Ten times the budget leaves most of start-up on the baseline code (a wait of
  // 200-275 ms right after PGlite opens remains on a slower machine; only a far larger budget removes
  // it, at 6-10% of PGlite's throughput: BENCHMARKS.md); functions that stay hot under load are still
  // optimized (set before the engine is compiled, and before the bundle, so its code cache is made and
  // checked under the same flags).
  setFlagsFromString('--wasm-tiering-budget=18000000');
  // The embedded store runs PostgreSQL in this process, so the process's RSS is the whole store's.
  // V8 lets the old generation grow to up to 4x what survived the last full collection before
  // collecting again: serving the mix at 1M events the heap held 85 MB for 29 MB live. At most 1.5x
  // keeps it near what is live (BENCHMARKS.md: V8's part of RSS 96-104 MB against 126-137, the actor
  // page on PGlite no slower). Not for the API of a PostgreSQL server, whose larger young generation
  // (docker-compose.yml) is there for throughput, which this cost it. A value given on the command
  // line or in NODE_OPTIONS wins.
  if (embedded && !given.some((flag) => flag.startsWith('--heap-growing-percent'))) setFlagsFromString('--heap-growing-percent=50');
  return embedded ? 'embedded' : 'server';
}
