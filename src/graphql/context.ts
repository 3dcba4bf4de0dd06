import { CountingQueryable, type Queryable } from '../db/database';
import { createLoaders, type Loaders } from './loaders';

/** What every resolver of one request sees: the db (counted) and that request's loaders. */
export interface Context {
  db: CountingQueryable;
  loaders: Loaders;
}

export function createContext(db: Queryable): Context {
  const counted = new CountingQueryable(db);
  return { db: counted, loaders: createLoaders(counted) };
}

/** Loads many ids through a loader, dropping ids that no longer resolve; a failed load throws. */
export async function loadAll<T>(
  loader: { loadMany(keys: readonly string[]): Promise<(T | null | Error)[]> },
  ids: readonly string[],
): Promise<T[]> {
  const out: T[] = [];
  for (const result of await loader.loadMany(ids)) {
    if (result instanceof Error) throw result;
    if (result !== null) out.push(result);
  }
  return out;
}
