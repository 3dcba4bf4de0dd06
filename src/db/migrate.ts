import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../common/project-root';
import type { Database } from './database';

export interface Migration {
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

// Shared by every process migrating the same schema: they queue on it instead of racing.
const MIGRATION_LOCK = ':newsgraph:migrate';

export function migrationsDir(): string {
  return join(projectRoot(), 'src', 'db', 'migrations');
}

/** Migrations are files named NNNN_name.sql, applied in the order of NNNN. */
export function readMigrations(dir: string = migrationsDir()): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const sql = readFileSync(join(dir, file), 'utf8');
      return {
        version: file.slice(0, 4),
        name: file.slice(5, -4),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

/**
 * Applies pending migrations in one transaction under an advisory lock, so two processes starting
 * together apply each migration once, and a failing migration leaves nothing half-applied.
 * Returns the versions it applied.
 */
export async function migrate(db: Database, migrations: Migration[] = readMigrations()): Promise<string[]> {
  return db.transaction(async (tx) => {
    // Lock first: two processes creating the bookkeeping table at once can collide otherwise.
    await tx.query('SELECT pg_advisory_xact_lock(hashtext(current_schema() || $1))', [MIGRATION_LOCK]);
    // A migration rewrites whole tables (0007 on a 1M-event graph takes minutes): STATEMENT_TIMEOUT_MS bounds requests, not this.
    await tx.query('SET LOCAL statement_timeout = 0');
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version text PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now())`);
    const applied = await tx.query<{ version: string; checksum: string }>(
      'SELECT version, checksum FROM schema_migrations',
    );
    const done = new Map(applied.map((row) => [row.version, row.checksum]));
    const ran: string[] = [];
    for (const migration of migrations) {
      const checksum = done.get(migration.version);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new Error(`migration ${migration.version}_${migration.name} was changed after it was applied`);
        }
        continue;
      }
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        migration.checksum,
      ]);
      ran.push(migration.version);
    }
    return ran;
  });
}

/** The versions a database has applied and the ones it still lacks. */
export async function pendingMigrations(db: Database, migrations: Migration[] = readMigrations()): Promise<string[]> {
  const exists = await db.query<{ present: boolean }>(
    "SELECT to_regclass('schema_migrations') IS NOT NULL AS present",
  );
  if (!exists[0]?.present) return migrations.map((m) => m.version);
  const applied = new Set(
    (await db.query<{ version: string }>('SELECT version FROM schema_migrations')).map((row) => row.version),
  );
  return migrations.map((m) => m.version).filter((v) => !applied.has(v));
}
