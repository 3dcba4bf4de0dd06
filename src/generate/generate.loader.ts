import { performance } from 'node:perf_hooks';
import { InvalidInputError, type FieldProblem } from '../common/errors';
import type { Database, Transaction } from '../db/database';
import {
  GENERATOR_VERSION,
  GraphGenerator,
  MAX_EVENTS,
  parseGeneratedUrl,
  SEED_RULE,
  type GenerateOptions,
} from './generate.model';
import { countRows, emptyChunk, GRAPH_TABLES, type GraphTable, type TableCounts } from './generate.rows';
import { copySql, copyText, TABLE_SPECS, unnestInsert, type TableSpec } from './generate.tables';

/** COPY (text format) or INSERT ... SELECT FROM unnest(...) batches. */
export type LoadMethod = 'copy' | 'insert';

export interface GenerateGraphOptions extends GenerateOptions {
  /** Deletes the whole graph (every article, actor, event, rate) first, in the same transaction. */
  reset?: boolean;
  /** Default: copy (both stores offer it); insert is kept for comparison and for other wrappers. */
  method?: LoadMethod;
  /** Events generated and written per step; bounds memory (default 5000). */
  eventsPerChunk?: number;
  onProgress?: (progress: { events: number; rows: number; seconds: number }) => void;
}

export interface GenerateResult {
  seed: string;
  events: number;
  /** False when the store already held this very graph: nothing was written. */
  loaded: boolean;
  method: LoadMethod;
  /** Rows written per table (or, when nothing was loaded, the rows the store holds). */
  counts: TableCounts;
  rows: number;
  /** Wall time of the whole load, generation included. */
  seconds: number;
  /** Of which spent building rows in JavaScript. */
  generateSeconds: number;
  eventsPerSecond: number;
  rowsPerSecond: number;
  /** The process's resident set size high-water mark (the OS's count, store included for PGlite). */
  peakRssMb: number;
  /** Seconds spent writing each table (where a load is slow, this says which table). */
  tableSeconds: Record<GraphTable, number>;
  /** Seconds of the VACUUM (ANALYZE) after the load's commit (0 when nothing was loaded). */
  vacuumSeconds: number;
}

/** Checks the generator's inputs; every problem is named by its option. */
export function validateGenerateOptions(options: Partial<GenerateOptions>): GenerateOptions {
  const problems: FieldProblem[] = [];
  const { events, seed } = options;
  if (typeof events !== 'number' || !Number.isInteger(events) || events < 1 || events > MAX_EVENTS) {
    problems.push({ path: 'events', message: `must be an integer from 1 to ${MAX_EVENTS}, got ${JSON.stringify(events ?? null)}` });
  }
  if (typeof seed !== 'string' || !SEED_RULE.test(seed)) {
    problems.push({ path: 'seed', message: `must be 1-64 letters, digits, "-" or "_", got ${JSON.stringify(seed ?? null)}` });
  }
  if (problems.length) throw new InvalidInputError(`Invalid options for generate: ${problems.length} problem(s)`, problems);
  return { events: events as number, seed: seed as string };
}

const SQL_TABLES = GRAPH_TABLES.map((t) => TABLE_SPECS[t].table);

function specOf(table: GraphTable): TableSpec<unknown> {
  return TABLE_SPECS[table] as unknown as TableSpec<unknown>;
}

async function writeTable(tx: Transaction, table: GraphTable, rows: readonly unknown[], method: LoadMethod): Promise<void> {
  const spec = specOf(table);
  if (method === 'copy') {
    // One COPY per table and chunk; a chunk is a few megabytes at most.
    await (tx.copyFrom as NonNullable<Transaction['copyFrom']>)(copySql(spec, 'STDIN'), copyText(spec, rows));
    return;
  }
  for (let i = 0; i < rows.length; i += spec.batch) {
    const { sql, params } = unnestInsert(spec, rows.slice(i, i + spec.batch));
    await tx.query(sql, params);
  }
}

/** What the store holds now: a generated graph (read back from its article urls), other data, or nothing. */
async function storeState(tx: Transaction): Promise<{ generated: ReturnType<typeof parseGeneratedUrl>; other: string[] }> {
  const [marker] = await tx.query<{ url: string | null }>(
    "SELECT url FROM articles WHERE url LIKE 'https://newsgraph.invalid/generated/%' ORDER BY id LIMIT 1",
  );
  const other: string[] = [];
  for (const table of ['articles', 'actors', 'places', 'events', 'exchange_rates']) {
    const [row] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    if (row.n > 0) other.push(`${table.replace('_', ' ')} ${row.n}`);
  }
  return { generated: parseGeneratedUrl(marker?.url ?? null), other };
}

