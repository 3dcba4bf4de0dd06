import { Kind, parse, type SelectionSetNode } from 'graphql';
import { backends } from './support/backends';
import { useSeededApi } from './support/graphql';

/** Levels of nested selection sets: `{ a { b { c } } }` is 3. Fragments count at their place. */
function nestingDepth(source: string): number {
  const doc = parse(source);
  const depth = (set: SelectionSetNode | undefined): number => {
    if (!set) return 0;
    let deepest = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) deepest = Math.max(deepest, selection.selectionSet ? 1 + depth(selection.selectionSet) : 0);
      else if (selection.kind === Kind.INLINE_FRAGMENT) deepest = Math.max(deepest, depth(selection.selectionSet));
    }
    return deepest;
  };
  return Math.max(...doc.definitions.map((d) => (d.kind === Kind.OPERATION_DEFINITION ? depth(d.selectionSet) : 0)));
}

/** The benchmark's query mix and the contract's heaviest reads. */
const QUERIES: Record<string, string> = {
  'actor page': `{ actor(slug: "vladimir-putin") { name meetings(first: 20) { edges { node { title participants { actor { name ... on Person { roles { title } } } } } } } } }`,
  'who met whom': `{ whoMetWhom(actor: "vladimir-putin", first: 20) { totalCount edges { node { actors { name } meetingCount meetings { title date { iso } } } } } }`,
  'pledge totals': `{ pledgeTotals(groupBy: DONOR, currency: "USD") { group actor { name } total { amount source } pledgeCount } }`,
  search: `{ search(text: "Witkof", first: 10) { score snippet node { id ... on Actor { name } ... on Event { title } } } }`,
  path: `{ path(from: "john-healey", to: "steve-witkoff", maxHops: 3) { length hops { from { name } to { name } event { title } } } }`,
  timeline: `{ timeline(actor: "vladimir-putin", first: 20) { totalCount edges { node { title date { iso } place { name } } } } }`,
  neighborhood: `{ neighborhood(actor: "steve-witkoff", hops: 2) { nodes { actor { name } distance } edges { source { name } target { name } event { title } } } }`,
  'counterparts with evidence': `{ actors(first: 100) { edges { node { name counterparts { actor { name } meetings { title evidence { quote article { title } } } } } } } }`,
};

describe.each(backends())('SQL statements per request never exceed the query nesting depth (%s)', (backend) => {
  const seeded = useSeededApi(backend);
  it.each(Object.entries(QUERIES))('%s', async (_name, source) => {
    const answer = await seeded.api.query(source);
    expect(answer.errors).toBeUndefined();
    expect(answer.statements).toBeGreaterThan(0);
    expect(answer.statements).toBeLessThanOrEqual(nestingDepth(source));
  });
});
