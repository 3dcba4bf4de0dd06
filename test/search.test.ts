import { backends, openSeededStore, type TestStore } from './support/backends';
import { useGeneratedApi } from './support/generated';
import { graphqlClient, useSeededApi, type GraphQLClient } from './support/graphql';
import { createTestKeys } from './support/keys';

const HITS = `query($text: String!, $first: Int) { search(text: $text, first: $first) { score snippet node {
  __typename
  ... on Actor { slug name }
  ... on Place { slug name }
  ... on Event { slug date { iso } }
  ... on Article { slug publishedOn { iso } }
} } }`;

interface Hit {
  score: number;
  snippet: string;
  node: { __typename: string; slug: string; name?: string; date?: { iso: string } | null; publishedOn?: { iso: string } };
}

async function search(api: GraphQLClient, text: string, first = 20): Promise<Hit[]> {
  const answer = await api.query(HITS, { text, first });
  expect(answer.errors).toBeUndefined();
  return answer.data.search;
}

const group = (hit: Hit) => (hit.node.name !== undefined ? (hit.node.__typename === 'Place' ? 1 : 0) : hit.node.date !== undefined ? 2 : 3);

describe.each(backends())('search over the seed article (%s)', (backend) => {
  const seeded = useSeededApi(backend);

  it('ranks hits with every word at 1, then close spellings at their similarity, highlighting what matched', async () => {
    const exact = await search(seeded.api, 'Witkoff');
    expect(exact[0]).toMatchObject({ score: 1, node: { __typename: 'Person', slug: 'steve-witkoff' } });
    expect(exact.every((hit) => hit.score === 1)).toBe(true);
    expect(exact.length).toBeGreaterThan(1);

    const misspelled = await search(seeded.api, 'Witkof');
    expect(misspelled[0].node.slug).toBe('steve-witkoff');
    expect(misspelled[0].snippet).toContain('«Witkoff»');
    for (const hit of misspelled) {
      expect(hit.score).toBeGreaterThanOrEqual(0.6);
      expect(hit.score).toBeLessThan(1);
    }
    // The same rows, found through the spelling: nothing the exact word finds is lost.
    expect(misspelled.map((h) => h.node.slug).sort()).toEqual(exact.map((h) => h.node.slug).sort());

    // Every word must match, as written or as a close spelling.
    const both = await search(seeded.api, 'Witkof Putin');
    expect(both.length).toBeGreaterThan(0);
    for (const hit of both) expect(hit.snippet).toMatch(/«Putin»/);
    expect(both.length).toBeLessThanOrEqual(misspelled.length);
  });

  it('orders hits of one score: actors and places by name, then events and articles newest first', async () => {
    const hits = await search(seeded.api, 'Putin', 100);
    expect(new Set(hits.map((h) => h.score))).toEqual(new Set([1]));
    const groups = hits.map(group);
    expect(groups).toEqual([...groups].sort((a, b) => a - b));
    expect(new Set(groups)).toEqual(new Set([0, 2, 3]));
    const events = hits.filter((h) => group(h) === 2).map((h) => h.node.date?.iso ?? null);
    const dated = events.filter((d): d is string => d !== null);
    expect(events.slice(0, dated.length)).toEqual(dated); // undated last
    expect(dated).toEqual([...dated].sort().reverse());
    const names = hits.filter((h) => group(h) === 0).map((h) => h.node.name!);
    expect(names).toEqual([...names].sort());
  });

  it('takes websearch operators as written, without spellings', async () => {
    const phrase = await search(seeded.api, '"root causes"');
    expect(phrase.map((h) => h.node.slug)).toContain('putin-remove-root-causes-of-crisis');
    expect(phrase.every((h) => h.score === 1)).toBe(true);
    expect(await search(seeded.api, 'Witkof -Putin')).toEqual([]);
    const either = await search(seeded.api, 'Witkof or Peskov');
    expect(either.length).toBeGreaterThan(0);
    expect(either.every((h) => h.score === 1 && h.node.slug !== 'steve-witkoff')).toBe(true);
    // Only stop words: nothing to look for, and no error.
    expect(await search(seeded.api, 'the of and')).toEqual([]);
  });

  it('finds what a write adds, misspelled, at once: the vocabulary of spellings follows writes', async () => {
    const { editor } = await createTestKeys(seeded.store.db);
    const article = 'witkoff-putin-brussels';
    const created = await seeded.api.query(
      `mutation($input: CreateActorInput!) { createActor(input: $input) { slug version } }`,
      { input: { article, slug: 'zbigniew-brzezinski', kind: 'PERSON', name: 'Zbigniew Brzezinski', evidence: [{ start: 0, end: 13, quote: 'Donald Trump’' }] } },
      editor,
    );
    expect(created.errors).toBeUndefined();
    // (Not "Brzezinsky": stemmed, it is the word itself.)
    const found = await search(seeded.api, 'Brzezinsk');
    expect(found[0]).toMatchObject({ node: { slug: 'zbigniew-brzezinski' } });
    expect(found[0].score).toBeLessThan(1);

    const renamed = await seeded.api.query(
      `mutation { updateActor(input: { slug: "zbigniew-brzezinski", version: 1, name: "Zbigniew Kwasniewski" }) { version } }`,
      undefined,
      editor,
    );
    expect(renamed.errors).toBeUndefined();
    expect((await search(seeded.api, 'Kwasniewsk'))[0]).toMatchObject({ node: { slug: 'zbigniew-brzezinski' } });
    // The old name's lexeme stays in the vocabulary but matches no row.
    expect(await search(seeded.api, 'Brzezinsk')).toEqual([]);
  });
});

