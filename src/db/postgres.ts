import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client, Pool, type PoolClient } from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import type { Database, Notice, Queryable, Transaction } from './database';

export interface PostgresOptions {
  connectionString: string;
  /** Schema to work in (first on search_path; public stays behind it for extensions). */
  schema?: string;
  poolSize?: number;
  statementTimeoutMs?: number;
}

/**
 * Statements run as named prepared statements, so that each pooled connection parses and plans a
 * statement once instead of on every request (planning costs as much as running most of ours).
 * Names are kept for the first MAX_PREPARED distinct texts only: filters compose SQL, and every
 * connection keeps each statement it prepared for as long as it lives.
 */
const MAX_PREPARED = 500;
const statementNames = new Map<string, string>();

function nameOf(sql: string): string | undefined {
  let name = statementNames.get(sql);
  if (name === undefined && statementNames.size < MAX_PREPARED) {
    name = `ng_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
    statementNames.set(sql, name);
  }
  return name;
}

function rowsOf(target: Pool | PoolClient) {
  return async <Row>(sql: string, params?: readonly unknown[]): Promise<Row[]> => {
    const values = params ? [...params] : undefined;
    const name = nameOf(sql);
    if (!name) return (await target.query(sql, values)).rows as Row[];
    try {
      return (await target.query({ name, text: sql, values })).rows as Row[];
    } catch (error) {
      // A migration changed a table under a prepared statement's result: run it unprepared this once.
      if ((error as { code?: string }).code === '0A000' && /cached plan/.test((error as Error).message)) {
        return (await target.query(sql, values)).rows as Row[];
      }
      throw error;
    }
  };
}

/** A PostgreSQL server through a pooled pg connection. */
export class PostgresDatabase implements Database {
  readonly kind = 'postgres' as const;
  readonly query: Queryable['query'];
  private readonly pool: Pool;
  private readonly connectionString: string;
  private readonly schema: string | undefined;

  constructor(options: PostgresOptions) {
    this.connectionString = options.connectionString;
    this.schema = options.schema;
    // Requests are short: JIT compiles for the cost the planner estimates, which LIMITs and index
    // walks never pay (400 ms of compiling for a 60 ms path query on PostgreSQL 15).
    const settings = ['-c jit=off'];
    if (options.schema) settings.push(`-c search_path=${quoteIdent(options.schema)},public`);
    if (options.statementTimeoutMs) settings.push(`-c statement_timeout=${Math.floor(options.statementTimeoutMs)}`);
    this.pool = new Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? 10,
      options: settings.join(' '),
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

  /**
   * LISTEN on a connection of its own (a pooled one would be handed to other queries). When it
   * drops, reports `lost` and reconnects every second until it is `listening` again.
   */
  async listen(channel: string, onNotice: (notice: Notice) => void): Promise<() => Promise<void>> {
    let stopped = false;
    let client: Client | null = null;
    let retry: NodeJS.Timeout | undefined;
    const connect = async (): Promise<void> => {
      // Named, so that an operator (or a test) can tell which backend listens for which schema.
      const candidate = new Client({ connectionString: this.connectionString, application_name: `newsgraph listen ${this.schema ?? ''}`.trim() });
      candidate.on('error', () => undefined);
      candidate.on('notification', (message) => {
        if (message.channel === channel) onNotice({ kind: 'notification', payload: message.payload ?? '' });
      });
      candidate.on('end', () => {
        if (stopped || client !== candidate) return;
        client = null;
        onNotice({ kind: 'lost' });
        retry = setTimeout(reconnect, 1000);
      });
      try {
        await candidate.connect();
        await candidate.query(`LISTEN ${quoteIdent(channel)}`);
      } catch (error) {
        await candidate.end().catch(() => undefined);
        throw error;
      }
      if (stopped) {
        await candidate.end().catch(() => undefined);
        return;
      }
      client = candidate;
      onNotice({ kind: 'listening' });
    };
    const reconnect = () => {
      connect().catch(() => {
        if (!stopped) retry = setTimeout(reconnect, 1000);
      });
    };
    try {
      await connect();
    } catch {
      // The server is unreachable now: nothing is listening (the caller treats that as lost) until a retry succeeds.
      onNotice({ kind: 'lost' });
      retry = setTimeout(reconnect, 1000);
    }
    return async () => {
      stopped = true;
      clearTimeout(retry);
      const open = client;
      client = null;
      await open?.end().catch(() => undefined);
    };
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
