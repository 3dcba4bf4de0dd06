import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Pool, type PoolClient } from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import type { Database, Queryable, Transaction } from './database';

export interface PostgresOptions {
  connectionString: string;
  /** Schema to work in (first on search_path; public stays behind it for extensions). */
  schema?: string;
  poolSize?: number;
  statementTimeoutMs?: number;
}

function rowsOf(target: Pool | PoolClient) {
  return async <Row>(sql: string, params?: readonly unknown[]): Promise<Row[]> =>
    (await target.query(sql, params ? [...params] : undefined)).rows as Row[];
}

/** A PostgreSQL server through a pooled pg connection. */
export class PostgresDatabase implements Database {
  readonly kind = 'postgres' as const;
  readonly query: Queryable['query'];
  private readonly pool: Pool;

  constructor(options: PostgresOptions) {
    const settings = [];
    if (options.schema) settings.push(`-c search_path=${quoteIdent(options.schema)},public`);
    if (options.statementTimeoutMs) settings.push(`-c statement_timeout=${Math.floor(options.statementTimeoutMs)}`);
    this.pool = new Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? 10,
      options: settings.length ? settings.join(' ') : undefined,
    });
    // An idle client losing its server must not crash the process; the next checkout reconnects.
    this.pool.on('error', () => undefined);
    this.query = rowsOf(this.pool);
  }

  async transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn({
        query: rowsOf(client),
        exec: async (sql) => {
          await client.query(sql);
        },
        copyFrom: (copySql, rows) => pipeline(Readable.from([rows]), client.query(copyFromStdin(copySql))),
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
