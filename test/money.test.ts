import { parsePartialDate } from '../src/common/partial-date';
import { combineQualifiers, formatRate } from '../src/money/money.service';
import { backends, openSeededStore, type TestStore } from './support/backends';

describe.each(backends())('conversion rates in SQL (%s)', (backend) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openSeededStore(backend, { seeded: false });
    await store.db.query(`INSERT INTO exchange_rates (base, quote, rate, as_of, source) VALUES
      ('EUR', 'USD', 1.10, '2025-01-01', 'A'), ('EUR', 'USD', 1.20, '2025-06-01', 'B'), ('EUR', 'GBP', 0.85, '2025-06-01', 'C')`);
  });
  afterAll(() => store?.close());

  const rate = async (from: string, to: string, day: string | null) => {
    const rows = await store.db.query<{ value: string; as_of: string; source: string }>(
      `SELECT value::text, to_char(as_of, 'YYYY-MM-DD') AS as_of, source FROM newsgraph_rate($1, $2, $3::date)`,
      [from, to, day],
    );
    return rows[0] ? { ...rows[0], value: formatRate(rows[0].value) } : null;
  };

  it('takes the rate nearest to the day, the latest when the day is unknown', async () => {
    expect(await rate('EUR', 'USD', '2025-02-01')).toEqual({ value: '1.1', as_of: '2025-01-01', source: 'A' });
    expect(await rate('EUR', 'USD', '2025-05-20')).toEqual({ value: '1.2', as_of: '2025-06-01', source: 'B' });
    expect((await rate('EUR', 'USD', null))?.source).toBe('B');
  });

  it('inverts a rate, chains two through a common currency, and finds none where none connects', async () => {
    expect(await rate('USD', 'EUR', '2025-06-01')).toEqual({ value: '0.833333333333', as_of: '2025-06-01', source: 'B (inverted)' });
    expect(await rate('GBP', 'USD', '2025-06-01')).toEqual({
      value: '1.41176470588',
      as_of: '2025-06-01',
      source: 'C (inverted); B (via EUR)',
    });
    expect(await rate('EUR', 'JPY', null)).toBeNull();
  });
});

describe('money and dates', () => {
  it('a sum keeps the loosest qualifier of its parts', () => {
    expect(combineQualifiers(['EXACT', 'AT_LEAST'])).toBe('AT_LEAST');
    expect(combineQualifiers(['AT_LEAST', 'AT_MOST'])).toBe('ABOUT');
    expect(combineQualifiers(['EXACT'])).toBe('EXACT');
  });

  it('partial dates: years, months and days, and impossible ones refused', () => {
    expect(parsePartialDate('2022')).toEqual({ year: 2022, month: null, day: null });
    expect(parsePartialDate('2025-04')).toEqual({ year: 2025, month: 4, day: null });
    expect(parsePartialDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parsePartialDate('2025-02-29')).toBe('is not a real date: 2025-02-29 (month 02 has 28 days)');
    expect(parsePartialDate('2025-13')).toBe('has no month 13');
    expect(parsePartialDate('April 2025')).toBe('must be a date written YYYY, YYYY-MM or YYYY-MM-DD');
  });
});
