import type { Queryable } from '../db/database';
import { SqlParams } from '../common/sql';
import { eventCondition, type EventFilterParams } from '../events/event.repository';

export interface CountRow {
  key: string;
  count: number;
}

/**
 * Events counted per kind or per month of their date. Events dated to a year only count under
 * "YYYY", undated ones under "unknown".
 */
export function eventCounts(db: Queryable, by: 'KIND' | 'MONTH', filter: EventFilterParams | null): Promise<CountRow[]> {
  const p = new SqlParams();
  const where = eventCondition(filter, p);
  const key =
    by === 'KIND'
      ? 'e.kind'
      : `CASE WHEN e.date_year IS NULL THEN 'unknown'
              WHEN e.date_month IS NULL THEN lpad(e.date_year::text, 4, '0')
              ELSE lpad(e.date_year::text, 4, '0') || '-' || lpad(e.date_month::text, 2, '0') END`;
  const order = by === 'KIND' ? 'count DESC, key' : "key = 'unknown', key";
  return db.query<CountRow>(
    `SELECT key, count FROM (SELECT ${key} AS key, count(*)::int AS count FROM events e WHERE ${where} GROUP BY 1) counts ORDER BY ${order}`,
    p.values,
  );
}

export interface PairStatRow {
  a_id: string;
  b_id: string;
  meeting_count: number;
  first_sort: number;
  last_sort: number;
  first_year: number | null;
  first_month: number | null;
  first_day: number | null;
  last_year: number | null;
  last_month: number | null;
  last_day: number | null;
}

/** The meetings (that took place) each pair of actors attended, with their first and last dated one. */
export function meetingPairStats(db: Queryable, filter: EventFilterParams, limit: number): Promise<PairStatRow[]> {
  const p = new SqlParams();
  const where = eventCondition(filter, p);
  return db.query<PairStatRow>(
    `WITH m AS (SELECT e.* FROM events e WHERE ${where}),
     pairs AS (
       SELECT DISTINCT a.actor_id AS a_id, b.actor_id AS b_id, m.id, m.sort_date, m.date_year, m.date_month, m.date_day
       FROM m JOIN participations a ON a.event_id = m.id JOIN participations b ON b.event_id = m.id AND a.actor_id < b.actor_id
     )
     SELECT a_id::text, b_id::text, count(*)::int AS meeting_count,
       (array_agg(date_year ORDER BY sort_date, id) FILTER (WHERE date_year IS NOT NULL))[1] AS first_year,
       (array_agg(date_month ORDER BY sort_date, id) FILTER (WHERE date_year IS NOT NULL))[1] AS first_month,
       (array_agg(date_day ORDER BY sort_date, id) FILTER (WHERE date_year IS NOT NULL))[1] AS first_day,
       (array_agg(date_year ORDER BY sort_date DESC, id DESC) FILTER (WHERE date_year IS NOT NULL))[1] AS last_year,
       (array_agg(date_month ORDER BY sort_date DESC, id DESC) FILTER (WHERE date_year IS NOT NULL))[1] AS last_month,
       (array_agg(date_day ORDER BY sort_date DESC, id DESC) FILTER (WHERE date_year IS NOT NULL))[1] AS last_day
     FROM pairs GROUP BY a_id, b_id ORDER BY meeting_count DESC, a_id, b_id LIMIT ${p.add(limit)}`,
    p.values,
  );
}

/** Meetings (that took place) per year of their date; undated ones under a null year. */
export function meetingsPerYear(db: Queryable, filter: EventFilterParams): Promise<{ year: number | null; count: number }[]> {
  const p = new SqlParams();
  const where = eventCondition(filter, p);
  return db.query(`SELECT e.date_year AS year, count(*)::int AS count FROM events e WHERE ${where} GROUP BY 1 ORDER BY 1 NULLS LAST`, p.values);
}
