import type { AuditEntityName } from '../audit/audit.repository';
import { formatPartialDate } from '../common/partial-date';
import type { Queryable } from '../db/database';
import type { EventKind } from '../bundles/bundle.inputs';
import { toHandle } from './handles';

/**
 * The state of single facts in the shape of the bundle format (slugs, not row ids): what the
 * audit trail records before and after a write, and what an update merges its changes into.
 * Every function takes many ids and runs a fixed number of statements.
 */

export interface ActorState {
  slug: string;
  kind: 'PERSON' | 'COUNTRY' | 'ORGANIZATION';
  name: string;
  aliases: string[];
  isoCode?: string;
  orgType?: string | null;
  members?: string[];
  version: number;
}

export interface PlaceState {
  slug: string;
  name: string;
  country: string | null;
  version: number;
}

export interface RoleState {
  id: string;
  person: string;
  title: string;
  of: string | null;
  since: string | null;
  until: string | null;
  version: number;
}

export interface MoneyState {
  amount: string;
  currency: string;
  qualifier: 'EXACT' | 'AT_LEAST' | 'AT_MOST' | 'ABOUT';
}

/** An event; only the fields of its kind are present. */
export interface EventState {
  slug: string;
  kind: EventKind;
  title: string;
  status: 'OCCURRED' | 'ONGOING' | 'PLANNED' | 'POTENTIAL';
  date: string | null;
  place: string | null;
  participants: { actor: string; role: string }[];
  ordinal?: number | null;
  purpose?: string | null;
  agenda?: string[];
  donors?: string[];
  recipient?: string;
  amount?: MoneyState;
  reportedEquivalents?: MoneyState[];
  purposes?: string[];
  announcedBy?: string | null;
  speaker?: string;
  quote?: string;
  mode?: 'DIRECT' | 'INDIRECT';
  about?: string[];
  proposedBy?: string;
  summary?: string | null;
  category?: string;
  version: number;
}

export interface StanceState {
  actor: string;
  proposal: string;
  position: 'ACCEPTED' | 'REJECTED' | 'NOT_ACCEPTED' | 'CONDITIONAL' | 'UNDECIDED';
  conditions: string[];
  version: number;
}

export interface EvidenceState {
  id: string;
  article: string;
  start: number;
  end: number;
  quote: string;
  /** The fact the span supports. */
  of: { entity: AuditEntityName | 'MEMBERSHIP' | 'AMOUNT'; key: string };
  version: number;
}

/** The audit key of a stance: its actor and proposal, which never change. */
export const stanceKey = (actor: string, proposal: string) => `${actor}|${proposal}`;

const date = (y: number | null, m: number | null, d: number | null) => (y === null ? null : formatPartialDate({ year: y, month: m, day: d }));

/** numeric(32, 6) as text ("21000000000.000000") back to the shortest decimal ("21000000000"). */
export function trimDecimal(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

export async function actorStates(db: Queryable, ids: readonly string[]): Promise<Map<string, ActorState>> {
  const rows = await db.query<{
    id: string; slug: string; kind: ActorState['kind']; name: string; aliases: string[];
    iso_code: string | null; org_type: string | null; version: number; members: string[];
  }>(
    `SELECT a.id::text, a.slug, a.kind, a.name, a.aliases, a.iso_code, a.org_type, a.version,
            ARRAY(SELECT ma.slug FROM memberships m JOIN actors ma ON ma.id = m.member_id
                  WHERE m.organization_id = a.id ORDER BY ma.slug) AS members
     FROM actors a WHERE a.id = ANY($1::bigint[]) ORDER BY a.slug`,
    [ids],
  );
  return new Map(
    rows.map((row) => {
      const state: ActorState = {
        slug: row.slug,
        kind: row.kind,
        name: row.name,
        aliases: row.aliases,
        ...(row.kind === 'COUNTRY' ? { isoCode: row.iso_code as string } : {}),
        ...(row.kind === 'ORGANIZATION' ? { orgType: row.org_type, members: row.members } : {}),
        version: row.version,
      };
      return [row.id, state];
    }),
  );
}

export async function placeStates(db: Queryable, ids: readonly string[]): Promise<Map<string, PlaceState>> {
  const rows = await db.query<{ id: string; slug: string; name: string; country: string | null; version: number }>(
    `SELECT p.id::text, p.slug, p.name, c.slug AS country, p.version
     FROM places p LEFT JOIN actors c ON c.id = p.country_id WHERE p.id = ANY($1::bigint[]) ORDER BY p.slug`,
    [ids],
  );
  return new Map(rows.map((row) => [row.id, { slug: row.slug, name: row.name, country: row.country, version: row.version }]));
}

export async function roleStates(db: Queryable, ids: readonly string[]): Promise<Map<string, RoleState>> {
  const rows = await db.query<{
    id: string; person: string; title: string; of: string | null; version: number;
    since_year: number | null; since_month: number | null; since_day: number | null;
    until_year: number | null; until_month: number | null; until_day: number | null;
  }>(
    `SELECT r.id::text, p.slug AS person, r.title, o.slug AS of, r.version,
            r.since_year, r.since_month, r.since_day, r.until_year, r.until_month, r.until_day
     FROM roles r JOIN actors p ON p.id = r.person_id LEFT JOIN actors o ON o.id = r.of_actor_id
     WHERE r.id = ANY($1::bigint[]) ORDER BY r.id`,
    [ids],
  );
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: toHandle('Role', row.id),
        person: row.person,
        title: row.title,
        of: row.of,
        since: date(row.since_year, row.since_month, row.since_day),
        until: date(row.until_year, row.until_month, row.until_day),
        version: row.version,
      },
    ]),
  );
}

