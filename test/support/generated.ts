import { generateGraph, type GenerateResult } from '../../src/generate/generate.loader';
import { generateGraphModel, type GenerateOptions } from '../../src/generate/generate.model';
import type { GraphChunk } from '../../src/generate/generate.rows';
import { openSeededStore, type Backend, type TestStore } from './backends';
import { graphqlClient, type GraphQLClient } from './graphql';

export interface GeneratedApi {
  store: TestStore;
  api: GraphQLClient;
  /** What the load reported (counts per table, events/s). */
  loaded: GenerateResult;
  /** The same graph's rows in memory, for computing expected answers without the API. */
  model: GraphChunk;
}

/** A fresh migrated store of the backend holding a generated graph. */
export async function openGeneratedStore(backend: Backend, options: GenerateOptions): Promise<{ store: TestStore; loaded: GenerateResult }> {
  const store = await openSeededStore(backend, { seeded: false });
  try {
    return { store, loaded: await generateGraph(store.db, options) };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/**
 * A generated graph in a store of its own and a GraphQL client over it, opened before the describe
 * block's tests and closed after them; `model` holds the same rows, generated again in memory, so
 * tests compute their expected answers independently of the SQL the API runs.
 */
export function useGeneratedApi(backend: Backend, options: GenerateOptions): GeneratedApi {
  const handle = {} as GeneratedApi;
  beforeAll(async () => {
    Object.assign(handle, await openGeneratedStore(backend, options));
    handle.model = generateGraphModel(options);
    handle.api = await graphqlClient(handle.store.db);
  });
  afterAll(async () => {
    await handle.api?.stop();
    await handle.store?.close();
  });
  return handle;
}
