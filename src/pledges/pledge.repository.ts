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
 * Pledges summed per group in one currency, all in SQL, each pledge valued by the rule of
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
    `WITH p AS (
       SELECT e.id, e.slug, e.date_year, e.purposes, pri.amount, pri.currency AS from_currency, pri.qualifier,
              newsgraph_rate_day(e.date_year, e.date_month, e.date_day) AS day,
              rep.amount AS rep_amount, rep.qualifier AS rep_qualifier
       FROM events e
       JOIN amounts pri ON pri.event_id = e.id AND pri.is_primary
       LEFT JOIN amounts rep ON rep.event_id = e.id AND rep.currency = ${cur}
       WHERE ${where}
     ),
     -- One rate lookup per distinct (currency, day) rather than one per pledge.
     needed AS (SELECT DISTINCT from_currency, day FROM p WHERE rep_amount IS NULL),
     rates AS (
       SELECT n.from_currency, n.day, r.value, r.as_of, r.source
       FROM needed n LEFT JOIN LATERAL newsgraph_rate(n.from_currency, ${cur}, n.day) r ON true
     ),
     -- The rule of newsgraph_amount_in (migration 0002): the reported figure, else the stated amount
     -- converted and rounded to 2 decimals. test/queries-generated.test.ts checks both against an
     -- independent computation.
     v AS (
       SELECT p.id, p.slug, p.date_year, p.purposes,
              coalesce(p.rep_amount, round(p.amount * r.value, 2)) AS value,
              coalesce(p.rep_qualifier, p.qualifier) AS qualifier,
              p.rep_amount IS NOT NULL AS reported,
              r.value AS rate, r.as_of AS rate_as_of, r.source AS rate_source, p.from_currency
       FROM p LEFT JOIN rates r ON p.rep_amount IS NULL AND r.from_currency = p.from_currency AND r.day IS NOT DISTINCT FROM p.day
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
