import { resolve } from 'node:path';

/** Every setting the process reads from its environment, parsed and checked in one place. */
export interface Config {
  port: number;
  host: string;
  /** Embedded PGlite data folder; used when databaseUrl is not set. */
  dataDir: string;
  /** PGlite's shared_buffers: its page cache, most of the embedded store's memory. */
  pgliteSharedBuffersMb: number;
  /** PGlite's work_mem: memory per sort or hash before it spills to DATA_DIR. */
  pgliteWorkMemMb: number;
  /** A PostgreSQL server; when set, PGlite is not used. */
  databaseUrl: string | null;
  /** Schema on the PostgreSQL server (default: the server's search_path). */
  databaseSchema: string | null;
  dbPoolSize: number;
  statementTimeoutMs: number;
  /** Largest `first` a connection accepts. */
  maxPageSize: number;
  nodeEnv: string;
  /** Serve GraphiQL at GET /graphql to browsers (and allow introspection); off in production unless asked for. */
  ideEnabled: boolean;
  /** Limits checked before a query runs, the per-client budget and the production posture (README: Limits and safety). */
  safety: SafetyConfig;
  /** The response cache and cache-control hints (README: Caching). */
  cache: CacheConfig;
}

export interface CacheConfig {
  /** Answer repeated anonymous reads from memory until a write changes the graph. */
  enabled: boolean;
  /** Memory the cached answers may take, in bytes. */
  maxBytes: number;
  /** maxAge in seconds for fields without a @cacheControl hint of their own (Cache-Control header and the cache's TTL). */
  defaultMaxAge: number;
}

export interface SafetyConfig {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  /** Per-request node budget: the most objects a query may ask for, counting `first` on connections. */
  maxNodes: number;
  /** Items a list without `first` is assumed to hold, in the node count. */
  listEstimate: number;
  maxBodyBytes: number;
  maxDocumentBytes: number;
  /** Operations in one HTTP request (a batched JSON array); 1 turns batching off. */
  maxOperations: number;
  /** Per-client budget (API key, else IP): bucket size in nodes, refilled per second; 0 turns it off. */
  rateLimitCapacity: number;
  rateLimitRefillPerSecond: number;
  /** Redis for the per-client budget; PostgreSQL (the store) when unset. */
  redisUrl: string | null;
  requestTimeoutMs: number;
  /** Answer introspection (also on whenever the IDE is); off in production unless asked for. */
  introspection: boolean;
  /** "Did you mean ...?" in validation errors; off in production unless asked for. */
  fieldSuggestions: boolean;
  /** Stack traces in error responses; never in production. */
  stackTraces: boolean;
  logLevel: string;
}

export class ConfigError extends Error {}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes', 'on'].includes(raw)) return true;
  if (['false', '0', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name}: must be true or false, got "${env[name]}"`);
}

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
  const nodeEnv = env.NODE_ENV?.trim() || 'development';
  const databaseSchema = env.DATABASE_SCHEMA?.trim() || null;
  if (databaseSchema && !/^[a-z_][a-z0-9_]{0,62}$/.test(databaseSchema)) {
    throw new ConfigError('DATABASE_SCHEMA: must be a lowercase SQL identifier (letters, digits, _)');
  }
  return {
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: env.HOST?.trim() || 'localhost',
    dataDir: resolve(env.DATA_DIR?.trim() || 'data'),
    pgliteSharedBuffersMb: integer(env, 'PGLITE_SHARED_BUFFERS_MB', 16, 1, 16_384),
    pgliteWorkMemMb: integer(env, 'PGLITE_WORK_MEM_MB', 1, 1, 16_384),
    databaseUrl,
    databaseSchema,
    dbPoolSize: integer(env, 'DB_POOL_SIZE', 10, 1, 1000),
    statementTimeoutMs: integer(env, 'STATEMENT_TIMEOUT_MS', 5000, 0, 3_600_000),
    maxPageSize: 100,
    nodeEnv,
    ideEnabled: flag(env, 'IDE_ENABLED', nodeEnv !== 'production'),
    safety: loadSafetyConfig(env, nodeEnv),
    cache: loadCacheConfig(env),
  };
}

export function loadCacheConfig(env: NodeJS.ProcessEnv = process.env): CacheConfig {
  return {
    enabled: flag(env, 'RESPONSE_CACHE', true),
    maxBytes: integer(env, 'RESPONSE_CACHE_MB', 64, 1, 65_536) * 1_048_576,
    defaultMaxAge: integer(env, 'CACHE_MAX_AGE', 60, 0, 86_400),
  };
}

export function loadSafetyConfig(env: NodeJS.ProcessEnv = process.env, nodeEnv = env.NODE_ENV?.trim() || 'development'): SafetyConfig {
  const redisUrl = env.REDIS_URL?.trim() || null;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) throw new ConfigError('REDIS_URL: must start with redis:// or rediss://');
  const logLevel = env.LOG_LEVEL?.trim() || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent, got "${logLevel}"`);
  }
  return {
    maxDepth: integer(env, 'MAX_DEPTH', 12, 1, 1000),
    maxAliases: integer(env, 'MAX_ALIASES', 15, 0, 10_000),
    maxDirectives: integer(env, 'MAX_DIRECTIVES', 50, 0, 10_000),
    maxTokens: integer(env, 'MAX_TOKENS', 2000, 1, 1_000_000),
    maxNodes: integer(env, 'MAX_NODES', 50_000, 1, 100_000_000),
    listEstimate: integer(env, 'COST_LIST_ESTIMATE', 10, 1, 10_000),
    maxBodyBytes: integer(env, 'MAX_BODY_BYTES', 1_048_576, 1024, 100 * 1_048_576),
    maxDocumentBytes: integer(env, 'MAX_DOCUMENT_BYTES', 65_536, 64, 100 * 1_048_576),
    maxOperations: integer(env, 'MAX_OPERATIONS', 1, 1, 100),
    rateLimitCapacity: integer(env, 'RATE_LIMIT_CAPACITY', 100_000, 0, 1_000_000_000),
    rateLimitRefillPerSecond: integer(env, 'RATE_LIMIT_REFILL_PER_SECOND', 1_000, 1, 1_000_000_000),
    redisUrl,
    requestTimeoutMs: integer(env, 'REQUEST_TIMEOUT_MS', 15_000, 100, 3_600_000),
    introspection: flag(env, 'INTROSPECTION', nodeEnv !== 'production'),
    fieldSuggestions: flag(env, 'FIELD_SUGGESTIONS', nodeEnv !== 'production'),
    stackTraces: nodeEnv !== 'production' && nodeEnv !== 'test' ? flag(env, 'STACK_TRACES', false) : false,
    logLevel,
  };
}
