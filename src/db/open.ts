import type { Config } from '../config';
import type { Database } from './database';
import { PGliteDatabase } from './pglite';
import { PostgresDatabase } from './postgres';

/** The store the configuration names: a PostgreSQL server when DATABASE_URL is set, else PGlite in DATA_DIR. */
export function openDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl) {
    return Promise.resolve(
      new PostgresDatabase({
        connectionString: config.databaseUrl,
        schema: config.databaseSchema ?? undefined,
        poolSize: config.dbPoolSize,
        statementTimeoutMs: config.statementTimeoutMs,
      }),
    );
  }
  return PGliteDatabase.open({ dataDir: config.dataDir });
}
