import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, validate, type GraphQLSchema } from 'graphql';
import { buildNewsgraphSchema } from '../src/graphql/schema';
import { dateRange, formatAmount, formatDate, formatMoney, ordinal } from '../web/src/explorer/format';
import { emptyGraph, mergeEvents, pledgeWidth, visible, type EventNode, type LinkKind } from '../web/src/explorer/graph';
import * as queries from '../web/src/explorer/queries';
import { readmeExamples } from '../web/src/shared/readme-examples';
import { backends } from './support/backends';
import { useSeededApi } from './support/graphql';

/** The web pages' own logic and operations, checked without a browser (test/browser.test.ts has one). */

const operations = Object.entries(queries).filter(([, value]) => typeof value === 'string' && /^query /.test(value)) as Array<[string, string]>;
const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildNewsgraphSchema();
});

describe('the operations the pages send', () => {
  it('finds them all', () => {
    expect(operations.map(([name]) => name).sort()).toEqual(['ACTOR_PAGE', 'ARTICLE_PAGE', 'ARTICLE_TEXT', 'EVENT_PAGE', 'NEIGHBOURHOOD', 'OVERVIEW', 'PLACE_PAGE', 'SEARCH']);
  });

  it.each(operations)('is the explorer\'s %s valid against the schema?', (_name, source) => {
    expect(validate(schema, parse(source)).map((error) => error.message)).toEqual([]);
  });

  it('are the README\'s examples, which GraphiQL opens as tabs, named and valid against the schema?', () => {
    const examples = readmeExamples(readme);
    expect(examples.length).toBeGreaterThanOrEqual(5);
    expect(examples.map((example) => example.name)).toEqual(expect.arrayContaining(['WhoMetWhom', 'SteveWitkoffsCounterparts', 'Search']));
    expect(new Set(examples.map((example) => example.name)).size).toBe(examples.length);
    for (const example of examples) {
      expect(example.query).toContain(`# ${example.caption}`);
      expect({ name: example.name, errors: validate(schema, parse(example.query)).map((error) => error.message) }).toEqual({ name: example.name, errors: [] });
    }
  });
});

describe('money, dates and ordinals as the pages print them', () => {
  it('prints amounts from their decimal strings, with the qualifier', () => {
    expect(formatMoney({ amount: '21000000000', currency: 'EUR', qualifier: 'AT_LEAST' })).toBe('more than €21 billion');
    expect(formatMoney({ amount: '23800000000', currency: 'USD', qualifier: 'AT_LEAST' })).toBe('more than $23.8 billion');
    expect(formatMoney({ amount: '18175500000.00', currency: 'GBP', qualifier: 'AT_LEAST' })).toBe('more than £18.175 billion');
    expect(formatMoney({ amount: '2500000', currency: 'CHF', qualifier: 'ABOUT' })).toBe('about CHF 2.5 million');
    expect(formatMoney({ amount: '1500.5', currency: 'USD', qualifier: 'AT_MOST' })).toBe('up to $1,500.50');
    expect(formatAmount('1000000000000', 'EUR')).toBe('€1 trillion');
    expect(formatAmount('999999', 'EUR')).toBe('€999,999');
    expect(formatAmount('-3000000', 'USD')).toBe('-$3 million');
  });

  it('prints partial dates as precise as they are, and gives their day ranges', () => {
    expect(formatDate({ year: 2025, month: 4, day: 11 })).toBe('11 April 2025');
    expect(formatDate({ year: 2025, month: 4, day: null })).toBe('April 2025');
    expect(formatDate({ year: 2022, month: null, day: null })).toBe('2022');
    expect(formatDate(null)).toBe('date unknown');
    expect(dateRange({ year: 2022, month: null, day: null })).toEqual([20220101, 20221231]);
    expect(dateRange({ year: 2025, month: 4, day: null })).toEqual([20250401, 20250431]);
    expect(dateRange({ year: 2025, month: 4, day: 11 })).toEqual([20250411, 20250411]);
  });

  it('says 1st, 2nd, 3rd, 11th, 22nd', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 22, 101].map(ordinal)).toEqual(['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '22nd', '101st']);
  });
});

