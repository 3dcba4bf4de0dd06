import Decimal from 'decimal.js';
import { generateGraph } from '../src/generate/generate.loader';
import { backends, openSeededStore, type TestStore } from './support/backends';
import { graphqlClient, type GraphQLClient } from './support/graphql';

/**
 * The query capabilities on a generated graph of 10,000 events, checked against answers computed
 * here, in plain TypeScript, from the raw tables: nothing below reuses the API's SQL.
 */
const EVENTS = 10_000;

interface Raw {
  actors: { id: string; slug: string; name: string; aliases: string[] }[];
  events: { id: string; slug: string; kind: string; status: string; y: number | null; m: number | null; d: number | null; purposes: string[] }[];
  participations: { event_id: string; actor_id: string; role: string }[];
  amounts: { event_id: string; amount: string; currency: string; qualifier: string; is_primary: boolean }[];
  rates: { base: string; quote: string; rate: string; as_of: string; source: string }[];
}

const sortDate = (e: Raw['events'][number]) => (e.y ?? 99999) * 10000 + (e.m ?? 99) * 100 + (e.d ?? 99);
const byDateThenId = (a: Raw['events'][number], b: Raw['events'][number]) => sortDate(a) - sortDate(b) || Number(a.id) - Number(b.id);

describe.each(backends())('queries on a generated graph of 10,000 events (%s)', (backend) => {
  let store: TestStore;
  let api: GraphQLClient;
  let raw: Raw;
  const eventById = new Map<string, Raw['events'][number]>();
  const actorById = new Map<string, Raw['actors'][number]>();
  const actorsOfEvent = new Map<string, Set<string>>();
  const eventsOfActor = new Map<string, Set<string>>();

  beforeAll(async () => {
    // Bulk loading a graph runs statements far longer than a request's.
    store = await openSeededStore(backend, { seeded: false, statementTimeoutMs: 300_000 });
    await generateGraph(store.db, { events: EVENTS, seed: 'issue-5' });
    api = await graphqlClient(store.db);
    raw = {
      actors: await store.db.query('SELECT id::text, slug, name, aliases FROM actors'),
      events: await store.db.query('SELECT id::text, slug, kind, status, date_year AS y, date_month AS m, date_day AS d, purposes FROM events'),
      participations: await store.db.query('SELECT event_id::text, actor_id::text, role FROM participations'),
      amounts: await store.db.query('SELECT event_id::text, amount::text, currency, qualifier, is_primary FROM amounts'),
      rates: await store.db.query("SELECT base, quote, rate::text, to_char(as_of, 'YYYY-MM-DD') AS as_of, source FROM exchange_rates"),
    };
    for (const e of raw.events) eventById.set(e.id, e);
    for (const a of raw.actors) actorById.set(a.id, a);
    for (const p of raw.participations) {
      if (!actorsOfEvent.has(p.event_id)) actorsOfEvent.set(p.event_id, new Set());
      actorsOfEvent.get(p.event_id)!.add(p.actor_id);
      if (!eventsOfActor.has(p.actor_id)) eventsOfActor.set(p.actor_id, new Set());
      eventsOfActor.get(p.actor_id)!.add(p.event_id);
    }
  }, 300_000);
  afterAll(async () => {
    await api?.stop();
    await store?.close();
  });

  const ok = async (source: string, variables?: Record<string, unknown>) => {
    const answer = await api.query(source, variables);
    expect(answer.errors).toBeUndefined();
    return answer.data;
  };
  const hub = () => [...eventsOfActor.entries()].sort((a, b) => b[1].size - a[1].size || Number(a[0]) - Number(b[0]))[0][0];

  it('holds the graph it was asked for', () => {
    expect(raw.events).toHaveLength(EVENTS);
  });

  it('counts events per kind', async () => {
    const expected = new Map<string, number>();
    for (const e of raw.events) expected.set(e.kind, (expected.get(e.kind) ?? 0) + 1);
    const data = await ok('{ eventCounts(by: KIND) { key count } }');
    expect(Object.fromEntries(data.eventCounts.map((c: any) => [c.key, c.count]))).toEqual(Object.fromEntries(expected));
  });

  it("a hub's timeline: every event, in date order, across pages", async () => {
    const slug = actorById.get(hub())!.slug;
    const expected = [...eventsOfActor.get(hub())!].map((id) => eventById.get(id)!).sort(byDateThenId).map((e) => e.slug);
    expect(expected.length).toBeGreaterThan(100);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const data: any = await ok(`query($actor: String!, $after: String) { timeline(actor: $actor, first: 100, after: $after) {
        totalCount edges { node { slug } } pageInfo { hasNextPage endCursor } } }`, { actor: slug, after });
      expect(data.timeline.totalCount).toBe(expected.length);
      seen.push(...data.timeline.edges.map((e: any) => e.node.slug));
      after = data.timeline.pageInfo.hasNextPage ? data.timeline.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(expected);

    // Narrowed by dates, and paged with the cursors the events list gives out for the same filter.
    for (const [from, to] of [['2019', '2021-06'], ['2023-03-15', null], [null, '2016']] as const) {
      const vars = { actor: slug, from, to };
      const timeline: any = await ok(`query($actor: String!, $from: String, $to: String) { timeline(actor: $actor, from: $from, to: $to, first: 100) {
        totalCount edges { cursor node { slug } } } }`, vars);
      const events: any = await ok(`query($actor: String!, $from: String, $to: String) { events(filter: { participant: $actor, from: $from, to: $to }, first: 100) {
        totalCount edges { cursor node { slug } } } }`, vars);
      expect(timeline.timeline.edges.length).toBeGreaterThan(0);
      expect(timeline.timeline).toEqual(events.events);
    }
  });

  it("a hub's meetings page by page, each page cut in SQL", async () => {
    const slug = actorById.get(hub())!.slug;
    const expected = [...eventsOfActor.get(hub())!].map((id) => eventById.get(id)!).filter((e) => e.kind === 'MEETING').sort(byDateThenId).map((e) => e.slug);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const answer: any = await api.query(`query($a: String!, $after: String) { actor(slug: $a) { meetings(first: 100, after: $after) {
        totalCount edges { node { slug } } pageInfo { hasNextPage endCursor } } } }`, { a: slug, after });
      expect(answer.errors).toBeUndefined();
      expect(answer.statements).toBeLessThanOrEqual(3);
      const meetings = answer.data.actor.meetings;
      expect(meetings.totalCount).toBe(expected.length);
      seen.push(...meetings.edges.map((e: any) => e.node.slug));
      after = meetings.pageInfo.hasNextPage ? meetings.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(expected);
  });

  it('date ranges honour partial dates', async () => {
    const dated = raw.events.filter((e) => e.y !== null && e.m !== null);
    const { y, m } = dated[Math.floor(dated.length / 2)];
    const month = `${y}-${String(m).padStart(2, '0')}`;
    const start = y! * 10000 + m! * 100 + 1;
    const end = y! * 10000 + m! * 100 + 31;
    const expected = raw.events.filter((e) => {
      if (e.y === null) return false;
      const s = e.y * 10000 + (e.m ?? 1) * 100 + (e.d ?? 1);
      const f = e.y * 10000 + (e.m ?? 12) * 100 + (e.d ?? 31);
      return f >= start && s <= end;
    });
    expect(expected.some((e) => e.m === null)).toBe(true); // year-only dates overlap any month of their year
    const data = await ok(`query($m: String!) { events(filter: { from: $m, to: $m }) { totalCount } }`, { m: month });
    expect(data.events.totalCount).toBe(expected.length);
  });

  it('who met whom: the top pairs and their meetings', async () => {
    const pairs = new Map<string, Set<string>>();
    for (const e of raw.events) {
      if (e.kind !== 'MEETING' || e.status !== 'OCCURRED') continue;
      const ids = [...actorsOfEvent.get(e.id)!].sort((a, b) => Number(a) - Number(b));
      for (let i = 0; i < ids.length; i++)
        for (let j = i + 1; j < ids.length; j++) {
          const key = `${ids[i]}|${ids[j]}`;
          if (!pairs.has(key)) pairs.set(key, new Set());
          pairs.get(key)!.add(e.id);
        }
    }
    const expected = [...pairs.entries()]
      .map(([key, meetings]) => ({ ids: key.split('|'), count: meetings.size }))
      .sort((a, b) => b.count - a.count || Number(a.ids[0]) - Number(b.ids[0]) || Number(a.ids[1]) - Number(b.ids[1]))
      .slice(0, 10)
      .map((p) => ({ actors: p.ids.map((id) => actorById.get(id)!.slug), meetingCount: p.count }));
    const data = await ok('{ whoMetWhom(first: 10) { totalCount edges { node { actors { slug } meetingCount } } } }');
    expect(data.whoMetWhom.totalCount).toBe(pairs.size);
    expect(data.whoMetWhom.edges.map((e: any) => ({ actors: e.node.actors.map((a: any) => a.slug), meetingCount: e.node.meetingCount }))).toEqual(expected);
    const [a, b] = expected[0].actors;
    const between = await ok(`query($a: String!, $b: String!) { meetings(filter: { between: [$a, $b], status: OCCURRED }) { totalCount } }`, { a, b });
    expect(between.meetings.totalCount).toBe(expected[0].meetingCount);

    // One actor's pairs (read from its own meetings), paged: the same pairs as the full list, filtered.
    const hub = expected[0].actors[0];
    const hubId = [...actorById.entries()].find(([, actor]) => actor.slug === hub)![0];
    const ofHub = [...pairs.entries()]
      .filter(([key]) => key.split('|').includes(hubId))
      .map(([key, meetings]) => ({ ids: key.split('|'), count: meetings.size }))
      .sort((x, y) => y.count - x.count || Number(x.ids[0]) - Number(y.ids[0]) || Number(x.ids[1]) - Number(y.ids[1]))
      .map((p) => ({ actors: p.ids.map((id) => actorById.get(id)!.slug), meetingCount: p.count }));
    const seen: unknown[] = [];
    let after: string | null = null;
    for (;;) {
      const pageOf: any = await ok(
        `query($hub: String!, $after: String) { whoMetWhom(actor: $hub, first: 25, after: $after) { totalCount edges { node { actors { slug } meetingCount } } pageInfo { hasNextPage endCursor } } }`,
        { hub, after },
      );
      expect(pageOf.whoMetWhom.totalCount).toBe(ofHub.length);
      seen.push(...pageOf.whoMetWhom.edges.map((e: any) => ({ actors: e.node.actors.map((x: any) => x.slug), meetingCount: e.node.meetingCount })));
      if (!pageOf.whoMetWhom.pageInfo.hasNextPage) break;
      after = pageOf.whoMetWhom.pageInfo.endCursor;
    }
    expect(seen).toEqual(ofHub);
  });

  it('path: as short as a breadth-first search finds, every hop a real shared event', async () => {
    const start = hub();
    const distance = new Map<string, number>([[start, 0]]);
    let frontier = [start];
    for (let depth = 1; depth <= 3 && frontier.length; depth++) {
      const next: string[] = [];
      for (const actor of frontier)
        for (const event of eventsOfActor.get(actor) ?? [])
          for (const other of actorsOfEvent.get(event)!)
            if (!distance.has(other)) {
              distance.set(other, depth);
              next.push(other);
            }
      frontier = next;
    }
    const far = [...distance.entries()].filter(([, d]) => d === Math.max(...distance.values())).map(([id]) => id).sort()[0];
    const data = await ok(`query($from: String!, $to: String!) { path(from: $from, to: $to, maxHops: 3, first: 5) {
      length actors { id slug } hops { from { slug } to { slug } event { slug } } } }`, { from: actorById.get(start)!.slug, to: actorById.get(far)!.slug });
    expect(data.path.length).toBeGreaterThan(0);
    const slugToId = new Map(raw.actors.map((a) => [a.slug, a.id]));
    const eventBySlug = new Map(raw.events.map((e) => [e.slug, e.id]));
    for (const chain of data.path) {
      expect(chain.length).toBe(distance.get(far));
      for (const hop of chain.hops) {
        const members = actorsOfEvent.get(eventBySlug.get(hop.event.slug)!)!;
        expect(members.has(slugToId.get(hop.from.slug)!)).toBe(true);
        expect(members.has(slugToId.get(hop.to.slug)!)).toBe(true);
        // The earliest event the two share (by date, then id), whichever of the two walks its history.
        const shared = [...eventsOfActor.get(slugToId.get(hop.from.slug)!)!].filter((id) => eventsOfActor.get(slugToId.get(hop.to.slug)!)!.has(id));
        const earliest = shared.sort((a, b) => sortDate(eventById.get(a)!) - sortDate(eventById.get(b)!) || Number(a) - Number(b))[0];
        expect(hop.event.slug).toBe(eventById.get(earliest)!.slug);
      }
    }
    // Chains come in the order of their actor id lists, compared as numbers.
    const idLists = data.path.map((chain: any) => chain.actors.map((a: any) => Number(slugToId.get(a.slug))));
    const sorted = [...idLists].sort((a: number[], b: number[]) => {
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
      return 0;
    });
    expect(idLists).toEqual(sorted);
  });

  it('neighborhood: exactly the actors one link away', async () => {
    const center = [...eventsOfActor.entries()].sort((a, b) => a[1].size - b[1].size || Number(a[0]) - Number(b[0]))[Math.floor(eventsOfActor.size / 10)][0];
    const expected = new Set<string>([center]);
    for (const event of eventsOfActor.get(center)!) for (const other of actorsOfEvent.get(event)!) expected.add(other);
    const data = await ok(`query($a: String!) { neighborhood(actor: $a, hops: 1, maxNodes: 500, maxEdges: 2000) { truncated nodes { actor { slug } distance } } }`, {
      a: actorById.get(center)!.slug,
    });
    expect(data.neighborhood.truncated).toBe(false);
    expect(data.neighborhood.nodes.map((n: any) => n.actor.slug).sort()).toEqual([...expected].map((id) => actorById.get(id)!.slug).sort());
  });

  describe('money', () => {
    interface Conversion {
      value: Decimal;
      qualifier: string;
      /** The rate used, as one comparable string; null for a reported figure. */
      rate: string | null;
    }

    /** The conversion rule, written again here: the reported figure, else the nearest-dated rate (direct, inverted, or via one currency). */
    let amountsOf: Map<string, Raw['amounts']> | undefined;
    let legs: { a: string; b: string; value: Decimal; asOf: number; source: string }[] | undefined;
    function conversion(eventId: string, currency: string): Conversion | null {
      if (!amountsOf) {
        amountsOf = new Map();
        for (const a of raw.amounts) amountsOf.set(a.event_id, [...(amountsOf.get(a.event_id) ?? []), a]);
      }
      legs ??= raw.rates.flatMap((r) => [
        { a: r.base, b: r.quote, value: new Decimal(r.rate), asOf: Date.parse(r.as_of), source: r.source },
        { a: r.quote, b: r.base, value: new Decimal(1).dividedBy(r.rate), asOf: Date.parse(r.as_of), source: `${r.source} (inverted)` },
      ]);
      const amounts = amountsOf.get(eventId) ?? [];
      const reported = amounts.find((a) => a.currency === currency);
      if (reported) return { value: new Decimal(reported.amount), qualifier: reported.qualifier, rate: null };
      const primary = amounts.find((a) => a.is_primary)!;
      const e = eventById.get(eventId)!;
      const day = e.y === null ? null : Date.UTC(e.y, (e.m ?? 7) - 1, e.m === null ? 1 : (e.d ?? 15));
      const rank = (x: { asOf: number; source: string }, y: { asOf: number; source: string }) =>
        (day === null ? 0 : Math.abs(x.asOf - day)) - (day === null ? 0 : Math.abs(y.asOf - day)) || y.asOf - x.asOf || (x.source < y.source ? -1 : 1);
      const nearest = (a: string, b: string) => legs!.filter((l) => l.a === a && l.b === b).sort(rank)[0];
      let rate: { value: Decimal; asOf: number; source: string } | undefined = nearest(primary.currency, currency);
      if (!rate) {
        const chains = [...new Set(legs!.map((l) => l.b))]
          .filter((mid) => mid !== currency)
          .flatMap((mid) => {
            const l1 = nearest(primary.currency, mid);
            const l2 = nearest(mid, currency);
            return l1 && l2 ? [{ value: l1.value.times(l2.value), asOf: Math.min(l1.asOf, l2.asOf), source: `${l1.source}; ${l2.source} (via ${mid})` }] : [];
          })
          .sort(rank);
        rate = chains[0];
      }
      if (!rate) return null;
      return {
        value: new Decimal(primary.amount).times(rate.value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP),
        qualifier: primary.qualifier,
        rate: `${primary.currency} ${rate.value.toSignificantDigits(12).toString()} ${rate.asOf} ${rate.source}`,
      };
    }

    const valueIn = (eventId: string, currency: string): Decimal | null => conversion(eventId, currency)?.value ?? null;

    /** How a total's qualifier combines its pledges' (the rule of the API's money service, written again). */
    function combined(qualifiers: Set<string>): string {
      if (qualifiers.size === 1) return [...qualifiers][0];
      if (qualifiers.has('ABOUT') || (qualifiers.has('AT_LEAST') && qualifiers.has('AT_MOST'))) return 'ABOUT';
      if (qualifiers.has('AT_LEAST')) return 'AT_LEAST';
      if (qualifiers.has('AT_MOST')) return 'AT_MOST';
      return 'EXACT';
    }

    const pledges = () => raw.events.filter((e) => e.kind === 'PLEDGE');

    it('pledges above an amount in USD, and ordered by it across pages', async () => {
      const values = pledges().map((e) => ({ e, value: valueIn(e.id, 'USD') }));
      const threshold = values.map((v) => v.value ?? new Decimal(0)).sort((a, b) => b.comparedTo(a))[Math.floor(values.length / 10)];
      // Independent arithmetic can differ from PostgreSQL's in the last cent; stay clear of the threshold.
      const above = values.filter((v) => v.value && v.value.gte(threshold.plus(0.05))).length;
      const within = values.filter((v) => v.value && v.value.gte(threshold.minus(0.05))).length;
      const data = await ok(`query($amount: String!) { pledges(filter: { minAmount: { amount: $amount, currency: "USD" } }) { totalCount } }`, { amount: threshold.toFixed() });
      expect(data.pledges.totalCount).toBeGreaterThanOrEqual(above);
      expect(data.pledges.totalCount).toBeLessThanOrEqual(within);

      const top = values.filter((v) => v.value).sort((a, b) => b.value!.comparedTo(a.value!) || Number(b.e.id) - Number(a.e.id));
      const page = await ok(`{ pledges(first: 50, orderBy: { field: AMOUNT, direction: DESC, currency: "USD" }) { edges { node { slug usd: amountIn(currency: "USD") { amount } } } } }`);
      const got = page.pledges.edges.map((e: any) => new Decimal(e.node.usd.amount));
      got.forEach((value: Decimal, i: number) => expect(value.minus(top[i].value!).abs().lte(0.01)).toBe(true));
      for (let i = 1; i < got.length; i++) expect(got[i].lte(got[i - 1])).toBe(true);
    });

    it('pledge totals per year in USD, with their reported and converted parts', async () => {
      const expected = new Map<string, { total: Decimal; reported: Decimal; count: number }>();
      for (const e of pledges()) {
        const value = valueIn(e.id, 'USD');
        expect(value).not.toBeNull();
        const key = e.y === null ? 'unknown' : String(e.y);
        const group = expected.get(key) ?? { total: new Decimal(0), reported: new Decimal(0), count: 0 };
        group.total = group.total.plus(value!);
        if (raw.amounts.some((a) => a.event_id === e.id && a.currency === 'USD')) group.reported = group.reported.plus(value!);
        group.count++;
        expected.set(key, group);
      }
      const data = await ok('{ pledgeTotals(groupBy: YEAR, currency: "USD") { group pledgeCount reportedAmount convertedAmount total { amount } } }');
      expect(data.pledgeTotals.map((t: any) => t.group).sort()).toEqual([...expected.keys()].sort());
      for (const total of data.pledgeTotals) {
        const want = expected.get(total.group)!;
        expect(total.pledgeCount).toBe(want.count);
        expect(new Decimal(total.reportedAmount).minus(want.reported).abs().lte(0)).toBe(true);
        expect(new Decimal(total.total.amount).minus(want.total).abs().lte(0.01 * want.count)).toBe(true);
        expect(new Decimal(total.reportedAmount).plus(total.convertedAmount).eq(total.total.amount)).toBe(true);
      }
    });

    it.each([
      ['DONOR', 'GBP'],
      ['RECIPIENT', 'JPY'],
      ['PURPOSE', 'USD'],
    ])('pledge totals by %s in %s: each group its pledges, their qualifiers, and a rate only when all used one', async (groupBy, currency) => {
      const slugOf = (id: string) => actorById.get(id)!.slug;
      const rolesOf = new Map<string, Raw['participations']>();
      for (const p of raw.participations) rolesOf.set(p.event_id, [...(rolesOf.get(p.event_id) ?? []), p]);
      const groupsOf = (e: Raw['events'][number]): string[] => {
        if (groupBy === 'PURPOSE') return e.purposes.length ? [...new Set(e.purposes)] : ['unspecified'];
        const role = groupBy === 'DONOR' ? 'donor' : 'recipient';
        return (rolesOf.get(e.id) ?? []).filter((p) => p.role === role).map((p) => slugOf(p.actor_id));
      };
      const expected = new Map<string, { total: Decimal; reported: Decimal; count: number; qualifiers: Set<string>; rates: Set<string> }>();
      for (const e of pledges()) {
        const c = conversion(e.id, currency)!;
        expect(c).not.toBeNull();
        for (const key of groupsOf(e)) {
          const group = expected.get(key) ?? { total: new Decimal(0), reported: new Decimal(0), count: 0, qualifiers: new Set<string>(), rates: new Set<string>() };
          group.total = group.total.plus(c.value);
          if (c.rate === null) group.reported = group.reported.plus(c.value);
          else group.rates.add(c.rate);
          group.qualifiers.add(c.qualifier);
          group.count++;
          expected.set(key, group);
        }
      }
      const data = await ok(`query($currency: String!) { pledgeTotals(groupBy: ${groupBy}, currency: $currency) {
        group actor { slug } pledgeCount reportedAmount convertedAmount total { amount qualifier source rate { from value asOf } } } }`, { currency });
      const totals = data.pledgeTotals;
      expect(totals.map((t: any) => t.group).sort()).toEqual([...expected.keys()].sort());
      // The donors' groups are small enough that some name a rate and some do not.
      if (groupBy === 'DONOR') expect(new Set(totals.map((t: any) => t.total.rate === null)).size).toBe(2);
      for (const [i, total] of totals.entries()) {
        const want = expected.get(total.group)!;
        expect(total.actor?.slug ?? null).toBe(groupBy === 'PURPOSE' ? null : total.group);
        expect(total.pledgeCount).toBe(want.count);
        expect(new Decimal(total.reportedAmount).eq(want.reported)).toBe(true);
        expect(new Decimal(total.total.amount).minus(want.total).abs().lte(0.01 * want.count)).toBe(true);
        expect(total.total.qualifier).toBe(combined(want.qualifiers));
        expect(total.total.source).toBe(want.rates.size ? 'CONVERTED' : 'REPORTED');
        // One rate is named only when every converted pledge of the group used that same rate.
        expect(total.total.rate === null).toBe(want.rates.size !== 1);
        if (want.rates.size === 1) expect([...want.rates][0].startsWith(`${total.total.rate.from} `)).toBe(true);
        // Largest total first.
        if (i > 0) expect(new Decimal(total.total.amount).lte(totals[i - 1].total.amount)).toBe(true);
      }
    });
  });

  it('filters actors by name and finds a misspelled name', async () => {
    const target = actorById.get(hub())!;
    const fragment = target.name.slice(1, 5).toLowerCase();
    const expected = raw.actors.filter((a) => [a.name, ...a.aliases].some((n) => n.toLowerCase().includes(fragment))).length;
    const data = await ok(`query($f: String!) { actors(filter: { nameContains: $f }) { totalCount } }`, { f: fragment });
    expect(data.actors.totalCount).toBe(expected);
    const longest = target.name.split(' ').sort((a, b) => b.length - a.length)[0];
    const typo = longest.slice(0, -1);
    const hits = await ok(`query($t: String!) { search(text: $t, first: 20) { node { ... on Actor { slug } } } }`, { t: typo });
    expect(hits.search.map((h: any) => h.node.slug)).toContain(target.slug);
  });
});
