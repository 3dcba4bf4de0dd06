import { callerFromAuthorization } from '../auth/api-key.service';
import type { CacheTicket } from '../cache/front-door';
import type { Caller } from '../auth/caller';
import { CountingQueryable, type Database } from '../db/database';
import { createLoaders, type Loaders } from './loaders';

/** What every resolver of one request sees: the db (counted), that request's loaders, and its caller. */
export interface Context {
  db: CountingQueryable;
  loaders: Loaders;
  /** The store itself, for writes: they run in a transaction of their own. */
  store: Database;
  /** Who sent the request, from its Authorization header; looked up on first use, so reads never pay for it. */
  caller: () => Promise<Caller | null>;
  /** The HTTP request's id (logged, and given with masked errors) and the client's address; unset outside HTTP. */
  requestId?: string;
  clientIp?: string;
  /** Where the response cache keeps this request's answer, when it may keep it (src/cache/front-door.ts). */
  cacheTicket?: CacheTicket;
}

export function createContext(db: Database, request: { authorization?: string | null } = {}): Context {
  const counted = new CountingQueryable(db);
  let caller: Promise<Caller | null> | undefined;
  return {
    db: counted,
    loaders: createLoaders(counted),
    store: db,
    caller: () => (caller ??= callerFromAuthorization(counted, request.authorization)),
  };
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
