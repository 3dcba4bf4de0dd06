import { parse, type SelectionSetNode } from 'graphql';

/** What a case needs from the loaded graph: a hub, an actor some hops away and a misspelled name. */
export interface CaseParams {
  hub: string;
  hubName: string;
  far: string;
  typo: string;
}

export interface BenchCase {
  name: string;
  /** The API's operation. */
  query: string;
  variables: (p: CaseParams) => Record<string, unknown>;
  /** True when the query is served by an index seek, so the growth target applies. */
  indexBacked: boolean;
  /** PostGraphile 5's equivalent over the same tables, when its generated API can express it. */
  postgraphile?: { query: string; variables: (p: CaseParams) => Record<string, unknown> };
}

export const CASES: BenchCase[] = [
  {
    name: 'actorPage',
    indexBacked: true,
    query: `query ActorPage($slug: String!) {
  actor(slug: $slug) {
    name
    meetings(first: 10) { edges { node { title date { iso }
      participants { role actor { name ... on Person { roles { title of { name } } } } } } } }
  }
}`,
    variables: (p) => ({ slug: p.hub }),
    // Meetings of an actor need one SQL function (a computed column, the way PostGraphile is meant to
    // be extended); everything else is its generated API over the foreign keys.
    postgraphile: {
      query: `query ActorPage($slug: String!) {
  actorBySlug(slug: $slug) {
    name
    meetings(first: 10) { edges { node { title sortDate
      participationsByEventId { nodes { role actorByActorId { name rolesByPersonId { nodes { title actorByOfActorId { name } } } } } } } } }
  }
}`,
      variables: (p) => ({ slug: p.hub }),
    },
  },
  {
    name: 'whoMetWhom',
    indexBacked: true,
    query: `query WhoMetWhom($slug: String!) {
  whoMetWhom(actor: $slug, first: 10) { totalCount edges { node { meetingCount actors { name } } } }
}`,
    variables: (p) => ({ slug: p.hub }),
  },
  {
    name: 'pledgeTotalsUSD',
    indexBacked: false,
    query: `query PledgeTotals {
  pledgeTotals(groupBy: DONOR, currency: "USD") { group pledgeCount total { amount currency } reportedAmount convertedAmount }
}`,
    variables: () => ({}),
  },
  {
    name: 'search',
    indexBacked: true,
    query: `query Search($text: String!) {
  search(text: $text, first: 10) { score snippet node { id } }
}`,
    variables: (p) => ({ text: p.typo }),
  },
  {
    name: 'path3',
    indexBacked: true,
    query: `query Path($from: String!, $to: String!) {
  path(from: $from, to: $to, maxHops: 3, first: 5) { length actors { name } }
}`,
    variables: (p) => ({ from: p.hub, to: p.far }),
  },
  {
    name: 'timeline',
    indexBacked: true,
    query: `query Timeline($slug: String!) {
  timeline(actor: $slug, first: 20) { edges { node { title kind date { iso } } } pageInfo { hasNextPage endCursor } }
}`,
    variables: (p) => ({ slug: p.hub }),
  },
];

/** How deep the operation's selection sets nest (a leaf field is depth 0, `{ a { b } }` is 2). */
export function nestingDepth(query: string): number {
  const depth = (set: SelectionSetNode | undefined): number => {
    if (!set) return 0;
    let max = 0;
    for (const s of set.selections) {
      if (s.kind === 'Field') max = Math.max(max, s.selectionSet ? 1 + depth(s.selectionSet) : 0);
      else if (s.kind === 'InlineFragment') max = Math.max(max, depth(s.selectionSet));
    }
    return max;
  };
  const doc = parse(query);
  return Math.max(...doc.definitions.map((d) => (d.kind === 'OperationDefinition' ? depth(d.selectionSet) : 0)));
}

/**
 * The SQL function PostGraphile's actor page uses (added to the bench schema only). Tables are
 * qualified: PostGraphile's connections keep the default search_path, and a SET clause would stop
 * PostgreSQL from inlining the function.
 */
export function postgraphileSql(schema: string): string {
  const q = `"${schema.replace(/"/g, '""')}"`;
  return `
CREATE OR REPLACE FUNCTION ${q}.actors_meetings(a ${q}.actors) RETURNS SETOF ${q}.events LANGUAGE sql STABLE AS $$
  SELECT e.* FROM ${q}.participations p JOIN ${q}.events e ON e.id = p.event_id
  WHERE p.actor_id = a.id AND e.kind = 'MEETING'
  ORDER BY e.sort_date NULLS LAST, e.id
$$;`;
}
