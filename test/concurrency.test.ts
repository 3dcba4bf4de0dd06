import { backends } from './support/backends';
import { useSeededApi } from './support/graphql';
import { createTestKeys } from './support/keys';

const RENAME = `mutation($slug: String!, $version: Int!, $name: String!) {
  updateActor(input: { slug: $slug, version: $version, name: $name }) { name version } }`;

describe.each(backends())('no lost updates (%s)', (backend) => {
  const seeded = useSeededApi(backend);
  let keys: Awaited<ReturnType<typeof createTestKeys>>;
  beforeAll(async () => {
    keys = await createTestKeys(seeded.store.db);
  });
  const versionOf = async (slug: string) => (await seeded.api.query(`{ actor(slug: "${slug}") { name version } }`)).data.actor;
  const updatesRecorded = async (slug: string) =>
    (await seeded.store.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE entity = 'ACTOR' AND entity_key = $1 AND action = 'UPDATE'", [slug]))[0].n;

  it('two writers who read the same version: the second gets CONFLICT, the first change stays', async () => {
    const read = await versionOf('kremlin');
    // Both read version `read.version`; the editor writes first.
    const first = await seeded.api.query(RENAME, { slug: 'kremlin', version: read.version, name: 'The Kremlin (editor)' }, keys.editor);
    expect(first.errors).toBeUndefined();
    const second = await seeded.api.query(RENAME, { slug: 'kremlin', version: read.version, name: 'The Kremlin (admin)' }, keys.admin);
    expect(second.errors?.[0]).toMatchObject({
      message: `actor "kremlin" is at version ${read.version + 1}, not ${read.version}: it changed since you read it. Read it again and reapply your change.`,
      extensions: { code: 'CONFLICT', path: 'input.version', expectedVersion: read.version, currentVersion: read.version + 1 },
    });
    expect(await versionOf('kremlin')).toEqual({ name: 'The Kremlin (editor)', version: read.version + 1 });
    // Reading again and reapplying works.
    const retried = await seeded.api.query(RENAME, { slug: 'kremlin', version: read.version + 1, name: 'The Kremlin (admin)' }, keys.admin);
    expect(retried.data.updateActor).toEqual({ name: 'The Kremlin (admin)', version: read.version + 2 });
  });

  it('writers racing on the same version at the same moment: exactly one wins', async () => {
    const read = await versionOf('russia');
    const auditBefore = await updatesRecorded('russia');
    const names = ['Russia (writer 1)', 'Russia (writer 2)', 'Russia (writer 3)', 'Russia (writer 4)'];
    const answers = await Promise.all(
      names.map((name, i) => seeded.api.query(RENAME, { slug: 'russia', version: read.version, name }, i % 2 ? keys.admin : keys.editor)),
    );
    const winners = answers.filter((a) => !a.errors);
    const losers = answers.filter((a) => a.errors);
    expect(winners).toHaveLength(1);
    expect(losers.map((a) => a.errors?.[0].extensions?.code)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT']);
    const after = await versionOf('russia');
    expect(after).toEqual({ name: winners[0].data.updateActor.name, version: read.version + 1 });
    expect(await updatesRecorded('russia')).toBe(auditBefore + 1);
  });

  it('every kind of fact checks its version: events, places, stances', async () => {
    const data = (
      await seeded.api.query(`{ event(slug: "witkoff-putin-first-meeting") { version } place(slug: "moscow") { version }
        actor(slug: "ukraine") { stances { version proposal { slug } } } }`)
    ).data;
    const stale = [
      [`mutation { updateEvent(input: { slug: "witkoff-putin-first-meeting", version: ${data.event.version - 1 || 99}, title: "x" }) { version } }`],
      [`mutation { updatePlace(input: { slug: "moscow", version: ${data.place.version + 1}, name: "x" }) { version } }`],
      [`mutation { updateStance(input: { actor: "ukraine", proposal: "${data.actor.stances[0].proposal.slug}", version: ${data.actor.stances[0].version + 5}, position: REJECTED }) { version } }`],
    ];
    for (const [source] of stale) {
      const answer = await seeded.api.query(source, undefined, keys.editor);
      expect(answer.errors?.[0].extensions?.code).toBe('CONFLICT');
    }
  });
});
