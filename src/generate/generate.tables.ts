import type { GraphChunk, GraphTable } from './generate.rows';

/** The SQL type a column is sent as (unnest arrays are cast to it; COPY text needs no cast). */
export type ColumnType = 'int8' | 'int4' | 'text' | 'bool' | 'numeric' | 'date' | 'text[]';

export type CellValue = string | number | boolean | null | string[];

export interface ColumnSpec<Row> {
  name: string;
  type: ColumnType;
  value: (row: Row) => CellValue;
}

export interface TableSpec<Row> {
  /** The SQL table. */
  table: string;
  columns: ColumnSpec<Row>[];
  /** Rows per statement: fewer for tables with long text. */
  batch: number;
}

type Rows<T extends GraphTable> = GraphChunk[T][number];

function col<Row>(name: string, type: ColumnType, value: (row: Row) => CellValue): ColumnSpec<Row> {
  return { name, type, value };
}

/**
 * How each part of a generated graph maps onto its table. Ids are written explicitly; created_at,
 * updated_at, version and generated columns (events.sort_date) are left to the database.
 */
export const TABLE_SPECS: { [T in GraphTable]: TableSpec<Rows<T>> } = {
  exchangeRates: {
    table: 'exchange_rates',
    batch: 5000,
    columns: [
      col('id', 'int8', (r) => r.id),
      col('base', 'text', (r) => r.base),
      col('quote', 'text', (r) => r.quote),
      col('rate', 'numeric', (r) => r.rate),
      col('as_of', 'date', (r) => r.asOf),
      col('source', 'text', (r) => r.source),
    ],
  },
  articles: {
    table: 'articles',
    batch: 500,
    columns: [
      col('id', 'int8', (r) => r.id),
      col('slug', 'text', (r) => r.slug),
      col('title', 'text', (r) => r.title),
      col('published_year', 'int4', (r) => r.publishedYear),
      col('published_month', 'int4', (r) => r.publishedMonth),
      col('published_day', 'int4', (r) => r.publishedDay),
      col('url', 'text', (r) => r.url),
      col('text', 'text', (r) => r.text),
      col('content_hash', 'text', (r) => r.contentHash),
    ],
  },
  actors: {
    table: 'actors',
    batch: 5000,
    columns: [
      col('id', 'int8', (r) => r.id),
      col('slug', 'text', (r) => r.slug),
      col('kind', 'text', (r) => r.kind),
      col('name', 'text', (r) => r.name),
      col('aliases', 'text[]', (r) => r.aliases),
      col('iso_code', 'text', (r) => r.isoCode),
      col('org_type', 'text', (r) => r.orgType),
    ],
  },
  memberships: {
    table: 'memberships',
    batch: 10000,
    columns: [col('id', 'int8', (r) => r.id), col('organization_id', 'int8', (r) => r.organizationId), col('member_id', 'int8', (r) => r.memberId)],
  },
  places: {
    table: 'places',
    batch: 5000,
    columns: [col('id', 'int8', (r) => r.id), col('slug', 'text', (r) => r.slug), col('name', 'text', (r) => r.name), col('country_id', 'int8', (r) => r.countryId)],
  },
  roles: {
    table: 'roles',
    batch: 5000,
    columns: [
      col('id', 'int8', (r) => r.id),
      col('person_id', 'int8', (r) => r.personId),
      col('title', 'text', (r) => r.title),
      col('of_actor_id', 'int8', (r) => r.ofActorId),
      col('since_year', 'int4', (r) => r.since[0]),
      col('since_month', 'int4', (r) => r.since[1]),
      col('since_day', 'int4', (r) => r.since[2]),
      col('until_year', 'int4', (r) => r.until[0]),
      col('until_month', 'int4', (r) => r.until[1]),
      col('until_day', 'int4', (r) => r.until[2]),
    ],
  },
  events: {
    table: 'events',
    batch: 5000,
    columns: [
      col('id', 'int8', (r) => r.id),
      col('slug', 'text', (r) => r.slug),
      col('kind', 'text', (r) => r.kind),
      col('title', 'text', (r) => r.title),
      col('status', 'text', (r) => r.status),
      col('date_year', 'int4', (r) => r.date[0]),
      col('date_month', 'int4', (r) => r.date[1]),
      col('date_day', 'int4', (r) => r.date[2]),
      col('place_id', 'int8', (r) => r.placeId),
      col('ordinal', 'int4', (r) => r.ordinal),
      col('purpose', 'text', (r) => r.purpose),
      col('agenda', 'text[]', (r) => r.agenda),
      col('purposes', 'text[]', (r) => r.purposes),
      col('quote', 'text', (r) => r.quote),
      col('statement_mode', 'text', (r) => r.statementMode),
      col('summary', 'text', (r) => r.summary),
      col('category', 'text', (r) => r.category),
    ],
  },
  participations: {
    table: 'participations',
    batch: 10000,
    columns: [
      col('id', 'int8', (r) => r.id),
      col('event_id', 'int8', (r) => r.eventId),
      col('actor_id', 'int8', (r) => r.actorId),
      col('role', 'text', (r) => r.role),
      col('position', 'int4', (r) => r.position),
    ],
  },
  amounts: {
    table: 'amounts',
    batch: 10000,
    columns: [
      col('id', 'int8', (r) => r.id),
      col('event_id', 'int8', (r) => r.eventId),
      col('amount', 'numeric', (r) => r.amount),
      col('currency', 'text', (r) => r.currency),
      col('qualifier', 'text', (r) => r.qualifier),
      col('is_primary', 'bool', (r) => r.isPrimary),
    ],
  },
  stances: {
    table: 'stances',
    batch: 10000,
    columns: [
      col('id', 'int8', (r) => r.id),
      col('actor_id', 'int8', (r) => r.actorId),
      col('proposal_id', 'int8', (r) => r.proposalId),
      col('position', 'text', (r) => r.position),
      col('conditions', 'text[]', (r) => r.conditions),
    ],
  },
  evidence: {
    table: 'evidence',
    batch: 10000,
    columns: [
      col('id', 'int8', (r) => r.id),
      col('article_id', 'int8', (r) => r.articleId),
      col('start_offset', 'int4', (r) => r.start),
      col('end_offset', 'int4', (r) => r.end),
      col('quote', 'text', (r) => r.quote),
      ...(['actor_id', 'place_id', 'role_id', 'membership_id', 'event_id', 'amount_id', 'stance_id'] as const).map((owner) =>
        col<Rows<'evidence'>>(owner, 'int8', (r) => (r.owner === owner ? r.ownerId : null)),
      ),
    ],
  },
};

