import { groupBy } from '../common/group-by';
import { toPartialDate, type PartialDate } from '../common/partial-date';
import type { PageRequest } from '../common/pagination';
import type { Queryable } from '../db/database';

export type EventKind = 'MEETING' | 'GATHERING' | 'PLEDGE' | 'STATEMENT' | 'PROPOSAL' | 'ACTION';

/** An event of any kind; kind-specific fields are null or empty for the other kinds. */
export interface EventRecord {
  entity: 'event';
  dbId: string;
  slug: string;
  kind: EventKind;
  title: string;
  status: string;
  date: PartialDate | null;
  placeId: string | null;
  sortDate: number;
  ordinal: number | null;
  purpose: string | null;
  agenda: string[];
  purposes: string[];
  quote: string | null;
  mode: string | null;
  summary: string | null;
  category: string | null;
}

export interface ParticipationRecord {
  eventId: string;
  actorId: string;
  role: string;
}

/** Filters the lists of events understand; every one narrows (AND). */
export interface EventFilterParams {
  kinds?: EventKind[] | null;
  status?: string | null;
  /** Each of these actors (slugs) took part, in any role unless roles says which. */
  participants?: { actor: string; roles?: string[] }[];
  /** Place slug. */
  place?: string | null;
}

interface EventRow {
  id: string;
  slug: string;
  kind: EventKind;
  title: string;
  status: string;
  date_year: number | null;
  date_month: number | null;
  date_day: number | null;
  place_id: string | null;
  sort_date: number;
  ordinal: number | null;
  purpose: string | null;
  agenda: string[];
  purposes: string[];
  quote: string | null;
  statement_mode: string | null;
  summary: string | null;
  category: string | null;
}

const EVENT_COLUMNS = `e.id::text AS id, e.slug, e.kind, e.title, e.status, e.date_year, e.date_month, e.date_day,
  e.place_id::text AS place_id, e.sort_date, e.ordinal, e.purpose, e.agenda, e.purposes, e.quote, e.statement_mode,
  e.summary, e.category`;

function toEvent(row: EventRow): EventRecord {
  return {
    entity: 'event',
    dbId: row.id,
    slug: row.slug,
    kind: row.kind,
    title: row.title,
    status: row.status,
    date: toPartialDate(row.date_year, row.date_month, row.date_day),
    placeId: row.place_id,
    sortDate: row.sort_date,
    ordinal: row.ordinal,
    purpose: row.purpose,
    agenda: row.agenda,
    purposes: row.purposes,
    quote: row.quote,
    mode: row.statement_mode,
    summary: row.summary,
    category: row.category,
  };
}

/** The cursor key of the chronological order every event list uses. */
export const eventSortKey = (event: EventRecord): unknown[] => [event.sortDate, event.dbId];

export async function eventsByIds(db: Queryable, ids: readonly string[]): Promise<EventRecord[]> {
  const rows = await db.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events e WHERE e.id = ANY($1::bigint[])`, [ids]);
  return rows.map(toEvent);
}

export async function eventsBySlugs(db: Queryable, slugs: readonly string[]): Promise<EventRecord[]> {
  const rows = await db.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events e WHERE e.slug = ANY($1::text[])`, [slugs]);
  return rows.map(toEvent);
}

function eventWhere(filter: EventFilterParams, params: unknown[]): string[] {
  const where: string[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.kinds?.length) where.push(`e.kind = ANY(${param(filter.kinds)}::text[])`);
  if (filter.status) where.push(`e.status = ${param(filter.status)}`);
  if (filter.place) where.push(`e.place_id = (SELECT id FROM places WHERE slug = ${param(filter.place)})`);
  for (const { actor, roles } of filter.participants ?? []) {
    const roleTest = roles?.length ? ` AND p.role = ANY(${param(roles)}::text[])` : '';
    where.push(`EXISTS (SELECT 1 FROM participations p JOIN actors a ON a.id = p.actor_id
      WHERE p.event_id = e.id AND a.slug = ${param(actor)}${roleTest})`);
  }
  return where;
}

