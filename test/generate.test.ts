import { InvalidInputError } from '../src/common/errors';
import type { Database } from '../src/db/database';
import { parseGenerateArgs } from '../src/generate/generate.command';
import { generateGraph, validateGenerateOptions, type GenerateResult } from '../src/generate/generate.loader';
import { generateGraphModel, parseGeneratedUrl } from '../src/generate/generate.model';
import { countRows, GRAPH_TABLES, type GraphChunk } from '../src/generate/generate.rows';
import { TABLE_SPECS } from '../src/generate/generate.tables';
import { backends, openSeededStore, type TestStore } from './support/backends';
import { openGeneratedStore, useGeneratedApi } from './support/generated';

const EVENTS = 3000;

/** Participations per actor, most active first. */
function activity(graph: GraphChunk): number[] {
  const counts = new Map<number, number>();
  for (const p of graph.participations) counts.set(p.actorId, (counts.get(p.actorId) ?? 0) + 1);
  return graph.actors.map((a) => counts.get(a.id) ?? 0).sort((a, b) => b - a);
}

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidInputError) return error.problems.map((p) => `${p.path}: ${p.message}`);
    throw error;
  }
  throw new Error('expected an InvalidInputError');
}

describe('the generated graph (in memory)', () => {
  const graph = generateGraphModel({ events: EVENTS, seed: 't1' });
  const articles = new Map(graph.articles.map((a) => [a.id, a]));

  it('is the same for the same seed and differs for another seed', () => {
    expect(generateGraphModel({ events: EVENTS, seed: 't1' })).toEqual(graph);
    const other = generateGraphModel({ events: EVENTS, seed: 't2' });
    expect(countRows(other).events).toBe(EVENTS);
    expect(other.actors.map((a) => a.slug)).not.toEqual(graph.actors.map((a) => a.slug));
    expect(other.articles[other.articles.length - 1].text).not.toBe(graph.articles[graph.articles.length - 1].text);
  });

  it('holds exactly the events asked for, with unique slugs, in articles of about 20 events', () => {
    expect(graph.events).toHaveLength(EVENTS);
    expect(new Set(graph.events.map((e) => e.slug)).size).toBe(EVENTS);
    const newsArticles = graph.articles.filter((a) => new Set(graph.evidence.filter((v) => v.owner === 'event_id').map((v) => v.articleId)).has(a.id));
    expect(EVENTS / newsArticles.length).toBeGreaterThan(12);
    expect(EVENTS / newsArticles.length).toBeLessThan(28);
  });

  it('ties every fact to evidence whose quote is the article text at [start, end), in plain ASCII', () => {
    for (const span of graph.evidence) {
      const text = (articles.get(span.articleId) as { text: string }).text;
      expect(span.end).toBeGreaterThan(span.start);
      expect(text.slice(span.start, span.end)).toBe(span.quote);
    }
    expect(graph.articles.every((a) => /^[\x20-\x7e\n]+$/.test(a.text))).toBe(true);
    const supported = new Set(graph.evidence.map((v) => `${v.owner}:${v.ownerId}`));
    const unsupported = [
      ...graph.actors.filter((r) => !supported.has(`actor_id:${r.id}`)),
      ...graph.places.filter((r) => !supported.has(`place_id:${r.id}`)),
      ...graph.roles.filter((r) => !supported.has(`role_id:${r.id}`)),
      ...graph.memberships.filter((r) => !supported.has(`membership_id:${r.id}`)),
      ...graph.events.filter((r) => !supported.has(`event_id:${r.id}`)),
      ...graph.amounts.filter((r) => !r.isPrimary && !supported.has(`amount_id:${r.id}`)),
      ...graph.stances.filter((r) => !supported.has(`stance_id:${r.id}`)),
    ];
    expect(unsupported).toEqual([]);
  });

  it('quotes statements word for word inside their evidence, and names reported equivalents in the text', () => {
    const spans = new Map(graph.evidence.filter((v) => v.owner === 'event_id').map((v) => [v.ownerId, v.quote]));
    for (const statement of graph.events.filter((e) => e.kind === 'STATEMENT')) {
      expect(spans.get(statement.id)).toContain(statement.quote as string);
    }
    const amountSpans = new Map(graph.evidence.filter((v) => v.owner === 'amount_id').map((v) => [v.ownerId, v.quote]));
    const equivalents = graph.amounts.filter((a) => !a.isPrimary);
    expect(equivalents.length).toBeGreaterThan(20);
    for (const amount of equivalents) expect(amountSpans.get(amount.id)).toMatch(new RegExp(`^\\(${amount.currency} [0-9.]+ (million|billion)\\)$`));
  });

  it('is shaped like news: meetings of 2 to 6, hubs and a long tail, pledges in several currencies', () => {
    const meetingSizes = new Map<number, number>();
    const meetingIds = new Set(graph.events.filter((e) => e.kind === 'MEETING').map((e) => e.id));
    for (const p of graph.participations) if (meetingIds.has(p.eventId)) meetingSizes.set(p.eventId, (meetingSizes.get(p.eventId) ?? 0) + 1);
    expect(meetingSizes.size).toBe(meetingIds.size);
    expect(Math.min(...meetingSizes.values())).toBe(2);
    expect(Math.max(...meetingSizes.values())).toBe(6);

    const perActor = activity(graph);
    const total = perActor.reduce((sum, n) => sum + n, 0);
    // How many times their even share of participations the most active `fraction` of actors hold.
    const overEven = (fraction: number) => {
      const top = Math.ceil(perActor.length * fraction);
      return perActor.slice(0, top).reduce((sum, n) => sum + n, 0) / total / (top / perActor.length);
    };
    expect(overEven(0.01)).toBeGreaterThan(5);
    expect(overEven(0.1)).toBeGreaterThan(3.5);
    expect(perActor[0]).toBeGreaterThan(10 * perActor[Math.floor(perActor.length / 2)]);

    const kinds = new Set(graph.events.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(['ACTION', 'GATHERING', 'MEETING', 'PLEDGE', 'PROPOSAL', 'STATEMENT']);
    const statuses = new Set(graph.events.map((e) => e.status));
    expect(statuses).toEqual(new Set(['OCCURRED', 'PLANNED', 'POTENTIAL', 'ONGOING']));
    const precisions = new Set(graph.events.map((e) => (e.date[0] === null ? 'UNKNOWN' : e.date[1] === null ? 'YEAR' : e.date[2] === null ? 'MONTH' : 'DAY')));
    expect(precisions).toEqual(new Set(['DAY', 'MONTH', 'YEAR', 'UNKNOWN']));
    const currencies = new Set(graph.amounts.filter((a) => a.isPrimary).map((a) => a.currency));
    for (const currency of ['EUR', 'USD', 'GBP', 'JPY']) expect(currencies).toContain(currency);
    for (const currency of currencies) {
      if (currency !== 'EUR') expect(graph.exchangeRates.filter((r) => r.quote === currency).length).toBeGreaterThan(4);
    }
    expect(graph.amounts.every((a) => /^[1-9][0-9]*$/.test(a.amount))).toBe(true);
  });

  it('numbers the occurred meetings of a pair in order', () => {
    const meetings = graph.events.filter((e) => e.kind === 'MEETING' && e.ordinal !== null);
    const pairs = new Map<number, number[]>();
    for (const p of graph.participations) if (meetings.some((m) => m.id === p.eventId)) pairs.set(p.eventId, [...(pairs.get(p.eventId) ?? []), p.actorId]);
    const seen = new Map<string, number>();
    for (const meeting of meetings) {
      const key = (pairs.get(meeting.id) as number[]).sort((a, b) => a - b).join('-');
      seen.set(key, (seen.get(key) ?? 0) + 1);
      expect(meeting.ordinal).toBe(seen.get(key));
    }
    expect(Math.max(...seen.values())).toBeGreaterThan(2);
  });
});

describe('the generate command line', () => {
  it('reads --events and --seed, with k and M shorthands', () => {
    expect(parseGenerateArgs(['--events', '10k', '--seed', 'abc'])).toEqual({ events: 10_000, seed: 'abc', reset: false, method: undefined });
    expect(parseGenerateArgs(['--events=1M', '--reset', '--method', 'insert'])).toEqual({ events: 1_000_000, seed: '1', reset: true, method: 'insert' });
  });

  it('names every bad flag and what is wrong with it', () => {
    expect(problemsOf(() => parseGenerateArgs([]))).toEqual(['--events: is required: how many events to generate, e.g. --events 10000']);
    expect(problemsOf(() => parseGenerateArgs(['--events', 'many', '--seed', 'no spaces!', '--colour', 'red', '--method', 'fast']))).toEqual([
      '--colour: is not a flag of generate: use --events, --seed, --reset or --method',
      'red: is not a flag: use --events, --seed, --reset or --method',
      '--events: must be an integer from 1 to 10000000, got "many"',
      '--seed: must be 1-64 letters, digits, "-" or "_", got "no spaces!"',
      '--method: must be copy or insert, got "fast"',
    ]);
    expect(problemsOf(() => parseGenerateArgs(['--events', '0', '--seed']))).toEqual([
      '--seed: needs a value',
      '--events: must be an integer from 1 to 10000000, got "0"',
    ]);
    expect(problemsOf(() => validateGenerateOptions({ events: 2.5, seed: '' }))).toEqual([
      'events: must be an integer from 1 to 10000000, got 2.5',
      'seed: must be 1-64 letters, digits, "-" or "_", got ""',
    ]);
  });
});

/** One digest per table of everything but timestamps, to compare whole stores. */
async function tableDigests(db: Database): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of GRAPH_TABLES.map((t) => TABLE_SPECS[t].table)) {
    const [row] = await db.query<{ digest: string }>(
      `SELECT md5(coalesce(string_agg((to_jsonb(t) - 'created_at' - 'updated_at')::text, '|' ORDER BY id), '')) AS digest FROM ${table} t`,
    );
    out[table] = row.digest;
  }
  return out;
}

