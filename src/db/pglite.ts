import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Database, Queryable, Transaction } from './database';

type PGliteTx = Parameters<Parameters<PGlite['transaction']>[0]>[0];

function rowsOf(target: PGlite | PGliteTx) {
  return async <Row>(sql: string, params?: readonly unknown[]): Promise<Row[]> =>
    (await target.query<Row>(sql, params ? [...params] : undefined)).rows;
}

/** Embedded PostgreSQL (WASM) in this process, persisted to a data folder, or in memory without one. */
export class PGliteDatabase implements Database {
  readonly kind = 'pglite' as const;
  readonly query: Queryable['query'];

  private constructor(private readonly pglite: PGlite) {
    this.query = rowsOf(pglite);
  }

  static async open(options: { dataDir?: string; snapshot?: Blob } = {}): Promise<PGliteDatabase> {
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
    const pglite = await PGlite.create({
      dataDir: options.dataDir,
      loadDataDir: options.snapshot,
      extensions: { pg_trgm },
    });
    return new PGliteDatabase(pglite);
  }

  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.pglite.transaction((tx) =>
      fn({
        query: rowsOf(tx),
        exec: async (sql) => {
          await tx.exec(sql);
        },
      }),
    );
  }

  async exec(sql: string): Promise<void> {
    await this.pglite.exec(sql);
  }

  /** A snapshot other instances can open from (tests share one instead of initialising each). */
  snapshot(): Promise<Blob> {
    return this.pglite.dumpDataDir('none');
  }

  close(): Promise<void> {
    return this.pglite.close();
  }
}
