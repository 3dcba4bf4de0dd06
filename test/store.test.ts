import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seed } from '../src/bundles/seed';
import { migrate, pendingMigrations, readMigrations } from '../src/db/migrate';
import { PGliteDatabase } from '../src/db/pglite';
import { openDatabase } from '../src/db/open';
import { ConfigError, loadConfig } from '../src/config';
import type { Queryable } from '../src/db/database';
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

describe('the embedded store\'s memory settings', () => {
  const memorySettings = async (db: Queryable) =>
    (await db.query<{ work_mem: string; shared_buffers: string }>(
      "SELECT current_setting('work_mem') AS work_mem, current_setting('shared_buffers') AS shared_buffers",
    ))[0];

  it('opens with npm start\'s defaults: work_mem 1 MB and shared_buffers 16 MB, each set by its variable', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'newsgraph-data-'));
    try {
      const db = await openDatabase(loadConfig({ DATA_DIR: dataDir }));
      try {
        expect(await memorySettings(db)).toEqual({ work_mem: '1MB', shared_buffers: '16MB' });
      } finally {
        await db.close();
      }
      const custom = await PGliteDatabase.open({ workMemMb: 3, sharedBuffersMb: 8 });
      try {
        expect(await memorySettings(custom)).toEqual({ work_mem: '3MB', shared_buffers: '8MB' });
      } finally {
        await custom.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('reads PGLITE_WORK_MEM_MB and names it when it is not a whole number of megabytes from 1', () => {
    expect(loadConfig({ PGLITE_WORK_MEM_MB: '4' }).pgliteWorkMemMb).toBe(4);
    expect(() => loadConfig({ PGLITE_WORK_MEM_MB: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ PGLITE_WORK_MEM_MB: '1.5' })).toThrow(/PGLITE_WORK_MEM_MB: must be an integer from 1 to 16384, got "1.5"/);
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