describe.each(backends())('search over a generated graph (%s)', (backend) => {
  const generated = useGeneratedApi(backend, { events: 2000, seed: 'search' });

  /**
   * The first hits by brute force: every row of every table given the score of the best tier it
   * matches (the tiers from newsgraph_search_tiers), then sorted in full. The API's answer must be
   * the same rows in the same order, although it reads only about as many as it returns.
   */
  async function reference(text: string, first: number) {
    return generated.store.db.query<{ slug: string; score: number }>(
      `WITH tier AS (SELECT * FROM newsgraph_search_tiers($1)),
       hit AS (
         SELECT a.slug, (SELECT max(t.score) FROM tier t WHERE a.search_doc @@ t.query) AS score, 0 AS grp, a.name, NULL::int AS newest, a.id AS tie FROM actors a
         UNION ALL
         SELECT p.slug, (SELECT max(t.score) FROM tier t WHERE p.search_doc @@ t.query), 1, p.name, NULL, p.id FROM places p
         UNION ALL
         SELECT e.slug, (SELECT max(t.score) FROM tier t WHERE e.search_doc @@ t.query), CASE WHEN e.date_year IS NULL THEN 3 ELSE 2 END, NULL,
                e.date_year * 10000 + coalesce(e.date_month, 99) * 100 + coalesce(e.date_day, 99), -e.id FROM events e
         UNION ALL
         SELECT ar.slug, (SELECT max(t.score) FROM tier t WHERE ar.search_doc @@ t.query), 4, NULL,
                ar.published_year * 10000 + coalesce(ar.published_month, 99) * 100 + coalesce(ar.published_day, 99), -ar.id FROM articles ar)
       SELECT slug, round(score::numeric, 4)::float8 AS score FROM hit WHERE score IS NOT NULL
       ORDER BY score DESC, grp, name, newest DESC, tie LIMIT $2`,
      [text, first],
    );
  }

  it('returns exactly the first hits of a full ranking, for names, their misspellings and common words', async () => {
    const { model } = generated;
    const activity = new Map<number, number>();
    for (const p of model.participations) activity.set(p.actorId, (activity.get(p.actorId) ?? 0) + 1);
    const hub = [...model.actors].sort((a, b) => (activity.get(b.id) ?? 0) - (activity.get(a.id) ?? 0) || a.id - b.id)[0];
    const [given, surname] = [hub.name.split(' ')[0], hub.name.split(' ').slice(-1)[0]];
    const queries = [surname, surname.slice(0, -1), `${given} ${surname}`, `${given.slice(0, -1)} ${surname.slice(0, -1)}`, 'meeting', 'pledge talks', given];
    let tiered = 0;
    for (const text of queries) {
      for (const first of [5, 20, 100]) {
        const expected = await reference(text, first);
        const hits = await search(generated.api, text, first);
        expect([text, first, hits.map((h) => [h.node.slug, h.score])]).toEqual([text, first, expected.map((r) => [r.slug, r.score])]);
        if (new Set(hits.map((h) => h.score)).size > 1) tiered++;
      }
    }
    expect(tiered).toBeGreaterThan(0);
    // The hub's misspelled surname finds the hub among its first hits.
    expect((await search(generated.api, surname.slice(0, -1), 5)).map((h) => h.node.slug)).toContain(hub.slug);
  });
});

// Two connections write at once: PostgreSQL only (PGlite serves one connection, one transaction at a time).
describe.each(backends().filter((b) => b === 'postgres'))('the vocabulary under concurrent writers (%s)', (backend) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openSeededStore(backend);
  });
  afterAll(() => store?.close());

  it('two transactions adding each other\'s new words in turn neither wait nor deadlock', async () => {
    // Each step waits for the other transaction's step before it, so the two interleave:
    // A adds "qwertyzz", B adds "zxcvbnmq", A adds "zxcvbnmq", B adds "qwertyzz".
    const turn = () => {
      let open!: () => void;
      const opened = new Promise<void>((resolve) => (open = resolve));
      return { open, opened };
    };
    const steps = [turn(), turn(), turn(), turn()];
    const actor = (slug: string, name: string) => `INSERT INTO actors (slug, kind, name) VALUES ('${slug}', 'PERSON', '${name}')`;
    const run = (first: number, second: number, names: [string, string]) =>
      store.db.transaction(async (tx) => {
        // A wait on the other transaction fails fast instead of hanging the test.
        await tx.query("SET LOCAL lock_timeout = '2s'");
        if (first > 1) await steps[first - 2].opened;
        await tx.query(actor(`lexeme-test-${first}`, names[0]));
        steps[first - 1].open();
        await steps[second - 2].opened;
        await tx.query(actor(`lexeme-test-${second}`, names[1]));
        steps[second - 1].open();
      });
    await Promise.all([run(1, 3, ['Qwertyzz One', 'Zxcvbnmq Three']), run(2, 4, ['Zxcvbnmq Two', 'Qwertyzz Four'])]);
    const words = await store.db.query<{ lexeme: string }>("SELECT DISTINCT lexeme FROM search_lexemes WHERE lexeme IN ('qwertyzz', 'zxcvbnmq') ORDER BY 1");
    expect(words.map((w) => w.lexeme)).toEqual(['qwertyzz', 'zxcvbnmq']);
    const api = await graphqlClient(store.db);
    try {
      const answer = await api.query(`{ search(text: "Qwertyz", first: 5) { node { ... on Actor { slug } } } }`);
      expect(answer.data.search.map((h: { node: { slug: string } }) => h.node.slug).sort()).toEqual(['lexeme-test-1', 'lexeme-test-4']);
    } finally {
      await api.stop();
    }
  });
});
