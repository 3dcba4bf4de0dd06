/**
 * The one interface repositories see. PGlite (embedded, default) and a pg Pool (DATABASE_URL)
 * both implement it; everything backend-specific stays in db/.
 */
export interface Queryable {
  /** One parameterized statement; rows come back as plain objects keyed by column name. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

/** A connection inside a transaction. */
export interface Transaction extends Queryable {
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Bulk load: runs `COPY table (columns) FROM STDIN` with rows in COPY's text format (the
   * generator's loader). Offered inside transactions by both stores; optional for other wrappers.
   */
  copyFrom?(copySql: string, rows: string): Promise<void>;
}

export interface Database extends Transaction {
  readonly kind: 'pglite' | 'postgres';
  /** Runs fn in one transaction: commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Counts statements, so that tests and the benchmark can check per-request SQL cost. */
export class CountingQueryable implements Queryable {
  count = 0;
  constructor(private readonly inner: Queryable) {}

  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]> {
    this.count++;
    return this.inner.query<Row>(sql, params);
  }
}