async function storedCounts(tx: Transaction): Promise<TableCounts> {
  const counts = {} as TableCounts;
  for (const table of GRAPH_TABLES) {
    const [row] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${TABLE_SPECS[table].table}`);
    counts[table] = row.n;
  }
  return counts;
}

function refuse(message: string): InvalidInputError {
  return new InvalidInputError('Cannot generate into this store', [{ path: 'store', message }]);
}

/**
 * Generates a graph (see GraphGenerator) and bulk-loads it into a migrated store, in one
 * transaction, so that a failed load leaves nothing half-written. The store must be empty, or
 * already hold this very graph (then nothing is written), or `reset` must be given. Rows carry the
 * generator's ids, so children reference parents without round trips; the sequences are moved past
 * them at the end so that later writes (e.g. `npm run seed`) get fresh ids.
 */
export async function generateGraph(db: Database, options: GenerateGraphOptions): Promise<GenerateResult> {
  const { events, seed } = validateGenerateOptions(options);
  const started = performance.now();
  const loaded = await db.transaction(async (tx): Promise<GenerateResult> => {
    const method: LoadMethod = options.method ?? (tx.copyFrom ? 'copy' : 'insert');
    if (method === 'copy' && !tx.copyFrom) throw new Error('this store offers no COPY; use method "insert"');
    // Two loaders on one store queue here; the second then sees the first one's graph.
    // Per schema: generating into another schema of the same database need not wait.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext(current_schema() || $1))', [':newsgraph:generate']);
    // A bulk load runs for minutes at a million events; the per-statement timeout is for requests.
    await tx.query("SELECT set_config('statement_timeout', '0', true)");
    // The triggers keeping actor_links and the search vocabulary stand aside for this transaction;
    // both are rebuilt once below.
    await tx.query("SELECT set_config('newsgraph.bulk_load', 'on', true)");

    const tableMs = countRows(emptyChunk());
    const result = (counts: TableCounts, loaded: boolean, generateSeconds: number): GenerateResult => {
      const seconds = (performance.now() - started) / 1000;
      const rows = Object.values(counts).reduce((sum, n) => sum + n, 0);
      return {
        seed,
        events,
        loaded,
        method,
        counts,
        rows,
        seconds,
        generateSeconds,
        eventsPerSecond: loaded ? events / seconds : 0,
        rowsPerSecond: loaded ? rows / seconds : 0,
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
        tableSeconds: Object.fromEntries(GRAPH_TABLES.map((t) => [t, Math.round(tableMs[t]) / 1000])) as Record<GraphTable, number>,
        vacuumSeconds: 0,
      };
    };

    if (options.reset) {
      await tx.exec(`TRUNCATE ${SQL_TABLES.join(', ')} RESTART IDENTITY CASCADE`);
    } else {
      const state = await storeState(tx);
      const same = state.generated?.seed === seed && state.generated.events === events && state.generated.version === GENERATOR_VERSION;
      if (same) return result(await storedCounts(tx), false, 0);
      if (state.generated) {
        throw refuse(
          `it holds a generated graph of seed "${state.generated.seed}" with ${state.generated.events} events ` +
            `(generator v${state.generated.version}); pass --reset to replace it with seed "${seed}" and ${events} events`,
        );
      }
      if (state.other.length) {
        throw refuse(`it is not empty (${state.other.join(', ')}); load into an empty, migrated store or pass --reset to delete the whole graph first`);
      }
    }

    const total = countRows(emptyChunk());
    let generateMs = 0;
    const generator = new GraphGenerator({ events, seed }).chunks(options.eventsPerChunk ?? 5000);
    for (;;) {
      const t0 = performance.now();
      const next = generator.next();
      generateMs += performance.now() - t0;
      if (next.done) break;
      const chunk = next.value;
      for (const table of GRAPH_TABLES) {
        if (chunk[table].length === 0) continue;
        const t1 = performance.now();
        await writeTable(tx, table, chunk[table], method);
        tableMs[table] += performance.now() - t1;
        total[table] += chunk[table].length;
      }
      options.onProgress?.({
        events: total.events,
        rows: Object.values(total).reduce((sum, n) => sum + n, 0),
        seconds: (performance.now() - started) / 1000,
      });
    }

    for (const table of SQL_TABLES) {
      await tx.query(
        `SELECT setval(pg_get_serial_sequence('${table}', 'id'), coalesce(max(id), 0) + 1, false) FROM ${table}`,
      );
    }
    await tx.query('SELECT newsgraph_rebuild_actor_links()');
    await tx.query('SELECT newsgraph_rebuild_search_lexemes()');
    await tx.query("SELECT set_config('newsgraph.bulk_load', 'off', true)");
    return result(total, true, generateMs / 1000);
  });
  if (!loaded.loaded) return loaded;
  // After the commit (VACUUM runs outside transactions): fresh statistics, so that the first queries
  // on a new graph get sensible plans; the visibility map, so that index-only scans skip the heap;
  // and hint bits, which the first reads of every new page would otherwise set, writing the store
  // back page by page while serving.
  const vacuumStarted = performance.now();
  await db.query(`VACUUM (ANALYZE) ${[...SQL_TABLES, 'actor_links', 'actor_link_counts', 'search_lexemes'].join(', ')}`);
  return { ...loaded, vacuumSeconds: (performance.now() - vacuumStarted) / 1000 };
}
