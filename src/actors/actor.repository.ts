import { toPartialDate, type PartialDate } from '../common/partial-date';
import type { PageRequest } from '../common/pagination';
import type { Queryable } from '../db/database';
import { groupBy } from '../common/group-by';

/** An actor as the domain sees it; `dbId` is internal, `slug` the natural key. */
export interface ActorRecord {
  entity: 'actor';
  dbId: string;
  slug: string;
  kind: 'PERSON' | 'COUNTRY' | 'ORGANIZATION';
  name: string;
  aliases: string[];
  isoCode: string | null;
  orgType: string | null;
}

export interface RoleRecord {
  dbId: string;
  personId: string;
  title: string;
  ofActorId: string | null;
  since: PartialDate | null;
  until: PartialDate | null;
}

/** Who an actor met in meetings that took place, how often and when. */
export interface CounterpartRecord {
  actorId: string;
  counterpartId: string;
  meetingIds: string[];
}

export interface ActorFilterParams {
  kind?: string | null;
}

interface ActorRow {
  id: string;
  slug: string;
  kind: ActorRecord['kind'];
  name: string;
  aliases: string[];
  iso_code: string | null;
  org_type: string | null;
}

const ACTOR_COLUMNS = 'a.id::text AS id, a.slug, a.kind, a.name, a.aliases, a.iso_code, a.org_type';

function toActor(row: ActorRow): ActorRecord {
  return {
    entity: 'actor',
    dbId: row.id,
    slug: row.slug,
    kind: row.kind,
    name: row.name,
    aliases: row.aliases,
    isoCode: row.iso_code,
    orgType: row.org_type,
  };
}

export async function actorsByIds(db: Queryable, ids: readonly string[]): Promise<ActorRecord[]> {
  const rows = await db.query<ActorRow>(`SELECT ${ACTOR_COLUMNS} FROM actors a WHERE a.id = ANY($1::bigint[])`, [ids]);
  return rows.map(toActor);
}

export async function actorsBySlugs(db: Queryable, slugs: readonly string[]): Promise<ActorRecord[]> {
  const rows = await db.query<ActorRow>(`SELECT ${ACTOR_COLUMNS} FROM actors a WHERE a.slug = ANY($1::text[])`, [slugs]);
  return rows.map(toActor);
}

function actorWhere(filter: ActorFilterParams, params: unknown[]): string[] {
  const where: string[] = [];
  if (filter.kind) {
    params.push(filter.kind);
    where.push(`a.kind = $${params.length}`);
  }
  return where;
}

/** Actors by name, then id; keyset-paged on (name, id). */
export async function listActors(db: Queryable, filter: ActorFilterParams, page: PageRequest): Promise<ActorRecord[]> {
  const params: unknown[] = [];
  const where = actorWhere(filter, params);
  if (page.after) {
    params.push(page.after[0], page.after[1]);
    where.push(`(a.name, a.id) > ($${params.length - 1}::text, $${params.length}::bigint)`);
  }
  params.push(page.first + 1);
  const rows = await db.query<ActorRow>(
    `SELECT ${ACTOR_COLUMNS} FROM actors a ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY a.name, a.id LIMIT $${params.length}`,
    params,
  );
  return rows.map(toActor);
}

export const actorSortKey = (actor: ActorRecord): unknown[] => [actor.name, actor.dbId];

export async function countActors(db: Queryable, filter: ActorFilterParams): Promise<number> {
  const params: unknown[] = [];
  const where = actorWhere(filter, params);
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM actors a ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
    params,
  );
  return row.n;
}

/** Members of each organization, by organization id. */
export async function membersByOrganizations(db: Queryable, orgIds: readonly string[]): Promise<Map<string, ActorRecord[]>> {
  const rows = await db.query<ActorRow & { organization_id: string }>(
    `SELECT m.organization_id::text AS organization_id, ${ACTOR_COLUMNS}
     FROM memberships m JOIN actors a ON a.id = m.member_id
     WHERE m.organization_id = ANY($1::bigint[]) ORDER BY a.name, a.id`,
    [orgIds],
  );
  return groupBy(rows, (row) => row.organization_id, toActor);
}

export async function rolesByPersons(db: Queryable, personIds: readonly string[]): Promise<Map<string, RoleRecord[]>> {
  const rows = await db.query<{
    id: string; person_id: string; title: string; of_actor_id: string | null;
    since_year: number | null; since_month: number | null; since_day: number | null;
    until_year: number | null; until_month: number | null; until_day: number | null;
  }>(
    `SELECT id::text, person_id::text, title, of_actor_id::text, since_year, since_month, since_day,
            until_year, until_month, until_day
     FROM roles WHERE person_id = ANY($1::bigint[]) ORDER BY person_id, title, id`,
    [personIds],
  );
  return groupBy(rows, (row) => row.person_id, (row) => ({
    dbId: row.id,
    personId: row.person_id,
    title: row.title,
    ofActorId: row.of_actor_id,
    since: toPartialDate(row.since_year, row.since_month, row.since_day),
    until: toPartialDate(row.until_year, row.until_month, row.until_day),
  }));
}

/**
 * Counterparts derived from meeting participants: two actors met when both took part in a
 * MEETING that took place (status OCCURRED). Meetings come in chronological order.
 */
export async function counterpartsByActors(db: Queryable, actorIds: readonly string[]): Promise<Map<string, CounterpartRecord[]>> {
  const rows = await db.query<{ actor_id: string; counterpart_id: string; meeting_ids: string[] }>(
    `SELECT me.actor_id::text AS actor_id, other.actor_id::text AS counterpart_id,
            array_agg(DISTINCT e.id::text) AS meeting_ids, min(e.sort_date) AS first_sort, count(DISTINCT e.id) AS n
     FROM participations me
     JOIN events e ON e.id = me.event_id AND e.kind = 'MEETING' AND e.status = 'OCCURRED'
     JOIN participations other ON other.event_id = e.id AND other.actor_id <> me.actor_id
     WHERE me.actor_id = ANY($1::bigint[])
     GROUP BY me.actor_id, other.actor_id
     ORDER BY me.actor_id, n DESC, first_sort, other.actor_id`,
    [actorIds],
  );
  return groupBy(rows, (row) => row.actor_id, (row) => ({
    actorId: row.actor_id,
    counterpartId: row.counterpart_id,
    meetingIds: row.meeting_ids,
  }));
}
