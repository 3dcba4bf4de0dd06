import { toPartialDate, type PartialDate } from '../common/partial-date';
import type { Page, PageRequest } from '../common/pagination';
import { compileFilter, keysetPage, likeContains, SqlParams, type Clauses, type Combinable, type SortSpec } from '../common/sql';
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
  /** Goes up by one with every change; updates name the version they read. */
  version: number;
}

export interface RoleRecord {
  dbId: string;
  personId: string;
  title: string;
  ofActorId: string | null;
  since: PartialDate | null;
  until: PartialDate | null;
  version: number;
  /** The organization or country the role is held in, read in the same statement. */
  of: ActorRecord | null;
}

/** Who an actor met in meetings that took place, how often and when. */
export interface CounterpartRecord {
  actorId: string;
  counterpartId: string;
  meetingIds: string[];
}

/** What a list of actors can be narrowed by; fields combine with AND, plus and / or / not groups. */
export interface ActorFilterParams extends Combinable<ActorFilterParams> {
  kind?: string | null;
  /** Case-insensitive substring of the name or of an alias. */
  nameContains?: string | null;
  /** Country slug: the country itself, persons holding a role for it, organizations it belongs to. */
  country?: string | null;
  /** Slug of an actor this actor holds a role for. */
  holdsRoleIn?: string | null;
  /** Took part in at least one event of one of these kinds. */
  tookPartIn?: string[] | null;
}

export type ActorOrderField = 'NAME' | 'EVENT_COUNT';

const ACTOR_CLAUSES: Clauses<ActorFilterParams> = {
  kind: (kind, p) => `a.kind = ${p.add(kind)}`,
  nameContains: (text, p) => {
    const pattern = p.add(likeContains(text));
    return `a.name ILIKE ${pattern} OR EXISTS (SELECT 1 FROM unnest(a.aliases) alias WHERE alias ILIKE ${pattern})`;
  },
  country: (slug, p) => `EXISTS (SELECT 1 FROM actors c WHERE c.slug = ${p.add(slug)} AND c.kind = 'COUNTRY' AND (
      c.id = a.id
      OR EXISTS (SELECT 1 FROM roles r WHERE r.person_id = a.id AND r.of_actor_id = c.id)
      OR EXISTS (SELECT 1 FROM memberships m WHERE m.organization_id = a.id AND m.member_id = c.id)))`,
  holdsRoleIn: (slug, p) =>
    `EXISTS (SELECT 1 FROM roles r JOIN actors o ON o.id = r.of_actor_id WHERE r.person_id = a.id AND o.slug = ${p.add(slug)})`,
  tookPartIn: (kinds, p) => `EXISTS (SELECT 1 FROM participations tp JOIN events te ON te.id = tp.event_id
      WHERE tp.actor_id = a.id AND te.kind = ANY(${p.add(kinds)}::text[]))`,
};

const ACTOR_SORTS: Record<ActorOrderField, Omit<SortSpec, 'direction'>> = {
  NAME: { expr: 'a.name', cast: 'text' },
  EVENT_COUNT: { expr: '(SELECT count(DISTINCT sp.event_id)::int FROM participations sp WHERE sp.actor_id = a.id)', cast: 'int' },
};

export interface ActorRow {
  id: string;
  slug: string;
  kind: ActorRecord['kind'];
  name: string;
  aliases: string[];
  iso_code: string | null;
  org_type: string | null;
  version: number;
}

export const ACTOR_COLUMNS = 'a.id::text AS id, a.slug, a.kind, a.name, a.aliases, a.iso_code, a.org_type, a.version';

export function toActor(row: ActorRow): ActorRecord {
  return {
    entity: 'actor',
    dbId: row.id,
    slug: row.slug,
    kind: row.kind,
    name: row.name,
    aliases: row.aliases,
    isoCode: row.iso_code,
    orgType: row.org_type,
    version: row.version,
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

/** Actors matching the filter, keyset-paged in the given order (ties broken by id). */
export function listActors(
  db: Queryable,
  filter: ActorFilterParams | null,
  order: { field: ActorOrderField; direction: 'ASC' | 'DESC' },
  page: PageRequest,
): Promise<Page<ActorRecord>> {
  const p = new SqlParams();
  const where = compileFilter(filter, ACTOR_CLAUSES, p);
  return keysetPage<ActorRow & { sort_key: unknown }, ActorRecord>(
    (sql, params) => db.query(sql, params),
    { select: ACTOR_COLUMNS, from: 'actors a', where, idExpr: 'a.id' },
    { ...ACTOR_SORTS[order.field], direction: order.direction },
    page,
    p,
    toActor,
  );
}

export async function countActors(db: Queryable, filter: ActorFilterParams | null): Promise<number> {
  const p = new SqlParams();
  const where = compileFilter(filter, ACTOR_CLAUSES, p);
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM actors a WHERE ${where}`, p.values);
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

/** A role with the actor it is held in (LEFT JOIN actors a ON a.id = r.of_actor_id; the actor columns are null without one). */
const ROLE_COLUMNS = `r.id::text AS role_id, r.person_id::text AS person_id, r.title, r.of_actor_id::text AS of_actor_id,
  r.since_year, r.since_month, r.since_day, r.until_year, r.until_month, r.until_day, r.version AS role_version, ${ACTOR_COLUMNS}`;

type RoleRow = Partial<ActorRow> & {
  role_id: string; person_id: string; title: string; of_actor_id: string | null;
  since_year: number | null; since_month: number | null; since_day: number | null;
  until_year: number | null; until_month: number | null; until_day: number | null; role_version: number;
};

function toRole(row: RoleRow): RoleRecord {
  return {
    dbId: row.role_id,
    personId: row.person_id,
    title: row.title,
    ofActorId: row.of_actor_id,
    since: toPartialDate(row.since_year, row.since_month, row.since_day),
    until: toPartialDate(row.until_year, row.until_month, row.until_day),
    version: row.role_version,
    of: row.id ? toActor(row as ActorRow) : null,
  };
}

/**
 * The roles of one person (`personId`, an SQL expression) as one JSON array of rolesByPersons'
 * rows, in its order, for statements that bring them along with something else; read back with
 * rolesFromJson.
 */
export function rolesJsonOf(personId: string): string {
  return `(SELECT coalesce(json_agg(row_to_json(rr) ORDER BY rr.title, rr.role_id::bigint), '[]') FROM (
            SELECT ${ROLE_COLUMNS} FROM roles r LEFT JOIN actors a ON a.id = r.of_actor_id WHERE r.person_id = ${personId}) rr)`;
}

export function rolesFromJson(rows: RoleRow[]): RoleRecord[] {
  return rows.map(toRole);
}

export async function rolesByPersons(db: Queryable, personIds: readonly string[]): Promise<Map<string, RoleRecord[]>> {
  const rows = await db.query<RoleRow>(
    `SELECT ${ROLE_COLUMNS} FROM roles r LEFT JOIN actors a ON a.id = r.of_actor_id
     WHERE r.person_id = ANY($1::bigint[]) ORDER BY r.person_id, r.title, r.id`,
    [personIds],
  );
  return groupBy(rows, (row) => row.person_id, toRole);
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
