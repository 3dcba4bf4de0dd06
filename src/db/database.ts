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

/**
 * What a LISTEN subscription reports: a notification, or that notifications may have been missed
 * (`lost`: the listening connection dropped) until it is `listening` again.
 */
export type Notice = { kind: 'notification'; payload: string } | { kind: 'lost' } | { kind: 'listening' };

export interface Database extends Transaction {
  readonly kind: 'pglite' | 'postgres';
  /**
   * LISTENs on a channel until the returned function is called. Reports `listening` once it is
   * (and again after each reconnect), then every notification committed by any session.
   */
  listen(channel: string, onNotice: (notice: Notice) => void): Promise<() => Promise<void>>;
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