describe.each(backends())('the network drawn from the API on %s', (backend) => {
  const seeded = useSeededApi(backend);
  const all = new Set<LinkKind>(['MEETING', 'GATHERING', 'PLEDGE', 'STANCE', 'STATEMENT', 'ACTION']);

  it('links Witkoff and Putin by two meetings and NATO allies to Ukraine by a pledge as wide as its amount', async () => {
    const answer = await seeded.api.query<{ events: { edges: Array<{ node: EventNode }> } }>(queries.OVERVIEW, { currency: 'USD', first: 100 });
    expect(answer.errors).toBeUndefined();
    const graph = mergeEvents(emptyGraph, answer.data!.events.edges.map((edge) => edge.node));
    const between = (a: string, b: string, kind: LinkKind) => Object.values(graph.edges).filter((e) => e.kind === kind && [e.source, e.target].sort().join() === [a, b].sort().join());
    expect(between('steve-witkoff', 'vladimir-putin', 'MEETING').map((e) => e.event.slug).sort()).toEqual(['witkoff-putin-first-meeting', 'witkoff-putin-third-meeting']);
    const [pledge] = between('nato-allies', 'ukraine', 'PLEDGE');
    expect(pledge).toMatchObject({ source: 'nato-allies', target: 'ukraine', label: 'more than $23.8 billion', width: pledgeWidth({ amount: '23800000000', currency: 'USD', qualifier: 'AT_LEAST', source: 'REPORTED' }) });
    expect(pledge!.width).toBeGreaterThan(2);
    expect(between('ukraine', 'proposal:thirty-day-ceasefire', 'STANCE').map((e) => e.label)).toEqual(['accepted']);

    // Filters: by kind, and by date (undated events in or out).
    const meetingsOnly = visible(graph, { kinds: new Set<LinkKind>(['MEETING']), from: '', to: '', undated: true }, []);
    expect(new Set(Object.values(meetingsOnly.edges).map((e) => e.kind))).toEqual(new Set(['MEETING']));
    const in2025 = visible(graph, { kinds: all, from: '2025-01-01', to: '2025-12-31', undated: false }, []);
    expect(Object.values(in2025.edges).every((e) => e.date?.year === 2025)).toBe(true);
    expect(Object.values(in2025.edges).some((e) => e.event.slug === 'witkoff-putin-third-meeting')).toBe(true);
    expect(Object.values(in2025.edges).some((e) => e.event.slug === 'witkoff-putin-first-meeting')).toBe(false);
  });

  it("expands Putin's neighbourhood: his meetings, Trump's potential meeting and the accusation against him", async () => {
    const answer = await seeded.api.query(queries.NEIGHBOURHOOD, { slug: 'vladimir-putin', currency: 'EUR', first: 100 });
    expect(answer.errors).toBeUndefined();
    const graph = mergeEvents(emptyGraph, answer.data.events.edges.map((edge: { node: EventNode }) => edge.node), answer.data.actor);
    expect(Object.keys(graph.nodes)).toEqual(expect.arrayContaining(['steve-witkoff', 'donald-trump', 'biden-administration']));
  });

  it('answers the actor and pledge pages without errors', async () => {
    const actor = await seeded.api.query(queries.ACTOR_PAGE, { slug: 'ukraine', currency: 'USD' });
    expect(actor.errors).toBeUndefined();
    expect(actor.data.received.find((total: { group: string }) => total.group === 'ukraine').total).toMatchObject({ amount: '23800000000', currency: 'USD' });
    const event = await seeded.api.query(queries.EVENT_PAGE, { slug: 'nato-allies-pledge-to-ukraine', currency: 'GBP' });
    expect(event.errors).toBeUndefined();
    expect(event.data.event.converted).toMatchObject({ currency: 'GBP', source: 'CONVERTED', rate: { from: 'EUR', to: 'GBP' } });
  });
});
