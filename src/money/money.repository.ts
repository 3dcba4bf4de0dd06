import { groupBy } from '../common/group-by';
import type { Queryable } from '../db/database';

export interface AmountRecord {
  dbId: string;
  eventId: string;
  /** Decimal string, never a float. */
  amount: string;
  currency: string;
  qualifier: string;
  /** True for the amount the pledge is stated in; false for an equivalent the article reports. */
  isPrimary: boolean;
}

export interface RateRecord {
  base: string;
  quote: string;
  /** 1 base = rate quote; decimal string. */
  rate: string;
  asOf: string;
  source: string;
}

export async function amountsByEvents(db: Queryable, eventIds: readonly string[]): Promise<Map<string, AmountRecord[]>> {
  const rows = await db.query<{ id: string; event_id: string; amount: string; currency: string; qualifier: string; is_primary: boolean }>(
    `SELECT id::text, event_id::text, amount::text, currency, qualifier, is_primary FROM amounts
     WHERE event_id = ANY($1::bigint[]) ORDER BY event_id, is_primary DESC, currency`,
    [eventIds],
  );
  return groupBy(rows, (row) => row.event_id, (row) => ({
    dbId: row.id,
    eventId: row.event_id,
    amount: trimDecimal(row.amount),
    currency: row.currency,
    qualifier: row.qualifier,
    isPrimary: row.is_primary,
  }));
}

/** Every rate that has the currency on either side, by currency. */
export async function ratesByCurrencies(db: Queryable, currencies: readonly string[]): Promise<Map<string, RateRecord[]>> {
  const rows = await db.query<{ base: string; quote: string; rate: string; as_of: string; source: string }>(
    `SELECT base, quote, rate::text, to_char(as_of, 'YYYY-MM-DD') AS as_of, source FROM exchange_rates
     WHERE base = ANY($1::text[]) OR quote = ANY($1::text[]) ORDER BY as_of, base, quote`,
    [currencies],
  );
  const out = new Map<string, RateRecord[]>(currencies.map((c) => [c, []]));
  for (const row of rows) {
    const rate: RateRecord = { base: row.base, quote: row.quote, rate: trimDecimal(row.rate), asOf: row.as_of, source: row.source };
    out.get(rate.base)?.push(rate);
    if (rate.quote !== rate.base) out.get(rate.quote)?.push(rate);
  }
  return out;
}

/** numeric(…, 6) comes back as "21000000000.000000"; clients get "21000000000". */
export function trimDecimal(value: string): string {
  return value.includes('.') ? value.replace(/\.?0+$/, '') : value;
}
