import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Database } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import { DataDirLockedError, PGliteDatabase } from '../src/db/pglite';
import { PostgresDatabase, quoteIdent } from '../src/db/postgres';
import { adminQuery, backends, TEST_DATABASE_URL } from './support/backends';
import { buildMain } from './support/build';
import { CACHE_OFF, startLiveServer } from './support/live-server';

const root = join(__dirname, '..');
// Built by the suite's beforeAll to a folder of its own (see buildMain).
let main = '';
const onPostgres = backends().includes('postgres') ? describe : describe.skip;
// SIGKILL cycles per store; the 50 with FAULT_CYCLES=50 (about a minute per store).
const CYCLES = Number(process.env.FAULT_CYCLES || 5);

const SEED_FOLDER = join(root, 'seed', 'witkoff-putin-brussels');

/** The seed bundle as a new article `slug` (one .json file, text inline): its facts link to the graph's by slug. */
function bundleAs(dir: string, slug: string): string {
  const bundle = JSON.parse(readFileSync(join(SEED_FOLDER, 'bundle.json'), 'utf8'));
  bundle.article.slug = slug;
  bundle.article.title = `Fault drill ${slug}`;
  bundle.article.text = readFileSync(join(SEED_FOLDER, 'article.txt'), 'utf8');
  const path = join(dir, `${slug}.json`);
  writeFileSync(path, JSON.stringify(bundle));
  return path;
}

/** Runs `import` for each bundle in turn and kills it with SIGKILL after `killAfterMs`; returns the slugs it acknowledged and what it printed. */
function importUntilKilled(env: NodeJS.ProcessEnv, paths: string[], killAfterMs: number): Promise<{ acknowledged: string[]; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [main, 'import', ...paths], { cwd: root, env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve({ acknowledged: [...output.matchAll(/^import ([a-z0-9-]+): /gm)].map((match) => match[1]), output });
    });
  });
}

/** Every article of the drill that is in the store, with its evidence spans (but those of amounts). */
async function drillArticles(db: Database): Promise<Map<string, number>> {
  const rows = await db.query<{ slug: string; spans: number }>(
    // Amount spans are left out: an import re-creates the (shared) pledge amount with the newest article's span.
    `SELECT a.slug, count(e.id)::int AS spans FROM articles a LEFT JOIN evidence e ON e.article_id = a.id AND e.amount_id IS NULL
      WHERE a.slug LIKE 'drill-%' GROUP BY a.slug`,
  );
  return new Map(rows.map((row) => [row.slug, row.spans]));
}

async function killDrill(open: () => Promise<Database>, env: NodeJS.ProcessEnv, dir: string) {
  // Reference: imports run to the end (the second links to the facts the first created, as all later ones do).
  const started = Date.now();
  const reference = await importUntilKilled(env, [bundleAs(dir, 'drill-reference'), bundleAs(dir, 'drill-reference-2')], 60_000);
  // The output says why, should the reference run not finish.
  expect({ ...reference, output: reference.acknowledged.length === 2 ? '' : reference.output }).toEqual({
    acknowledged: ['drill-reference', 'drill-reference-2'],
    output: '',
  });
  const fullRun = Date.now() - started;
  let db = await open();
  const expected = (await drillArticles(db)).get('drill-reference-2')!;
  expect(expected).toBeGreaterThan(10);
  await db.close();

  const acknowledged: string[] = [];
  for (let cycle = 0; cycle < CYCLES; cycle++) {
    const paths = [0, 1, 2].map((i) => bundleAs(dir, `drill-${cycle}-${i}`));
    // Kill at a different moment each cycle (20%-100% of a two-import run, while this one has three):
    // while starting, migrating, validating or writing.
    const run = await importUntilKilled(env, paths, Math.round(fullRun * (0.2 + ((cycle * 0.618) % 1) * 0.8)));
    acknowledged.push(...run.acknowledged);
  }
  db = await open();
  try {
    const present = await drillArticles(db);
    for (const slug of acknowledged) expect([slug, present.get(slug)]).toEqual([slug, expected]);
    // Nothing partial: an article is there with all of its spans, or not at all.
    for (const [slug, spans] of present) expect([slug, spans]).toEqual([slug, expected]);
    const [bad] = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM evidence e JOIN articles a ON a.id = e.article_id WHERE e.quote <> substr(a.text, e.start_offset + 1, e.end_offset - e.start_offset)',
    );
    expect(bad.n).toBe(0);
    return { acknowledged: acknowledged.length, present: present.size - 2 };
  } finally {
    await db.close();
  }
}

