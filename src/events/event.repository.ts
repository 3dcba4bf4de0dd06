import { ACTOR_COLUMNS, rolesFromJson, rolesJsonOf, toActor, type ActorRecord, type ActorRow, type RoleRecord } from '../actors/actor.repository';
import { groupBy } from '../common/group-by';
import { parsePartialDate, toPartialDate, type PartialDate, type PartialDateParts } from '../common/partial-date';
import { toPage, type Page, type PageRequest } from '../common/pagination';
import { compileFilter, keysetPage, likeContains, SqlParams, type Clauses, type Combinable, type SortSpec } from '../common/sql';
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
  /** Goes up by one with every change; updates name the version they read. */
  version: number;
}

export interface ParticipationRecord {
  eventId: string;
  actorId: string;
  role: string;
  /** The actor, read in the same statement (the loaders hand it on, so following it costs nothing). */
  actor: ActorRecord;
}

/**
 * What lists of events can be narrowed by. One set of clauses serves events, meetings, pledges and
 * statements; each list's GraphQL filter exposes the fields that make sense for it. Fields combine
 * with AND, plus and / or / not groups.
 */
export interface EventFilterParams extends Combinable<EventFilterParams> {
  kinds?: string[] | null;
  status?: string | null;
  /** Actor slug that took part in any role. */
  participant?: string | null;
  participantsAny?: string[] | null;
  participantsAll?: string[] | null;
  /** Two actor slugs that both took part. */
  between?: string[] | null;
  place?: string | null;
  /** Partial dates ("2025", "2025-04", "2025-04-11"); an event matches when its own (partial) date overlaps. */
  from?: string | null;
  to?: string | null;
  /** Slug of an article that reports the event. */
  article?: string | null;
  donor?: string | null;
  recipient?: string | null;
  /** Case-insensitive substring of one of a pledge's purposes. */
  purpose?: string | null;
  minAmount?: { amount: string; currency: string } | null;
  speaker?: string | null;
  about?: string | null;
  /** Words of a statement's quote or title (full-text). */
  words?: string | null;
}

export type EventOrderField = 'DATE' | 'TITLE' | 'AMOUNT';
export interface EventOrder {
  field: EventOrderField;
  direction: 'ASC' | 'DESC';
  /** AMOUNT only: the currency amounts are compared in. */
  currency?: string | null;
}

function tookPart(slug: string, p: SqlParams, roles: string[] = []): string {
  const roleTest = roles.length ? ` AND wp.role = ANY(${p.add(roles)}::text[])` : '';
  return `EXISTS (SELECT 1 FROM participations wp JOIN actors wa ON wa.id = wp.actor_id
    WHERE wp.event_id = e.id AND wa.slug = ${p.add(slug)}${roleTest})`;
}

/** yyyymmdd of the first (or last) day a partial date may mean. */
function dayNumber(text: string, end: boolean): number {
  const parts = parsePartialDate(text) as PartialDateParts;
  return parts.year * 10000 + (parts.month ?? (end ? 12 : 1)) * 100 + (parts.day ?? (end ? 31 : 1));
}

const EVENT_CLAUSES: Clauses<EventFilterParams> = {
  kinds: (kinds, p) => `e.kind = ANY(${p.add(kinds)}::text[])`,
  status: (status, p) => `e.status = ${p.add(status)}`,
  participant: (slug, p) => tookPart(slug, p),
  participantsAny: (slugs, p) => `EXISTS (SELECT 1 FROM participations wp JOIN actors wa ON wa.id = wp.actor_id
    WHERE wp.event_id = e.id AND wa.slug = ANY(${p.add(slugs)}::text[]))`,
  participantsAll: (slugs, p) => (slugs.length ? slugs.map((slug) => tookPart(slug, p)).join(' AND ') : 'TRUE'),
  between: (slugs, p) => slugs.map((slug) => tookPart(slug, p)).join(' AND '),
  place: (slug, p) => `e.place_id = (SELECT id FROM places WHERE slug = ${p.add(slug)})`,
  from: (date, p) => `e.date_end >= ${p.add(dayNumber(date, false))}::int`,
  to: (date, p) => `e.date_start <= ${p.add(dayNumber(date, true))}::int`,
  article: (slug, p) => `EXISTS (SELECT 1 FROM evidence wv JOIN articles war ON war.id = wv.article_id
    WHERE wv.event_id = e.id AND war.slug = ${p.add(slug)})`,
  donor: (slug, p) => tookPart(slug, p, ['donor']),
  recipient: (slug, p) => tookPart(slug, p, ['recipient']),
  purpose: (text, p) => `EXISTS (SELECT 1 FROM unnest(e.purposes) wpu WHERE wpu ILIKE ${p.add(likeContains(text))})`,
  minAmount: ({ amount, currency }, p) =>
    `EXISTS (SELECT 1 FROM newsgraph_amount_in(e.id, ${p.add(currency)}) wx WHERE wx.value >= ${p.add(amount)}::numeric)`,
  speaker: (slug, p) => tookPart(slug, p, ['speaker']),
  about: (slug, p) => tookPart(slug, p, ['subject']),
  words: (text, p) => `e.search_doc @@ websearch_to_tsquery('english', ${p.add(text)})`,
};

