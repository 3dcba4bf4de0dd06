import type { Config } from '../config';
import type { Database } from './database';
import { PGliteDatabase } from './pglite';
import { PostgresDatabase, quoteIdent } from './postgres';

/** The store the configuration names: a PostgreSQL server when DATABASE_URL is set, else PGlite in DATA_DIR. */
export function openDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl) {
    const db = new PostgresDatabase({
      connectionString: config.databaseUrl,
      schema: config.databaseSchema ?? undefined,
      poolSize: config.dbPoolSize,
      statementTimeoutMs: config.statementTimeoutMs,
    });
    // A schema missing from search_path is skipped silently: everything would land in public instead.
    if (!config.databaseSchema) return Promise.resolve(db);
    return db.exec(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(config.databaseSchema)}`).then(
      () => db,
      async (error: unknown) => {
        await db.close();
        throw error;
      },
    );
  }
  return PGliteDatabase.open({ dataDir: config.dataDir, sharedBuffersMb: config.pgliteSharedBuffersMb });
}