describe('faults', () => {
  let dir: string;
  let build: ReturnType<typeof buildMain>;
  beforeAll(() => {
    build = buildMain('faults');
    main = build.main;
    dir = mkdtempSync(join(tmpdir(), 'newsgraph-faults-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    build.remove();
  });

  describe('a PGlite data folder is opened by one process at a time', () => {
    it('refuses a second opening, in this process or another, naming the owner', async () => {
      const dataDir = join(dir, 'locked');
      const db = await PGliteDatabase.open({ dataDir });
      try {
        await expect(PGliteDatabase.open({ dataDir })).rejects.toThrow(DataDirLockedError);
        await expect(PGliteDatabase.open({ dataDir })).rejects.toThrow(`DATA_DIR ${dataDir} is in use by process ${process.pid} (this one)`);
        const other = spawn(process.execPath, [main, 'migrate'], { cwd: root, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' } });
        let output = '';
        other.stderr.on('data', (chunk) => (output += chunk));
        const code = await new Promise((resolve) => other.on('exit', resolve));
        expect(code).toBe(1);
        expect(output).toContain(`DATA_DIR ${dataDir} is in use by process ${process.pid}`);
        expect(output).toContain('use PostgreSQL (DATABASE_URL)');
      } finally {
        await db.close();
      }
      // Closed: the folder is free again, and its data intact.
      const again = await PGliteDatabase.open({ dataDir });
      expect(await again.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
      await again.close();
    });

    it('takes over the lock of an owner that is gone (SIGKILL)', async () => {
      const dataDir = join(dir, 'stale');
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(join(dataDir, 'newsgraph.lock'), '2147483646\n');
      const db = await PGliteDatabase.open({ dataDir });
      expect(readFileSync(join(dataDir, 'newsgraph.lock'), 'utf8').trim()).toBe(String(process.pid));
      await db.close();
    });
  });

  it(`keeps every acknowledged import whole through ${CYCLES} SIGKILLs of the import command (PGlite)`, async () => {
    const dataDir = join(dir, 'kill-pglite');
    const result = await killDrill(() => PGliteDatabase.open({ dataDir }), { DATA_DIR: dataDir, DATABASE_URL: '' }, dir);
    console.log(`PGlite SIGKILL drill: ${CYCLES} kills, ${result.acknowledged} imports acknowledged, ${result.present} present, none partial`);
  }, 300_000);

  onPostgres('on PostgreSQL', () => {
    const schema = `ng_fault_${process.pid}_${Date.now().toString(36)}`;
    beforeAll(() => adminQuery(`CREATE SCHEMA ${quoteIdent(schema)}`));
    afterAll(() => adminQuery(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`));

    it(`keeps every acknowledged import whole through ${CYCLES} SIGKILLs of the import command`, async () => {
      const env = { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema };
      const result = await killDrill(async () => new PostgresDatabase({ connectionString: TEST_DATABASE_URL, schema }), env, dir);
      console.log(`PostgreSQL SIGKILL drill: ${CYCLES} kills, ${result.acknowledged} imports acknowledged, ${result.present} present, none partial`);
    }, 300_000);

    it('fails a request whose connection is terminated with a masked error, and serves the next ones without a restart', async () => {
      const app = `ng_fault_${Date.now().toString(36)}`;
      const db = new PostgresDatabase({ connectionString: `${TEST_DATABASE_URL}?application_name=${app}`, schema, poolSize: 4 });
      await migrate(db);
      await db.query(`INSERT INTO actors (slug, name, kind) VALUES ('fault-probe', 'Fault probe', 'PERSON') ON CONFLICT DO NOTHING`).catch(() => undefined);
      const server = await startLiveServer(db, { rateLimiter: null, cache: CACHE_OFF });
      const blocker = new Client({ connectionString: TEST_DATABASE_URL });
      await blocker.connect();
      try {
        const ask = { query: '{ actors(first: 1) { totalCount } }' };
        expect((await server.post(ask)).body.data.actors.totalCount).toBeGreaterThan(0);
        // Hold the request inside PostgreSQL, then cut every connection of the server's pool.
        await blocker.query('BEGIN');
        await blocker.query(`LOCK TABLE ${quoteIdent(schema)}.actors IN ACCESS EXCLUSIVE MODE`);
        const inFlight = server.post(ask, { 'x-request-id': 'req-cut' });
        await new Promise((resolve) => setTimeout(resolve, 300));
        const killed = await blocker.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [app]);
        expect(killed.rowCount).toBeGreaterThan(0);
        await blocker.query('COMMIT');
        const failed = await inFlight;
        expect(failed.status).toBeLessThan(500);
        expect(failed.body.errors).toEqual([
          expect.objectContaining({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-cut' } }),
        ]);
        expect(JSON.stringify(failed.body)).not.toMatch(/terminat/i);
        expect(server.logs.find((line) => line.requestId === 'req-cut' && line.msg === 'internal error')?.err?.message).toMatch(/terminat/i);
        // Idle connections killed too: the pool replaces them, no restart needed.
        await blocker.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [app]);
        await new Promise((resolve) => setTimeout(resolve, 100));
        for (let i = 0; i < 5; i++) expect((await server.post(ask)).body.data.actors.totalCount).toBeGreaterThan(0);
      } finally {
        await blocker.end();
        await server.close();
        await db.close();
      }
    });
  });
});
