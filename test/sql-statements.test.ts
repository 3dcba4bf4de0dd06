import { backends } from './support/backends';
import { useSeededApi } from './support/graphql';

const NESTED = `query($first: Int) { actors(first: $first) { edges { node {
  name evidence { quote article { slug } }
  meetings(first: 10) { edges { node { title participants { actor { name } } evidence { quote } } } }
  counterparts { actor { name } meetingCount meetings { title } }
  statements { quote evidence { start end quote } }
  ... on Person { roles { title of { name } } }
} } } }`;

describe.each(backends())('SQL statements per request (%s)', (backend) => {
  const seeded = useSeededApi(backend);

  // Relation fields in NESTED: actors, evidence, article, meetings, participants, actor, evidence,
  // counterparts, actor, meetings, statements, evidence, roles, of. Without batching the same query
  // would run one statement per actor per relation (hundreds for 18 actors).
  const RELATION_FIELDS = 14;

  it('a nested query runs at most one statement per relation field, whatever the number of rows', async () => {
    for (const first of [1, 5, 100]) {
      const answer = await seeded.api.query(NESTED, { first });
      expect(answer.errors).toBeUndefined();
      expect(answer.data.actors.edges).toHaveLength(Math.min(first, 18));
      expect(answer.statements).toBeLessThanOrEqual(RELATION_FIELDS);
    }
  });

  it('all 18 actors cost no more statements than 5 of them', async () => {
    const some = await seeded.api.query(NESTED, { first: 5 });
    const all = await seeded.api.query(NESTED, { first: 100 });
    expect(all.statements).toBeLessThanOrEqual(Math.max(some.statements, RELATION_FIELDS));
    const evidenceRows = all.data.actors.edges.reduce((n: number, e: any) => n + e.node.evidence.length, 0);
    expect(evidenceRows).toBeGreaterThan(18);
  });
});

describe.each(backends())('looking ahead from a page of meetings (%s)', (backend) => {
  const seeded = useSeededApi(backend);
  const PARTICIPANTS = `participants { role actor { slug name ... on Person { roles { title since { iso } of { slug name } } } } }`;

  it("the actor page brings meetings, participants and their roles in one statement, with the answer they have when read one by one", async () => {
    for (const slug of ['steve-witkoff', 'vladimir-putin', 'donald-trump']) {
      const page = await seeded.api.query(`{ actor(slug: "${slug}") { meetings(first: 10) { edges { node { slug ${PARTICIPANTS} } } } } }`);
      expect(page.errors).toBeUndefined();
      // The actor, then its page with everything below it.
      expect(page.statements).toBe(2);
      const meetings = page.data.actor.meetings.edges.map((edge: any) => edge.node);
      expect(meetings.length).toBeGreaterThan(0);
      for (const meeting of meetings) {
        const alone = await seeded.api.query(`{ event(slug: "${meeting.slug}") { slug ${PARTICIPANTS} } }`);
        expect(alone.data.event).toEqual(meeting);
      }
    }
  });

  it('with or without participants below it, the page costs one statement and lists the same meetings', async () => {
    const bare = await seeded.api.query('{ actor(slug: "steve-witkoff") { meetings(first: 10) { edges { node { slug } } } } }');
    const withParticipants = await seeded.api.query('{ actor(slug: "steve-witkoff") { meetings(first: 10) { edges { node { slug participants { role } } } } } }');
    expect(bare.statements).toBe(2);
    expect(withParticipants.statements).toBe(2);
    expect(withParticipants.data.actor.meetings.edges.map((e: any) => e.node.slug)).toEqual(bare.data.actor.meetings.edges.map((e: any) => e.node.slug));
  });
});
