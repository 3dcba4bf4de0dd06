import { readBundle } from '../src/bundles/bundle.reader';
import { loadBundle } from '../src/bundles/bundle.writer';
import { validateBundle } from '../src/bundles/bundle.validate';
import { InvalidInputError } from '../src/common/errors';
import { join } from 'node:path';
import { openSeededStore, rowCounts, type TestStore } from './support/backends';

const seedBundle = () => readBundle(join(__dirname, '..', 'seed', 'witkoff-putin-brussels')) as any;

function problemsOf(raw: unknown): string[] {
  try {
    validateBundle(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as InvalidInputError).problems.map((p) => `${p.path}: ${p.message}`);
  }
  return [];
}

describe('bundle validation, before anything is written', () => {
  it('accepts the seed bundle', () => {
    expect(problemsOf(seedBundle())).toEqual([]);
  });

  it('lists every problem of a bad bundle by its path', () => {
    const bad = seedBundle();
    const length = bad.article.text.length;
    bad.events[3].evidence[0].end = length + 10;
    bad.events[0].evidence[0].quote = 'not what the article says';
    bad.events[1].participants[0].actor = 'nobody-known';
    const pledge = bad.events.find((e: any) => e.kind === 'PLEDGE');
    const pledgeIndex = bad.events.indexOf(pledge);
    pledge.amount.amount = '-5';
    pledge.amount.currency = 'EURO';
    bad.events[0].date = '2025-02-30';
    bad.actors[0].unexpected = true;
    const problems = problemsOf(bad);
    expect(problems).toEqual(
      expect.arrayContaining([
        `events[3].evidence[0].end: must be <= ${length}`,
        expect.stringMatching(/^events\[0\]\.evidence\[0\]\.quote: must equal the article text at/),
        'events[1].participants[0].actor: unknown actor "nobody-known": it must be one of this bundle\'s actors',
        `events[${pledgeIndex}].amount.amount: must be a non-negative decimal string such as "21000000000" or "1.5"`,
        `events[${pledgeIndex}].amount.currency: must be an ISO 4217 currency code such as "EUR"`,
        'events[0].date: is not a real date: 2025-02-30 (month 02 has 28 days)',
        'actors[0].unexpected: property unexpected should not exist',
      ]),
    );
  });

  it('checks kind rules: a statement needs a speaker who is a person, a stance a proposal', () => {
    const bad = seedBundle();
    const statement = bad.events.find((e: any) => e.kind === 'STATEMENT');
    const i = bad.events.indexOf(statement);
    statement.speaker = 'russia';
    statement.ordinal = 2;
    bad.stances[0].proposal = 'witkoff-putin-third-meeting';
    expect(problemsOf(bad)).toEqual(
      expect.arrayContaining([
        `events[${i}].speaker: actor "russia" is a COUNTRY, must be a PERSON`,
        `events[${i}].ordinal: is not a field of a STATEMENT (it belongs to MEETING)`,
        'stances[0].proposal: event "witkoff-putin-third-meeting" is a MEETING, must be a PROPOSAL',
      ]),
    );
  });

  describe('against a store', () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await openSeededStore('pglite');
    });
    afterAll(() => store?.close());

    it('a bad bundle leaves the store untouched', async () => {
      const before = await rowCounts(store.db);
      const bad = seedBundle();
      bad.article.slug = 'another-article';
      bad.events[bad.events.length - 1].evidence[0].start = -1;
      await expect(loadBundle(store.db, bad)).rejects.toThrow(InvalidInputError);
      expect(await rowCounts(store.db)).toEqual(before);
    });

    it('loading the seed again changes nothing', async () => {
      const before = await rowCounts(store.db);
      const result = await loadBundle(store.db, seedBundle());
      expect(result.changed).toBe(false);
      expect(await rowCounts(store.db)).toEqual(before);
    });

    it('an amended bundle updates in place, without duplicates', async () => {
      const before = await rowCounts(store.db);
      const amended = seedBundle();
      amended.article.title = 'Amended title';
      amended.events = amended.events.filter((e: any) => e.slug !== 'witkoff-friendship-with-putin');
      const result = await loadBundle(store.db, amended);
      expect(result.changed).toBe(true);
      const after = await rowCounts(store.db);
      expect(after.actors).toBe(before.actors);
      expect(after.articles).toBe(before.articles);
      expect(after.events).toBe(before.events - 1);
      const [article] = await store.db.query<{ title: string }>('SELECT title FROM articles');
      expect(article.title).toBe('Amended title');
    });
  });
});