/** Participation roles that stand for a kind's own fields (a pledge's donors, a statement's speaker, ...). */
const TYPED_ROLES: Partial<Record<EventKind, Record<string, { field: keyof EventState; many: boolean }>>> = {
  PLEDGE: { donor: { field: 'donors', many: true }, recipient: { field: 'recipient', many: false }, announcer: { field: 'announcedBy', many: false } },
  STATEMENT: { speaker: { field: 'speaker', many: false }, subject: { field: 'about', many: true } },
  PROPOSAL: { proposer: { field: 'proposedBy', many: false } },
};

export async function eventStates(db: Queryable, ids: readonly string[]): Promise<Map<string, EventState>> {
  const rows = await db.query<{
    id: string; slug: string; kind: EventKind; title: string; status: EventState['status'];
    date_year: number | null; date_month: number | null; date_day: number | null; place: string | null;
    ordinal: number | null; purpose: string | null; agenda: string[]; purposes: string[]; quote: string | null;
    statement_mode: 'DIRECT' | 'INDIRECT' | null; summary: string | null; category: string | null; version: number;
  }>(
    `SELECT e.id::text, e.slug, e.kind, e.title, e.status, e.date_year, e.date_month, e.date_day, p.slug AS place,
            e.ordinal, e.purpose, e.agenda, e.purposes, e.quote, e.statement_mode, e.summary, e.category, e.version
     FROM events e LEFT JOIN places p ON p.id = e.place_id WHERE e.id = ANY($1::bigint[]) ORDER BY e.sort_date, e.id`,
    [ids],
  );
  const parts = await db.query<{ event_id: string; actor: string; role: string }>(
    `SELECT pa.event_id::text, a.slug AS actor, pa.role FROM participations pa JOIN actors a ON a.id = pa.actor_id
     WHERE pa.event_id = ANY($1::bigint[]) ORDER BY pa.event_id, pa.position, pa.id`,
    [ids],
  );
  const amounts = await db.query<{ event_id: string; amount: string; currency: string; qualifier: MoneyState['qualifier']; is_primary: boolean }>(
    `SELECT event_id::text, amount::text, currency, qualifier, is_primary FROM amounts
     WHERE event_id = ANY($1::bigint[]) ORDER BY event_id, is_primary DESC, currency`,
    [ids],
  );
  const partsOf = groupRows(parts, (p) => p.event_id);
  const amountsOf = groupRows(amounts, (a) => a.event_id);
  const out = new Map<string, EventState>();
  for (const row of rows) {
    const participants: EventState['participants'] = [];
    const typed: Record<string, string | string[]> = {};
    for (const part of partsOf.get(row.id) ?? []) {
      const field = TYPED_ROLES[row.kind]?.[part.role];
      if (!field) participants.push({ actor: part.actor, role: part.role });
      else if (field.many) ((typed[field.field] ??= []) as string[]).push(part.actor);
      else typed[field.field] = part.actor;
    }
    const money = (a: (typeof amounts)[number]): MoneyState => ({ amount: trimDecimal(a.amount), currency: a.currency, qualifier: a.qualifier });
    const rowAmounts = amountsOf.get(row.id) ?? [];
    const primary = rowAmounts.find((a) => a.is_primary);
    const kindFields: Partial<EventState> = {
      MEETING: { ordinal: row.ordinal, purpose: row.purpose, agenda: row.agenda },
      GATHERING: {},
      PLEDGE: {
        donors: (typed.donors as string[]) ?? [],
        recipient: typed.recipient as string,
        ...(primary ? { amount: money(primary) } : {}),
        reportedEquivalents: rowAmounts.filter((a) => !a.is_primary).map(money),
        purposes: row.purposes,
        announcedBy: (typed.announcedBy as string) ?? null,
      },
      STATEMENT: { speaker: typed.speaker as string, quote: row.quote as string, mode: row.statement_mode as 'DIRECT', about: (typed.about as string[]) ?? [] },
      PROPOSAL: { proposedBy: typed.proposedBy as string, summary: row.summary },
      ACTION: { category: row.category as string },
    }[row.kind];
    out.set(row.id, {
      slug: row.slug,
      kind: row.kind,
      title: row.title,
      status: row.status,
      date: date(row.date_year, row.date_month, row.date_day),
      place: row.place,
      participants,
      ...kindFields,
      version: row.version,
    });
  }
  return out;
}

