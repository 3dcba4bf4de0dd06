import type { Queryable } from '../db/database';
import { SqlParams } from '../common/sql';
import { eventCondition, type EventFilterParams } from '../events/event.repository';

export type PledgeGroupingKey = 'DONOR' | 'RECIPIENT' | 'PURPOSE' | 'YEAR';

export interface PledgeTotalRow {
  group_key: string;
  actor_id: string | null;
  pledge_count: number;
  total: string | null;
  reported: string;
  converted: string;
  qualifiers: string[];
  unconvertible: string | null;
  rates: number;
  rate: string | null;
  rate_as_of: string | null;
  rate_source: string | null;
  from_currency: string | null;
}

const GROUPS: Record<PledgeGroupingKey, { join: string; key: string; actor: string }> = {
  DONOR: { join: "JOIN participations g ON g.event_id = v.id AND g.role = 'donor'", key: 'g.actor_id::text', actor: 'g.actor_id::text' },
  RECIPIENT: { join: "JOIN participations g ON g.event_id = v.id AND g.role = 'recipient'", key: 'g.actor_id::text', actor: 'g.actor_id::text' },
  PURPOSE: {
    join: "CROSS JOIN LATERAL unnest(CASE WHEN cardinality(v.purposes) = 0 THEN ARRAY['unspecified'] ELSE v.purposes END) AS g(purpose)",
    key: 'g.purpose',
    actor: 'NULL::text',
  },
  YEAR: { join: '', key: "coalesce(v.date_year::text, 'unknown')", actor: 'NULL::text' },
};

/**
 * Pledges summed per group in one currency, all in SQL: each pledge's value comes from
 * newsgraph_amount_in (reported figure in that currency, else converted), so totals, amountIn and
 * amount filters agree. A pledge with several donors (or purposes) counts in full in each group.
 */
export async function pledgeTotals(
  db: Queryable,
  groupBy: PledgeGroupingKey,
  currency: string,
  filter: EventFilterParams | null,
): Promise<PledgeTotalRow[]> {
  const p = new SqlParams();
  const where = eventCondition({ kinds: ['PLEDGE'], and: filter ? [filter] : null }, p);
  const cur = p.add(currency);
  const group = GROUPS[groupBy];
  return db.query<PledgeTotalRow>(
    `WITH v AS (
       SELECT e.id, e.slug, e.date_year, e.purposes, x.value, x.qualifier, x.reported, x.rate, x.rate_as_of, x.rate_source, x.from_currency
       FROM events e CROSS JOIN LATERAL newsgraph_amount_in(e.id, ${cur}) x
       WHERE ${where}
     )
     SELECT ${group.key} AS group_key, ${group.actor} AS actor_id,
            count(*)::int AS pledge_count,
            sum(v.value)::text AS total,
            coalesce(sum(v.value) FILTER (WHERE v.reported), 0)::text AS reported,
            coalesce(sum(v.value) FILTER (WHERE NOT v.reported), 0)::text AS converted,
            array_agg(DISTINCT v.qualifier) AS qualifiers,
            min(v.slug) FILTER (WHERE v.value IS NULL) AS unconvertible,
            count(DISTINCT (v.rate, v.rate_as_of, v.rate_source, v.from_currency)) FILTER (WHERE NOT v.reported)::int AS rates,
            min(v.rate)::text AS rate, to_char(min(v.rate_as_of), 'YYYY-MM-DD') AS rate_as_of,
            min(v.rate_source) AS rate_source, min(v.from_currency) FILTER (WHERE NOT v.reported) AS from_currency
     FROM v ${group.join}
     GROUP BY 1, 2
     ORDER BY sum(v.value) DESC NULLS LAST, 1`,
    p.values,
  );
}
