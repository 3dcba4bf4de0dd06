import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readBundle } from '../src/bundles/bundle.reader';
import { backends, rowCounts } from './support/backends';
import { useSeededApi } from './support/graphql';
import { createTestKeys } from './support/keys';

const FIXTURE = join(__dirname, 'fixtures', 'envoy-fourth-meeting');
const fixture = () => readBundle(FIXTURE) as any;
const seedBundle = () => readBundle(join(__dirname, '..', 'seed', 'witkoff-putin-brussels')) as any;

const IMPORT = `mutation($bundle: ArticleBundleInput!) { importArticle(bundle: $bundle) {
  changed created updated deleted counts { actors events evidence } article { slug title version } } }`;

describe.each(backends())('importArticle (%s)', (backend) => {
  const seeded = useSeededApi(backend);
  let keys: Awaited<ReturnType<typeof createTestKeys>>;
  beforeAll(async () => {
    keys = await createTestKeys(seeded.store.db);
  });
  const auditCount = async () => (await seeded.store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log'))[0].n;
  const importAs = (bundle: unknown, key = keys.editor.key) => seeded.api.query(IMPORT, { bundle }, { key });

  it('the fixture is a synthetic article that says so', () => {
    expect(readFileSync(join(FIXTURE, 'article.txt'), 'utf8')).toMatch(/^TEST FIXTURE: a synthetic article/);
  });

  it('a second article links to the actors already in the graph instead of duplicating them', async () => {
    const before = await rowCounts(seeded.store.db);
    const witkoffBefore = await seeded.api.query('{ actor(slug: "steve-witkoff") { version evidence { article { slug } } } }');
    const answer = await importAs(fixture());
    expect(answer.errors).toBeUndefined();
    expect(answer.data.importArticle).toMatchObject({
      changed: true,
      article: { slug: 'fixture-envoy-fourth-meeting', version: 1 },
      counts: { actors: 6, events: 3 },
    });
    const after = await rowCounts(seeded.store.db);
    // New: Dana Example and the Example Institute; Witkoff, Putin, Ukraine and Russia are linked.
    expect(after.actors).toBe(before.actors + 2);
    expect(after.places).toBe(before.places);
    expect(after.events).toBe(before.events + 3);
    expect(after.articles).toBe(before.articles + 1);

    const data = (
      await seeded.api.query(`{ actor(slug: "steve-witkoff") { version evidence { article { slug } }
        counterparts { actor { slug } meetingCount meetings { ordinal place { slug } } } } }`)
    ).data;
    const articles = new Set(data.actor.evidence.map((e: any) => e.article.slug));
    expect(articles).toEqual(new Set(['witkoff-putin-brussels', 'fixture-envoy-fourth-meeting']));
    // Linking adds evidence but changes nothing about Witkoff himself: his version stays.
    expect(data.actor.version).toBe(witkoffBefore.data.actor.version);
    expect(data.actor.counterparts).toEqual([
      {
        actor: { slug: 'vladimir-putin' },
        meetingCount: 3,
        meetings: [
          { ordinal: 3, place: { slug: 'st-petersburg' } },
          { ordinal: 4, place: { slug: 'moscow' } },
          { ordinal: 1, place: null },
        ],
      },
    ]);
  });

  it('importing the same bundle again changes nothing, not even the audit trail', async () => {
    const before = { rows: await rowCounts(seeded.store.db), audit: await auditCount() };
    const answer = await importAs(fixture());
    expect(answer.errors).toBeUndefined();
    expect(answer.data.importArticle).toMatchObject({ changed: false, created: 0, updated: 0, deleted: 0 });
    expect({ rows: await rowCounts(seeded.store.db), audit: await auditCount() }).toEqual(before);
  });

  it('the seed bundle sent through the API is the seed already loaded: nothing changes', async () => {
    const before = await rowCounts(seeded.store.db);
    const answer = await importAs(seedBundle());
    expect(answer.errors).toBeUndefined();
    expect(answer.data.importArticle.changed).toBe(false);
    expect(await rowCounts(seeded.store.db)).toEqual(before);
  });

  it('an amended bundle updates what changed, and only that gets a new version', async () => {
    const versions = async () =>
      (
        await seeded.api.query(`{ meeting: event(slug: "witkoff-putin-fourth-meeting") { version title }
          statement: event(slug: "dana-example-on-fixtures") { version } actor(slug: "dana-example") { version } }`)
      ).data;
    const before = await versions();
    const amended = fixture();
    amended.article.title = 'TEST FIXTURE: amended title';
    amended.events[0].title = 'Witkoff and Putin meet again in Moscow (test fixture, amended)';
    amended.events = amended.events.filter((e: any) => e.slug !== 'witkoff-useful-for-testing');
    const answer = await importAs(amended);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.importArticle).toMatchObject({
      changed: true,
      created: 0,
      updated: 1,
      deleted: 1,
      article: { title: 'TEST FIXTURE: amended title', version: 2 },
    });
    const after = await versions();
    expect(after.meeting).toEqual({ version: before.meeting.version + 1, title: 'Witkoff and Putin meet again in Moscow (test fixture, amended)' });
    expect(after.statement.version).toBe(before.statement.version);
    expect(after.actor.version).toBe(before.actor.version);
    expect((await seeded.api.query('{ event(slug: "witkoff-useful-for-testing") { slug } }')).data.event).toBeNull();
  });

  it('a bundle whose last item is bad writes nothing, and every problem is named by its path', async () => {
    const before = { rows: await rowCounts(seeded.store.db), audit: await auditCount() };
    const bad = fixture();
    bad.article.slug = 'fixture-bad-last-item';
    const last = bad.events[bad.events.length - 1];
    last.evidence[0].quote = 'not what the article says';
    last.date = '2025-02-29';
    const answer = await importAs(bad);
    expect(answer.data?.importArticle).toBeUndefined();
    const [error] = answer.errors!;
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    const problems = (error.extensions?.problems as { path: string; message: string }[]).map((p) => `${p.path}: ${p.message}`);
    const i = bad.events.length - 1;
    expect(problems).toEqual(
      expect.arrayContaining([
        `bundle.events[${i}].date: is not a real date: 2025-02-29 (month 02 has 28 days)`,
        expect.stringMatching(new RegExp(`^bundle\\.events\\[${i}\\]\\.evidence\\[0\\]\\.quote: must equal the article text at`)),
      ]),
    );
    expect({ rows: await rowCounts(seeded.store.db), audit: await auditCount() }).toEqual(before);
  });

  it('a bundle that only the stored graph can refuse (an actor of another kind) also writes nothing', async () => {
    const before = { rows: await rowCounts(seeded.store.db), audit: await auditCount() };
    const bad = fixture();
    bad.article.slug = 'fixture-kind-clash';
    bad.actors[bad.actors.length - 1].slug = 'nato'; // an ORGANIZATION already, but this bundle says so too...
    bad.actors[bad.actors.length - 1].kind = 'PERSON'; // ...now it says PERSON
    bad.actors[bad.actors.length - 1].orgType = undefined;
    bad.roles[0].of = 'nato';
    bad.roles = [];
    const answer = await importAs(bad);
    expect(answer.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0].extensions?.problems).toEqual([{ path: `bundle.actors[${bad.actors.length - 1}].kind`, message: '"nato" is already a ORGANIZATION in the graph' }]);
    expect({ rows: await rowCounts(seeded.store.db), audit: await auditCount() }).toEqual(before);
  });

  it('records the import in the audit trail: the article and each fact it created or changed', async () => {
    const answer = await seeded.api.query(
      `{ auditLog(first: 100, filter: { by: "test-editor" }) { edges { node { action entity key by role transactionId before after } } } }`,
      undefined,
      { key: keys.admin.key },
    );
    expect(answer.errors).toBeUndefined();
    const entries = answer.data.auditLog.edges.map((e: any) => e.node);
    const imports = entries.filter((e: any) => e.action === 'IMPORT');
    expect(imports.map((e: any) => e.key)).toEqual(['fixture-envoy-fourth-meeting', 'fixture-envoy-fourth-meeting']);
    const [amended, first] = imports;
    expect(first.before).toBeNull();
    expect(amended.before.title).toBe('TEST FIXTURE: Witkoff meets Putin for a fourth time (synthetic)');
    expect(amended.after.title).toBe('TEST FIXTURE: amended title');
    const sameTransaction = entries.filter((e: any) => e.transactionId === amended.transactionId && e.action !== 'IMPORT');
    expect(sameTransaction.map((e: any) => `${e.action} ${e.entity} ${e.key}`).sort()).toEqual([
      'DELETE EVENT witkoff-useful-for-testing',
      'UPDATE EVENT witkoff-putin-fourth-meeting',
    ]);
    const update = sameTransaction.find((e: any) => e.action === 'UPDATE');
    expect(update.before.title).toBe('Witkoff and Putin meet in Moscow for the fourth time (test fixture)');
    expect(update.after.title).toBe('Witkoff and Putin meet again in Moscow (test fixture, amended)');
    expect(update.after.version).toBe(update.before.version + 1);
    const created = entries.filter((e: any) => e.transactionId === first.transactionId && e.action === 'CREATE');
    expect(created.map((e: any) => e.key).sort()).toEqual(
      ['dana-example', 'dana-example-on-fixtures', 'example-institute', 'witkoff-putin-fourth-meeting', 'witkoff-useful-for-testing', expect.any(String)].sort(),
    );
  });
});
