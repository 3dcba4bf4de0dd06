import type { AuditChange } from '../audit/audit.repository';
import type { Queryable } from '../db/database';
import { auditKeyOf, ENTITY_OF, evidenceStates, factStates, type FactIds, type FactStates } from './state.repository';

/**
 * What a write changed, found by reading the facts it may touch before and after it and comparing.
 * That gives the audit trail its before/after, and bumps a fact's version exactly when its state
 * changed: a write that changes nothing (re-importing an article, an update to the same values)
 * leaves versions alone, so it never turns an editor's next update into a conflict.
 */

export interface FactChangeCounts {
  created: number;
  updated: number;
  deleted: number;
}

/** Fact ids with every kind present. */
export function factIds(partial: Partial<FactIds> = {}): FactIds {
  return {
    actors: partial.actors ?? [],
    places: partial.places ?? [],
    roles: partial.roles ?? [],
    events: partial.events ?? [],
    stances: partial.stances ?? [],
  };
}

export function mergeFactIds(a: FactIds, b: FactIds): FactIds {
  const merge = (x: string[], y: string[]) => [...new Set([...x, ...y])];
  return {
    actors: merge(a.actors, b.actors),
    places: merge(a.places, b.places),
    roles: merge(a.roles, b.roles),
    events: merge(a.events, b.events),
    stances: merge(a.stances, b.stances),
  };
}

export interface FactChange {
  kind: keyof FactIds;
  dbId: string;
  audit: AuditChange;
}

const withoutVersion = (state: object) => JSON.stringify({ ...state, version: undefined });

/** Facts created, changed (ignoring their version) or removed between two readings. */
export function diffFacts(before: FactStates, after: FactStates): FactChange[] {
  const out: FactChange[] = [];
  for (const kind of Object.keys(ENTITY_OF) as (keyof FactIds)[]) {
    const was = before[kind] as Map<string, object>;
    const now = after[kind] as Map<string, object>;
    for (const dbId of new Set([...was.keys(), ...now.keys()])) {
      const old = was.get(dbId) ?? null;
      const next = now.get(dbId) ?? null;
      if (old && next && withoutVersion(old) === withoutVersion(next)) continue;
      const action = !old ? 'CREATE' : !next ? 'DELETE' : 'UPDATE';
      const key = auditKeyOf(kind, (next ?? old) as never);
      out.push({ kind, dbId, audit: { action, entity: ENTITY_OF[kind], key, before: old, after: next } });
    }
  }
  return out;
}

const TABLES: Record<keyof FactIds, string> = { actors: 'actors', places: 'places', roles: 'roles', events: 'events', stances: 'stances' };

/** One version step for every fact that changed in place; their recorded `after` states follow. */
export async function bumpVersions(tx: Queryable, changes: FactChange[]): Promise<void> {
  for (const kind of Object.keys(TABLES) as (keyof FactIds)[]) {
    const updated = changes.filter((c) => c.kind === kind && c.audit.action === 'UPDATE');
    if (updated.length === 0) continue;
    await tx.query(`UPDATE ${TABLES[kind]} SET version = version + 1, updated_at = now() WHERE id = ANY($1::bigint[])`, [
      updated.map((c) => c.dbId),
    ]);
    for (const change of updated) {
      const after = change.audit.after as { version: number };
      after.version += 1;
    }
  }
}

/** Evidence spans of these facts (a membership's spans count for both its organization and its member). */
export async function evidenceIdsOf(tx: Queryable, ids: FactIds): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `SELECT v.id::text FROM evidence v
     LEFT JOIN memberships m ON m.id = v.membership_id
     LEFT JOIN amounts am ON am.id = v.amount_id
     WHERE v.actor_id = ANY($1::bigint[]) OR m.organization_id = ANY($1::bigint[]) OR m.member_id = ANY($1::bigint[])
        OR v.place_id = ANY($2::bigint[]) OR v.role_id = ANY($3::bigint[])
        OR v.event_id = ANY($4::bigint[]) OR am.event_id = ANY($4::bigint[]) OR v.stance_id = ANY($5::bigint[])`,
    [ids.actors, ids.places, ids.roles, ids.events, ids.stances],
  );
  return rows.map((row) => row.id);
}

/**
 * Runs `write` (which leaves versions alone) and returns the audit changes it made to the facts in
 * `touched` and to those it reports creating, including evidence spans created or removed with them.
 * Versions of facts changed in place are bumped here.
 */
export async function trackChanges(
  tx: Queryable,
  touched: Partial<FactIds>,
  write: () => Promise<Partial<FactIds> | void>,
): Promise<AuditChange[]> {
  const known = factIds(touched);
  const before = await factStates(tx, known);
  const evidenceBefore = await evidenceStates(tx, await evidenceIdsOf(tx, known));
  const all = mergeFactIds(known, factIds((await write()) ?? {}));
  const after = await factStates(tx, all);
  const evidenceAfter = await evidenceStates(tx, await evidenceIdsOf(tx, all));
  const changes = diffFacts(before, after);
  await bumpVersions(tx, changes);
  const evidence: AuditChange[] = [];
  for (const [id, state] of evidenceBefore) {
    if (!evidenceAfter.has(id)) evidence.push({ action: 'DELETE', entity: 'EVIDENCE', key: state.id, before: state, after: null });
  }
  for (const [id, state] of evidenceAfter) {
    if (!evidenceBefore.has(id)) evidence.push({ action: 'CREATE', entity: 'EVIDENCE', key: state.id, before: null, after: state });
  }
  return [...changes.map((c) => c.audit), ...evidence];
}