async function count(db: Database, sql: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT (${sql})::int AS n`);
  return row.n;
}

describe.each(backends())('a generated graph loaded into %s', (backend) => {
  const model = generateGraphModel({ events: EVENTS, seed: 't1' });
  let store: TestStore;
  let loaded: GenerateResult;

  beforeAll(async () => {
    ({ store, loaded } = await openGeneratedStore(backend, { events: EVENTS, seed: 't1' }));
  });
  afterAll(() => store?.close());

  it('holds what the generator reports, row for row', async () => {
    expect(loaded.loaded).toBe(true);
    expect(loaded.counts).toEqual(countRows(model));
    for (const table of GRAPH_TABLES) {
      expect([table, await count(store.db, `SELECT count(*) FROM ${TABLE_SPECS[table].table}`)]).toEqual([table, model[table].length]);
    }
    expect(loaded.eventsPerSecond).toBeGreaterThan(0);
    // Vacuumed after the commit: statistics, visibility map and hint bits before the first read.
    expect(loaded.vacuumSeconds).toBeGreaterThan(0);
    const vacuumed = await store.db.query<{ relname: string }>(
      `SELECT relname FROM pg_stat_user_tables WHERE schemaname = current_schema() AND last_vacuum IS NOT NULL AND last_analyze IS NOT NULL
         AND relname IN ('events', 'participations', 'actor_links', 'actor_link_counts') ORDER BY relname`,
    );
    expect(vacuumed.map((r) => r.relname)).toEqual(['actor_link_counts', 'actor_links', 'events', 'participations']);
    const [article] = await store.db.query<{ url: string }>('SELECT url FROM articles ORDER BY id LIMIT 1');
    expect(parseGeneratedUrl(article.url)).toEqual({ version: 1, seed: 't1', events: EVENTS });
  });

  it('every evidence quote is its article text at [start, end), checked in SQL', async () => {
    expect(await count(store.db, 'SELECT count(*) FROM evidence')).toBe(model.evidence.length);
    expect(
      await count(
        store.db,
        `SELECT count(*) FROM evidence v JOIN articles a ON a.id = v.article_id
         WHERE substring(a.text FROM v.start_offset + 1 FOR v.end_offset - v.start_offset) <> v.quote
            OR v.end_offset > length(a.text)`,
      ),
    ).toBe(0);
  });

  it('every fact has evidence, and every reference resolves', async () => {
    for (const [table, owner, where] of [
      ['actors', 'actor_id', 'true'],
      ['places', 'place_id', 'true'],
      ['roles', 'role_id', 'true'],
      ['memberships', 'membership_id', 'true'],
      ['events', 'event_id', 'true'],
      ['amounts', 'amount_id', 'NOT f.is_primary'],
      ['stances', 'stance_id', 'true'],
    ]) {
      expect([table, await count(store.db, `SELECT count(*) FROM ${table} f WHERE ${where} AND NOT EXISTS (SELECT 1 FROM evidence v WHERE v.${owner} = f.id)`)]).toEqual([table, 0]);
    }
    // The foreign keys held during the load; these joins show the ids the generator chose line up.
    expect(await count(store.db, 'SELECT count(*) FROM participations p JOIN events e ON e.id = p.event_id JOIN actors a ON a.id = p.actor_id')).toBe(model.participations.length);
    expect(await count(store.db, "SELECT count(*) FROM events WHERE kind = 'PLEDGE' AND id NOT IN (SELECT event_id FROM amounts WHERE is_primary)")).toBe(0);
  });

  it('keeps the shape in SQL: meetings of 2 to 6, hubs, a pledge recipient each', async () => {
    const [sizes] = await store.db.query<{ min: number; max: number }>(
      `SELECT min(n)::int AS min, max(n)::int AS max FROM (SELECT count(*) AS n FROM participations p
       JOIN events e ON e.id = p.event_id WHERE e.kind = 'MEETING' GROUP BY e.id) s`,
    );
    expect(sizes).toEqual({ min: 2, max: 6 });
    // The most active 1% of actors hold over five times their even share of participations.
    const [hubs] = await store.db.query<{ over_even: number }>(
      `WITH per_actor AS (SELECT a.id, count(p.id) AS n FROM actors a LEFT JOIN participations p ON p.actor_id = a.id GROUP BY a.id),
            ranked AS (SELECT n, row_number() OVER (ORDER BY n DESC) AS rank, count(*) OVER () AS actors FROM per_actor)
       SELECT (sum(n) FILTER (WHERE rank <= ceil(actors / 100.0)) / sum(n) / (ceil(max(actors) / 100.0) / max(actors)))::float AS over_even
       FROM ranked`,
    );
    expect(hubs.over_even).toBeGreaterThan(5);
    expect(await count(store.db, "SELECT count(*) FROM events e WHERE kind = 'PLEDGE' AND (SELECT count(*) FROM participations p WHERE p.event_id = e.id AND p.role = 'recipient') <> 1")).toBe(0);
  });

  it('loads the same graph again for the same seed, refuses another seed, and replaces it with --reset', async () => {
    const again = await generateGraph(store.db, { events: EVENTS, seed: 't1' });
    expect(again.loaded).toBe(false);
    expect(again.counts).toEqual(countRows(model));

    const before = await tableDigests(store.db);
    await expect(generateGraph(store.db, { events: EVENTS, seed: 't2' })).rejects.toThrow(InvalidInputError);
    await expect(generateGraph(store.db, { events: 2000, seed: 't1' })).rejects.toMatchObject({
      problems: [{ path: 'store', message: expect.stringContaining('generated graph of seed "t1" with 3000 events') }],
    });
    expect(await tableDigests(store.db)).toEqual(before);

    const other = await openSeededStore(backend, { seeded: false });
    try {
      await generateGraph(other.db, { events: EVENTS, seed: 't1', method: 'insert' });
      expect(await tableDigests(other.db)).toEqual(before); // same seed, other store, other method: same rows
      const replaced = await generateGraph(other.db, { events: EVENTS, seed: 't2', reset: true });
      expect(replaced.loaded).toBe(true);
      const after = await tableDigests(other.db);
      expect(after.events).not.toBe(before.events);
      expect(after.actors).not.toBe(before.actors);
      expect(await count(other.db, 'SELECT count(*) FROM events')).toBe(EVENTS);
      // The sequences moved past the generated ids: the next ordinary insert gets a fresh one.
      const [row] = await other.db.query<{ id: string }>("INSERT INTO places (slug, name) VALUES ('somewhere-new', 'Somewhere') RETURNING id::text");
      expect(Number(row.id)).toBe(replaced.counts.places + 1);
    } finally {
      await other.close();
    }
  });

  it('refuses a store that holds other data, and leaves it as it was', async () => {
    const seeded = await openSeededStore(backend);
    try {
      const events = await count(seeded.db, 'SELECT count(*) FROM events');
      await expect(generateGraph(seeded.db, { events: 100, seed: 'x' })).rejects.toMatchObject({
        problems: [{ path: 'store', message: expect.stringMatching(/^it is not empty \(articles 1, actors \d+, .*\); load into an empty, migrated store or pass --reset/) }],
      });
      expect(await count(seeded.db, 'SELECT count(*) FROM events')).toBe(events);
    } finally {
      await seeded.close();
    }
  });
});

describe.each(backends())('the GraphQL API over a generated graph (%s)', (backend) => {
  const generated = useGeneratedApi(backend, { events: 2000, seed: 'api' });

  it('answers with what the generator made', async () => {
    const { api, model } = generated;
    const perActor = new Map<number, number>();
    const meetingIds = new Set(model.events.filter((e) => e.kind === 'MEETING').map((e) => e.id));
    for (const p of model.participations) if (meetingIds.has(p.eventId)) perActor.set(p.actorId, (perActor.get(p.actorId) ?? 0) + 1);
    const [hubId, hubMeetings] = [...perActor.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
    const hub = model.actors.find((a) => a.id === hubId) as GraphChunk['actors'][number];
    const pledges = model.events.filter((e) => e.kind === 'PLEDGE');
    // A hub's name fills hundreds of articles that outrank the actor in search; a long-tail person's does not.
    const everyone = new Map<number, number>();
    for (const p of model.participations) everyone.set(p.actorId, (everyone.get(p.actorId) ?? 0) + 1);
    const quiet = model.actors.filter((a) => a.kind === 'PERSON').sort((a, b) => (everyone.get(a.id) ?? 0) - (everyone.get(b.id) ?? 0) || a.id - b.id)[0];

    const answer = await api.query(
      `query ($slug: String!, $name: String!) {
        events(first: 5) { totalCount edges { node { title evidence { quote article { slug } } } } }
        meetings(first: 1) { totalCount }
        actor(slug: $slug) { name meetings(first: 3) { totalCount } counterparts { meetingCount } }
        pledges(first: 3) { totalCount edges { node { amount { amount currency } usd: amountIn(currency: "USD") { currency source } } } }
        search(text: $name, first: 5) { node { ... on Actor { slug } } }
      }`,
      { slug: hub.slug, name: quiet.name },
    );
    expect(answer.errors).toBeUndefined();
    const data = answer.data;
    expect(data.events.totalCount).toBe(2000);
    expect(data.events.edges).toHaveLength(5);
    for (const edge of data.events.edges) expect(edge.node.evidence.length).toBeGreaterThan(0);
    expect(data.meetings.totalCount).toBe(meetingIds.size);
    expect(data.actor.name).toBe(hub.name);
    expect(data.actor.meetings.totalCount).toBe(hubMeetings);
    expect(data.pledges.totalCount).toBe(pledges.length);
    for (const edge of data.pledges.edges) expect(edge.node.usd).toMatchObject({ currency: 'USD' });
    expect(data.search.map((hit: { node: { slug?: string } }) => hit.node.slug)).toContain(quiet.slug);
  });
});
