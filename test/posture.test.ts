import type { Database } from '../src/db/database';
import { backends, openSeededStore, type TestStore } from './support/backends';
import { CACHE_OFF, startLiveServer, type LiveServer } from './support/live-server';

/** The store, except that statements naming `actors` fail (`fail`) or take `delayMs` while the switch is on. */
function faultyDatabase(db: Database) {
  const faults = { fail: false, delayMs: 0 };
  const proxy = new Proxy(db, {
    get(target, property) {
      if (property === 'query') {
        return async (sql: string, params?: unknown[]) => {
          if (/\bactors\b/.test(sql)) {
            if (faults.fail) throw new Error('connection lost: secret detail /var/lib/postgres');
            if (faults.delayMs) await new Promise((resolve) => setTimeout(resolve, faults.delayMs));
          }
          return target.query(sql, params);
        };
      }
      const value = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { db: proxy, faults };
}

const production = { introspection: false, fieldSuggestions: false, stackTraces: false, requestTimeoutMs: 500 };

describe.each(backends())('production posture (%s)', (backend) => {
  let store: TestStore;
  let server: LiveServer;
  let faults: { fail: boolean; delayMs: number };
  beforeAll(async () => {
    store = await openSeededStore(backend);
    const faulty = faultyDatabase(store.db);
    faults = faulty.faults;
    server = await startLiveServer(faulty.db, { ideEnabled: false, rateLimiter: null, safety: production, cache: CACHE_OFF });
  });
  afterAll(async () => {
    await server?.close();
    await store?.close();
  });
  afterEach(() => {
    faults.fail = false;
    faults.delayMs = 0;
  });

  it('answers no introspection', async () => {
    const answer = await server.post({ query: '{ __schema { types { name } } }' });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].message).toMatch(/introspection is not allowed/i);
  });

  it('suggests no field names', async () => {
    const answer = await server.post({ query: '{ actr(slug: "nato") { name } }' });
    expect(answer.body.errors[0].message).not.toMatch(/did you mean/i);
    expect(answer.body.errors[0].message).not.toMatch(/actor/);
  });

  it('masks an unexpected error to a code and the request id, which its log line carries with the cause', async () => {
    faults.fail = true;
    const answer = await server.post({ query: 'query WhoIsIt { actor(slug: "nato") { name } }' }, { 'x-request-id': 'req-mask-1' });
    expect(answer.headers.get('x-request-id')).toBe('req-mask-1');
    expect(answer.body.errors).toEqual([
      expect.objectContaining({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-mask-1' } }),
    ]);
    expect(JSON.stringify(answer.body)).not.toMatch(/secret|stacktrace|at .*\.ts/);
    const lines = server.logs.filter((line) => line.requestId === 'req-mask-1');
    expect(lines.find((line) => line.msg === 'internal error')?.err?.message).toMatch(/connection lost/);
    expect(lines.find((line) => line.msg === 'graphql request')).toMatchObject({
      operationName: 'WhoIsIt',
      errors: ['INTERNAL_SERVER_ERROR'],
      cost: { requested: 1 },
      durationMs: expect.any(Number),
    });
  });

  it('gives every request an id and logs one JSON line with operation, duration and cost', async () => {
    const answer = await server.post({ query: 'query Few { actors(first: 2) { edges { node { name } } } }' });
    const id = answer.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(server.logs.find((line) => line.requestId === id)).toMatchObject({
      level: 30,
      msg: 'graphql request',
      operationName: 'Few',
      operation: 'query',
      status: 200,
      cost: { requested: 5, actual: 5 },
      durationMs: expect.any(Number),
    });
  });

  it('prevents CSRF: a simple cross-site POST (text/plain) and a GET without a preflight header are refused', async () => {
    const post = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(post.status).toBe(400);
    expect(await post.text()).toMatch(/CSRF/);
    const get = await fetch(`${server.url}?query=${encodeURIComponent('{ __typename }')}`);
    expect(get.status).toBe(400);
    const preflighted = await fetch(`${server.url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'apollo-require-preflight': '1' } });
    expect(preflighted.status).toBe(200);
  });

  it('never runs a mutation over GET', async () => {
    const mutation = 'mutation { deleteActor(input: { slug: "nato", version: 1 }) { __typename } }';
    const get = await fetch(`${server.url}?query=${encodeURIComponent(mutation)}`, { headers: { 'apollo-require-preflight': '1' } });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect((await server.post({ query: '{ actor(slug: "nato") { name } }' })).body.data.actor.name).toBe('NATO');
  });

  it('answers 503 REQUEST_TIMEOUT when a request takes longer than the request timeout, and keeps serving', async () => {
    faults.delayMs = 1500;
    const answer = await server.post({ query: '{ actor(slug: "nato") { name } }' });
    expect(answer.status).toBe(503);
    expect(answer.body.errors[0]).toMatchObject({ message: expect.stringMatching(/longer than 500 ms \(REQUEST_TIMEOUT_MS\)/), extensions: { code: 'REQUEST_TIMEOUT' } });
    faults.delayMs = 0;
    await new Promise((resolve) => setTimeout(resolve, 1200)); // the abandoned request finishes, its answer dropped
    expect((await server.post({ query: '{ actor(slug: "nato") { name } }' })).body.data.actor.name).toBe('NATO');
  });
});

describe('settings from the environment', () => {
  it('turns introspection, suggestions and stack traces off under NODE_ENV=production unless enabled', () => {
    const { loadSafetyConfig } = jest.requireActual('../src/config') as typeof import('../src/config');
    expect(loadSafetyConfig({ NODE_ENV: 'production' })).toMatchObject({ introspection: false, fieldSuggestions: false, stackTraces: false });
    expect(loadSafetyConfig({ NODE_ENV: 'production', INTROSPECTION: 'true', FIELD_SUGGESTIONS: 'true', STACK_TRACES: 'true' })).toMatchObject({
      introspection: true,
      fieldSuggestions: true,
      stackTraces: false,
    });
    expect(loadSafetyConfig({ NODE_ENV: 'development' })).toMatchObject({ introspection: true, fieldSuggestions: true });
    expect(() => loadSafetyConfig({ MAX_DEPTH: '0' })).toThrow('MAX_DEPTH: must be an integer from 1 to 1000, got "0"');
    expect(() => loadSafetyConfig({ REDIS_URL: 'http://x' })).toThrow('REDIS_URL: must start with redis:// or rediss://');
  });
});
