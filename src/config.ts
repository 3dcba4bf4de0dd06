import { resolve } from 'node:path';

/** Every setting the process reads from its environment, parsed and checked in one place. */
export interface Config {
  port: number;
  host: string;
  /** Embedded PGlite data folder; used when databaseUrl is not set. */
  dataDir: string;
  /** A PostgreSQL server; when set, PGlite is not used. */
  databaseUrl: string | null;
  /** Schema on the PostgreSQL server (default: the server's search_path). */
  databaseSchema: string | null;
  dbPoolSize: number;
  statementTimeoutMs: number;
  /** Largest `first` a connection accepts. */
  maxPageSize: number;
  nodeEnv: string;
}

export class ConfigError extends Error {}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name}: must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL: must start with postgres:// or postgresql://');
  }
  const databaseSchema = env.DATABASE_SCHEMA?.trim() || null;
  if (databaseSchema && !/^[a-z_][a-z0-9_]{0,62}$/.test(databaseSchema)) {
    throw new ConfigError('DATABASE_SCHEMA: must be a lowercase SQL identifier (letters, digits, _)');
  }
  return {
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: env.HOST?.trim() || 'localhost',
    dataDir: resolve(env.DATA_DIR?.trim() || 'data'),
    databaseUrl,
    databaseSchema,
    dbPoolSize: integer(env, 'DB_POOL_SIZE', 10, 1, 1000),
    statementTimeoutMs: integer(env, 'STATEMENT_TIMEOUT_MS', 5000, 0, 3_600_000),
    maxPageSize: 100,
    nodeEnv: env.NODE_ENV?.trim() || 'development',
  };
}
