import { recordChanges, type AuditChange } from '../audit/audit.repository';
import type { Caller } from '../auth/caller';
import { crossCheck, type KnownGraph } from '../bundles/bundle.validate';
import type { ArticleBundleInput, ActorKind, EventKind } from '../bundles/bundle.inputs';
import { ConflictError, InvalidInputError, NotFoundError, type FieldProblem } from '../common/errors';
import type { Database, Queryable, Transaction } from '../db/database';

/**
 * What every single-item write shares: one transaction holding the change and its audit entries,
 * optimistic version checks, and checks of an input against the stored graph before anything is
 * written.
 */

/**
 * Runs fn in one transaction and records the audit changes it collects in the same transaction.
 * Constraint violations that only a concurrent write can cause come back as bad input, not as an
 * internal error.
 */
export async function inTransaction<T>(db: Database, by: Caller, fn: (tx: Transaction, audit: AuditChange[]) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(async (tx) => {
      const audit: AuditChange[] = [];
      const result = await fn(tx, audit);
      await recordChanges(tx, by, audit);
      return result;
    });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === '23505') throw new InvalidInputError('Conflicting write', [{ path: 'input', message: 'something with the same key was written at the same time; read again and retry' }]);
    if (code === '23503') throw new InvalidInputError('Conflicting write', [{ path: 'input', message: 'something this input refers to was deleted at the same time; read again and retry' }]);
    throw error;
  }
}

export type VersionedTable = 'actors' | 'places' | 'roles' | 'events' | 'stances' | 'evidence';

/**
 * Locks the row `what` names for the rest of the transaction and checks that it is still at the
 * version the caller read. A concurrent writer waits here for the lock, then finds the version
 * moved on and gets CONFLICT instead of overwriting.
 */
export async function lockAtVersion(
  tx: Queryable,
  table: VersionedTable,
  where: { sql: string; params: unknown[] },
  expected: number,
  what: string,
): Promise<string> {
  const [row] = await tx.query<{ id: string; version: number }>(`SELECT id::text, version FROM ${table} WHERE ${where.sql} FOR UPDATE`, where.params);
  if (!row) throw new NotFoundError(`${what} does not exist`);
  if (row.version !== expected) {
    throw new ConflictError(
      `${what} is at version ${row.version}, not ${expected}: it changed since you read it. Read it again and reapply your change.`,
      { path: 'input.version', expectedVersion: expected, currentVersion: row.version },
    );
  }
  return row.id;
}

/** What a delete did, for its payload: the facts removed and those changed by a cascade. */
export interface DeleteResult {
  changes: AuditChange[];
}

/** Collects problems with an input; throws them all at once, before anything is written. */
export class Problems {
  readonly list: FieldProblem[] = [];

  add(path: string, message: string): void {
    this.list.push({ path, message });
  }

  addAll(problems: FieldProblem[]): void {
    this.list.push(...problems);
  }

  throwIfAny(): void {
    if (this.list.length) throw new InvalidInputError(`Invalid input: ${this.list.map((p) => `${p.path}: ${p.message}`).join('; ')}`, this.list);
  }
}

/** Slugs an input refers to, by kind of thing. */
export interface References {
  actors?: (string | null | undefined)[];
  places?: (string | null | undefined)[];
  events?: (string | null | undefined)[];
}

/** The kinds of the actors, places and events the references name that exist; one statement. */
export async function knownGraph(tx: Queryable, refs: References): Promise<KnownGraph> {
  const slugs = (list: (string | null | undefined)[] = []) => [...new Set(list.filter((s): s is string => typeof s === 'string'))];
  const rows = await tx.query<{ t: 'actor' | 'place' | 'event'; slug: string; kind: string | null }>(
    `SELECT 'actor' AS t, slug, kind FROM actors WHERE slug = ANY($1::text[])
     UNION ALL SELECT 'place', slug, NULL FROM places WHERE slug = ANY($2::text[])
     UNION ALL SELECT 'event', slug, kind FROM events WHERE slug = ANY($3::text[])`,
    [slugs(refs.actors), slugs(refs.places), slugs(refs.events)],
  );
  const graph: KnownGraph = { actors: new Map(), places: new Set(), events: new Map() };
  for (const row of rows) {
    if (row.t === 'actor') graph.actors.set(row.slug, row.kind as ActorKind);
    else if (row.t === 'place') graph.places.add(row.slug);
    else graph.events.set(row.slug, row.kind as EventKind);
  }
  return graph;
}

/** A stored article's id and text (evidence spans are checked against it). */
export async function storedArticle(tx: Queryable, slug: string): Promise<{ dbId: string; text: string } | null> {
  const [row] = await tx.query<{ id: string; text: string }>('SELECT id::text, text FROM articles WHERE slug = $1', [slug]);
  return row ? { dbId: row.id, text: row.text } : null;
}

type BundleList = 'actors' | 'places' | 'roles' | 'events' | 'stances';

/**
 * The bundle rules (spans against the text, kind rules, references) applied to one item checked
 * against the stored graph, with problems named from `path` (`input.participants[1].actor`).
 * `text` null skips the span checks (an update that brings no new spans).
 */
export function checkItem(list: BundleList, item: object, text: string | null, graph: KnownGraph, path = 'input'): FieldProblem[] {
  const bundle = { article: { text: text ?? undefined }, actors: [], events: [], [list]: [item] } as unknown as ArticleBundleInput;
  const prefix = `${list}[0]`;
  return crossCheck(bundle, graph).map((p) => ({
    path: p.path === prefix ? path : p.path.startsWith(prefix) ? path + p.path.slice(prefix.length) : p.path,
    message: p.message,
  }));
}

/** The fields of an update input that were given (null included: it clears); left-out ones are kept. */
export function given<T extends object, K extends keyof T>(input: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (input[key] !== undefined) out[key] = input[key];
  return out;
}
