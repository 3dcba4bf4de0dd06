import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { backends, openSeededStore, type TestStore } from './support/backends';
import { countedDatabase, startLiveServer, type LiveServer } from './support/live-server';

/** `actor > counterparts > actor > ...`, `depth` fields deep. */
function deepQuery(depth: number): string {
  const fields = Array.from({ length: depth - 1 }, (_, i) => (i % 2 === 0 ? 'actor' : 'counterparts'));
  let inner = fields[fields.length - 1] === 'actor' ? 'name' : 'meetingCount';
  for (let i = fields.length - 1; i >= 1; i--) inner = `${fields[i]} { ${inner} }`;
  return `{ actor(slug: "steve-witkoff") { ${inner} } }`;
}

describe.each(backends())('limits before execution (%s)', (backend) => {
  let store: TestStore;
  let server: LiveServer;
  let statements: () => number;
  beforeAll(async () => {
    store = await openSeededStore(backend);
    const counted = countedDatabase(store.db);
    statements = counted.statements;
    server = await startLiveServer(counted.db, { rateLimiter: null });
  });
  afterAll(async () => {
    await server?.close();
    await store?.close();
  });

  /** Sends a request and checks that it was refused with `status` and a message matching `message`, and that no SQL ran. */
  async function refused(body: unknown, status: number, message: RegExp) {
    const before = statements();
    const answer = await server.post(body);
    expect(answer.status).toBe(status);
    expect(answer.body.data ?? null).toBeNull();
    expect(answer.body.errors?.[0]?.message).toMatch(message);
    expect(statements()).toBe(before);
    return answer.body;
  }

  it('answers a query within the limits with its cost: requested before, actual after', async () => {
    const answer = await server.post({ query: '{ actors(first: 3) { edges { node { name } } } }' });
    expect(answer.status).toBe(200);
    expect(answer.body.data.actors.edges).toHaveLength(3);
    // the connection (1) + 3 edges + 3 nodes may come back, and did
    expect(answer.body.extensions.cost).toEqual({ requested: 7, actual: 7, limit: 50000 });
  });

  it('refuses a query one level deeper than the depth limit', async () => {
    // 12 levels pass the depth limit (these lists of lists then exceed the node budget instead).
    const ok = await server.post({ query: deepQuery(12) });
    expect(ok.body.errors[0].extensions.code).toBe('QUERY_TOO_EXPENSIVE');
    await refused({ query: deepQuery(13) }, 400, /^Syntax Error: Query depth limit of 12 exceeded, found 13\.$/);
  });

  it('refuses 16 aliases (the limit is 15)', async () => {
    const fields = Array.from({ length: 16 }, (_, i) => `a${i}: actor(slug: "nato") { name }`).join(' ');
    await refused({ query: `{ ${fields} }` }, 400, /Aliases limit of 15 exceeded, found 16\./);
  });

  it('refuses 5,000 copies of one field by its token limit', async () => {
    const body = await refused({ query: `{ ${'__typename '.repeat(5000)}}` }, 400, /^Token limit of 2000 exceeded \(MAX_TOKENS\)\.$/);
    expect(body.errors[0].extensions).toMatchObject({ limit: 'MAX_TOKENS', max: 2000 });
  });

  it('refuses circular fragments without looping', async () => {
    const query = `query { actor(slug: "nato") { ...A } }
      fragment A on Actor { counterparts { actor { ...B } } }
      fragment B on Actor { ...A }`;
    await refused({ query }, 400, /Cannot spread fragment "A" within itself via "B"/);
  });

  it('refuses directive overloading (the limit is 50)', async () => {
    await refused({ query: `{ __typename ${'@include(if: true) '.repeat(60)}}` }, 400, /Directives limit of 50 exceeded, found 60\./);
  });

  it('refuses a batched array: one operation per request', async () => {
    const body = await refused([{ query: '{ __typename }' }, { query: '{ __typename }' }], 400, /at most 1 operation per request \(MAX_OPERATIONS=1\)/);
    expect(body.errors[0].extensions).toMatchObject({ code: 'TOO_MANY_OPERATIONS', limit: 'MAX_OPERATIONS', max: 1 });
  });

  it('refuses a 2 MB body by its size limit', async () => {
    const body = await refused(JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(2 * 1024 * 1024) } }), 413, /limit is 1048576 bytes \(MAX_BODY_BYTES\)/);
    expect(body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a document above the document size limit', async () => {
    const body = await refused({ query: `{ __typename } # ${'x'.repeat(70_000)}` }, 413, /limit is 65536 bytes \(MAX_DOCUMENT_BYTES\)/);
    expect(body.errors[0].extensions.code).toBe('DOCUMENT_TOO_LARGE');
  });

  it('refuses first: 101 before any resolver runs, in the document or in a variable', async () => {
    const body = await refused({ query: '{ actors(first: 101) { totalCount } }' }, 400, /^first: must be <= 100, got 101$/);
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ path: 'first', message: 'must be <= 100, got 101' }] });
    await refused({ query: 'query($n: Int) { actors { edges { node { meetings(first: $n) { totalCount } } } } }', variables: { n: 101 } }, 400, /first: must be <= 100, got 101/);
  });

  it('refuses first: 100 nested three deep, and pages of pages beyond the node budget, naming the limit', async () => {
    const threeDeep = `{ actors(first: 100) { edges { node { meetings(first: 100) { edges { node {
        participants { actor { meetings(first: 100) { edges { node { title } } } } } } } } } } } }`;
    const deep = await refused({ query: threeDeep }, 400, /^Node limit of 50000 exceeded: this operation may return \d+ objects/);
    expect(deep.extensions.cost.requested).toBeGreaterThan(1_000_000);
    // 100 x 100 meetings with their participants (estimated at 10 each) is 120,301 objects.
    const wide = '{ actors(first: 100) { edges { node { meetings(first: 100) { edges { node { title participants { role } } } } } } } }';
    const body = await refused({ query: wide }, 400, /^Node limit of 50000 exceeded: this operation may return 120301 objects \(MAX_NODES/);
    expect(body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_EXPENSIVE', limit: 'MAX_NODES', max: 50000, requested: 120301 });
    expect(body.extensions.cost).toEqual({ requested: 120301, limit: 50000 });
  });

  it('lets every README example through the limits', async () => {
    const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
    const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]).filter((query) => !/^\s*mutation/.test(query));
    expect(examples.length).toBeGreaterThanOrEqual(8);
    for (const query of examples) {
      const answer = await server.post({ query });
      expect([query, answer.status, answer.body.errors]).toEqual([query, 200, undefined]);
      expect(answer.body.extensions.cost.requested).toBeLessThanOrEqual(50000);
    }
  });

  it('counts `first` from variables and defaults (20) in the node budget', async () => {
    const query = 'query($n: Int) { actors(first: $n) { edges { node { name } } } }';
    expect((await server.post({ query, variables: { n: 5 } })).body.extensions.cost.requested).toBe(11);
    expect((await server.post({ query })).body.extensions.cost.requested).toBe(41);
  });
});

