import { groupBy } from '../common/group-by';
import type { Queryable } from '../db/database';
import { formatRate, trimDecimal, type MoneyValue } from './money.service';

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

/** Columns newsgraph_amount_in returns, as text where they are numbers or dates. */
export interface ConvertedRow {
  value: string | null;
  qualifier: string;
  reported: boolean;
  from_currency: string;
  rate: string | null;
  rate_as_of: string | null;
  rate_source: string | null;
}

export const CONVERTED_COLUMNS = `x.value::text AS value, x.qualifier, x.reported, x.from_currency, x.rate::text AS rate,
  to_char(x.rate_as_of, 'YYYY-MM-DD') AS rate_as_of, x.rate_source`;

export function toMoney(row: ConvertedRow, currency: string): MoneyValue | null {
  if (row.value === null) return null;
  return {
    amount: trimDecimal(row.value),
    currency,
    qualifier: row.qualifier,
    source: row.reported ? 'REPORTED' : 'CONVERTED',
    rate:
      row.reported || row.rate === null
        ? null
        : { from: row.from_currency, to: currency, value: formatRate(row.rate), asOf: row.rate_as_of as string, source: row.rate_source as string },
  };
}

/**
 * Pledge amounts in currencies, keyed "eventId|CUR": the reported figure when the article gives one
 * in that currency, else a conversion through the rate table (SQL function newsgraph_amount_in, the
 * one definition that filters, ordering and totals use too); null when no rate connects them.
 */
export async function amountsIn(db: Queryable, keys: readonly string[]): Promise<Map<string, MoneyValue | null>> {
  const pairs = keys.map((key) => key.split('|'));
  const rows = await db.query<ConvertedRow & { event_id: string; currency: string }>(
    `SELECT k.event_id::text AS event_id, k.currency, ${CONVERTED_COLUMNS}
     FROM unnest($1::bigint[], $2::text[]) AS k(event_id, currency)
     CROSS JOIN LATERAL newsgraph_amount_in(k.event_id, k.currency) x`,
    [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
  );
  return new Map(rows.map((row) => [`${row.event_id}|${row.currency}`, toMoney(row, row.currency)]));
}
