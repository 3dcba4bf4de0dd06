import { badArgument } from './errors';
import { encodeCursor, type Page, type PageRequest } from './pagination';

/** Collects the parameters of one statement; add() returns the placeholder. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Escapes LIKE wildcards so user text matches literally. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A filter whose fields combine with AND, plus explicit and / or / not groups of the same type. */
export interface Combinable<F> {
  and?: F[] | null;
  or?: F[] | null;
  not?: F | null;
}

/** SQL for each plain field of a filter, given its (non-null) value. */
export type Clauses<F> = { [K in Exclude<keyof F, keyof Combinable<F>>]?: (value: NonNullable<F[K]>, p: SqlParams) => string };

export const MAX_FILTER_DEPTH = 5;

/**
 * Compiles a filter into one SQL condition: its fields AND-ed, `and` groups AND-ed, `or` groups
 * OR-ed, `not` negated. An empty filter is TRUE. Nesting deeper than MAX_FILTER_DEPTH is refused.
 */
export function compileFilter<F extends Combinable<F>>(
  filter: F | null | undefined,
  clauses: Clauses<F>,
  p: SqlParams,
  path = 'filter',
  depth = 0,
): string {
  if (!filter) return 'TRUE';
  if (depth > MAX_FILTER_DEPTH) throw badArgument(path, `nests and/or/not deeper than ${MAX_FILTER_DEPTH} levels`);
  const parts: string[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (value === null || value === undefined) continue;
    if (key === 'and' || key === 'or') {
      const groups = (value as F[]).map((f, i) => compileFilter(f, clauses, p, `${path}.${key}[${i}]`, depth + 1));
      if (groups.length) parts.push(`(${groups.join(key === 'and' ? ' AND ' : ' OR ')})`);
    } else if (key === 'not') {
      // Unknown (NULL) counts as not holding, so `not` keeps the rows a filter cannot judge, e.g. undated events.
      parts.push(`NOT coalesce((${compileFilter(value as F, clauses, p, `${path}.not`, depth + 1)}), false)`);
    } else {
      const clause = clauses[key as keyof Clauses<F>] as ((v: unknown, p: SqlParams) => string) | undefined;
      if (!clause) throw badArgument(`${path}.${key}`, 'is not a filter of this list');
      parts.push(`(${clause(value, p)})`);
    }
  }
  return parts.length ? parts.join(' AND ') : 'TRUE';
}

/** How a list is sorted: an SQL expression, the type its cursor value casts to, and a direction. */
export interface SortSpec {
  expr: string;
  cast: 'int' | 'text' | 'numeric';
  direction: 'ASC' | 'DESC';
}

/**
 * Runs a keyset-paged query: rows after the cursor's (sort value, id), in the sort's direction,
 * one more than asked for so the page knows whether more follow. Cursors stay valid while rows
 * are added or removed elsewhere in the list.
 */
export async function keysetPage<Row extends { id: string; sort_key: unknown }, T>(
  run: (sql: string, params: unknown[]) => Promise<Row[]>,
  query: { select: string; from: string; where: string; idExpr: string },
  sort: SortSpec,
  page: PageRequest,
  p: SqlParams,
  map: (row: Row) => T,
): Promise<Page<T>> {
  const conditions = [query.where];
  const op = sort.direction === 'ASC' ? '>' : '<';
  if (page.after) conditions.push(`(${sort.expr}, ${query.idExpr}) ${op} (${p.add(page.after[0])}::${sort.cast}, ${p.add(page.after[1])}::bigint)`);
  const limit = p.add(page.first + 1);
  const rows = await run(
    `SELECT ${query.select}, ${sort.expr} AS sort_key FROM ${query.from} WHERE ${conditions.join(' AND ')}
     ORDER BY ${sort.expr} ${sort.direction}, ${query.idExpr} ${sort.direction} LIMIT ${limit}`,
    p.values,
  );
  const hasNextPage = rows.length > page.first;
  const kept = hasNextPage ? rows.slice(0, page.first) : rows;
  return {
    items: kept.map((row) => ({ cursor: encodeCursor([normalizeKey(row.sort_key), row.id]), item: map(row) })),
    hasNextPage,
    hasPreviousPage: page.after !== null,
  };
}

/** Sort values go into cursors as JSON: numbers stay numbers, numeric strings stay strings. */
function normalizeKey(value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
