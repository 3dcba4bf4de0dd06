import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import express from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { projectRoot } from './common/project-root';
import type { Database } from './db/database';
import { pendingMigrations } from './db/migrate';
import { createContext, type Context } from './graphql/context';
import { buildNewsgraphSchema } from './graphql/schema';

export interface App {
  httpServer: Server;
  apollo: ApolloServer<Context>;
  /** Stops taking requests, lets those in flight finish, then returns (the db stays open). */
  stop(): Promise<void>;
}

/** Errors clients can act on keep their message and code; anything else is masked. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const code = formatted.extensions?.code;
  if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
    console.error('internal error:', original);
    return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
  return formatted;
}

/**
 * Builds the HTTP server (GraphQL at /graphql, /health, /ready, an offline query page) without
 * listening, so tests can run it on any port.
 */
export async function createApp(db: Database): Promise<App> {
  const app = express();
  const httpServer = createServer(app);
  const apollo = new ApolloServer<Context>({
    schema: await buildNewsgraphSchema(),
    formatError,
    // Apollo's own landing page loads from a CDN; the page below is served from this package.
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();

  const consolePage = readFileSync(join(projectRoot(), 'src', 'http', 'console.html'), 'utf8');
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
  app.get(['/', '/graphql'], (req, res, next) => {
    if (req.method === 'GET' && req.accepts(['application/json', 'html']) === 'html' && !req.query.query) {
      res.type('html').send(consolePage);
      return;
    }
    next();
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware<BaseContext & Context>(apollo, { context: async () => createContext(db) }),
  );

  return {
    httpServer,
    apollo,
    stop: () => apollo.stop(),
  };
}
