import type { AmountRecord, RateRecord } from '../src/money/money.repository';
import { amountIn, findRate, sumMoney } from '../src/money/money.service';
import { parsePartialDate } from '../src/common/partial-date';

const rates: RateRecord[] = [
  { base: 'EUR', quote: 'USD', rate: '1.10', asOf: '2025-01-01', source: 'A' },
  { base: 'EUR', quote: 'USD', rate: '1.20', asOf: '2025-06-01', source: 'B' },
  { base: 'EUR', quote: 'GBP', rate: '0.85', asOf: '2025-06-01', source: 'C' },
];
const ratesOf = (currency: string) => rates.filter((r) => r.base === currency || r.quote === currency);
const amount = (value: string, currency: string, isPrimary = true, qualifier = 'EXACT'): AmountRecord => ({
  dbId: '1', eventId: '1', amount: value, currency, qualifier, isPrimary,
});

describe('money', () => {
  it('converts through the rate nearest to the event date', () => {
    expect(findRate('EUR', 'USD', ratesOf, '2025-02-01')?.value).toBe('1.1');
    expect(findRate('EUR', 'USD', ratesOf, '2025-05-20')?.value).toBe('1.2');
    expect(findRate('EUR', 'USD', ratesOf, null)?.source).toBe('B');
  });

  it('inverts a rate and chains two through a common currency', () => {
    expect(findRate('USD', 'EUR', ratesOf, '2025-06-01')).toMatchObject({ value: '0.833333333333', source: 'B (inverted)' });
    const chained = findRate('GBP', 'USD', ratesOf, '2025-06-01');
    expect(chained).toMatchObject({ from: 'GBP', to: 'USD', value: '1.41176470588' });
    expect(chained?.source).toContain('via EUR');
    expect(findRate('EUR', 'JPY', ratesOf, null)).toBeNull();
  });

  it('prefers a reported equivalent to a conversion, and never uses floats', () => {
    const amounts = [amount('0.1', 'EUR', true, 'AT_LEAST'), amount('0.2', 'USD', false, 'AT_LEAST')];
    expect(amountIn(amounts, 'USD', ratesOf, '2025-06-01')).toMatchObject({ amount: '0.2', source: 'REPORTED' });
    expect(amountIn(amounts, 'GBP', ratesOf, '2025-06-01')).toMatchObject({ amount: '0.09', source: 'CONVERTED', qualifier: 'AT_LEAST' });
    expect(amountIn([amount('21000000000.33', 'EUR')], 'USD', ratesOf, '2025-06-01')?.amount).toBe('25200000000.4');
  });

  it('sums exactly and keeps the loosest qualifier', () => {
    const values = [
      { amount: '0.1', currency: 'EUR', qualifier: 'EXACT', source: 'REPORTED' as const, rate: null },
      { amount: '0.2', currency: 'EUR', qualifier: 'AT_LEAST', source: 'REPORTED' as const, rate: null },
    ];
    expect(sumMoney(values, 'EUR')).toEqual({ amount: '0.3', currency: 'EUR', qualifier: 'AT_LEAST', source: 'REPORTED', rate: null });
  });
});

describe('partial dates', () => {
  it('reads years, months and days, and refuses impossible ones', () => {
    expect(parsePartialDate('2022')).toEqual({ year: 2022, month: null, day: null });
    expect(parsePartialDate('2025-04')).toEqual({ year: 2025, month: 4, day: null });
    expect(parsePartialDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parsePartialDate('2025-02-29')).toBe('is not a real date: 2025-02-29 (month 02 has 28 days)');
    expect(parsePartialDate('2025-13')).toBe('has no month 13');
    expect(parsePartialDate('April 2025')).toBe('must be a date written YYYY, YYYY-MM or YYYY-MM-DD');
  });
});
