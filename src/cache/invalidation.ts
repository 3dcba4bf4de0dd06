import type { Logger } from 'pino';
import type { Database } from '../db/database';
import type { ResponseCache } from './response-cache';

/** Migration 0005's triggers notify this channel, with the schema written to, at each commit that changes the graph. */
export const DATA_CHANGED_CHANNEL = 'newsgraph_data_changed';

/**
 * Keeps the cache in step with the store: a committed change to this schema's graph, made by any
 * process, empties it; while the LISTEN connection is down it serves nothing. Returns the unsubscribe.
 */
export async function followDataChanges(db: Database, cache: ResponseCache, logger: Logger): Promise<() => Promise<void>> {
  const [{ schema }] = await db.query<{ schema: string }>('SELECT current_schema() AS schema');
  return db.listen(DATA_CHANGED_CHANNEL, (notice) => {
    if (notice.kind === 'notification') {
      if (notice.payload === schema) cache.invalidate();
    } else if (notice.kind === 'lost') {
      cache.suspend();
      logger.warn({ channel: DATA_CHANGED_CHANNEL }, 'response cache off: lost the LISTEN connection, reconnecting');
    } else {
      cache.resume();
    }
  });
}