/** Events in chronological order (unknown dates last), keyset-paged on (sort_date, id). */
export async function listEvents(db: Queryable, filter: EventFilterParams, page: PageRequest): Promise<EventRecord[]> {
  const params: unknown[] = [];
  const where = eventWhere(filter, params);
  if (page.after) {
    params.push(page.after[0], page.after[1]);
    where.push(`(e.sort_date, e.id) > ($${params.length - 1}::int, $${params.length}::bigint)`);
  }
  params.push(page.first + 1);
  const rows = await db.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM events e ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY e.sort_date, e.id LIMIT $${params.length}`,
    params,
  );
  return rows.map(toEvent);
}

export async function countEvents(db: Queryable, filter: EventFilterParams): Promise<number> {
  const params: unknown[] = [];
  const where = eventWhere(filter, params);
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM events e ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
    params,
  );
  return row.n;
}

export async function participationsByEvents(db: Queryable, eventIds: readonly string[]): Promise<Map<string, ParticipationRecord[]>> {
  const rows = await db.query<{ event_id: string; actor_id: string; role: string }>(
    `SELECT event_id::text, actor_id::text, role FROM participations
     WHERE event_id = ANY($1::bigint[]) ORDER BY event_id, position, id`,
    [eventIds],
  );
  return groupBy(rows, (row) => row.event_id, (row) => ({ eventId: row.event_id, actorId: row.actor_id, role: row.role }));
}

/**
 * The events each actor took part in, of the given kinds and in the given roles (any role when
 * roles is empty), in chronological order. Keys are "actorId" and the answer is grouped by it.
 */
export async function eventsOfActors(
  db: Queryable,
  actorIds: readonly string[],
  kinds: EventKind[],
  roles: string[],
): Promise<Map<string, EventRecord[]>> {
  const rows = await db.query<EventRow & { actor_id: string }>(
    `SELECT DISTINCT ON (p.actor_id, e.sort_date, e.id) p.actor_id::text AS actor_id, ${EVENT_COLUMNS}
     FROM participations p JOIN events e ON e.id = p.event_id
     WHERE p.actor_id = ANY($1::bigint[]) AND e.kind = ANY($2::text[])
       AND (cardinality($3::text[]) = 0 OR p.role = ANY($3::text[]))
     ORDER BY p.actor_id, e.sort_date, e.id`,
    [actorIds, kinds, roles],
  );
  return groupBy(rows, (row) => row.actor_id, toEvent);
}

export async function eventsByPlaces(db: Queryable, placeIds: readonly string[]): Promise<Map<string, EventRecord[]>> {
  const rows = await db.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM events e WHERE e.place_id = ANY($1::bigint[]) ORDER BY e.sort_date, e.id`,
    [placeIds],
  );
  return groupBy(rows, (row) => row.place_id as string, toEvent);
}

/** A pair of actors who met, with the meetings (that took place) they both attended. */
export interface MeetingPairRecord {
  actorIds: [string, string];
  meetingIds: string[];
  meetingCount: number;
}

export const meetingPairSortKey = (pair: MeetingPairRecord): unknown[] => [pair.meetingCount, ...pair.actorIds];

const PAIRS_SQL = `
  SELECT a.actor_id AS a_id, b.actor_id AS b_id, count(DISTINCT e.id)::int AS meeting_count,
         array_agg(DISTINCT e.id::text) AS meeting_ids
  FROM events e
  JOIN participations a ON a.event_id = e.id
  JOIN participations b ON b.event_id = e.id AND a.actor_id < b.actor_id
  WHERE e.kind = 'MEETING' AND e.status = 'OCCURRED'
    AND ($1::text IS NULL OR EXISTS (SELECT 1 FROM actors x WHERE x.slug = $1 AND x.id IN (a.actor_id, b.actor_id)))
  GROUP BY a.actor_id, b.actor_id`;

/** Who met whom, most meetings first; keyset-paged on (meeting count desc, actor ids). */
export async function listMeetingPairs(db: Queryable, actorSlug: string | null, page: PageRequest): Promise<MeetingPairRecord[]> {
  const params: unknown[] = [actorSlug];
  let after = '';
  if (page.after) {
    params.push(page.after[0], page.after[1], page.after[2]);
    after = `WHERE meeting_count < $2::int OR (meeting_count = $2::int AND (a_id, b_id) > ($3::bigint, $4::bigint))`;
  }
  params.push(page.first + 1);
  const rows = await db.query<{ a_id: string; b_id: string; meeting_count: number; meeting_ids: string[] }>(
    `SELECT a_id::text, b_id::text, meeting_count, meeting_ids FROM (${PAIRS_SQL}) pairs ${after}
     ORDER BY meeting_count DESC, a_id, b_id LIMIT $${params.length}`,
    params,
  );
  return rows.map((row) => ({ actorIds: [row.a_id, row.b_id], meetingIds: row.meeting_ids, meetingCount: row.meeting_count }));
}

export async function countMeetingPairs(db: Queryable, actorSlug: string | null): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${PAIRS_SQL}) pairs`, [actorSlug]);
  return row.n;
}

/** Every event of one kind, in date order (pledge totals read them whole). */
export async function allEventsOfKind(db: Queryable, kind: EventKind): Promise<EventRecord[]> {
  const rows = await db.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events e WHERE e.kind = $1 ORDER BY e.sort_date, e.id`, [kind]);
  return rows.map(toEvent);
}
