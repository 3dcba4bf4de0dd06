import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { Queryable } from '../db/database';

/**
 * Automatic persisted queries, kept in the store (table persisted_queries) so that a hash
 * registered through one API process is known to all of them, with the most recently used
 * documents of this process in memory. Apollo registers a document only after it has parsed,
 * validated and passed the limits, and verifies that the hash is the document's sha256.
 */
export class StoredPersistedQueries implements KeyValueCache<string> {
  private readonly recent = new Map<string, string>();

  constructor(
    private readonly db: Queryable,
    private readonly keepInMemory = 1000,
    /** Registrations kept in the store, newest first; older ones are dropped as new ones come. */
    private readonly keepStored = 10_000,
  ) {}

  async get(key: string): Promise<string | undefined> {
    const known = this.recent.get(key);
    if (known !== undefined) {
      this.remember(key, known);
      return known;
    }
    const [row] = await this.db.query<{ document: string }>('SELECT document FROM persisted_queries WHERE hash = $1', [key]);
    if (row) this.remember(key, row.document);
    return row?.document;
  }

  async set(key: string, value: string): Promise<void> {
    const added = await this.db.query('INSERT INTO persisted_queries (hash, document) VALUES ($1, $2) ON CONFLICT (hash) DO NOTHING RETURNING hash', [key, value]);
    if (added.length > 0) {
      await this.db.query(
        `DELETE FROM persisted_queries WHERE hash IN (
           SELECT hash FROM persisted_queries ORDER BY created_at DESC, hash OFFSET $1)`,
        [this.keepStored],
      );
    }
    this.remember(key, value);
  }

  async delete(key: string): Promise<boolean> {
    this.recent.delete(key);
    const rows = await this.db.query('DELETE FROM persisted_queries WHERE hash = $1 RETURNING hash', [key]);
    return rows.length > 0;
  }

  private remember(key: string, document: string): void {
    this.recent.delete(key);
    this.recent.set(key, document);
    if (this.recent.size > this.keepInMemory) this.recent.delete(this.recent.keys().next().value as string);
  }
}