function groupRows<T>(rows: T[], keyOf: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = out.get(key);
    if (list) list.push(row);
    else out.set(key, [row]);
  }
  return out;
}

export async function stanceStates(db: Queryable, ids: readonly string[]): Promise<Map<string, StanceState>> {
  const rows = await db.query<{ id: string; actor: string; proposal: string; position: StanceState['position']; conditions: string[]; version: number }>(
    `SELECT s.id::text, a.slug AS actor, e.slug AS proposal, s.position, s.conditions, s.version
     FROM stances s JOIN actors a ON a.id = s.actor_id JOIN events e ON e.id = s.proposal_id
     WHERE s.id = ANY($1::bigint[]) ORDER BY a.slug, e.slug`,
    [ids],
  );
  return new Map(
    rows.map((row) => [row.id, { actor: row.actor, proposal: row.proposal, position: row.position, conditions: row.conditions, version: row.version }]),
  );
}

export async function evidenceStates(db: Queryable, ids: readonly string[]): Promise<Map<string, EvidenceState>> {
  const rows = await db.query<{
    id: string; article: string; start_offset: number; end_offset: number; quote: string; version: number;
    entity: EvidenceState['of']['entity']; key: string;
  }>(
    `SELECT v.id::text, ar.slug AS article, v.start_offset, v.end_offset, v.quote, v.version,
            CASE WHEN v.actor_id IS NOT NULL THEN 'ACTOR' WHEN v.place_id IS NOT NULL THEN 'PLACE'
                 WHEN v.role_id IS NOT NULL THEN 'ROLE' WHEN v.event_id IS NOT NULL THEN 'EVENT'
                 WHEN v.stance_id IS NOT NULL THEN 'STANCE' WHEN v.membership_id IS NOT NULL THEN 'MEMBERSHIP'
                 ELSE 'AMOUNT' END AS entity,
            COALESCE(a.slug, p.slug, v.role_id::text, e.slug, sa.slug || '|' || sp.slug, mo.slug || '>' || mm.slug,
                     ae.slug || ':' || am.currency) AS key
     FROM evidence v JOIN articles ar ON ar.id = v.article_id
     LEFT JOIN actors a ON a.id = v.actor_id
     LEFT JOIN places p ON p.id = v.place_id
     LEFT JOIN events e ON e.id = v.event_id
     LEFT JOIN stances s ON s.id = v.stance_id LEFT JOIN actors sa ON sa.id = s.actor_id LEFT JOIN events sp ON sp.id = s.proposal_id
     LEFT JOIN memberships m ON m.id = v.membership_id LEFT JOIN actors mo ON mo.id = m.organization_id LEFT JOIN actors mm ON mm.id = m.member_id
     LEFT JOIN amounts am ON am.id = v.amount_id LEFT JOIN events ae ON ae.id = am.event_id
     WHERE v.id = ANY($1::bigint[]) ORDER BY v.id`,
    [ids],
  );
  return new Map(
    rows.map((row) => [
      row.id,
      {
        id: toHandle('Evidence', row.id),
        article: row.article,
        start: row.start_offset,
        end: row.end_offset,
        quote: row.quote,
        of: { entity: row.entity, key: row.entity === 'ROLE' ? toHandle('Role', row.key) : row.key },
        version: row.version,
      },
    ]),
  );
}

/** The facts of the graph by kind, as row ids. */
export interface FactIds {
  actors: string[];
  places: string[];
  roles: string[];
  events: string[];
  stances: string[];
}

export const ENTITY_OF: Record<keyof FactIds, AuditEntityName> = {
  actors: 'ACTOR',
  places: 'PLACE',
  roles: 'ROLE',
  events: 'EVENT',
  stances: 'STANCE',
};

/** The audit key of a fact's state: the slug, the role id, or "actor|proposal". */
export function auditKeyOf(kind: keyof FactIds, state: ActorState | PlaceState | RoleState | EventState | StanceState): string {
  switch (kind) {
    case 'roles':
      return (state as RoleState).id;
    case 'stances':
      return stanceKey((state as StanceState).actor, (state as StanceState).proposal);
    default:
      return (state as ActorState).slug;
  }
}

/** The states of many facts, by kind and row id. */
export async function factStates(db: Queryable, ids: FactIds) {
  return {
    actors: await actorStates(db, ids.actors),
    places: await placeStates(db, ids.places),
    roles: await roleStates(db, ids.roles),
    events: await eventStates(db, ids.events),
    stances: await stanceStates(db, ids.stances),
  };
}

export type FactStates = Awaited<ReturnType<typeof factStates>>;
