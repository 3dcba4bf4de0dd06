import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runKeysCommand } from '../src/auth/keys.command';
import { runImportCommand } from '../src/bundles/import.command';
import { InvalidInputError } from '../src/common/errors';
import { loadConfig, type Config } from '../src/config';
import { quoteIdent } from '../src/db/postgres';
import { openDatabase } from '../src/db/open';
import { adminQuery, backends, TEST_DATABASE_URL, type Backend } from './support/backends';
import { buildMain } from './support/build';

const root = join(__dirname, '..');
const FIXTURE = join(__dirname, 'fixtures', 'envoy-fourth-meeting');

/** A store of its own for the commands: a fresh PGlite data folder, or a fresh schema on the server. */
function commandStore(backend: Backend) {
  const handle = {} as { config: Config; dir: string; schema: string };
  beforeAll(async () => {
    handle.dir = mkdtempSync(join(tmpdir(), 'newsgraph-cli-'));
    if (backend === 'pglite') {
      handle.config = loadConfig({ DATA_DIR: join(handle.dir, 'data') });
    } else {
      handle.schema = `ng_test_${process.pid}_${randomBytes(4).toString('hex')}`;
      await adminQuery(`CREATE SCHEMA ${quoteIdent(handle.schema)}`);
      handle.config = loadConfig({ DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: handle.schema });
    }
  });
  afterAll(async () => {
    if (handle.schema) await adminQuery(`DROP SCHEMA IF EXISTS ${quoteIdent(handle.schema)} CASCADE`);
    rmSync(handle.dir, { recursive: true, force: true });
  });
  return handle;
}

async function run(command: typeof runKeysCommand, args: string[], config: Config): Promise<string[]> {
  const lines: string[] = [];
  await command(args, config, (line) => lines.push(line));
  return lines;
}

describe.each(backends())('the import and keys commands (%s)', (backend) => {
  const store = commandStore(backend);

  it('`keys create` prints a new key once; `list` shows only its prefix; `revoke` ends it', async () => {
    const created = await run(runKeysCommand, ['create', '--role', 'editor', '--name', 'alice'], store.config);
    expect(created[0]).toMatch(/^created key \d+ for alice \(editor\)\. It is shown only now; store it safely:$/);
    const key = created[1];
    expect(key).toMatch(/^ngk_[A-Za-z0-9_-]{43}$/);
    const listed = (await run(runKeysCommand, ['list'], store.config)).join('\n');
    expect(listed).toMatch(/\talice\teditor\tngk_.{6}…\tcreated .*\tactive$/);
    expect(listed).not.toContain(key);
    expect(await run(runKeysCommand, ['revoke', '--name', 'alice'], store.config)).toEqual([expect.stringMatching(/^revoked key \d+ \(alice, editor\)$/)]);
    expect((await run(runKeysCommand, ['list'], store.config)).join('\n')).toMatch(/\talice\teditor\t.*\trevoked \d{4}-/);
  });

  it('refuses bad requests, naming each problem', async () => {
    await expect(run(runKeysCommand, ['create', '--role', 'owner'], store.config)).rejects.toMatchObject({
      problems: [
        { path: '--name', message: 'is required: who holds the key (shown in the audit trail)' },
      ],
    });
    await expect(run(runKeysCommand, ['create', '--role', 'owner', '--name', 'bob'], store.config)).rejects.toMatchObject({
      problems: [{ path: 'role', message: 'must be one of editor, admin' }],
    });
    await expect(run(runKeysCommand, ['rotate'], store.config)).rejects.toThrow(InvalidInputError);
    await expect(run(runKeysCommand, ['revoke', '--name', 'nobody'], store.config)).rejects.toMatchObject({ problems: [{ path: '--name', message: 'names no active key' }] });
  });

  it('`import` loads a bundle folder; again, or as one JSON file, changes nothing', async () => {
    expect(await run(runImportCommand, [FIXTURE], store.config)).toEqual([
      expect.stringMatching(/^import fixture-envoy-fourth-meeting: 11 created, 0 updated, 0 deleted \(bundle: \{"actors":6,/),
    ]);
    expect(await run(runImportCommand, [FIXTURE], store.config)).toEqual(['import fixture-envoy-fourth-meeting: unchanged, nothing written']);
    const inline = JSON.parse(readFileSync(join(FIXTURE, 'bundle.json'), 'utf8'));
    inline.article.text = readFileSync(join(FIXTURE, 'article.txt'), 'utf8');
    const file = join(store.dir, 'fixture.json');
    writeFileSync(file, JSON.stringify(inline));
    expect(await run(runImportCommand, [file], store.config)).toEqual(['import fixture-envoy-fourth-meeting: unchanged, nothing written']);
  });

  it('`import` of a bad bundle reports every problem and writes nothing', async () => {
    const db = await openDatabase(store.config);
    const count = async () => (await db.query<{ n: number }>('SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM audit_log) AS n'))[0].n;
    const before = await count();
    await db.close();
    const bad = JSON.parse(readFileSync(join(FIXTURE, 'bundle.json'), 'utf8'));
    bad.article.slug = 'fixture-bad';
    bad.article.text = readFileSync(join(FIXTURE, 'article.txt'), 'utf8');
    bad.events[2].speaker = 'nobody-known';
    const file = join(store.dir, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const error = await run(runImportCommand, [file], store.config).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).report()).toContain('events[2].speaker: unknown actor "nobody-known": it must be one of this bundle\'s actors');
    const after = await openDatabase(store.config);
    expect(await (async () => (await after.query<{ n: number }>('SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM audit_log) AS n'))[0].n)()).toBe(before);
    await after.close();
  });
});

describe('the commands as processes (`node dist/src/main.js import|keys`)', () => {
  let build: ReturnType<typeof buildMain>;
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-cli-process-'));
  const env = { ...process.env, DATA_DIR: join(dir, 'data'), DATABASE_URL: '' };
  const main = (...args: string[]) => spawnSync(process.execPath, [build.main, ...args], { cwd: root, env, encoding: 'utf8' });

  beforeAll(() => {
    build = buildMain('editing-cli');
  });
  afterAll(() => {
    build.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  it('create a key, import a bundle, and fail with the problems of a bad one', () => {
    const created = main('keys', 'create', '--role', 'admin', '--name', 'ops');
    expect(created.status).toBe(0);
    expect(created.stdout.split('\n')[1]).toMatch(/^ngk_/);
    const imported = main('import', FIXTURE);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain('import fixture-envoy-fourth-meeting: 11 created');
    const missing = main('import', join(dir, 'no-such-bundle.json'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no-such-bundle.json: does not exist');
  });
});
