import { backends } from './support/backends';
import { useSeededApi } from './support/graphql';

describe.each(backends())('asking real questions of the seed graph (%s)', (backend) => {
  const seeded = useSeededApi(backend);
  const ok = async (source: string, variables?: Record<string, unknown>) => {
    const answer = await seeded.api.query(source, variables);
    expect(answer.errors).toBeUndefined();
    return answer.data;
  };
  const slugs = (connection: any) => connection.edges.map((e: any) => e.node.slug);

  describe('filters and ordering', () => {
    it('actors: kind, name or alias contains, country, role, event kinds', async () => {
      const data = await ok(`{
        persons: actors(filter: { kind: PERSON }, first: 100) { totalCount }
        witk: actors(filter: { nameContains: "witk" }) { edges { node { slug } } }
        alias: actors(filter: { nameContains: "Britain" }) { totalCount }
        german: actors(filter: { country: "germany" }) { edges { node { slug } } }
        roleInRussia: actors(filter: { holdsRoleIn: "russia" }) { edges { node { slug } } }
        speakers: actors(filter: { tookPartIn: [STATEMENT], kind: PERSON }, first: 100) { totalCount }
      }`);
      expect(data.persons.totalCount).toBe(6);
      expect(slugs(data.witk)).toEqual(['steve-witkoff']);
      expect(data.alias.totalCount).toBe(0);
      expect(slugs(data.german).sort()).toEqual(['boris-pistorius', 'germany']);
      expect(slugs(data.roleInRussia)).toEqual(['vladimir-putin']);
      expect(data.speakers.totalCount).toBe(6); // in any role: Trump only as a subject
    });

    it('and / or / not groups combine filters', async () => {
      const data = await ok(`{ actors(first: 100, filter: {
          or: [{ nameContains: "Putin" }, { nameContains: "Healey" }], not: { kind: COUNTRY } }) { edges { node { slug } } } }`);
      expect(slugs(data.actors).sort()).toEqual(['john-healey', 'vladimir-putin']);
      const none = await ok(`{ events(filter: { and: [{ kinds: [PLEDGE] }, { kinds: [MEETING] }] }) { totalCount } }`);
      expect(none.events.totalCount).toBe(0);
    });

    it('events by participants (any / all), place, status, article and date range with partial dates', async () => {
      const data = await ok(`{
        all: events(first: 100, filter: { participantsAll: ["steve-witkoff", "vladimir-putin"] }) { edges { node { slug } } }
        any: events(first: 100, filter: { participantsAny: ["boris-pistorius", "john-healey"] }) { totalCount }
        stPetersburg: events(filter: { place: "st-petersburg" }) { edges { node { slug } } }
        potential: events(filter: { status: POTENTIAL }) { edges { node { slug } } }
        inArticle: events(first: 100, filter: { article: "witkoff-putin-brussels" }) { totalCount }
        april2025: events(first: 100, filter: { from: "2025-04", to: "2025-04" }) { totalCount }
        in2022: events(filter: { from: "2022-03-01", to: "2022-12-31" }) { edges { node { slug } } }
        before2025: events(filter: { to: "2024" }) { edges { node { slug } } }
      }`);
      expect(slugs(data.all).sort()).toEqual(['witkoff-friendship-with-putin', 'witkoff-putin-first-meeting', 'witkoff-putin-third-meeting']);
      expect(data.any.totalCount).toBe(6); // gathering, pledge (Healey announces), 3 Pistorius quotes, Healey's quote
      expect(slugs(data.stPetersburg)).toEqual(['witkoff-putin-third-meeting']);
      expect(slugs(data.potential)).toEqual(['trump-putin-potential-meeting']);
      expect(data.inArticle.totalCount).toBe(17);
      // A year-only date (the 2022 invasion) may fall in a range inside its year.
      expect(slugs(data.in2022)).toEqual(['russian-invasion-of-ukraine']);
      expect(slugs(data.before2025)).toEqual(['russian-invasion-of-ukraine']);
      const dated = await ok(`{ events(first: 100, filter: { from: "2025-04-11", to: "2025-04-11" }) { totalCount } all: events(first: 100) { totalCount } undated: events(first: 100, filter: { not: { from: "0001" } }) { totalCount } }`);
      expect(dated.events.totalCount + 1 + dated.undated.totalCount).toBe(dated.all.totalCount);
    });

    it('meetings between two actors; pledges by donor, purpose and minimum amount in any currency', async () => {
      const data = await ok(`{
        between: meetings(filter: { between: ["vladimir-putin", "steve-witkoff"] }) { totalCount }
        trumpPutin: meetings(filter: { between: ["donald-trump", "vladimir-putin"], status: OCCURRED }) { totalCount }
        drones: pledges(filter: { purpose: "drone", recipient: "ukraine", donor: "nato-allies" }) { totalCount }
        overUsd20bn: pledges(filter: { minAmount: { amount: "23800000000", currency: "USD" } }) { totalCount }
        overUsd24bn: pledges(filter: { minAmount: { amount: "23800000000.01", currency: "USD" } }) { totalCount }
        overGbp18bn: pledges(filter: { minAmount: { amount: "18000000000", currency: "GBP" } }) { totalCount }
        overGbp19bn: pledges(filter: { minAmount: { amount: "19000000000", currency: "GBP" } }) { totalCount }
      }`);
      expect(data.between.totalCount).toBe(2);
      expect(data.trumpPutin.totalCount).toBe(0);
      expect(data.drones.totalCount).toBe(1);
      expect(data.overUsd20bn.totalCount).toBe(1);
      expect(data.overUsd24bn.totalCount).toBe(0);
      expect(data.overGbp18bn.totalCount).toBe(1); // 18,175,500,000 GBP converted
      expect(data.overGbp19bn.totalCount).toBe(0);
    });

    it('statements by speaker, subject and words (stemmed)', async () => {
      const data = await ok(`{
        aboutRussia: statements(first: 100, filter: { about: "russia" }) { totalCount }
        peace: statements(first: 100, filter: { words: "peace", speaker: "boris-pistorius" }) { totalCount }
        signals: statements(filter: { words: "signals" }) { edges { node { speaker { slug } } } }
      }`);
      expect(data.aboutRussia.totalCount).toBeGreaterThan(0);
      expect(data.peace.totalCount).toBe(2);
      expect(data.signals.edges.map((e: any) => e.node.speaker.slug)).toEqual(['john-healey']);
    });

    it('orders by any field both ways, with cursors stable across pages', async () => {
      const byName = await ok(`{ actors(first: 100, orderBy: { field: NAME, direction: DESC }) { edges { node { name } } } }`);
      const names = byName.actors.edges.map((e: any) => e.node.name);
      expect(names).toEqual([...names].sort((a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0)));
      const busiest = await ok(`{ actors(first: 1, orderBy: { field: EVENT_COUNT, direction: DESC }) { edges { node { slug } } } }`);
      expect(slugs(busiest.actors)).toEqual(['vladimir-putin']);

      const seen: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 20; i++) {
        const page: any = await ok(`query($after: String) { events(first: 4, after: $after, orderBy: { field: TITLE, direction: DESC }) { edges { node { title } } pageInfo { hasNextPage endCursor } } }`, { after });
        seen.push(...page.events.edges.map((e: any) => e.node.title));
        if (!page.events.pageInfo.hasNextPage) break;
        after = page.events.pageInfo.endCursor;
      }
      expect(seen).toHaveLength(17);
      expect(seen).toEqual([...seen].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
    });

    it('pledges by amount need a currency', async () => {
      const missing = await seeded.api.query(`{ pledges(orderBy: { field: AMOUNT, direction: DESC }) { totalCount } }`);
      expect(missing.errors?.[0].message).toBe('orderBy.currency: is required when ordering by AMOUNT');
      const data = await ok(`{ pledges(orderBy: { field: AMOUNT, direction: DESC, currency: "USD" }) { edges { node { slug } } } }`);
      expect(slugs(data.pledges)).toEqual(['nato-allies-pledge-to-ukraine']);
    });

    it('refuses bad filters with the field named', async () => {
      const badDate = await seeded.api.query(`{ events(filter: { from: "2025-02-30" }) { totalCount } }`);
      expect(badDate.errors?.[0].extensions?.problems).toEqual([{ path: 'filter.from', message: 'is not a real date: 2025-02-30 (month 02 has 28 days)' }]);
      const badNested = await seeded.api.query(`{ actors(filter: { or: [{ country: "Not Slug" }] }) { totalCount } }`);
      expect(badNested.errors?.[0].extensions?.problems).toEqual([{ path: 'filter.or[0].country', message: 'must be a slug: lowercase letters, digits and single hyphens' }]);
      const badBetween = await seeded.api.query(`{ meetings(filter: { between: ["a"] }) { totalCount } }`);
      expect(badBetween.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      let deep = '{ kind: PERSON }';
      for (let i = 0; i < 7; i++) deep = `{ not: ${deep} }`;
      const tooDeep = await seeded.api.query(`{ actors(filter: ${deep}) { totalCount } }`);
      expect(tooDeep.errors?.[0].message).toMatch(/nests and\/or\/not deeper than 5 levels/);
    });
  });

  it('search ranks names, quotes and article text, with highlighted snippets', async () => {
    const search = async (text: string) =>
      (await ok(`query($text: String!) { search(text: $text, first: 10) { score snippet node { __typename ... on Actor { slug } ... on Event { slug } ... on Article { slug } } } }`, { text })).search;
    const sanctions = await search('sanctions');
    expect(sanctions.map((h: any) => h.node.__typename)).toContain('Article');
    expect(sanctions.find((h: any) => h.node.__typename === 'Article').snippet).toContain('«sanctions»');
    const brussels = await search('Brussels');
    expect(brussels[0].score).toBeGreaterThanOrEqual(brussels[brussels.length - 1].score);
    expect(brussels.map((h: any) => h.node.__typename)).toEqual(expect.arrayContaining(['Place', 'Article']));
  });

  it("timeline: an actor's events in date order, partial and unknown dates placed consistently", async () => {
    const data = await ok(`{ timeline(actor: "vladimir-putin", first: 100) { totalCount edges { node { slug date { iso } } } } }`);
    const dates = data.timeline.edges.map((e: any) => e.node.date?.iso ?? null);
    const known = dates.filter((d: string | null) => d !== null);
    expect(dates.slice(0, known.length)).toEqual(known); // unknown dates last
    expect(known).toEqual([...known].sort());
    expect(dates.length).toBe(data.timeline.totalCount);
    expect(dates).toContain(null);
    const ranged = await ok(`{ timeline(actor: "vladimir-putin", from: "2025-04-11", to: "2025-04-11") { edges { node { slug } } } }`);
    expect(slugs(ranged.timeline).sort()).toEqual(['healey-we-stand-with-ukraine', 'peskov-agenda-ukraine-and-trump-putin-meeting', 'witkoff-putin-third-meeting']);
    const bad = await seeded.api.query(`{ timeline(actor: "vladimir-putin", from: "yesterday") { totalCount } }`);
    expect(bad.errors?.[0].message).toBe('from: must be a date written YYYY, YYYY-MM or YYYY-MM-DD');
  });

  it('path: Healey reaches Witkoff in the fewest links, each naming its event', async () => {
    const data = await ok(`{ path(from: "john-healey", to: "steve-witkoff", maxHops: 4) { length actors { slug } hops { from { slug } to { slug } event { slug } } } }`);
    expect(data.path.length).toBeGreaterThan(0);
    const lengths = new Set(data.path.map((p: any) => p.length));
    expect(lengths.size).toBe(1);
    for (const chain of data.path) {
      expect(chain.actors[0].slug).toBe('john-healey');
      expect(chain.actors[chain.actors.length - 1].slug).toBe('steve-witkoff');
      chain.hops.forEach((hop: any, i: number) => {
        expect(hop.from.slug).toBe(chain.actors[i].slug);
        expect(hop.to.slug).toBe(chain.actors[i + 1].slug);
      });
    }
    // Healey -> (his quote about Putin) -> Putin -> (the meeting) -> Witkoff.
    expect(data.path).toContainEqual({
      length: 2,
      actors: [{ slug: 'john-healey' }, { slug: 'vladimir-putin' }, { slug: 'steve-witkoff' }],
      hops: [
        { from: { slug: 'john-healey' }, to: { slug: 'vladimir-putin' }, event: { slug: 'healey-we-stand-with-ukraine' } },
        { from: { slug: 'vladimir-putin' }, to: { slug: 'steve-witkoff' }, event: { slug: 'witkoff-putin-third-meeting' } },
      ],
    });
    const meetingsOnly = await ok(`{ path(from: "john-healey", to: "steve-witkoff", kinds: [MEETING]) { length } }`);
    expect(meetingsOnly.path).toEqual([]);
    const tooFar = await seeded.api.query(`{ path(from: "john-healey", to: "steve-witkoff", maxHops: 5) { length } }`);
    expect(tooFar.errors?.[0].message).toBe('maxHops: must be from 1 to 4, got 5');
  });

  it('neighborhood: nodes and typed edges around Witkoff', async () => {
    const data = await ok(`{ neighborhood(actor: "steve-witkoff", hops: 1) { truncated
      nodes { actor { slug } distance } edges { source { slug } target { slug } kind event { slug } sourceRole targetRole } } }`);
    const nodes = data.neighborhood.nodes;
    expect(nodes[0]).toEqual({ actor: { slug: 'steve-witkoff' }, distance: 0 });
    expect(nodes.map((n: any) => n.actor.slug)).toContain('vladimir-putin');
    expect(data.neighborhood.edges).toContainEqual({
      source: { slug: 'steve-witkoff' }, target: { slug: 'vladimir-putin' }, kind: 'MEETING',
      event: { slug: 'witkoff-putin-third-meeting' }, sourceRole: 'guest', targetRole: 'host',
    });
    const pledge = await ok(`{ neighborhood(actor: "ukraine", hops: 1, kinds: [PLEDGE]) { edges { source { slug } target { slug } kind } } }`);
    expect(pledge.neighborhood.edges).toContainEqual({ source: { slug: 'nato-allies' }, target: { slug: 'ukraine' }, kind: 'PLEDGE' });
    const capped = await ok(`{ neighborhood(actor: "vladimir-putin", hops: 2, maxNodes: 3) { truncated nodes { distance } } }`);
    expect(capped.neighborhood.truncated).toBe(true);
    expect(capped.neighborhood.nodes).toHaveLength(3);
  });

  it('totals: pledges per recipient with their reported and converted parts, meeting stats, event counts', async () => {
    const data = await ok(`{
      byRecipient: pledgeTotals(groupBy: RECIPIENT, currency: "JPY", filter: { donor: "nato-allies" }) {
        group pledgeCount reportedAmount convertedAmount total { amount qualifier source rate { from to value } } }
      none: pledgeTotals(groupBy: RECIPIENT, currency: "USD", filter: { donor: "nato" }) { group }
      meetingStats { byPair { actors { slug } meetingCount firstMetOn { iso } lastMetOn { iso } } byYear { year meetingCount } }
      kinds: eventCounts(by: KIND) { key count }
      months: eventCounts(by: MONTH) { key count }
    }`);
    expect(data.byRecipient).toEqual([
      {
        group: 'ukraine',
        pledgeCount: 1,
        reportedAmount: '0',
        convertedAmount: '3412500000000',
        total: { amount: '3412500000000', qualifier: 'AT_LEAST', source: 'CONVERTED', rate: { from: 'EUR', to: 'JPY', value: '162.5' } },
      },
    ]);
    expect(data.none).toEqual([]);
    expect(data.meetingStats.byPair).toEqual([
      { actors: [{ slug: 'steve-witkoff' }, { slug: 'vladimir-putin' }], meetingCount: 2, firstMetOn: { iso: '2025-04-11' }, lastMetOn: { iso: '2025-04-11' } },
    ]);
    expect(data.meetingStats.byYear).toEqual([{ year: 2025, meetingCount: 1 }, { year: null, meetingCount: 1 }]);
    expect(data.kinds).toEqual([
      { key: 'STATEMENT', count: 8 },
      { key: 'ACTION', count: 3 },
      { key: 'MEETING', count: 3 },
      { key: 'GATHERING', count: 1 },
      { key: 'PLEDGE', count: 1 },
      { key: 'PROPOSAL', count: 1 },
    ]);
    expect(data.months[0]).toEqual({ key: '2022', count: 1 });
    expect(data.months.map((m: any) => m.key)).toEqual(['2022', '2025-04', 'unknown']);
  });
});
