import type { Config } from '../config';
import type { Database } from './database';
import { PGliteDatabase } from './pglite';

/** The store the configuration names: a PostgreSQL server when DATABASE_URL is set, else PGlite in DATA_DIR. */
export async function openDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl) {
    // Loaded only here: an embedded store's start need not load pg.
    const { PostgresDatabase, quoteIdent } = await import('./postgres');
    const db = new PostgresDatabase({
      connectionString: config.databaseUrl,
      schema: config.databaseSchema ?? undefined,
      poolSize: config.dbPoolSize,
      statementTimeoutMs: config.statementTimeoutMs,
    });
    // A schema missing from search_path is skipped silently: everything would land in public instead.
    if (!config.databaseSchema) return db;
    try {
      await db.exec(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(config.databaseSchema)}`);
    } catch (error) {
      await db.close();
      throw error;
    }
    return db;
  }
  // Starts compiling PGlite's engine within this call, before any await (main.ts relies on it).
  return PGliteDatabase.open({ dataDir: config.dataDir, sharedBuffersMb: config.pgliteSharedBuffersMb, workMemMb: config.pgliteWorkMemMb });
}
