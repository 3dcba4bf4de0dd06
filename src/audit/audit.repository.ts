import type { Caller } from '../auth/caller';
import type { PageRequest } from '../common/pagination';
import { SqlParams } from '../common/sql';
import type { Queryable } from '../db/database';

export const AUDIT_ACTIONS = ['CREATE', 'UPDATE', 'DELETE', 'IMPORT', 'REVOKE'] as const;
export type AuditActionName = (typeof AUDIT_ACTIONS)[number];
export const AUDIT_ENTITIES = ['ARTICLE', 'ACTOR', 'PLACE', 'ROLE', 'EVENT', 'STANCE', 'EVIDENCE', 'API_KEY'] as const;
export type AuditEntityName = (typeof AUDIT_ENTITIES)[number];

/** One change to record: what (entity and its key), how, and its state before and after. */
export interface AuditChange {
  action: AuditActionName;
  entity: AuditEntityName;
  /** The natural key: a slug, "person|title|of" for a role, "actor|proposal" for a stance, an id. */
  key: string;
  /** null when the thing did not exist before (CREATE). */
  before: unknown;
  /** null when it does not exist after (DELETE). */
  after: unknown;
}

/** A recorded change, as the audit log serves it. */
export interface AuditRecord {
  /** The entry's sequence number. */
  id: string;
  at: Date;
  transactionId: string;
  /** Who: the caller's name. */
  by: string;
  role: string;
  action: AuditActionName;
  entity: AuditEntityName;
  key: string;
  before: unknown;
  after: unknown;
}

export interface AuditFilterParams {
  entity?: AuditEntityName | null;
  key?: string | null;
  action?: AuditActionName | null;
  caller?: string | null;
  since?: Date | null;
  until?: Date | null;
}

/**
 * Records changes made by `by`, in the caller's transaction: the trail holds a change exactly when
 * the change itself commits. One statement, however many changes.
 */
export async function recordChanges(tx: Queryable, by: Caller, changes: AuditChange[]): Promise<void> {
  if (changes.length === 0) return;
  await tx.query(
    `INSERT INTO audit_log (key_id, caller, caller_role, action, entity, entity_key, before, after)
     SELECT $1::bigint, $2, $3, c.change->>'action', c.change->>'entity', c.change->>'key',
            NULLIF(c.change->'before', 'null'::jsonb), NULLIF(c.change->'after', 'null'::jsonb)
     FROM jsonb_array_elements($4::jsonb) WITH ORDINALITY AS c(change, n)
     ORDER BY c.n`,
    [by.keyId, by.name, by.role, JSON.stringify(changes.map((c) => ({ ...c, before: c.before ?? null, after: c.after ?? null })))],
  );
}

interface AuditRow {
  id: string;
  at: Date | string;
  transaction_id: string;
  caller: string;
  caller_role: string;
  action: AuditActionName;
  entity: AuditEntityName;
  entity_key: string;
  before: unknown;
  after: unknown;
}

const toAudit = (row: AuditRow): AuditRecord => ({
  id: row.id,
  at: row.at instanceof Date ? row.at : new Date(row.at),
  transactionId: row.transaction_id,
  by: row.caller,
  role: row.caller_role,
  action: row.action,
  entity: row.entity,
  key: row.entity_key,
  before: row.before,
  after: row.after,
});

function auditWhere(filter: AuditFilterParams, p: SqlParams): string[] {
  const where: string[] = [];
  if (filter.entity) where.push(`entity = ${p.add(filter.entity)}`);
  if (filter.key) where.push(`entity_key = ${p.add(filter.key)}`);
  if (filter.action) where.push(`action = ${p.add(filter.action)}`);
  if (filter.caller) where.push(`caller = ${p.add(filter.caller)}`);
  if (filter.since) where.push(`at >= ${p.add(filter.since.toISOString())}::timestamptz`);
  if (filter.until) where.push(`at < ${p.add(filter.until.toISOString())}::timestamptz`);
  return where;
}

/** The trail, newest first; keyset-paged on the entry id. */
export async function listAudit(db: Queryable, filter: AuditFilterParams, page: PageRequest): Promise<AuditRecord[]> {
  const p = new SqlParams();
  const where = auditWhere(filter, p);
  if (page.after) where.push(`id < ${p.add(page.after[0])}::bigint`);
  const rows = await db.query<AuditRow>(
    `SELECT id::text, at, transaction_id::text, caller, caller_role, action, entity, entity_key, before, after
     FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY audit_log.id DESC LIMIT ${p.add(page.first + 1)}`,
    p.values,
  );
  return rows.map(toAudit);
}

export async function countAudit(db: Queryable, filter: AuditFilterParams): Promise<number> {
  const p = new SqlParams();
  const where = auditWhere(filter, p);
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
    p.values,
  );
  return row.n;
}

export const auditSortKey = (entry: AuditRecord): unknown[] => [entry.id];
