import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import type { Database } from '../../src/db/database';
import { PGliteDatabase } from '../../src/db/pglite';
import { PostgresDatabase, quoteIdent } from '../../src/db/postgres';
import { migrate } from '../../src/db/migrate';
import { seed } from '../../src/bundles/seed';

export type Backend = 'pglite' | 'postgres';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** The backends this run tests: PGlite always; PostgreSQL when global setup reached the server. */
export function backends(): Backend[] {
  return process.env.NEWSGRAPH_TEST_POSTGRES === 'reachable' ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestStore {
  db: Database;
  /** Closes the store; for PostgreSQL also drops this store's schema. */
  close(): Promise<void>;
}

/**
 * A store holding the seed graph, of its own: PGlite opens the run's migrated and seeded snapshot
 * (~0.3 s instead of ~3 s for a fresh one); PostgreSQL gets a new schema, migrated and seeded, that
 * close() drops, so parallel and repeated runs never share a table.
 */
export async function openSeededStore(
  backend: Backend,
  options: { seeded?: boolean; statementTimeoutMs?: number } = {},
): Promise<TestStore> {
  const seeded = options.seeded ?? true;
  if (backend === 'pglite') {
    const path = seeded ? process.env.NEWSGRAPH_TEST_SEEDED_SNAPSHOT : process.env.NEWSGRAPH_TEST_EMPTY_SNAPSHOT;
    if (!path) throw new Error('global setup did not write the PGlite snapshots');
    const db = await PGliteDatabase.open({ snapshot: new Blob([readFileSync(path)]) });
    return { db, close: () => db.close() };
  }
  const schema = `ng_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE SCHEMA ${quoteIdent(schema)}`);
  const db = new PostgresDatabase({ connectionString: TEST_DATABASE_URL, schema, poolSize: 4, statementTimeoutMs: options.statementTimeoutMs ?? 10000 });
  await migrate(db);
  if (seeded) await seed(db);
  return {
    db,
    close: async () => {
      await db.close();
      await adminQuery(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
    },
  };
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Row counts of every table, to show that a refused write left the store untouched. */
export async function rowCounts(db: Database): Promise<Record<string, number>> {
  const tables = ['articles', 'actors', 'memberships', 'places', 'roles', 'events', 'participations', 'amounts', 'stances', 'evidence', 'exchange_rates'];
  const out: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    out[table] = row.n;
  }
  return out;
}
