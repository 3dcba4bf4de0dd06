import { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { Database } from '../../src/db/database';
import { createContext, type Context } from '../../src/graphql/context';
import { buildNewsgraphSchema } from '../../src/graphql/schema';
import { formatError } from '../../src/server';
import { openSeededStore, type Backend, type TestStore } from './backends';

export interface Answer<T = any> {
  data: T | undefined;
  errors: readonly GraphQLFormattedError[] | undefined;
  /** SQL statements the request ran. */
  statements: number;
}

export type GraphQLClient = Awaited<ReturnType<typeof graphqlClient>>;

/** Runs operations through the real schema and Apollo pipeline, without HTTP. */
export async function graphqlClient(db: Database) {
  const server = new ApolloServer<Context>({ schema: await buildNewsgraphSchema(), formatError });
  await server.start();
  return {
    /** `as` sends an API key, as the HTTP header `Authorization: Bearer <key>` would. */
    async query<T = any>(source: string, variables?: Record<string, unknown>, as?: { key: string }): Promise<Answer<T>> {
      const context = createContext(db, { authorization: as ? `Bearer ${as.key}` : null });
      const response = await server.executeOperation({ query: source, variables }, { contextValue: context });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      const { data, errors } = response.body.singleResult;
      return { data: (data ?? undefined) as T | undefined, errors, statements: context.db.count };
    },
    stop: () => server.stop(),
  };
}

/**
 * A seeded store of the backend and a client over it, opened before the describe block's tests
 * and closed after them. Read the fields inside tests (they are set in beforeAll).
 */
export function useSeededApi(backend: Backend): { store: TestStore; api: GraphQLClient } {
  const handle = {} as { store: TestStore; api: GraphQLClient };
  beforeAll(async () => {
    handle.store = await openSeededStore(backend);
    handle.api = await graphqlClient(handle.store.db);
  });
  afterAll(async () => {
    await handle.api?.stop();
    await handle.store?.close();
  });
  return handle;
}
