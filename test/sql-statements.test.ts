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
