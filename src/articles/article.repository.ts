import { groupBy } from '../common/group-by';
import { toPartialDate, type PartialDate } from '../common/partial-date';
import type { Queryable } from '../db/database';

export interface ArticleRecord {
  entity: 'article';
  dbId: string;
  slug: string;
  title: string;
  publishedOn: PartialDate;
  url: string | null;
  text: string;
  version: number;
}

export interface EvidenceRecord {
  dbId: string;
  articleId: string;
  start: number;
  end: number;
  quote: string;
  version: number;
}

/** The fact an evidence span supports: one column of the evidence table each. */
export type EvidenceOwner = 'actor' | 'place' | 'role' | 'membership' | 'event' | 'amount' | 'stance';
const OWNER_COLUMNS: Record<EvidenceOwner, string> = {
  actor: 'actor_id',
  place: 'place_id',
  role: 'role_id',
  membership: 'membership_id',
  event: 'event_id',
  amount: 'amount_id',
  stance: 'stance_id',
};

export interface ArticleRow {
  id: string;
  slug: string;
  title: string;
  published_year: number;
  published_month: number | null;
  published_day: number | null;
  url: string | null;
  text: string;
  version: number;
}

export const ARTICLE_COLUMNS = 'id::text, slug, title, published_year, published_month, published_day, url, text, version';

export const toArticle = (row: ArticleRow): ArticleRecord => ({
  entity: 'article',
  dbId: row.id,
  slug: row.slug,
  title: row.title,
  publishedOn: toPartialDate(row.published_year, row.published_month, row.published_day) as PartialDate,
  url: row.url,
  text: row.text,
  version: row.version,
});

export async function articlesByIds(db: Queryable, ids: readonly string[]): Promise<ArticleRecord[]> {
  const rows = await db.query<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ANY($1::bigint[])`, [ids]);
  return rows.map(toArticle);
}

export async function articlesBySlugs(db: Queryable, slugs: readonly string[]): Promise<ArticleRecord[]> {
  const rows = await db.query<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE slug = ANY($1::text[])`, [slugs]);
  return rows.map(toArticle);
}

/** Evidence of many facts of one kind, by the fact's id, in article order. */
export async function evidenceOf(db: Queryable, owner: EvidenceOwner, ids: readonly string[]): Promise<Map<string, EvidenceRecord[]>> {
  const column = OWNER_COLUMNS[owner];
  const rows = await db.query<{ evidence_id: string; owner_id: string; article_id: string; start_offset: number; end_offset: number; quote: string; version: number }>(
    `SELECT id::text AS evidence_id, ${column}::text AS owner_id, article_id::text, start_offset, end_offset, quote, version
     FROM evidence WHERE ${column} = ANY($1::bigint[]) ORDER BY evidence.${column}, evidence.article_id, start_offset, evidence.id`,
    [ids],
  );
  return groupBy(rows, (row) => row.owner_id, (row) => ({
    dbId: row.evidence_id,
    articleId: row.article_id,
    start: row.start_offset,
    end: row.end_offset,
    quote: row.quote,
    version: row.version,
  }));
}
