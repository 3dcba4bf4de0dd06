import { cliCaller } from '../src/auth/caller';
import { inTransaction } from '../src/editing/write';
import { backends } from './support/backends';
import { useSeededApi } from './support/graphql';
import { createTestKeys } from './support/keys';

describe.each(backends())('the audit trail (%s)', (backend) => {
  const seeded = useSeededApi(backend);
  let keys: Awaited<ReturnType<typeof createTestKeys>>;
  beforeAll(async () => {
    keys = await createTestKeys(seeded.store.db);
    const write = (source: string) => seeded.api.query(source, undefined, keys.editor);
    const { version } = (await seeded.api.query('{ actor(slug: "germany") { version } }')).data.actor;
    for (const [i, name] of ['Germany (1)', 'Germany (2)', 'Germany (3)'].entries()) {
      const answer = await write(`mutation { updateActor(input: { slug: "germany", version: ${version + i}, name: "${name}" }) { version } }`);
      expect(answer.errors).toBeUndefined();
    }
  });
  const audit = (args: string) =>
    seeded.api.query(
      `{ auditLog(${args}) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id at by role action entity key before after transactionId } } } }`,
      undefined,
      keys.admin,
    );

  it('records who, when, what, and the state before and after', async () => {
    const answer = await audit('filter: { entity: ACTOR, key: "germany", action: UPDATE }');
    expect(answer.errors).toBeUndefined();
    const entries = answer.data.auditLog.edges.map((e: any) => e.node);
    expect(entries.map((e: any) => [e.before.name, e.after.name])).toEqual([
      ['Germany (2)', 'Germany (3)'],
      ['Germany (1)', 'Germany (2)'],
      ['Germany', 'Germany (1)'],
    ]);
    for (const entry of entries) {
      expect(entry).toMatchObject({ by: 'test-editor', role: 'editor', action: 'UPDATE', entity: 'ACTOR', key: 'germany' });
      expect(entry.after.version).toBe(entry.before.version + 1);
      expect(Date.now() - Date.parse(entry.at)).toBeLessThan(10 * 60_000);
      expect(entry.after).toEqual({ ...entry.before, name: entry.after.name, version: entry.after.version });
    }
  });

  it('pages newest first with stable cursors, and filters by writer and time', async () => {
    const all = await audit('first: 100, filter: { by: "test-editor" }');
    expect(all.data.auditLog.totalCount).toBe(3);
    const page1 = await audit('first: 2, filter: { by: "test-editor" }');
    expect(page1.data.auditLog.pageInfo.hasNextPage).toBe(true);
    const page2 = await audit(`first: 2, after: "${page1.data.auditLog.pageInfo.endCursor}", filter: { by: "test-editor" }`);
    const ids = [...page1.data.auditLog.edges, ...page2.data.auditLog.edges].map((e: any) => e.node.id);
    expect(ids).toEqual(all.data.auditLog.edges.map((e: any) => e.node.id));
    expect(page2.data.auditLog.pageInfo.hasNextPage).toBe(false);
    const future = await audit(`filter: { since: "${new Date(Date.now() + 3_600_000).toISOString()}" }`);
    expect(future.data.auditLog.totalCount).toBe(0);
    const seeding = await audit('filter: { by: "seed", action: IMPORT }');
    expect(seeding.data.auditLog.edges.map((e: any) => e.node.key)).toEqual(['witkoff-putin-brussels']);
  });

  it('refuses a cursor it did not give out and a page over 100', async () => {
    expect((await audit('after: "bm9wZQ"')).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await audit('first: 101')).errors?.[0].message).toBe('first: must be <= 100, got 101');
  });

  it('is written in the transaction of the change: when recording fails, the change is undone', async () => {
    const name = async () => (await seeded.store.db.query<{ name: string }>("SELECT name FROM actors WHERE slug = 'nato'"))[0].name;
    const before = await name();
    await expect(
      inTransaction(seeded.store.db, cliCaller(), async (tx, changes) => {
        await tx.query("UPDATE actors SET name = 'Changed without a trail' WHERE slug = 'nato'");
        changes.push({ action: 'UPDATE', entity: 'NOT_AN_ENTITY' as never, key: 'nato', before: { name: before }, after: { name: 'x' } });
      }),
    ).rejects.toThrow(/audit_log/);
    expect(await name()).toBe(before);
  });

  it('cannot be changed afterwards', async () => {
    await expect(seeded.store.db.query("UPDATE audit_log SET caller = 'someone else'")).rejects.toThrow('audit_log is append-only');
    await expect(seeded.store.db.query('DELETE FROM audit_log')).rejects.toThrow('audit_log is append-only');
  });
});
