import type { ActorInput, EventInput, EvidenceInput, MembershipInput, PlaceInput, RoleInput, StanceInput } from '../bundles/bundle.inputs';
import type { EvidenceRecord } from '../articles/article.repository';
import { participationsOf } from '../bundles/bundle.writer';
import { parsePartialDate, type PartialDateParts } from '../common/partial-date';
import type { Queryable } from '../db/database';

/**
 * SQL of the single-item writes. Items arrive in the bundle's shape (slugs); references are
 * resolved to row ids inside the statements. Versions are not touched here: trackChanges bumps
 * them when a state really changed.
 */

export type EvidenceColumn = 'actor_id' | 'place_id' | 'role_id' | 'membership_id' | 'event_id' | 'amount_id' | 'stance_id';

function dateColumns(text: string | null | undefined): [number | null, number | null, number | null] {
  if (!text) return [null, null, null];
  const parts = parsePartialDate(text) as PartialDateParts;
  return [parts.year, parts.month, parts.day];
}

/** Adds spans of one article to one fact, in one statement. */
export async function insertEvidence(tx: Queryable, articleId: string, column: EvidenceColumn, ownerId: string, spans: EvidenceInput[]): Promise<string[]> {
  if (spans.length === 0) return [];
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO evidence (article_id, start_offset, end_offset, quote, ${column})
     SELECT $1, t.s, t.e, t.q, $5 FROM unnest($2::int[], $3::int[], $4::text[]) WITH ORDINALITY AS t(s, e, q, n)
     ORDER BY t.n RETURNING id::text`,
    [articleId, spans.map((s) => s.start), spans.map((s) => s.end), spans.map((s) => s.quote), ownerId],
  );
  return rows.map((row) => row.id);
}

// Actors

export async function insertActor(tx: Queryable, actor: ActorInput): Promise<string> {
  const [{ id }] = await tx.query<{ id: string }>(
    'INSERT INTO actors (slug, kind, name, aliases, iso_code, org_type) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id::text',
    [actor.slug, actor.kind, actor.name, actor.aliases ?? [], actor.isoCode ?? null, actor.orgType ?? null],
  );
  return id;
}

export async function insertMembership(tx: Queryable, organizationId: string, member: MembershipInput): Promise<string> {
  const [{ id }] = await tx.query<{ id: string }>(
    'INSERT INTO memberships (organization_id, member_id) SELECT $1, id FROM actors WHERE slug = $2 RETURNING id::text',
    [organizationId, member.actor],
  );
  return id;
}

export async function updateActorRow(
  tx: Queryable,
  id: string,
  actor: { name: string; aliases: string[]; isoCode?: string | null; orgType?: string | null },
): Promise<void> {
  await tx.query('UPDATE actors SET name = $2, aliases = $3, iso_code = $4, org_type = $5, updated_at = now() WHERE id = $1', [
    id,
    actor.name,
    actor.aliases,
    actor.isoCode ?? null,
    actor.orgType ?? null,
  ]);
}

/** What refers to an actor, other than its own evidence, roles and members. */
export interface ActorReferences {
  events: { id: string; slug: string }[];
  stances: { id: string; key: string }[];
  rolesFor: { id: string; key: string }[];
  places: { id: string; slug: string }[];
  memberOf: { id: string; slug: string }[];
}

export async function actorReferences(tx: Queryable, actorId: string): Promise<ActorReferences> {
  const [row] = await tx.query<{ [K in keyof ActorReferences]: { id: string; slug?: string; key?: string }[] }>(
    `SELECT
       coalesce((SELECT json_agg(json_build_object('id', e.id::text, 'slug', e.slug) ORDER BY e.sort_date, e.id) FROM events e
                 WHERE EXISTS (SELECT 1 FROM participations p WHERE p.event_id = e.id AND p.actor_id = $1)), '[]') AS events,
       coalesce((SELECT json_agg(json_build_object('id', s.id::text, 'key', e.slug) ORDER BY s.id) FROM stances s
                 JOIN events e ON e.id = s.proposal_id WHERE s.actor_id = $1), '[]') AS stances,
       coalesce((SELECT json_agg(json_build_object('id', r.id::text, 'key', p.slug || ': ' || r.title) ORDER BY r.id) FROM roles r
                 JOIN actors p ON p.id = r.person_id WHERE r.of_actor_id = $1 AND r.person_id <> $1), '[]') AS "rolesFor",
       coalesce((SELECT json_agg(json_build_object('id', p.id::text, 'slug', p.slug) ORDER BY p.slug) FROM places p
                 WHERE p.country_id = $1), '[]') AS places,
       coalesce((SELECT json_agg(json_build_object('id', o.id::text, 'slug', o.slug) ORDER BY o.slug) FROM memberships m
                 JOIN actors o ON o.id = m.organization_id WHERE m.member_id = $1), '[]') AS "memberOf"`,
    [actorId],
  );
  return row as unknown as ActorReferences;
}

/** Roles the actor holds (they go with it). */
export async function rolesHeldBy(tx: Queryable, personId: string): Promise<string[]> {
  return (await tx.query<{ id: string }>('SELECT id::text FROM roles WHERE person_id = $1', [personId])).map((r) => r.id);
}

/** Stances on these proposals (they go with them). */
export async function stancesOnProposals(tx: Queryable, eventIds: string[]): Promise<{ id: string; key: string }[]> {
  return tx.query<{ id: string; key: string }>(
    `SELECT s.id::text, a.slug AS key FROM stances s JOIN actors a ON a.id = s.actor_id
     WHERE s.proposal_id = ANY($1::bigint[]) ORDER BY s.id`,
    [eventIds],
  );
}

/** Deletes an actor and, when the caller cascades, everything that refers to it (see DeleteActorInput.cascade). */
export async function deleteActorRows(tx: Queryable, actorId: string, references: ActorReferences): Promise<void> {
  await tx.query('DELETE FROM events WHERE id = ANY($1::bigint[])', [references.events.map((e) => e.id)]);
  await tx.query('DELETE FROM stances WHERE actor_id = $1', [actorId]);
  await tx.query('DELETE FROM roles WHERE of_actor_id = $1 OR person_id = $1', [actorId]);
  await tx.query('UPDATE places SET country_id = NULL, updated_at = now() WHERE country_id = $1', [actorId]);
  await tx.query('DELETE FROM actors WHERE id = $1', [actorId]);
}

// Places

export async function insertPlace(tx: Queryable, place: PlaceInput): Promise<string> {
  const [{ id }] = await tx.query<{ id: string }>(
    `INSERT INTO places (slug, name, country_id) VALUES ($1, $2, (SELECT id FROM actors WHERE slug = $3 AND kind = 'COUNTRY'))
     RETURNING id::text`,
    [place.slug, place.name, place.country ?? null],
  );
  return id;
}

export async function updatePlaceRow(tx: Queryable, id: string, place: { name: string; country: string | null }): Promise<void> {
  await tx.query(
    `UPDATE places SET name = $2, country_id = (SELECT id FROM actors WHERE slug = $3 AND kind = 'COUNTRY'), updated_at = now()
     WHERE id = $1`,
    [id, place.name, place.country],
  );
}

export async function eventsAtPlace(tx: Queryable, placeId: string): Promise<{ id: string; slug: string }[]> {
  return tx.query<{ id: string; slug: string }>('SELECT id::text, slug FROM events WHERE place_id = $1 ORDER BY sort_date, events.id', [placeId]);
}

export async function deletePlaceRows(tx: Queryable, placeId: string): Promise<void> {
  await tx.query('UPDATE events SET place_id = NULL, updated_at = now() WHERE place_id = $1', [placeId]);
  await tx.query('DELETE FROM places WHERE id = $1', [placeId]);
}

// Roles

export async function insertRole(tx: Queryable, role: RoleInput): Promise<string> {
  const [sy, sm, sd] = dateColumns(role.since);
  const [uy, um, ud] = dateColumns(role.until);
  const [{ id }] = await tx.query<{ id: string }>(
    `INSERT INTO roles (person_id, title, of_actor_id, since_year, since_month, since_day, until_year, until_month, until_day)
     VALUES ((SELECT id FROM actors WHERE slug = $1), $2, (SELECT id FROM actors WHERE slug = $3), $4, $5, $6, $7, $8, $9)
     RETURNING id::text`,
    [role.person, role.title, role.of ?? null, sy, sm, sd, uy, um, ud],
  );
  return id;
}

export async function updateRoleRow(tx: Queryable, id: string, role: { title: string; of: string | null; since: string | null; until: string | null }): Promise<void> {
  const [sy, sm, sd] = dateColumns(role.since);
  const [uy, um, ud] = dateColumns(role.until);
  await tx.query(
    `UPDATE roles SET title = $2, of_actor_id = (SELECT id FROM actors WHERE slug = $3), since_year = $4, since_month = $5,
       since_day = $6, until_year = $7, until_month = $8, until_day = $9, updated_at = now()
     WHERE id = $1`,
    [id, role.title, role.of, sy, sm, sd, uy, um, ud],
  );
}

/** The role a person holds with this title for this actor (of null: for nobody named), if any. */
export async function findRole(tx: Queryable, person: string, title: string, of: string | null): Promise<string | null> {
  const [row] = await tx.query<{ id: string }>(
    `SELECT r.id::text FROM roles r JOIN actors p ON p.id = r.person_id LEFT JOIN actors o ON o.id = r.of_actor_id
     WHERE p.slug = $1 AND r.title = $2 AND o.slug IS NOT DISTINCT FROM $3`,
    [person, title, of],
  );
  return row?.id ?? null;
}

// Events

/** The row values of an event in the order of the columns below ($3 onwards). */
function eventValues(event: Partial<EventInput>): unknown[] {
  const [y, m, d] = dateColumns(event.date);
  const isStatement = event.kind === 'STATEMENT';
  return [
    event.title,
    event.status ?? 'OCCURRED',
    y,
    m,
    d,
    event.place ?? null,
    event.ordinal ?? null,
    event.purpose ?? null,
    event.agenda ?? [],
    event.purposes ?? [],
    isStatement ? event.quote : null,
    isStatement ? (event.mode ?? 'DIRECT') : null,
    event.summary ?? null,
    event.category ?? null,
  ];
}

export async function insertEvent(tx: Queryable, event: EventInput): Promise<string> {
  const [{ id }] = await tx.query<{ id: string }>(
    `INSERT INTO events (slug, kind, title, status, date_year, date_month, date_day, place_id,
       ordinal, purpose, agenda, purposes, quote, statement_mode, summary, category)
     VALUES ($1, $2, $3, $4, $5, $6, $7, (SELECT id FROM places WHERE slug = $8), $9, $10, $11, $12, $13, $14, $15, $16)
     RETURNING id::text`,
    [event.slug, event.kind, ...eventValues(event)],
  );
  return id;
}

export async function updateEventRow(tx: Queryable, id: string, event: Partial<EventInput>): Promise<void> {
  await tx.query(
    `UPDATE events SET title = $3, status = $4, date_year = $5, date_month = $6, date_day = $7,
       place_id = (SELECT id FROM places WHERE slug = $8), ordinal = $9, purpose = $10, agenda = $11, purposes = $12,
       quote = $13, statement_mode = $14, summary = $15, category = $16, updated_at = now()
     WHERE id = $1 AND kind = $2`,
    [id, event.kind, ...eventValues(event)],
  );
}

/** Replaces who took part (participants and the typed fields: donors, speaker, ...), in one statement each. */
export async function replaceParticipations(tx: Queryable, eventId: string, event: EventInput): Promise<void> {
  const parts = participationsOf(event);
  await tx.query('DELETE FROM participations WHERE event_id = $1', [eventId]);
  await tx.query(
    `INSERT INTO participations (event_id, actor_id, role, position)
     SELECT $1, a.id, t.role, t.n - 1 FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS t(slug, role, n)
     JOIN actors a ON a.slug = t.slug ORDER BY t.n`,
    [eventId, parts.map(([slug]) => slug), parts.map(([, role]) => role)],
  );
}

export async function replacePrimaryAmount(tx: Queryable, eventId: string, amount: { amount: string; currency: string; qualifier: string }): Promise<void> {
  await tx.query('DELETE FROM amounts WHERE event_id = $1 AND is_primary', [eventId]);
  await tx.query('INSERT INTO amounts (event_id, amount, currency, qualifier, is_primary) VALUES ($1, $2, $3, $4, true)', [
    eventId,
    amount.amount,
    amount.currency,
    amount.qualifier,
  ]);
}

/** Adds a reported equivalent and returns its id (its evidence points at it). */
export async function insertEquivalent(tx: Queryable, eventId: string, amount: { amount: string; currency: string; qualifier: string }): Promise<string> {
  const [{ id }] = await tx.query<{ id: string }>(
    'INSERT INTO amounts (event_id, amount, currency, qualifier, is_primary) VALUES ($1, $2, $3, $4, false) RETURNING id::text',
    [eventId, amount.amount, amount.currency, amount.qualifier],
  );
  return id;
}

/** The spans that support an event (for checking a statement's quote against them). */
export async function eventSpans(tx: Queryable, eventId: string): Promise<EvidenceInput[]> {
  return tx.query<EvidenceInput>('SELECT start_offset AS start, end_offset AS "end", quote FROM evidence WHERE event_id = $1', [eventId]);
}

export async function deleteEventRows(tx: Queryable, eventIds: string[]): Promise<void> {
  await tx.query('DELETE FROM events WHERE id = ANY($1::bigint[])', [eventIds]);
}

// Stances

export async function insertStance(tx: Queryable, stance: StanceInput): Promise<string> {
  const [{ id }] = await tx.query<{ id: string }>(
    `INSERT INTO stances (actor_id, proposal_id, position, conditions)
     VALUES ((SELECT id FROM actors WHERE slug = $1), (SELECT id FROM events WHERE slug = $2 AND kind = 'PROPOSAL'), $3, $4)
     RETURNING id::text`,
    [stance.actor, stance.proposal, stance.position, stance.conditions ?? []],
  );
  return id;
}

export const STANCE_WHERE = `actor_id = (SELECT id FROM actors WHERE slug = $1) AND proposal_id = (SELECT id FROM events WHERE slug = $2)`;

export async function findStance(tx: Queryable, actor: string, proposal: string): Promise<string | null> {
  const [row] = await tx.query<{ id: string }>(`SELECT id::text FROM stances WHERE ${STANCE_WHERE}`, [actor, proposal]);
  return row?.id ?? null;
}

export async function updateStanceRow(tx: Queryable, id: string, stance: { position: string; conditions: string[] }): Promise<void> {
  await tx.query('UPDATE stances SET position = $2, conditions = $3, updated_at = now() WHERE id = $1', [id, stance.position, stance.conditions]);
}

export async function deleteStanceRows(tx: Queryable, stanceIds: string[]): Promise<void> {
  await tx.query('DELETE FROM stances WHERE id = ANY($1::bigint[])', [stanceIds]);
}

export async function deleteRoleRows(tx: Queryable, roleIds: string[]): Promise<void> {
  await tx.query('DELETE FROM roles WHERE id = ANY($1::bigint[])', [roleIds]);
}

// Evidence

/** A span's article text and how many spans its fact has (a fact keeps at least one). */
export async function evidenceContext(tx: Queryable, evidenceId: string): Promise<{ text: string; siblings: number } | null> {
  const [row] = await tx.query<{ text: string; siblings: number }>(
    `SELECT a.text,
            (SELECT count(*)::int FROM evidence o WHERE
               o.actor_id IS NOT DISTINCT FROM v.actor_id AND o.place_id IS NOT DISTINCT FROM v.place_id
               AND o.role_id IS NOT DISTINCT FROM v.role_id AND o.membership_id IS NOT DISTINCT FROM v.membership_id
               AND o.event_id IS NOT DISTINCT FROM v.event_id AND o.amount_id IS NOT DISTINCT FROM v.amount_id
               AND o.stance_id IS NOT DISTINCT FROM v.stance_id) AS siblings
     FROM evidence v JOIN articles a ON a.id = v.article_id WHERE v.id = $1`,
    [evidenceId],
  );
  return row ?? null;
}

export async function updateEvidenceRow(tx: Queryable, id: string, span: EvidenceInput): Promise<void> {
  await tx.query('UPDATE evidence SET start_offset = $2, end_offset = $3, quote = $4, version = version + 1 WHERE id = $1', [
    id,
    span.start,
    span.end,
    span.quote,
  ]);
}

export async function deleteEvidenceRow(tx: Queryable, id: string): Promise<void> {
  await tx.query('DELETE FROM evidence WHERE id = $1', [id]);
}

/** Whether the fact already has exactly this span. */
export async function hasSpan(tx: Queryable, column: EvidenceColumn, ownerId: string, articleId: string, span: EvidenceInput): Promise<boolean> {
  const rows = await tx.query(
    `SELECT 1 FROM evidence WHERE ${column} = $1 AND article_id = $2 AND start_offset = $3 AND end_offset = $4`,
    [ownerId, articleId, span.start, span.end],
  );
  return rows.length > 0;
}

/** An evidence span as the API serves it. */
export async function evidenceRecord(tx: Queryable, id: string): Promise<EvidenceRecord> {
  const [row] = await tx.query<{ id: string; article_id: string; start_offset: number; end_offset: number; quote: string; version: number }>(
    'SELECT id::text, article_id::text, start_offset, end_offset, quote, version FROM evidence WHERE id = $1',
    [id],
  );
  return { dbId: row.id, articleId: row.article_id, start: row.start_offset, end: row.end_offset, quote: row.quote, version: row.version };
}

/** The row id of the fact a slug (or key) names, for attaching evidence to it. */
export async function factIdBySlug(tx: Queryable, table: 'actors' | 'places' | 'events', slug: string): Promise<string | null> {
  const [row] = await tx.query<{ id: string }>(`SELECT id::text FROM ${table} WHERE slug = $1`, [slug]);
  return row?.id ?? null;
}

export async function roleExists(tx: Queryable, id: string): Promise<boolean> {
  return (await tx.query('SELECT 1 FROM roles WHERE id = $1', [id])).length > 0;
}