function eventSort(order: EventOrder, p: SqlParams): SortSpec {
  switch (order.field) {
    case 'DATE':
      return { expr: 'e.sort_date', cast: 'int', direction: order.direction };
    case 'TITLE':
      return { expr: 'e.title', cast: 'text', direction: order.direction };
    case 'AMOUNT':
      // Pledges no rate can convert sort as -1: after every amount in DESC, before in ASC.
      return {
        expr: `coalesce((SELECT sx.value FROM newsgraph_amount_in(e.id, ${p.add(order.currency)}) sx), -1)`,
        cast: 'numeric',
        direction: order.direction,
      };
  }
}

export interface EventRow {
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
  version: number;
}

export const EVENT_COLUMNS = `e.id::text AS id, e.slug, e.kind, e.title, e.status, e.date_year, e.date_month, e.date_day,
  e.place_id::text AS place_id, e.sort_date, e.ordinal, e.purpose, e.agenda, e.purposes, e.quote, e.statement_mode,
  e.summary, e.category, e.version`;

export function toEvent(row: EventRow): EventRecord {
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
    version: row.version,
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

/** Events matching the filter, keyset-paged in the given order (ties broken by id). */
export function listEvents(db: Queryable, filter: EventFilterParams | null, order: EventOrder, page: PageRequest): Promise<Page<EventRecord>> {
  const p = new SqlParams();
  const where = compileFilter(filter, EVENT_CLAUSES, p);
  return keysetPage<EventRow & { sort_key: unknown }, EventRecord>(
    (sql, params) => db.query(sql, params),
    { select: EVENT_COLUMNS, from: 'events e', where, idExpr: 'e.id' },
    eventSort(order, p),
    page,
    p,
    toEvent,
  );
}

/**
 * An actor's events of every kind in date order (what listEvents gives for a participant filter
 * and DATE ascending, with the same cursors), walking participations_actor_timeline (migration
 * 0008) instead of testing every event: the page stops after `first` events the dates keep.
 */
export async function timelineOfActor(
  db: Queryable,
  actorSlug: string,
  dates: Pick<EventFilterParams, 'from' | 'to'>,
  page: PageRequest,
): Promise<Page<EventRecord>> {
  const p = new SqlParams();
  const conditions = [`pp.actor_id = (SELECT id FROM actors WHERE slug = ${p.add(actorSlug)})`, compileFilter(dates as EventFilterParams, EVENT_CLAUSES, p)];
  if (page.after) conditions.push(`(pp.event_sort_date, pp.event_id) > (${p.add(page.after[0])}::int, ${p.add(page.after[1])}::bigint)`);
  const rows = await db.query<EventRow>(
    // DISTINCT ON folds an actor's several roles in one event.
    `SELECT DISTINCT ON (pp.event_sort_date, pp.event_id) ${EVENT_COLUMNS}
     FROM participations pp JOIN events e ON e.id = pp.event_id
     WHERE ${conditions.join(' AND ')}
     ORDER BY pp.event_sort_date, pp.event_id LIMIT ${p.add(page.first + 1)}`,
    p.values,
  );
  return toPage(rows.map(toEvent), page, eventSortKey);
}

export async function countEvents(db: Queryable, filter: EventFilterParams | null): Promise<number> {
  const p = new SqlParams();
  const where = compileFilter(filter, EVENT_CLAUSES, p);
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM events e WHERE ${where}`, p.values);
  return row.n;
}

/** Compiles an event filter for other repositories that select from `events e`. */
export function eventCondition(filter: EventFilterParams | null, p: SqlParams): string {
  return compileFilter(filter, EVENT_CLAUSES, p);
}

export async function participationsByEvents(db: Queryable, eventIds: readonly string[]): Promise<Map<string, ParticipationRecord[]>> {
  const rows = await db.query<ActorRow & { event_id: string; role: string }>(
    `SELECT p.event_id::text AS event_id, p.role, ${ACTOR_COLUMNS}
     FROM participations p JOIN actors a ON a.id = p.actor_id
     WHERE p.event_id = ANY($1::bigint[]) ORDER BY p.event_id, p.position, p.id`,
    [eventIds],
  );
  return groupBy(rows, (row) => row.event_id, (row) => ({ eventId: row.event_id, actorId: row.id, role: row.role, actor: toActor(row) }));
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

/** A pair of actors who met: how many meetings (that took place) they both attended. */
export interface MeetingPairRecord {
  actorIds: [string, string];
  meetingCount: number;
}

const meetingPairSortKey = (pair: MeetingPairRecord): unknown[] => [pair.meetingCount, ...pair.actorIds];

/** The actor_links rows of pairs who met: the condition of its two partial indexes. */
const MET = "event_kind = 'MEETING' AND occurred > 0";

/**
 * Who met whom, most meetings first; keyset-paged on (meeting count desc, actor ids). Read from
 * actor_links (migration 0010; its MEETING rows, `occurred` meetings that took place), kept by
 * triggers as participations change: a page costs its rows, not the meetings behind them. Each
 * pair is stored both ways round: every pair once is actor_id < other_id; one actor's pairs are the
 * rows of its actor_id, whose (count desc, other_id) order is the pairs' (count desc, smaller id,
 * larger id) order.
 */
export async function listMeetingPairs(db: Queryable, actorSlug: string | null, page: PageRequest): Promise<Page<MeetingPairRecord>> {
  const params: unknown[] = [];
  let sql: string;
  if (actorSlug === null) {
    let after = '';
    if (page.after) {
      params.push(page.after[0], page.after[1], page.after[2]);
      after = 'AND (occurred < $1::int OR (occurred = $1::int AND (actor_id, other_id) > ($2::bigint, $3::bigint)))';
    }
    params.push(page.first + 1);
    sql = `SELECT actor_id::text AS a_id, other_id::text AS b_id, occurred AS meeting_count FROM actor_links
           WHERE ${MET} AND actor_id < other_id ${after}
           ORDER BY occurred DESC, actor_id, other_id LIMIT $${params.length}`;
  } else {
    params.push(actorSlug);
    let after = '';
    if (page.after) {
      // The cursor names both actors of its pair; the one that is not this actor orders the page.
      params.push(page.after[0], page.after[1], page.after[2]);
      after = `AND (occurred < $2::int OR (occurred = $2::int AND
                 other_id > CASE WHEN $3::bigint = actor_id THEN $4::bigint ELSE $3::bigint END))`;
    }
    params.push(page.first + 1);
    sql = `SELECT least(actor_id, other_id)::text AS a_id, greatest(actor_id, other_id)::text AS b_id, occurred AS meeting_count
           FROM actor_links WHERE ${MET} AND actor_id = (SELECT id FROM actors WHERE slug = $1) ${after}
           ORDER BY occurred DESC, other_id LIMIT $${params.length}`;
  }
  const rows = await db.query<{ a_id: string; b_id: string; meeting_count: number }>(sql, params);
  const pairs = rows.map((row): MeetingPairRecord => ({ actorIds: [row.a_id, row.b_id], meetingCount: row.meeting_count }));
  return toPage(pairs, page, meetingPairSortKey);
}

/**
 * How many pairs met: one actor's counterparts are one row of actor_link_counts (migration 0011,
 * kept by triggers on actor_links); every pair, half the sum of those rows (each pair counts for
 * both of its actors).
 */
export async function countMeetingPairs(db: Queryable, actorSlug: string | null): Promise<number> {
  const [row] =
    actorSlug === null
      ? await db.query<{ n: number }>(`SELECT (coalesce(sum(counterparts), 0) / 2)::int AS n FROM actor_link_counts WHERE event_kind = 'MEETING'`)
      : await db.query<{ n: number }>(
          `SELECT coalesce((SELECT counterparts FROM actor_link_counts
                            WHERE event_kind = 'MEETING' AND actor_id = (SELECT id FROM actors WHERE slug = $1)), 0) AS n`,
          [actorSlug],
        );
  return row.n;
}

/**
 * The meetings (that took place) each pair of actors both attended, keyed `smallerId|largerId`:
 * the two actors' meetings intersected, each read from participations_actor_chrono.
 */
export async function meetingsOfPairs(db: Queryable, keys: readonly string[]): Promise<Map<string, string[]>> {
  const pairs = keys.map((key) => key.split('|'));
  const rows = await db.query<{ key: string; meeting_ids: string[] }>(
    `SELECT k.a::text || '|' || k.b::text AS key, array_agg(m.event_id::text) AS meeting_ids
     FROM unnest($1::bigint[], $2::bigint[]) AS k(a, b)
     CROSS JOIN LATERAL (
       SELECT x.event_id FROM participations x WHERE x.actor_id = k.a AND x.event_kind = 'MEETING' AND x.event_status = 'OCCURRED'
       INTERSECT
       SELECT y.event_id FROM participations y WHERE y.actor_id = k.b AND y.event_kind = 'MEETING' AND y.event_status = 'OCCURRED'
     ) m
     GROUP BY k.a, k.b`,
    [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
  );
  return new Map(rows.map((row) => [row.key, row.meeting_ids]));
}

/**
 * One page of each actor's events of a kind, in date order, after a cursor: one statement for
 * many actors, each page cut in SQL (an actor with 20,000 meetings sends 21 rows, not 20,000).
 */
export async function eventPagesOfActors(
  db: Queryable,
  actorIds: readonly string[],
  kind: EventKind,
  page: PageRequest,
  options: { withParticipants?: boolean; withRoles?: boolean } = {},
): Promise<{ pages: Map<string, Page<EventRecord>>; participants: Map<string, ParticipationRecord[]>; roles: Map<string, RoleRecord[]> }> {
  const p = new SqlParams();
  const ids = p.add(actorIds);
  const kindParam = p.add(kind);
  const after = page.after ? `AND (pp.event_sort_date, pp.event_id) > (${p.add(page.after[0])}::int, ${p.add(page.after[1])}::bigint)` : '';
  const limit = p.add(page.first + 1);
  // Each event's participants with their actors (and their roles), as participationsByEvents and
  // rolesByPersons read them, in one JSON array.
  const participants = options.withParticipants
    ? `, (SELECT coalesce(json_agg(json_build_object('role', x.role, 'actor', (SELECT row_to_json(ar) FROM (SELECT ${ACTOR_COLUMNS}) ar)
                 ${options.withRoles ? `, 'roles', ${rolesJsonOf('x.actor_id')}` : ''}) ORDER BY x.position, x.id), '[]')
          FROM participations x JOIN actors a ON a.id = x.actor_id WHERE x.event_id = e.id) AS participants`
    : '';
  // Walks participations_actor_chrono (migration 0007) for each actor and stops at the page's end;
  // DISTINCT ON folds an actor's several roles in one event.
  const rows = await db.query<EventRow & { owner: string; participants?: ParticipantJson[] }>(
    `SELECT a.id::text AS owner, m.* FROM unnest(${ids}::bigint[]) AS a(id)
     CROSS JOIN LATERAL (
       SELECT ${EVENT_COLUMNS} ${participants} FROM (
         SELECT DISTINCT ON (pp.event_sort_date, pp.event_id) pp.event_id
         FROM participations pp
         WHERE pp.actor_id = a.id AND pp.event_kind = ${kindParam} ${after}
         ORDER BY pp.event_sort_date, pp.event_id
         LIMIT ${limit}
       ) page JOIN events e ON e.id = page.event_id
       ORDER BY e.sort_date, e.id
     ) m`,
    p.values,
  );
  const byActor = groupBy(rows, (row) => row.owner, toEvent);
  const lists = new Map<string, ParticipationRecord[]>();
  const roles = new Map<string, RoleRecord[]>();
  for (const row of rows) {
    if (!row.participants) continue;
    lists.set(row.id, row.participants.map((p) => ({ eventId: row.id, actorId: p.actor.id, role: p.role, actor: toActor(p.actor) })));
    for (const p of row.participants) if (p.roles) roles.set(p.actor.id, rolesFromJson(p.roles));
  }
  return {
    pages: new Map(actorIds.map((id) => [id, toPage(byActor.get(id) ?? [], page, eventSortKey)])),
    participants: lists,
    roles,
  };
}

interface ParticipantJson {
  role: string;
  actor: ActorRow;
  roles?: Parameters<typeof rolesFromJson>[0];
}

/** How many distinct events of a kind each actor took part in. */
export async function eventCountsOfActors(db: Queryable, actorIds: readonly string[], kind: EventKind): Promise<Map<string, number>> {
  const rows = await db.query<{ actor_id: string; n: number }>(
    `SELECT pp.actor_id::text AS actor_id, count(DISTINCT pp.event_id)::int AS n
     FROM participations pp JOIN events e ON e.id = pp.event_id
     WHERE pp.actor_id = ANY($1::bigint[]) AND e.kind = $2 GROUP BY pp.actor_id`,
    [actorIds, kind],
  );
  return new Map(rows.map((row) => [row.actor_id, row.n]));
}