describe('limits are configurable', () => {
  let store: TestStore;
  let server: LiveServer;
  beforeAll(async () => {
    store = await openSeededStore('pglite');
    server = await startLiveServer(store.db, { rateLimiter: null, safety: { maxDepth: 3, maxAliases: 1, maxNodes: 10, maxTokens: 20 } });
  });
  afterAll(async () => {
    await server?.close();
    await store?.close();
  });

  it('uses the values given', async () => {
    const deep = await server.post({ query: '{ actor(slug: "nato") { counterparts { actor { name } } } }' });
    expect(deep.body.errors[0].message).toMatch(/depth limit of 3/);
    expect((await server.post({ query: '{ a: actors { totalCount } b: actors { totalCount } }' })).body.errors[0].message).toMatch(/Aliases limit of 1 exceeded, found 2/);
    expect((await server.post({ query: '{ actors(first: 9) { edges { node { name } } pageInfo { hasNextPage endCursor } } }' })).body.errors[0].message).toMatch(/Token limit of 20 exceeded/);
    expect((await server.post({ query: '{ actors(first: 9) { edges { cursor } } }' })).body.errors).toBeUndefined();
    expect((await server.post({ query: '{ actors(first: 10) { edges { cursor } } }' })).body.errors[0].message).toMatch(/Node limit of 10 exceeded: this operation may return 11 objects/);
  });
});
