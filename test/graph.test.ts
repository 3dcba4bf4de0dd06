import { backends } from './support/backends';
import { useSeededApi } from './support/graphql';

describe.each(backends())('the seed graph over GraphQL (%s)', (backend) => {
  const seeded = useSeededApi(backend);

  const ok = async (source: string, variables?: Record<string, unknown>) => {
    const answer = await seeded.api.query(source, variables);
    expect(answer.errors).toBeUndefined();
    return answer.data;
  };

  it('who met whom: Witkoff and Putin, twice (the first and the third meeting)', async () => {
    const data = await ok(`{ whoMetWhom { totalCount edges { node {
      actors { slug } meetingCount meetings { slug ordinal date { iso precision } place { name } } } } } }`);
    expect(data.whoMetWhom.totalCount).toBe(1);
    const pair = data.whoMetWhom.edges[0].node;
    expect(pair.actors.map((a: { slug: string }) => a.slug).sort()).toEqual(['steve-witkoff', 'vladimir-putin']);
    expect(pair.meetingCount).toBe(2);
    expect(pair.meetings).toEqual([
      { slug: 'witkoff-putin-third-meeting', ordinal: 3, date: { iso: '2025-04-11', precision: 'DAY' }, place: { name: 'St. Petersburg' } },
      { slug: 'witkoff-putin-first-meeting', ordinal: 1, date: null, place: null },
    ]);
  });

  it('the potential Trump-Putin meeting is a meeting, but not one that took place', async () => {
    const data = await ok(`{ event(slug: "trump-putin-potential-meeting") { __typename status participants { actor { name } } }
      actor(slug: "donald-trump") { counterparts { actor { name } } meetings { totalCount } } }`);
    expect(data.event.__typename).toBe('Meeting');
    expect(data.event.status).toBe('POTENTIAL');
    expect(data.event.participants.map((p: any) => p.actor.name).sort()).toEqual(['Donald Trump', 'Vladimir Putin']);
    expect(data.actor.counterparts).toEqual([]);
    expect(data.actor.meetings.totalCount).toBe(1);
  });

  it("Witkoff's counterparts: Putin, met twice, last on 2025-04-11 in St. Petersburg", async () => {
    const data = await ok(`{ actor(slug: "steve-witkoff") { __typename name
      ... on Person { roles { title of { name } evidence { quote } } }
      counterparts { actor { name } meetingCount lastMetOn { iso } meetings { ordinal purpose agenda } } } }`);
    expect(data.actor.__typename).toBe('Person');
    expect(data.actor.roles).toEqual([
      { title: 'Special envoy', of: { name: 'Donald Trump' }, evidence: expect.arrayContaining([expect.objectContaining({ quote: expect.stringContaining('envoy') })]) },
    ]);
    expect(data.actor.counterparts).toEqual([
      {
        actor: { name: 'Vladimir Putin' },
        meetingCount: 2,
        lastMetOn: { iso: '2025-04-11' },
        meetings: [
          { ordinal: 3, purpose: 'normalize the relationship', agenda: ['Ukraine', 'a potential Trump-Putin meeting'] },
          { ordinal: 1, purpose: null, agenda: [] },
        ],
      },
    ]);
  });

  it('the pledge: more than EUR 21 billion from NATO allies to Ukraine, USD 23.8 billion as reported', async () => {
    const data = await ok(`{ pledges { totalCount edges { node {
      title donors { slug } recipient { slug } announcedBy { name } purposes place { name } date { iso }
      amount { amount currency qualifier source rate { value } }
      eur: amountIn(currency: "EUR") { amount source }
      usd: amountIn(currency: "USD") { amount currency qualifier source rate { value } }
      gbp: amountIn(currency: "GBP") { amount currency qualifier source rate { from to value asOf source } }
      xxx: amountIn(currency: "SEK") { amount }
      amountEvidence { quote } } } } }`);
    expect(data.pledges.totalCount).toBe(1);
    const pledge = data.pledges.edges[0].node;
    expect(pledge.donors).toEqual([{ slug: 'nato-allies' }]);
    expect(pledge.recipient).toEqual({ slug: 'ukraine' });
    expect(pledge.announcedBy).toEqual({ name: 'John Healey' });
    expect(pledge.purposes).toEqual(['air defense systems', 'drones', 'repair capabilities within Ukraine']);
    expect(pledge.place).toEqual({ name: 'Brussels' });
    expect(pledge.date).toEqual({ iso: '2025-04-11' });
    expect(pledge.amount).toEqual({ amount: '21000000000', currency: 'EUR', qualifier: 'AT_LEAST', source: 'REPORTED', rate: null });
    expect(pledge.eur).toEqual({ amount: '21000000000', source: 'REPORTED' });
    expect(pledge.usd).toEqual({ amount: '23800000000', currency: 'USD', qualifier: 'AT_LEAST', source: 'REPORTED', rate: null });
    expect(pledge.gbp).toEqual({
      amount: '18175500000',
      currency: 'GBP',
      qualifier: 'AT_LEAST',
      source: 'CONVERTED',
      rate: { from: 'EUR', to: 'GBP', value: '0.8655', asOf: '2025-04-11', source: expect.stringContaining('2025-04-11') },
    });
    expect(pledge.xxx).toBeNull();
    expect(pledge.amountEvidence).toEqual([{ quote: '($23.8 billion)' }]);
  });

  it('pledge totals by donor and by purpose, in USD and in GBP', async () => {
    const data = await ok(`{ byDonor: pledgeTotals(groupBy: DONOR, currency: "USD") { group actor { name } pledgeCount reportedAmount convertedAmount total { amount currency qualifier source } }
      byPurpose: pledgeTotals(groupBy: PURPOSE, currency: "GBP") { group total { amount source } }
      byYear: pledgeTotals(groupBy: YEAR, currency: "EUR") { group total { amount } } }`);
    expect(data.byDonor).toEqual([
      {
        group: 'nato-allies',
        actor: { name: 'NATO allies' },
        pledgeCount: 1,
        reportedAmount: '23800000000',
        convertedAmount: '0',
        total: { amount: '23800000000', currency: 'USD', qualifier: 'AT_LEAST', source: 'REPORTED' },
      },
    ]);
    expect(data.byPurpose).toHaveLength(3);
    expect(data.byPurpose[0].total).toEqual({ amount: '18175500000', source: 'CONVERTED' });
    expect(data.byYear).toEqual([{ group: '2025', total: { amount: '21000000000' } }]);
  });

  it("who said what: Pistorius's three quotations, each with its evidence", async () => {
    const data = await ok(`{ statements(filter: { speaker: "boris-pistorius" }) { totalCount edges { node {
      quote mode speaker { name } evidence { start end quote article { slug text } } } } } }`);
    expect(data.statements.totalCount).toBe(3);
    const quotes = data.statements.edges.map((e: any) => e.node.quote);
    expect(quotes).toEqual(
      expect.arrayContaining([
        'We will ensure that Ukraine continues to benefit from our joint military support.',
        expect.stringContaining('is still not interested in peace'),
        expect.stringContaining('peace in Ukraine appears to be out of reach in the immediate future'),
      ]),
    );
    for (const { node } of data.statements.edges) {
      expect(node.speaker).toEqual({ name: 'Boris Pistorius' });
      for (const span of node.evidence) expect(span.article.text.slice(span.start, span.end)).toBe(span.quote);
      expect(node.evidence.some((span: any) => span.quote.includes(node.quote))).toBe(true);
    }
  });

  it('every quotation of the article is a statement by its speaker', async () => {
    const data = await ok(`{ statements(first: 100) { edges { node { quote mode speaker { slug } } } } }`);
    const bySpeaker = (slug: string) => data.statements.edges.filter((e: any) => e.node.speaker.slug === slug && e.node.mode === 'DIRECT').map((e: any) => e.node.quote);
    expect(bySpeaker('vladimir-putin')).toEqual(['remove the root causes of this crisis']);
    expect(bySpeaker('steve-witkoff')).toEqual(['a friendship, a relationship']);
    expect(bySpeaker('dmitri-peskov')).toEqual(['normalize the relationship']);
    expect(bySpeaker('john-healey')).toEqual([expect.stringMatching(/^We are sending a signal to Putin.*in the peace$/)]);
    expect(bySpeaker('boris-pistorius')).toHaveLength(3);
  });

  it("the 30-day cease-fire: Trump's proposal, accepted by Ukraine, not by Russia (with its conditions)", async () => {
    const data = await ok(`{ event(slug: "thirty-day-ceasefire") { __typename title
      ... on Proposal { proposedBy { name } stances { actor { slug } position conditions evidence { quote } } } } }`);
    expect(data.event.__typename).toBe('Proposal');
    expect(data.event.proposedBy).toEqual({ name: 'Donald Trump' });
    const stances = Object.fromEntries(data.event.stances.map((s: any) => [s.actor.slug, s]));
    expect(stances.ukraine.position).toBe('ACCEPTED');
    expect(stances.russia.position).toBe('NOT_ACCEPTED');
    expect(stances.russia.conditions).toEqual(['removal of Western sanctions', 'broader commitments that would remove the root causes of this crisis']);
    expect(stances.russia.evidence[0].quote).toContain('Russia has not');
  });

  it('past events: the 2022 invasion, the severed ties and the war-crimes accusation', async () => {
    const data = await ok(`{ events(filter: { kinds: [ACTION] }) { edges { node { slug date { iso precision } ... on Action { category } participants { actor { slug } role } } } } }`);
    const bySlug = Object.fromEntries(data.events.edges.map((e: any) => [e.node.slug, e.node]));
    expect(bySlug['russian-invasion-of-ukraine']).toMatchObject({ category: 'invasion', date: { iso: '2022', precision: 'YEAR' } });
    expect(bySlug['russian-invasion-of-ukraine'].participants).toEqual(
      expect.arrayContaining([{ actor: { slug: 'russia' }, role: 'aggressor' }, { actor: { slug: 'ukraine' }, role: 'target' }]),
    );
    expect(bySlug['biden-administration-severs-ties-with-kremlin'].category).toBe('severed-ties');
    expect(bySlug['biden-administration-accuses-putin-of-war-crimes'].participants).toEqual(
      expect.arrayContaining([{ actor: { slug: 'vladimir-putin' }, role: 'accused' }]),
    );
  });

  it('the Brussels gathering, at a place in Belgium', async () => {
    const data = await ok(`{ place(slug: "brussels") { name country { name isoCode } events { __typename slug } } }`);
    expect(data.place.country).toEqual({ name: 'Belgium', isoCode: 'BE' });
    expect(data.place.events).toEqual(
      expect.arrayContaining([
        { __typename: 'Gathering', slug: 'brussels-allies-gathering' },
        { __typename: 'Pledge', slug: 'nato-allies-pledge-to-ukraine' },
      ]),
    );
  });

  it('actors: every kind, with Relay ids that node() and nodes() resolve', async () => {
    const data = await ok(`{ actors(first: 100) { totalCount edges { node { id __typename slug } } } }`);
    expect(data.actors.totalCount).toBe(18);
    const kinds = data.actors.edges.reduce((acc: Record<string, number>, e: any) => ({ ...acc, [e.node.__typename]: (acc[e.node.__typename] ?? 0) + 1 }), {});
    expect(kinds).toEqual({ Person: 6, Country: 6, Organization: 6 });
    const ids = data.actors.edges.slice(0, 3).map((e: any) => e.node.id);
    const nodes = await ok(`query($ids: [ID!]!, $id: ID!) { nodes(ids: $ids) { id } node(id: $id) { id ... on Actor { slug } } }`, { ids, id: ids[0] });
    expect(nodes.nodes.map((n: any) => n.id)).toEqual(ids);
    expect(nodes.node.slug).toBe(data.actors.edges[0].node.slug);
  });

  it('pages through actors with cursors, without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const data: any = await ok(`query($after: String) { actors(first: 5, after: $after) { edges { node { slug } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`, { after });
      seen.push(...data.actors.edges.map((e: any) => e.node.slug));
      expect(data.actors.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!data.actors.pageInfo.hasNextPage) break;
      after = data.actors.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(18);
    expect(new Set(seen).size).toBe(18);
  });

  it('refuses first above 100 and a bad cursor with errors that name the argument', async () => {
    const tooMany = await seeded.api.query(`{ actors(first: 101) { totalCount } }`);
    expect(tooMany.errors?.[0].message).toBe('first: must be <= 100, got 101');
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const badCursor = await seeded.api.query(`{ events(after: "nope") { totalCount } }`);
    expect(badCursor.errors?.[0].message).toMatch(/^after: /);
    const badId = await seeded.api.query(`{ node(id: "bm9wZQ") { id } }`);
    expect(badId.errors?.[0].message).toMatch(/^id: /);
    const badFilter = await seeded.api.query(`{ events(filter: { participant: "Not A Slug" }) { totalCount } }`);
    expect(badFilter.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      problems: [{ path: 'filter.participant', message: 'must be a slug: lowercase letters, digits and single hyphens' }],
    });
    const badCurrency = await seeded.api.query(`{ pledgeTotals(groupBy: DONOR, currency: "dollars") { group } }`);
    expect(badCurrency.errors?.[0].message).toMatch(/^currency: must be an ISO 4217/);
  });

  it('search finds actors, events and quotes by their words, even misspelled', async () => {
    const search = async (text: string) =>
      (await ok(`query($text: String!) { search(text: $text, first: 5) { score snippet node { __typename ... on Actor { slug } ... on Event { slug } } } }`, { text })).search;
    expect((await search('Witkof'))[0].node).toEqual({ __typename: 'Person', slug: 'steve-witkoff' });
    expect((await search('Peskow'))[0].node).toEqual({ __typename: 'Person', slug: 'dmitri-peskov' });
    const quote = await search('root causes');
    expect(quote.map((h: any) => h.node.slug)).toContain('putin-remove-root-causes-of-crisis');
    expect(quote[0].snippet).toContain('«');
    const empty = await seeded.api.query(`{ search(text: "  ") { score } }`);
    expect(empty.errors?.[0].message).toBe('text: must not be empty');
  });

  it('the article: its metadata and text', async () => {
    const data = await ok(`{ article(slug: "witkoff-putin-brussels") { title publishedOn { iso precision } text } }`);
    expect(data.article.publishedOn).toEqual({ iso: '2025-04-11', precision: 'DAY' });
    expect(data.article.text.startsWith('Donald Trump’s special envoy arrived in Russia on Friday')).toBe(true);
  });
});
