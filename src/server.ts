import { createServer, type Server } from 'node:http';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import express from 'express';
import type { GraphQLFormattedError } from 'graphql';
import pino, { type Logger } from 'pino';
import { responseCachePlugin } from './cache/cache.plugin';
import { cachePolicyPlugin } from './cache/cache-policy.plugin';
import { cacheFrontDoor } from './cache/front-door';
import { followDataChanges } from './cache/invalidation';
import { StoredPersistedQueries } from './cache/persisted-queries';
import { ResponseCache } from './cache/response-cache';
import { loadCacheConfig, loadSafetyConfig, type CacheConfig, type SafetyConfig } from './config';
import type { Database } from './db/database';
import { pendingMigrations } from './db/migrate';
import { createContext, type Context } from './graphql/context';
import { buildNewsgraphSchema } from './graphql/schema';
import { webPages } from './http/web';
import { requestGuards, requestIdAndTimeout } from './safety/http-guards';
import { armorProtection } from './safety/limits';
import { RedisRateLimiter, SqlRateLimiter, type RateLimiter } from './safety/rate-limit';
import { safetyPlugin } from './safety/safety.plugin';

export interface App {
  httpServer: Server;
  apollo: ApolloServer<Context>;
  /** This process's response cache; null when RESPONSE_CACHE is off. */
  cache: ResponseCache | null;
  /** Stops taking requests, lets those in flight finish, then returns (the db stays open). */
  stop(): Promise<void>;
}

/**
 * Errors clients can act on keep their message and code; anything else is masked (the safety
 * plugin adds the request id and logs the original with it).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const code = formatted.extensions?.code;
  if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
    void original;
    return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
  return formatted;
}

export interface AppOptions {
  /** Serve GraphiQL at GET /graphql to browsers and allow introspection (config.ideEnabled; default on). */
  ideEnabled?: boolean;
  /** Where the built pages are (default dist/web); tests pass a build of their own. */
  webRoot?: string;
  /** Limits, budget and posture (default: from the environment, loadSafetyConfig). */
  safety?: SafetyConfig;
  /** Where the JSON log lines go (default: pino on stdout at LOG_LEVEL). */
  logger?: Logger;
  /** The per-client budget (default: Redis when REDIS_URL is set, else the store; null turns it off). */
  rateLimiter?: RateLimiter | null;
  /** Response cache and cache-control defaults (default: from the environment, loadCacheConfig). */
  cache?: CacheConfig;
}

/**
 * Builds the HTTP server (GraphQL at /graphql, /health, /ready, the explorer at / and GraphiQL for
 * browsers at /graphql, both prebuilt in dist/web) without listening, so tests can run it on any port.
 */
export async function createApp(db: Database, options: AppOptions = {}): Promise<App> {
  const ideEnabled = options.ideEnabled ?? true;
  // Built before anything that holds a connection (rate limiter, LISTEN), which a failure here would leave open.
  const schema = await buildNewsgraphSchema();
  const safety = options.safety ?? loadSafetyConfig();
  const logger = options.logger ?? pino({ level: safety.logLevel, base: { service: 'newsgraph' } });
  const bucket = { capacity: safety.rateLimitCapacity, refillPerSecond: safety.rateLimitRefillPerSecond };
  const ownLimiter =
    options.rateLimiter === undefined && safety.rateLimitCapacity > 0
      ? safety.redisUrl
        ? new RedisRateLimiter(safety.redisUrl, bucket)
        : new SqlRateLimiter(db, bucket)
      : null;
  const limiter = options.rateLimiter === undefined ? ownLimiter : options.rateLimiter;
  const armor = armorProtection(safety);
  const cacheConfig = options.cache ?? loadCacheConfig();
  const cache = cacheConfig.enabled ? new ResponseCache(cacheConfig.maxBytes) : null;
  const stopFollowing = cache ? await followDataChanges(db, cache, logger) : null;
  const app = express();
  // Cache hits are answered before Express; everything else goes on to it.
  const httpServer = createServer(cache ? cacheFrontDoor(cache, safety.maxBodyBytes, app) : app);
  const apollo = new ApolloServer<Context>({
    schema,
    formatError,
    // The process (main.ts) handles SIGTERM/SIGINT: it stops this server, then closes the store.
    // Apollo's own handlers would re-raise the signal first and kill the process before that.
    stopOnTerminationSignals: false,
    validationRules: armor.validationRules,
    allowBatchedHttpRequests: safety.maxOperations > 1,
    includeStacktraceInErrorResponses: safety.stackTraces,
    // Refuses simple (CORS-preflight-free) requests that could come from another site's page.
    csrfPrevention: true,
    // The IDE needs introspection; without it, INTROSPECTION decides (off when NODE_ENV=production).
    introspection: ideEnabled || safety.introspection,
    // Automatic persisted queries, registered in the store so that every process knows every hash.
    persistedQueries: { cache: new StoredPersistedQueries(db) },
    // Apollo's own landing page loads from a CDN; GraphiQL is bundled and served from dist/web instead.
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      ...armor.plugins,
      // The cache policy per document instead of Apollo's per-field hook (cache-policy.plugin.ts).
      ApolloServerPluginCacheControlDisabled(),
      cachePolicyPlugin({ defaultMaxAge: cacheConfig.defaultMaxAge }),
      safetyPlugin(safety, logger, limiter),
      // After the safety plugin: it stores the answer with the cost that plugin reports.
      ...(cache ? [responseCachePlugin(cache)] : []),
    ],
  });
  try {
    await apollo.start();
  } catch (error) {
    await stopFollowing?.();
    await ownLimiter?.close();
    throw error;
  }

  app.disable('x-powered-by');
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    try {
      const pending = await pendingMigrations(db);
      if (pending.length) res.status(503).json({ status: 'migrations pending', pending });
      else res.json({ status: 'ready', store: db.kind });
    } catch (error) {
      res.status(503).json({ status: 'database unreachable', error: (error as Error).message });
    }
  });
  app.use(webPages({ ideEnabled, webRoot: options.webRoot }));
  app.use(
    '/graphql',
    requestIdAndTimeout(safety, logger),
    ...requestGuards(safety),
    expressMiddleware<BaseContext & Context>(apollo, {
      context: async ({ req }) => ({
        ...createContext(db, { authorization: req.headers.authorization }),
        requestId: req.requestId,
        clientIp: req.ip ?? req.socket.remoteAddress,
        cacheTicket: req.cacheTicket,
      }),
    }),
  );

  return {
    httpServer,
    apollo,
    cache,
    stop: async () => {
      await apollo.stop();
      await stopFollowing?.();
      await ownLimiter?.close();
    },
  };
}
