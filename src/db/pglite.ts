import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Database, Notice, Queryable, Transaction } from './database';

type PGliteTx = Parameters<Parameters<PGlite['transaction']>[0]>[0];

function rowsOf(target: PGlite | PGliteTx) {
  return async <Row>(sql: string, params?: readonly unknown[]): Promise<Row[]> =>
    (await target.query<Row>(sql, params ? [...params] : undefined)).rows;
}

/** Refused: another process (or this one) has the data folder open. */
export class DataDirLockedError extends Error {}

const LOCK_FILE = 'newsgraph.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the data folder for this process: PGlite has no locking of its own, and two processes
 * writing one folder corrupt it. The lock file holds the owner's pid; a lock whose owner is gone
 * (a crash, SIGKILL) is taken over. Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => {
        try {
          if (Number(readFileSync(path, 'utf8').trim()) === process.pid) unlinkSync(path);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let owner = NaN;
    try {
      owner = Number(readFileSync(path, 'utf8').trim());
    } catch {
      continue; // removed meanwhile: try again
    }
    if (Number.isInteger(owner) && owner > 0 && alive(owner)) {
      throw new DataDirLockedError(
        `DATA_DIR ${dataDir} is in use by process ${owner}${owner === process.pid ? ' (this one)' : ''} (lock file ${path}): ` +
          'an embedded store can be opened by one process at a time. Stop that process, or point DATA_DIR elsewhere; ' +
          'to run several API processes, use PostgreSQL (DATABASE_URL).',
      );
    }
    // Stale: its owner is gone.
    try {
      unlinkSync(path);
    } catch {
      // someone else removed it first
    }
  }
  throw new DataDirLockedError(`DATA_DIR ${dataDir}: could not take the lock file ${path}`);
}

// The compiled module goes to PGlite as is; lib ES2022 declares no WebAssembly.
type WasmModule = NonNullable<PGliteOptions['pgliteWasmModule']>;
declare const WebAssembly: { compile(bytes: Uint8Array): Promise<WasmModule> };

let engine: Promise<WasmModule> | undefined;

/**
 * PGlite's engine (9 MB of WASM), compiled once per process. V8 compiles it on background threads;
 * starting at once, rather than after PGlite's own chain of awaited file reads, lets it overlap
 * whatever the main thread does meanwhile (`start` loads the server's modules).
 */
export function compilePGliteEngine(): Promise<WasmModule> {
  engine ??= WebAssembly.compile(readFileSync(join(dirname(require.resolve('@electric-sql/pglite')), 'pglite.wasm'))).catch((error: unknown) => {
    engine = undefined;
    throw error;
  });
  return engine;
}

/** Embedded PostgreSQL (WASM) in this process, persisted to a data folder, or in memory without one. */
export class PGliteDatabase implements Database {
  readonly kind = 'pglite' as const;
  readonly query: Queryable['query'];

  private constructor(
    private readonly pglite: PGlite,
    private readonly release: () => void = () => undefined,
  ) {
    this.query = rowsOf(pglite);
  }

  /**
   * sharedBuffersMb: PostgreSQL's page cache inside the WASM heap, resident once touched (the
   * default, 128 MB, is most of the process's memory); pages beyond it are read from the data folder.
   * workMemMb: memory per sort or hash before it spills to the data folder; the WASM memory a statement
   * grows into is never given back (one pledge totals at 1M events: 52 MB more at 4 MB, 29 MB at 1 MB).
   */
  static async open(options: { dataDir?: string; snapshot?: Blob; sharedBuffersMb?: number; workMemMb?: number } = {}): Promise<PGliteDatabase> {
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
    const release = options.dataDir ? lockDataDir(options.dataDir) : undefined;
    try {
      const pglite = await PGlite.create({
        pgliteWasmModule: await compilePGliteEngine(),
        dataDir: options.dataDir,
        loadDataDir: options.snapshot,
        extensions: { pg_trgm },
        postgresqlconf: [
          ...(options.sharedBuffersMb ? [`shared_buffers = ${options.sharedBuffersMb}MB`] : []),
          ...(options.workMemMb ? [`work_mem = ${options.workMemMb}MB`] : []),
        ],
      });
      return new PGliteDatabase(pglite, release);
    } catch (error) {
      release?.();
      throw error;
    }
  }

  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.pglite.transaction((tx) =>
      fn({
        query: rowsOf(tx),
        exec: async (sql) => {
          await tx.exec(sql);
        },
        // PGlite has no COPY protocol stream; it reads COPY ... FROM '/dev/blob' from a Blob instead.
        copyFrom: async (copySql, rows) => {
          await tx.query(copySql.replace(/FROM STDIN$/i, "FROM '/dev/blob'"), [], { blob: new Blob([rows]) });
        },
      }),
    );
  }

  async exec(sql: string): Promise<void> {
    await this.pglite.exec(sql);
  }

  // In-process: no connection to lose, so `listening` is reported once.
  async listen(channel: string, onNotice: (notice: Notice) => void): Promise<() => Promise<void>> {
    const unlisten = await this.pglite.listen(channel, (payload) => onNotice({ kind: 'notification', payload }));
    onNotice({ kind: 'listening' });
    return unlisten;
  }

  /** A snapshot other instances can open from (tests share one instead of initialising each). */
  snapshot(): Promise<Blob> {
    return this.pglite.dumpDataDir('none');
  }

  async close(): Promise<void> {
    try {
      await this.pglite.close();
    } finally {
      this.release();
    }
  }
}
