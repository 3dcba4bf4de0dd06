import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { createApiKey } from '../src/auth/api-key.service';
import { cliCaller } from '../src/auth/caller';
import { seed } from '../src/bundles/seed';
import { StoredPersistedQueries } from '../src/cache/persisted-queries';
import { ResponseCache, type CachedAnswer } from '../src/cache/response-cache';
import { backends, openSeededStore, TEST_DATABASE_URL, type TestStore } from './support/backends';
import { countedDatabase, startLiveServer, type LiveServer } from './support/live-server';

const answer = (text: string, expiresAt = Date.now() + 60_000): CachedAnswer => ({
  body: Buffer.from(text),
  contentType: 'application/json',
  cacheControl: 'max-age=60, public',
  expiresAt,
});

describe('ResponseCache', () => {
  it('serves nothing until it is told writes are heard of, and nothing while they are not', () => {
    const cache = new ResponseCache(1 << 20);
    expect(cache.set('a', answer('1'), cache.generation)).toBe(false);
    cache.resume();
    expect(cache.set('a', answer('1'), cache.generation)).toBe(true);
    expect(cache.get('a')?.body.toString()).toBe('1');
    cache.suspend();
    expect(cache.get('a')).toBeUndefined();
    cache.resume();
    expect(cache.get('a')).toBeUndefined();
  });

  it('refuses an answer computed before the last invalidation, and drops everything on one', () => {
    const cache = new ResponseCache(1 << 20);
    cache.resume();
    const before = cache.generation;
    cache.set('kept', answer('old'), before);
    cache.invalidate();
    expect(cache.get('kept')).toBeUndefined();
    expect(cache.set('late', answer('computed before the write'), before)).toBe(false);
    expect(cache.set('late', answer('computed after'), cache.generation)).toBe(true);
  });

  it('evicts the least recently used entries to stay within its bytes, and expires entries at their maxAge', () => {
    const cache = new ResponseCache(8 * 1024);
    cache.resume();
    const body = 'x'.repeat(760);
    for (const key of ['a', 'b', 'c']) cache.set(key, answer(body), cache.generation);
    cache.get('a'); // used: 'b' is now the least recently used
    for (const key of ['d', 'e', 'f', 'g', 'h', 'i', 'j']) cache.set(key, answer(body), cache.generation);
    expect(cache.size).toBe(8);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('j')).toBeDefined();
    cache.set('old', answer(body, Date.now() - 1), cache.generation);
    expect(cache.get('old')).toBeUndefined();
    // One answer larger than an eighth of the budget is not kept.
    expect(cache.set('huge', answer('y'.repeat(2000)), cache.generation)).toBe(false);
  });
});

const QUERY = '{ actor(slug: "vladimir-putin") { name aliases version } }';