/** A PostgreSQL array literal: {"a","b \"c\""}. */
export function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((item) => `"${item.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

/** One value in COPY's text format: \N for null, backslash escapes for the separators. */
function copyCell(value: CellValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  const text = Array.isArray(value) ? arrayLiteral(value) : value;
  return /[\\\t\n\r]/.test(text) ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : text;
}

/** Rows as COPY text: tab-separated cells, one line per row. */
export function copyText<Row>(spec: TableSpec<Row>, rows: readonly Row[]): string {
  const lines: string[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    lines[i] = spec.columns.map((c) => copyCell(c.value(row))).join('\t');
  }
  return lines.join('\n') + '\n';
}

export function copySql<Row>(spec: TableSpec<Row>, source: 'STDIN' | "'/dev/blob'"): string {
  return `COPY ${spec.table} (${spec.columns.map((c) => c.name).join(', ')}) FROM ${source}`;
}

/**
 * INSERT ... SELECT FROM unnest($1::bigint[], $2::text[], ...): one parameter per column, so a
 * batch of thousands of rows is one statement with a fixed number of parameters. Array columns
 * travel as array literals (unnest would flatten a two-dimensional array) and are cast back.
 */
export function unnestInsert<Row>(spec: TableSpec<Row>, rows: readonly Row[]): { sql: string; params: unknown[] } {
  const sqlType = (type: ColumnType) => (type === 'text[]' ? 'text' : type === 'int8' ? 'bigint' : type === 'int4' ? 'int' : type === 'bool' ? 'boolean' : type);
  const names = spec.columns.map((c) => c.name);
  const params = spec.columns.map((c) => rows.map((row) => {
    const value = c.value(row);
    return Array.isArray(value) ? arrayLiteral(value) : value;
  }));
  const selected = spec.columns.map((c, i) => (c.type === 'text[]' ? `c${i}::text[]` : `c${i}`));
  const sql = `INSERT INTO ${spec.table} (${names.join(', ')})
    SELECT ${selected.join(', ')} FROM unnest(${spec.columns.map((c, i) => `$${i + 1}::${sqlType(c.type)}[]`).join(', ')})
    AS u(${spec.columns.map((_, i) => `c${i}`).join(', ')})`;
  return { sql, params };
}
