import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seed } from '../src/bundles/seed';
import { migrate, pendingMigrations, readMigrations } from '../src/db/migrate';
import { PGliteDatabase } from '../src/db/pglite';
import { backends, openSeededStore, rowCounts } from './support/backends';

describe('the embedded store in a data folder', () => {
  it('is created, migrated and seeded on the first start, and reopened without re-seeding on the next', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'newsgraph-data-'));
    try {
      const first = await PGliteDatabase.open({ dataDir });
      expect(await migrate(first)).toEqual(readMigrations().map((m) => m.version));
      const loaded = await seed(first);
      expect(loaded.bundles.map((b) => b.changed)).toEqual([true]);
      const counts = await rowCounts(first);
      await first.close();

      const second = await PGliteDatabase.open({ dataDir });
      expect(await migrate(second)).toEqual([]);
      expect((await seed(second)).bundles.map((b) => b.changed)).toEqual([false]);
      expect(await rowCounts(second)).toEqual(counts);
      await second.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe.each(backends())('migrations (%s)', (backend) => {
  it('apply once, even from two connections at the same time', async () => {
    const a = await openSeededStore(backend, { seeded: false });
    try {
      expect(await pendingMigrations(a.db)).toEqual([]);
      const again = await Promise.all([migrate(a.db), migrate(a.db)]);
      expect(again).toEqual([[], []]);
    } finally {
      await a.close();
    }
  });
});

describe.each(backends().filter((b) => b === 'postgres'))('the pooled PostgreSQL connection (%s)', (backend) => {
  it('works in its own schema and bounds every statement with the configured timeout', async () => {
    const store = await openSeededStore(backend, { seeded: false, statementTimeoutMs: 250 });
    try {
      const [row] = await store.db.query<{ timeout: string; schema: string }>(
        "SELECT current_setting('statement_timeout') AS timeout, current_schema() AS schema",
      );
      expect(row.timeout).toBe('250ms');
      expect(row.schema).toMatch(/^ng_test_/);
      await expect(store.db.query('SELECT pg_sleep(2)')).rejects.toThrow(/statement timeout/);
    } finally {
      await store.close();
    }
  });
});
