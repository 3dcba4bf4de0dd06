import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { PostgresDatabase, quoteIdent } from '../src/db/postgres';
import { createApiKey } from '../src/auth/api-key.service';
import { cliCaller } from '../src/auth/caller';
import { loadBundle } from '../src/bundles/bundle.writer';
import { readBundle } from '../src/bundles/bundle.reader';
import { adminQuery, backends, TEST_DATABASE_URL } from './support/backends';
import { buildMain } from './support/build';
import { isCodeCacheFile } from '../src/common/code-cache';

const root = join(__dirname, '..');
const onPostgres = backends().includes('postgres') ? describe : describe.skip;

// Built once for the file to a folder of its own (see buildMain), bundled as `npm start` runs it.
let main = '';
let build: ReturnType<typeof buildMain>;
beforeAll(() => {
  build = buildMain('processes', { bundle: true });
  main = build.main;
});
afterAll(() => build.remove());

interface Running {
  child: ChildProcess;
  url: string;
  exit: Promise<number | null>;
  output: () => string;
}

/** Starts `node dist/src/main.js start` on a free port and waits for its ready line. */
function startApi(env: NodeJS.ProcessEnv): Promise<Running> {
  const child = spawn(process.execPath, [main, 'start'], { cwd: root, env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1' } });
  let output = '';
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line after 30 s:\n${output}`)), 30000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1], exit, output: () => output });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exit.then((code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
}

async function query(url: string, source: string): Promise<any> {
  return (await ask(url, source)).body;
}

/** The answer and whether the process's response cache gave it (x-cache: hit). */
async function ask(url: string, source: string, key?: string): Promise<{ body: any; hit: boolean }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key) headers.authorization = `Bearer ${key}`;
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query: source }) });
  return { body: await response.json(), hit: response.headers.get('x-cache') === 'hit' };
}

/** Asks until `done` holds of the answer; returns how long that took (ms), or fails after `withinMs`. */
async function untilServed(url: string, source: string, done: (body: any) => boolean, withinMs: number): Promise<number> {
  const began = Date.now();
  for (;;) {
    const { body } = await ask(url, source);
    if (done(body)) return Date.now() - began;
    if (Date.now() - began > withinMs) throw new Error(`still served ${JSON.stringify(body)} after ${withinMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

onPostgres('API processes on one PostgreSQL database', () => {
  const schema = `ng_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const env = { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema, DB_POOL_SIZE: '4' };
  const running: Running[] = [];

  beforeAll(async () => {
    await adminQuery(`CREATE SCHEMA ${quoteIdent(schema)}`);
  });
  afterAll(async () => {
    for (const api of running) api.child.kill('SIGKILL');
    await adminQuery(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
  });

  it('`migrate` and `seed` work against the server, and a second seed changes nothing', () => {
    const run = (command: string) => execFileSync(process.execPath, [main, command], { cwd: root, env: { ...process.env, ...env } }).toString();
    expect(run('migrate')).toContain('applied 0001');
    expect(run('migrate')).not.toContain('applied');
    expect(run('seed')).toContain('seed witkoff-putin-brussels: loaded');
    expect(run('seed')).toContain('seed witkoff-putin-brussels: unchanged, skipped');
  });

  it('two processes started together serve the same data, and a write made outside both is what both serve next', async () => {
    running.push(...(await Promise.all([startApi(env), startApi(env)])));
    const [a, b] = running;
    const question = '{ whoMetWhom { edges { node { actors { slug } meetingCount } } } article(slug: "witkoff-putin-brussels") { title } }';
    const [fromA, fromB] = await Promise.all([query(a.url, question), query(b.url, question)]);
    // Same data and cost; the budget left differs, since both processes charge one shared bucket.
    expect(fromA.data).toEqual(fromB.data);
    expect(fromA.extensions.cost.requested).toBe(fromB.extensions.cost.requested);
    expect(fromA.data.whoMetWhom.edges[0].node.meetingCount).toBe(2);
    // Asked again, both answer from their response caches.
    expect((await ask(a.url, question)).hit).toBe(true);
    expect((await ask(b.url, question)).hit).toBe(true);

    // A write that neither process made (here: the bundle loader on a connection of its own) is
    // what both serve next: the commit notifies both, and each drops its cached answers.
    const db = new PostgresDatabase({ connectionString: TEST_DATABASE_URL, schema });
    const amended = readBundle(join(root, 'seed', 'witkoff-putin-brussels')) as any;
    amended.article.title = 'Amended while both ran';
    await loadBundle(db, amended);
    await db.close();
    const amendedTitle = (body: any) => body.data.article.title === 'Amended while both ran';
    const [delayA, delayB] = await Promise.all([untilServed(a.url, question, amendedTitle, 1000), untilServed(b.url, question, amendedTitle, 1000)]);
    expect(Math.max(delayA, delayB)).toBeLessThan(1000);
    expect(await (await fetch(a.url.replace('/graphql', '/ready'))).json()).toEqual({ status: 'ready', store: 'postgres' });
  });

  it("a write through one process is read through the other's cache within a second", async () => {
    const [a, b] = running;
    const db = new PostgresDatabase({ connectionString: TEST_DATABASE_URL, schema });
    const { key } = await createApiKey(db, cliCaller(), 'cache-test-editor', 'editor');
    await db.close();
    const read = '{ actor(slug: "steve-witkoff") { name aliases version } }';
    for (const api of [a, b]) await ask(api.url, read);
    expect((await ask(a.url, read)).hit).toBe(true);
    const cached = await ask(b.url, read);
    expect(cached.hit).toBe(true);
    const { name, aliases, version } = cached.body.data.actor;

    const written = await ask(
      a.url,
      `mutation { updateActor(input: { slug: "steve-witkoff", version: ${version}, aliases: ${JSON.stringify([...aliases, 'the envoy'])} }) { version } }`,
      key,
    );
    expect(written.body.errors).toBeUndefined();
    const delay = await untilServed(b.url, read, (body) => body.data.actor.aliases.includes('the envoy'), 1000);
    expect(delay).toBeLessThan(1000);
    // The writer's own process drops its cache before answering the mutation: its next read is the new value.
    expect((await ask(a.url, read)).body.data.actor).toEqual({ name, aliases: [...aliases, 'the envoy'], version: version + 1 });
  });

  it('SIGTERM finishes the request in flight, then stops taking requests and exits cleanly', async () => {
    const api = running[0];
    // Hold a lock the next query needs, so that the request is surely in flight at SIGTERM.
    const blocker = new Client({ connectionString: TEST_DATABASE_URL });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query(`LOCK TABLE ${quoteIdent(schema)}.actors IN ACCESS EXCLUSIVE MODE`);
    const inFlight = query(api.url, '{ actor(slug: "vladimir-putin") { name } }');
    await new Promise((resolve) => setTimeout(resolve, 300));
    api.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await blocker.query('COMMIT');
    await blocker.end();
    expect(await inFlight).toEqual({ data: { actor: { name: 'Vladimir Putin' } }, extensions: { cost: expect.objectContaining({ requested: 1, actual: 1 }) } });
    expect(await api.exit).toBe(0);
    expect(api.output()).toContain('SIGTERM: finishing requests in flight');
    await expect(fetch(api.url.replace('/graphql', '/health'))).rejects.toThrow();
  });
});

describe('an API process on an embedded store', () => {
  const dataDir = join(tmpdir(), `ng-sigterm-${process.pid}-${randomBytes(4).toString('hex')}`);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('closes the store on SIGTERM as `npm start` runs it (not under NODE_ENV=test): exit 0, lock file gone', async () => {
    const api = await startApi({ DATA_DIR: dataDir, NODE_ENV: 'development', DATABASE_URL: '' });
    expect((await query(api.url, '{ actor(slug: "nato") { name } }')).data.actor.name).toBe('NATO');
    expect(existsSync(join(dataDir, 'newsgraph.lock'))).toBe(true);
    api.child.kill('SIGTERM');
    expect(await api.exit).toBe(0);
    expect(api.output()).toContain('SIGTERM: finishing requests in flight');
    expect(existsSync(join(dataDir, 'newsgraph.lock'))).toBe(false);
  });

  it('runs from the one-file bundle, writes its code cache once started and compiles from it next time; the files answer the same', async () => {
    const dist = join(dirname(main), '..');
    const caches = () => readdirSync(dist).filter(isCodeCacheFile);
    for (const name of caches()) rmSync(join(dist, name));
    const page = '{ actor(slug: "vladimir-putin") { name meetings(first: 3) { edges { node { title participants { role actor { name } } } } } } }';
    const env = { DATA_DIR: dataDir, DATABASE_URL: '' };
    const startAndAsk = async (extra: NodeJS.ProcessEnv = {}) => {
      const api = await startApi({ ...env, ...extra });
      const answer = await query(api.url, page);
      return { api, answer, loadedFrom: /loaded from (.*)$/m.exec(api.output())?.[1] };
    };

    const first = await startAndAsk();
    expect(first.loadedFrom).toBe('bundle, code cache none yet');
    expect(first.answer.data.actor.meetings.edges).toHaveLength(3);
    for (let waited = 0; caches().length === 0; waited += 100) {
      if (waited > 15000) throw new Error('no code cache 15 s after start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // Kept under the V8 flags main.ts set for the embedded store (src/common/v8-settings.ts).
    expect(caches()).toEqual([expect.stringMatching(/-embedded\.cache$/)]);
    first.api.child.kill('SIGTERM');
    await first.api.exit;

    const second = await startAndAsk();
    expect(second.loadedFrom).toBe('bundle, code cache used');
    expect(second.answer).toEqual(first.answer);
    second.api.child.kill('SIGTERM');
    await second.api.exit;

    const files = await startAndAsk({ NEWSGRAPH_BUNDLE: 'off' });
    expect(files.loadedFrom).toBe('files');
    expect(files.answer).toEqual(first.answer);
    files.api.child.kill('SIGTERM');
    await files.api.exit;

    // tsc run again without the bundler: the older bundle is not used.
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(dirname(main), 'cli.js'), later, later);
    const stale = await startAndAsk();
    expect(stale.loadedFrom).toBe('files');
    expect(stale.answer).toEqual(first.answer);
    stale.api.child.kill('SIGTERM');
    await stale.api.exit;
  });
});
