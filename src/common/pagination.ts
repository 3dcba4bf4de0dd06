import { badArgument } from './errors';

/** Page arguments after checking: `first` rows after the row whose sort key is `after`. */
export interface PageRequest {
  first: number;
  after: unknown[] | null;
}

export interface Page<T> {
  items: { cursor: string; item: T }[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Cursors are opaque to clients: the sort key of a row, as base64url JSON. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number, path = 'after'): unknown[] {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity) return key;
  } catch {
    // falls through to the error below
  }
  throw badArgument(path, 'is not a cursor this connection gave out');
}

export function pageRequest(first: number | null | undefined, after: string | null | undefined, arity: number): PageRequest {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0) throw badArgument('first', `must be >= 0, got ${size}`);
  if (size > MAX_PAGE_SIZE) throw badArgument('first', `must be <= ${MAX_PAGE_SIZE}, got ${size}`);
  return { first: size, after: after ? decodeCursor(after, arity) : null };
}

/**
 * Turns the rows of a keyset query that asked for first + 1 rows into a page.
 * keyOf gives the sort key the cursor carries.
 */
export function toPage<T>(rows: T[], request: PageRequest, keyOf: (row: T) => unknown[]): Page<T> {
  const hasNextPage = rows.length > request.first;
  const kept = hasNextPage ? rows.slice(0, request.first) : rows;
  return {
    items: kept.map((item) => ({ cursor: encodeCursor(keyOf(item)), item })),
    hasNextPage,
    hasPreviousPage: request.after !== null,
  };
}