describe.each(backends())('the response cache over HTTP (%s)', (backend) => {
  let store: TestStore;
  let server: LiveServer;
  let key: string;
  beforeAll(async () => {
    store = await openSeededStore(backend);
    server = await startLiveServer(store.db);
    key = (await createApiKey(store.db, cliCaller(), `cache-editor-${backend}`, 'editor')).key;
  });
  afterAll(async () => {
    await server?.close();
    await store?.close();
  });

  /**
   * Waits until the cache has been emptied `times` times since it had been `since` times. A test that
   * writes ends with it: its write's notification may otherwise arrive after the next test's first
   * request stored its answer, and rightly empty the cache under that test.
   */
  async function settled(since: number, times: number) {
    const cache = server.app.cache!;
    for (const began = Date.now(); cache.stats.invalidations < since + times && Date.now() - began < 5000; ) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(cache.stats.invalidations).toBeGreaterThanOrEqual(since + times);
  }

  async function raw(body: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  it('answers a repeated anonymous query from the cache: same data, its cost without the client budget, Cache-Control from the hints', async () => {
    const first = await raw({ query: QUERY });
    expect(first.status).toBe(200);
    expect(first.headers.get('x-cache')).toBeNull();
    expect(first.headers.get('cache-control')).toBe('max-age=60, public');
    const again = await raw({ query: QUERY });
    expect(again.headers.get('x-cache')).toBe('hit');
    expect(again.headers.get('cache-control')).toBe('max-age=60, public');
    expect(again.headers.get('content-type')).toBe(first.headers.get('content-type'));
    const [fresh, cached] = [JSON.parse(first.text), JSON.parse(again.text)];
    expect(cached.data).toEqual(fresh.data);
    // The budget left is the asking client's; the shared answer leaves it out.
    expect(fresh.extensions.cost.remaining).toEqual(expect.any(Number));
    expect(cached.extensions.cost).toEqual({ requested: fresh.extensions.cost.requested, actual: fresh.extensions.cost.actual, limit: fresh.extensions.cost.limit });
  });

  it('never serves or stores answers for requests with credentials, answers with errors, or mutations', async () => {
    await raw({ query: QUERY });
    const withKey = await raw({ query: QUERY }, { authorization: `Bearer ${key}` });
    expect(withKey.headers.get('x-cache')).toBeNull();
    expect(JSON.parse(withKey.text).data.actor.name).toBe('Vladimir Putin');

    const failing = { query: '{ actor(slug: "vladimir-putin") { name } path(from: "nobody-at-all", to: "vladimir-putin", maxHops: 9) { actors { slug } } }' };
    const firstError = await raw(failing);
    expect(JSON.parse(firstError.text).errors[0].message).toMatch(/maxHops/);
    expect((await raw(failing)).headers.get('x-cache')).toBeNull();
  });

  it('a mutation through this process empties its cache before it answers: the writer reads its own write', async () => {
    await raw({ query: QUERY });
    const cached = await raw({ query: QUERY });
    expect(cached.headers.get('x-cache')).toBe('hit');
    const { version, aliases } = JSON.parse(cached.text).data.actor;
    const invalidations = server.app.cache!.stats.invalidations;
    const write = await raw(
      { query: `mutation { updateActor(input: { slug: "vladimir-putin", version: ${version}, aliases: ${JSON.stringify([...aliases, 'Vladimir Vladimirovich'])} }) { version } }` },
      { authorization: `Bearer ${key}` },
    );
    expect(JSON.parse(write.text).errors).toBeUndefined();
    const after = await raw({ query: QUERY });
    expect(after.headers.get('x-cache')).toBeNull();
    expect(JSON.parse(after.text).data.actor.aliases).toContain('Vladimir Vladimirovich');
    // Emptied twice: before the answer, and when the write's notification comes back.
    await settled(invalidations, 2);
  });

  it('a write made to the store by anyone else (plain SQL) is served within a second', async () => {
    await raw({ query: QUERY });
    expect((await raw({ query: QUERY })).headers.get('x-cache')).toBe('hit');
    await store.db.query("UPDATE actors SET name = 'Vladimir V. Putin' WHERE slug = 'vladimir-putin'");
    const began = Date.now();
    let name = '';
    while (Date.now() - began < 1000) {
      name = JSON.parse((await raw({ query: QUERY })).text).data.actor.name;
      if (name === 'Vladimir V. Putin') break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(name).toBe('Vladimir V. Putin');
    const invalidations = server.app.cache!.stats.invalidations;
    await store.db.query("UPDATE actors SET name = 'Vladimir Putin' WHERE slug = 'vladimir-putin'");
    await settled(invalidations, 1);
  });

  it('a write rolled back notifies no one: the cached answer stays', async () => {
    await raw({ query: QUERY });
    expect((await raw({ query: QUERY })).headers.get('x-cache')).toBe('hit');
    await expect(
      store.db.transaction(async (tx) => {
        await tx.query("UPDATE actors SET name = 'Never committed' WHERE slug = 'vladimir-putin'");
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await raw({ query: QUERY })).headers.get('x-cache')).toBe('hit');
  });

  it('seeding an already seeded store (every start does) writes nothing, so no cache is emptied', async () => {
    await raw({ query: QUERY });
    expect((await raw({ query: QUERY })).headers.get('x-cache')).toBe('hit');
    const result = await seed(store.db);
    expect(result.bundles.every((bundle) => !bundle.changed)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await raw({ query: QUERY })).headers.get('x-cache')).toBe('hit');
  });

  it('persisted queries: a hash registered once is answered by hash alone over GET, by this and any other process, and cached', async () => {
    const query = '{ place(slug: "brussels") { name } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash } });
    const byHash = (url: string) =>
      fetch(`${url}?extensions=${encodeURIComponent(extensions)}`, { headers: { 'apollo-require-preflight': 'true' } });

    const unknown = (await (await byHash(server.url)).json()) as any;
    expect(unknown.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await raw({ query, extensions: JSON.parse(extensions) });
    expect(JSON.parse(registered.text).data).toEqual({ place: { name: 'Brussels' } });

    // Another process over the same store knows the hash (it is kept in the store, not in memory).
    const other = await startLiveServer(store.db);
    try {
      let response = await byHash(other.url);
      for (let tries = 0; tries < 50 && ((await response.clone().json()) as any).errors; tries++) {
        // Registration is written after the answer; give it a moment.
        await new Promise((resolve) => setTimeout(resolve, 20));
        response = await byHash(other.url);
      }
      expect(await response.json()).toEqual({ data: { place: { name: 'Brussels' } }, extensions: { cost: expect.objectContaining({ requested: 1 }) } });
      const again = await byHash(other.url);
      expect(again.headers.get('x-cache')).toBe('hit');
      expect(((await again.json()) as any).data).toEqual({ place: { name: 'Brussels' } });
    } finally {
      await other.close();
    }
  });

  it('persisted queries are kept newest first up to a bound, so registering documents cannot grow the store without end', async () => {
    const stored = new StoredPersistedQueries(store.db, 0, 3);
    for (const n of [1, 2, 3, 4, 5]) {
      await stored.set(`apq:bound-test-${n}`, `{ place(slug: "p${n}") { name } }`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const rows = await store.db.query<{ hash: string }>('SELECT hash FROM persisted_queries ORDER BY created_at DESC, hash');
    expect(rows.map((row) => row.hash)).toEqual(['apq:bound-test-5', 'apq:bound-test-4', 'apq:bound-test-3']);
    expect(await stored.get('apq:bound-test-1')).toBeUndefined();
    expect(await stored.get('apq:bound-test-5')).toBe('{ place(slug: "p5") { name } }');
  });

  it('a GET without a preflight header is refused as before (CSRF), not served from the cache', async () => {
    const url = `${server.url}?query=${encodeURIComponent(QUERY)}`;
    await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect((await fetch(url, { headers: { 'apollo-require-preflight': 'true' } })).headers.get('x-cache')).toBe('hit');
    const simple = await fetch(url);
    expect(simple.status).toBe(400);
    expect(simple.headers.get('x-cache')).toBeNull();
  });

  it('a body that is not JSON is refused, naming the problem', async () => {
    const response = await raw('{"query": ');
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text).errors[0]).toMatchObject({ message: expect.stringMatching(/^The request body is not valid JSON/), extensions: { code: 'BAD_REQUEST' } });
  });

  it('concurrent misses for one query compute it once: the others wait for that answer (no stampede after a write)', async () => {
    const counted = countedDatabase(store.db);
    const own = await startLiveServer(counted.db);
    try {
      const body = JSON.stringify({
        query: '{ actor(slug: "vladimir-putin") { name meetings(first: 5) { edges { node { title participants { actor { name } } } } } } }',
      });
      const ask = () =>
        fetch(own.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(async (r) => ({
          cache: r.headers.get('x-cache'),
          data: JSON.parse(await r.text()).data,
        }));
      let before = counted.statements();
      const answers = await Promise.all(Array.from({ length: 8 }, ask));
      const together = counted.statements() - before;
      expect(answers.filter((a) => a.cache === 'hit')).toHaveLength(7);
      for (const a of answers) expect(a.data).toEqual(answers[0].data);
      // What one request alone costs, on an emptied cache: the eight cost the same.
      own.app.cache!.invalidate();
      before = counted.statements();
      expect((await ask()).cache).toBeNull();
      expect(together).toBe(counted.statements() - before);
    } finally {
      await own.close();
    }
  });

  it('auditLog is never cached (its hint is maxAge 0, PRIVATE)', async () => {
    const admin = (await createApiKey(store.db, cliCaller(), `cache-admin-${backend}`, 'admin')).key;
    const audit = await raw({ query: '{ auditLog(first: 1) { edges { node { action } } } }' }, { authorization: `Bearer ${admin}` });
    expect(audit.headers.get('cache-control')).toBe('no-store');
  });

  if (backend === 'postgres') {
    it('when the LISTEN connection drops, the cache serves nothing until it is back, then starts empty', async () => {
      await raw({ query: QUERY });
      expect((await raw({ query: QUERY })).headers.get('x-cache')).toBe('hit');
      const [{ schema }] = await store.db.query<{ schema: string }>('SELECT current_schema() AS schema');
      const admin = new Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      try {
        const killed = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [`newsgraph listen ${schema}`]);
        expect(killed.rowCount).toBe(1);
      } finally {
        await admin.end();
      }
      const began = Date.now();
      while (server.app.cache!.active && Date.now() - began < 2000) await new Promise((resolve) => setTimeout(resolve, 5));
      expect(server.app.cache!.active).toBe(false);
      expect((await raw({ query: QUERY })).headers.get('x-cache')).toBeNull();
      while (!server.app.cache!.active && Date.now() - began < 5000) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(server.app.cache!.active).toBe(true);
      await raw({ query: QUERY });
      expect((await raw({ query: QUERY })).headers.get('x-cache')).toBe('hit');
    });
  }
});

describe('with RESPONSE_CACHE off', () => {
  let store: TestStore;
  let server: LiveServer;
  beforeAll(async () => {
    store = await openSeededStore('pglite');
    server = await startLiveServer(store.db, { cache: { enabled: false, maxBytes: 1 << 20, defaultMaxAge: 30 } });
  });
  afterAll(async () => {
    await server?.close();
    await store?.close();
  });

  it('answers every request afresh, still with the Cache-Control the hints give', async () => {
    for (let i = 0; i < 2; i++) {
      const response = await server.post({ query: QUERY });
      expect(response.headers.get('x-cache')).toBeNull();
      expect(response.headers.get('cache-control')).toBe('max-age=30, public');
    }
    expect(server.app.cache).toBeNull();
  });
});
