import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createApiKey, revokeApiKey } from '../src/auth/api-key.service';
import { cliCaller } from '../src/auth/caller';
import { createApp, type App } from '../src/server';
import { backends, openSeededStore, rowCounts, type TestStore } from './support/backends';
import { useSeededApi } from './support/graphql';
import { createTestKeys } from './support/keys';

const RENAME = `mutation($version: Int!) { updateActor(input: { slug: "nato", version: $version, name: "Renamed" }) { name version } }`;

describe.each(backends())('who may write (%s)', (backend) => {
  const seeded = useSeededApi(backend);
  let keys: Awaited<ReturnType<typeof createTestKeys>>;
  let version: number;
  beforeAll(async () => {
    keys = await createTestKeys(seeded.store.db);
    version = (await seeded.api.query('{ actor(slug: "nato") { version } }')).data.actor.version;
  });
  const snapshot = async () => ({
    rows: await rowCounts(seeded.store.db),
    audit: (await seeded.store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log'))[0].n,
  });

  it('stores keys only as hashes of random keys', async () => {
    const a = await createApiKey(seeded.store.db, cliCaller(), 'hash-check', 'editor');
    const b = await createApiKey(seeded.store.db, cliCaller(), 'hash-check', 'editor');
    expect(a.key).not.toBe(b.key);
    expect(a.key).toMatch(/^ngk_[A-Za-z0-9_-]{43}$/);
    const rows = await seeded.store.db.query<Record<string, unknown>>('SELECT * FROM api_keys WHERE id = $1', [a.record.dbId]);
    expect(JSON.stringify(rows)).not.toContain(a.key);
    expect(rows[0].key_hash).toBe(createHash('sha256').update(a.key).digest('hex'));
  });

  it('reads need no key', async () => {
    const answer = await seeded.api.query('{ actor(slug: "nato") { name } }');
    expect(answer.errors).toBeUndefined();
  });

  it('a write without a key is UNAUTHENTICATED and writes nothing', async () => {
    const before = await snapshot();
    const answer = await seeded.api.query(RENAME, { version });
    expect(answer.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(answer.errors?.[0].message).toBe('This needs an API key: send the header "Authorization: Bearer <key>"');
    expect(await snapshot()).toEqual(before);
  });

  it('an unknown or revoked key is UNAUTHENTICATED too', async () => {
    const before = await snapshot();
    const unknown = await seeded.api.query(RENAME, { version }, { key: 'ngk_' + 'A'.repeat(43) });
    expect(unknown.errors?.[0]).toMatchObject({ message: 'Authorization: the API key is unknown or revoked', extensions: { code: 'UNAUTHENTICATED' } });
    const revoked = await createApiKey(seeded.store.db, cliCaller(), 'short-lived', 'admin');
    await revokeApiKey(seeded.store.db, cliCaller(), { id: revoked.record.dbId });
    const after = await seeded.api.query(RENAME, { version }, { key: revoked.key });
    expect(after.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const audit = await seeded.store.db.query<{ action: string }>("SELECT action FROM audit_log WHERE entity = 'API_KEY' AND entity_key = $1 ORDER BY id", [
      revoked.record.dbId,
    ]);
    expect(audit.map((a) => a.action)).toEqual(['CREATE', 'REVOKE']);
    const rows = await snapshot();
    expect(rows.rows).toEqual(before.rows);
  });

  it('an editor may write; only an admin may read the audit log (an editor is FORBIDDEN)', async () => {
    const written = await seeded.api.query(RENAME, { version }, keys.editor);
    expect(written.errors).toBeUndefined();
    expect(written.data.updateActor).toEqual({ name: 'Renamed', version: version + 1 });
    const AUDIT = '{ auditLog(first: 1) { edges { node { by role action entity key } } } }';
    const forbidden = await seeded.api.query(AUDIT, undefined, keys.editor);
    expect(forbidden.errors?.[0]).toMatchObject({
      message: 'This needs a key with the role admin; the key "test-editor" has the role editor',
      extensions: { code: 'FORBIDDEN' },
    });
    const allowed = await seeded.api.query(AUDIT, undefined, keys.admin);
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data.auditLog.edges[0].node).toEqual({ by: 'test-editor', role: 'editor', action: 'UPDATE', entity: 'ACTOR', key: 'nato' });
  });
});

describe.each(backends())('writing over HTTP (%s)', (backend) => {
  let store: TestStore;
  let app: App;
  let url: string;
  let keys: Awaited<ReturnType<typeof createTestKeys>>;
  beforeAll(async () => {
    store = await openSeededStore(backend);
    keys = await createTestKeys(store.db);
    app = await createApp(store.db);
    await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    await app?.stop();
    await store?.close();
  });

  const post = async (query: string, variables: Record<string, unknown>, authorization?: string) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  it('answers 401 without a key, 401 for a malformed header, 403 for the wrong role, and writes with the right one', async () => {
    const before = await rowCounts(store.db);
    const { version } = (await post('{ actor(slug: "nato") { version } }', {})).body.data.actor;

    const none = await post(RENAME, { version });
    expect(none.status).toBe(401);
    expect(none.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(none.body.errors[0].extensions.http).toBeUndefined();

    const basic = await post(RENAME, { version }, 'Basic dXNlcjpwYXNz');
    expect(basic.status).toBe(401);
    expect(basic.body.errors[0].message).toBe('Authorization: must be "Bearer <key>"');
    expect(await rowCounts(store.db)).toEqual(before);

    const forbidden = await post('{ auditLog { totalCount } }', {}, `Bearer ${keys.editor.key}`);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.errors[0].extensions.code).toBe('FORBIDDEN');

    const written = await post(RENAME, { version }, `Bearer ${keys.editor.key}`);
    expect(written.status).toBe(200);
    expect(written.body.errors).toBeUndefined();
    expect(written.body.data).toEqual({ updateActor: { name: 'Renamed', version: version + 1 } });

    const stale = await post(RENAME, { version }, `Bearer ${keys.admin.key}`);
    expect(stale.status).toBe(200);
    expect(stale.body.errors[0].extensions).toEqual({ code: 'CONFLICT', path: 'input.version', expectedVersion: version, currentVersion: version + 1 });

    const audit = await post('{ auditLog(filter: { entity: ACTOR, key: "nato" }) { totalCount edges { node { by action before after } } } }', {}, `Bearer ${keys.admin.key}`);
    // Newest first: the editor's update, then the seeding that created NATO.
    expect(audit.body.data.auditLog.totalCount).toBe(2);
    const [entry, seeded] = audit.body.data.auditLog.edges;
    expect(seeded.node).toMatchObject({ by: 'seed', action: 'CREATE', before: null, after: { slug: 'nato', name: 'NATO', version: 1 } });
    expect(entry.node).toMatchObject({ by: 'test-editor', action: 'UPDATE', before: { name: 'NATO', version }, after: { name: 'Renamed', version: version + 1 } });
  });

  it('the public read path is unchanged: reads with or without a header', async () => {
    const plain = await post('{ actor(slug: "vladimir-putin") { name } }', {});
    const withBadHeader = await post('{ actor(slug: "vladimir-putin") { name } }', {}, 'Bearer nonsense');
    expect(plain.status).toBe(200);
    expect(plain.body.data).toEqual({ actor: { name: 'Vladimir Putin' } });
    expect(withBadHeader.status).toBe(200);
    expect(withBadHeader.body.data).toEqual(plain.body.data);
    expect(withBadHeader.body.errors).toBeUndefined();
  });
});
