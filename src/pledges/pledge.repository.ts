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
  /** The converted pledges all used one rate (same value, date, source and currency). */
  one_rate: boolean | null;
  rate: string | null;
  rate_as_of: string | null;
  rate_source: string | null;
  from_currency: string | null;
}

// Each grouping's join and key, and what it needs of the pledge's event row beyond its date: the
// pledges' own columns are read from events_pledge_days (migration 0014) without the table, and
// donors and recipients from participations_pledge_roles.
const GROUPS: Record<PledgeGroupingKey, { join: string; key: string; actor: boolean; columns: string }> = {
  DONOR: { join: "JOIN participations g ON g.event_id = v.id AND g.event_kind = 'PLEDGE' AND g.role = 'donor'", key: 'g.actor_id', actor: true, columns: '' },
  RECIPIENT: {
    join: "JOIN participations g ON g.event_id = v.id AND g.event_kind = 'PLEDGE' AND g.role = 'recipient'",
    key: 'g.actor_id',
    actor: true,
    columns: '',
  },
  PURPOSE: {
    join: "CROSS JOIN LATERAL unnest(CASE WHEN cardinality(v.purposes) = 0 THEN ARRAY['unspecified'] ELSE v.purposes END) AS g(purpose)",
    key: 'g.purpose',
    actor: false,
    columns: ', e.purposes',
  },
  YEAR: { join: '', key: "coalesce(v.date_year::text, 'unknown')", actor: false, columns: ', e.date_year' },
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
  const where = filter ? eventCondition(filter, p) : 'TRUE';
  const cur = p.add(currency);
  const group = GROUPS[groupBy];
  return db.query<PledgeTotalRow>(
    // Only the columns each step needs, so that the pledges are read from events_pledge_days alone
    // (not the events' wide rows); currencies compared bytewise ("C"), which is what they are.
    `WITH p AS (
       SELECT e.id, newsgraph_rate_day(e.date_year, e.date_month, e.date_day) AS day${group.columns},
              pri.amount, pri.currency COLLATE "C" AS from_currency, pri.qualifier,
              rep.amount AS rep_amount, rep.qualifier AS rep_qualifier
       FROM events e
       JOIN amounts pri ON pri.event_id = e.id AND pri.is_primary
       LEFT JOIN amounts rep ON rep.event_id = e.id AND rep.currency = ${cur}
       WHERE e.kind = 'PLEDGE' AND ${where}
     ),
     -- The rates newsgraph_rate (migration 0002) would pick, found without calling it once per
     -- (currency, day): each currency pair's rates in date order with the first day each one is the
     -- nearest (a tie goes to the later one, then to the first source), so a day's rate is one binary
     -- search (width_bucket) in arrays built once. A null day takes the latest rate.
     legs AS (
       SELECT DISTINCT ON (a, b, as_of) a, b, value, as_of, source
       FROM (SELECT base AS a, quote AS b, rate AS value, as_of, source FROM exchange_rates
             UNION ALL
             SELECT quote, base, 1 / rate, as_of, source || ' (inverted)' FROM exchange_rates) r
       ORDER BY a, b, as_of, source
     ),
     steps AS (
       SELECT a, b, array_agg(starts ORDER BY as_of) AS starts, array_agg(value ORDER BY as_of) AS vals,
              array_agg(as_of ORDER BY as_of) AS dates, array_agg(source ORDER BY as_of) AS sources
       FROM (SELECT a, b, value, as_of, source,
                    coalesce(prev + (as_of - prev + 1) / 2, '-infinity'::date) AS starts
             FROM (SELECT legs.*, lag(as_of) OVER (PARTITION BY a, b ORDER BY as_of) AS prev FROM legs) l) s
       GROUP BY a, b
     ),
     -- A direct (or inverted) rate when the pair has one, else chains through one other currency.
     routes AS MATERIALIZED (
       SELECT d.a AS from_currency, 0 AS hops, NULL::text AS via, d.starts AS starts1, d.vals AS vals1,
              d.dates AS dates1, d.sources AS sources1, NULL::date[] AS starts2, NULL::numeric[] AS vals2,
              NULL::date[] AS dates2, NULL::text[] AS sources2
       FROM steps d WHERE d.b = ${cur}
       UNION ALL
       SELECT l1.a, 1, l1.b, l1.starts, l1.vals, l1.dates, l1.sources, l2.starts, l2.vals, l2.dates, l2.sources
       FROM steps l1 JOIN steps l2 ON l2.a = l1.b AND l2.b = ${cur}
       WHERE l1.b <> ${cur} AND NOT EXISTS (SELECT 1 FROM steps d WHERE d.a = l1.a AND d.b = ${cur})
     ),
     needed AS (SELECT DISTINCT from_currency, day FROM p WHERE rep_amount IS NULL),
     picked AS (
       SELECT n.from_currency, n.day, r.hops, r.via, r.vals1, r.dates1, r.sources1, r.vals2, r.dates2, r.sources2,
              CASE WHEN n.day IS NULL THEN cardinality(r.starts1) ELSE width_bucket(n.day, r.starts1) END AS i1,
              CASE WHEN n.day IS NULL THEN cardinality(r.starts2) ELSE width_bucket(n.day, r.starts2) END AS i2
       FROM needed n JOIN routes r ON r.from_currency = n.from_currency
     ),
     candidates AS (
       SELECT from_currency, day, hops,
              CASE WHEN hops = 0 THEN vals1[i1] ELSE vals1[i1] * vals2[i2] END AS value,
              CASE WHEN hops = 0 THEN dates1[i1] ELSE least(dates1[i1], dates2[i2]) END AS as_of,
              CASE WHEN hops = 0 THEN sources1[i1] ELSE sources1[i1] || '; ' || sources2[i2] || ' (via ' || via || ')' END AS source
       FROM picked
     ),
     -- Keyed without nulls: an unknown day ('infinity') takes the latest rate.
     rates AS (
       SELECT DISTINCT ON (from_currency, day) from_currency, coalesce(day, 'infinity'::date) AS day_key, value, as_of, source
       FROM candidates
       ORDER BY from_currency, day, hops, CASE WHEN day IS NULL THEN 0 ELSE abs(as_of - day) END, as_of DESC, source
     ),
     -- The rates as one lookup table, read once (an InitPlan), so that each pledge finds its rate by
     -- key whatever join the row estimates would pick: joined as a relation, PGlite's planner
     -- (estimating one rate and one pledge) re-ran the rates for each pledge (4.7 s for the 1,213
     -- pledges of a 10k-event graph, by recipient in JPY; 30 ms now).
     rate_map AS MATERIALIZED (
       SELECT jsonb_object_agg(from_currency || ' ' || day_key::text, jsonb_build_array(value, as_of, source)) AS m FROM rates
     ),
     -- The rule of newsgraph_amount_in (migration 0002): the reported figure, else the stated amount
     -- converted and rounded to 2 decimals. test/queries-generated.test.ts checks both against an
     -- independent computation.
     v AS (
       SELECT p.id${group.columns.replaceAll('e.', 'p.')},
              coalesce(p.rep_amount, round(p.amount * (p.r->>0)::numeric, 2)) AS value,
              coalesce(p.rep_qualifier, p.qualifier) AS qualifier,
              p.rep_amount IS NOT NULL AS reported,
              (p.r->>0)::numeric AS rate, (p.r->>1)::date AS rate_as_of, p.r->>2 AS rate_source, p.from_currency
       FROM (SELECT p.*, CASE WHEN p.rep_amount IS NULL
                              THEN (SELECT m FROM rate_map) -> (p.from_currency || ' ' || coalesce(p.day, 'infinity'::date)::text) END AS r
             -- OFFSET 0 keeps this a subquery: flattened, each use of r would repeat the lookup.
             FROM p OFFSET 0) p
     ),
     -- Plain aggregates: DISTINCT ones (the qualifiers, the rates) would sort each group's rows.
     t AS (
       SELECT ${group.key} AS group_key, count(*)::int AS pledge_count, sum(v.value) AS total,
              sum(v.value) FILTER (WHERE v.reported) AS reported, sum(v.value) FILTER (WHERE NOT v.reported) AS converted,
              bool_or(v.qualifier = 'EXACT') AS exact, bool_or(v.qualifier = 'AT_LEAST') AS at_least,
              bool_or(v.qualifier = 'AT_MOST') AS at_most, bool_or(v.qualifier = 'ABOUT') AS about,
              array_agg(v.id) FILTER (WHERE v.value IS NULL) AS unconvertible,
              min(v.rate) AS rate, max(v.rate) AS max_rate, min(v.rate_as_of) AS rate_as_of, max(v.rate_as_of) AS max_rate_as_of,
              min(v.rate_source) AS rate_source, max(v.rate_source) AS max_rate_source,
              min(v.from_currency) FILTER (WHERE NOT v.reported) AS from_currency,
              max(v.from_currency) FILTER (WHERE NOT v.reported) AS max_from_currency
       FROM v ${group.join}
       GROUP BY 1
     )
     SELECT t.group_key::text AS group_key, ${group.actor ? 't.group_key::text' : 'NULL::text'} AS actor_id, t.pledge_count,
            t.total::text AS total, coalesce(t.reported, 0)::text AS reported, coalesce(t.converted, 0)::text AS converted,
            array_remove(ARRAY[CASE WHEN t.exact THEN 'EXACT' END, CASE WHEN t.at_least THEN 'AT_LEAST' END,
                               CASE WHEN t.at_most THEN 'AT_MOST' END, CASE WHEN t.about THEN 'ABOUT' END], NULL) AS qualifiers,
            (SELECT min(x.slug) FROM events x WHERE x.id = ANY(t.unconvertible)) AS unconvertible,
            (t.rate = t.max_rate AND t.rate_as_of = t.max_rate_as_of AND t.rate_source = t.max_rate_source
             AND t.from_currency = t.max_from_currency) AS one_rate,
            t.rate::text AS rate, to_char(t.rate_as_of, 'YYYY-MM-DD') AS rate_as_of, t.rate_source, t.from_currency
     FROM t
     ORDER BY t.total DESC NULLS LAST, 1`,
    p.values,
  );
}
