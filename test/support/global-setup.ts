import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { PGliteDatabase } from '../../src/db/pglite';
import { migrate } from '../../src/db/migrate';
import { seed } from '../../src/bundles/seed';
import { TEST_DATABASE_URL } from './backends';

/**
 * Once per run: builds PGlite snapshots (migrated; migrated and seeded) that every test opens
 * instead of initialising its own, and checks that the PostgreSQL server answers. In CI an
 * unreachable server fails the run; elsewhere its tests are skipped with a warning.
 */
export default async function globalSetup(): Promise<void> {
  const db = await PGliteDatabase.open();
  await migrate(db);
  const empty = join(tmpdir(), `newsgraph-test-${process.pid}-empty.tar`);
  writeFileSync(empty, Buffer.from(await (await db.snapshot()).arrayBuffer()));
  await seed(db);
  const seeded = join(tmpdir(), `newsgraph-test-${process.pid}-seeded.tar`);
  writeFileSync(seeded, Buffer.from(await (await db.snapshot()).arrayBuffer()));
  await db.close();
  process.env.NEWSGRAPH_TEST_EMPTY_SNAPSHOT = empty;
  process.env.NEWSGRAPH_TEST_SEEDED_SNAPSHOT = seeded;

  const client = new Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    process.env.NEWSGRAPH_TEST_POSTGRES = 'reachable';
  } catch (error) {
    const message = `PostgreSQL at ${TEST_DATABASE_URL} is unreachable (${(error as Error).message})`;
    if (process.env.CI) throw new Error(`${message}: CI must test both stores`);
    console.warn(`\nWARNING: ${message}; its tests are SKIPPED. Set TEST_DATABASE_URL to run them.\n`);
    process.env.NEWSGRAPH_TEST_POSTGRES = 'unreachable';
  } finally {
    await client.end().catch(() => undefined);
  }
}
