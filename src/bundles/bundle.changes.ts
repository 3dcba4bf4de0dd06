import { formatPartialDate } from '../common/partial-date';
import type { Queryable } from '../db/database';
import { mergeFactIds } from '../editing/fact-changes';
import type { FactIds } from '../editing/state.repository';
import type { ArticleBundleInput } from './bundle.inputs';

/**
 * Which facts loading a bundle may change: the loader reads them before and after writing and
 * compares (editing/fact-changes.ts), for the audit trail and for versions.
 */

export interface ArticleMeta {
  dbId: string;
  title: string;
  publishedOn: string;
  url: string | null;
  contentHash: string;
  version: number;
}

export async function articleMeta(tx: Queryable, slug: string): Promise<ArticleMeta | null> {
  const [row] = await tx.query<{
    id: string; title: string; published_year: number; published_month: number | null; published_day: number | null;
    url: string | null; content_hash: string; version: number;
  }>('SELECT id::text, title, published_year, published_month, published_day, url, content_hash, version FROM articles WHERE slug = $1', [slug]);
  if (!row) return null;
  return {
    dbId: row.id,
    title: row.title,
    publishedOn: formatPartialDate({ year: row.published_year, month: row.published_month, day: row.published_day }),
    url: row.url,
    contentHash: row.content_hash,
    version: row.version,
  };
}

const ids = (row: Record<keyof FactIds, string[]>): FactIds => ({
  actors: row.actors,
  places: row.places,
  roles: row.roles,
  events: row.events,
  stances: row.stances,
});

/** Facts that a bundle may change: those its article supported so far and those it names. */
export async function factsNamedBy(tx: Queryable, articleId: string | null, bundle: ArticleBundleInput): Promise<FactIds> {
  const [row] = await tx.query<Record<keyof FactIds, string[]>>(
    `SELECT ARRAY(SELECT id::text FROM actors WHERE slug = ANY($1::text[])) AS actors,
            ARRAY(SELECT id::text FROM places WHERE slug = ANY($2::text[])) AS places,
            ARRAY(SELECT r.id::text FROM roles r JOIN actors p ON p.id = r.person_id WHERE p.slug = ANY($3::text[])) AS roles,
            ARRAY(SELECT id::text FROM events WHERE slug = ANY($4::text[])) AS events,
            ARRAY(SELECT s.id::text FROM stances s JOIN actors a ON a.id = s.actor_id WHERE a.slug = ANY($5::text[])) AS stances`,
    [
      bundle.actors.map((a) => a.slug),
      (bundle.places ?? []).map((p) => p.slug),
      (bundle.roles ?? []).map((r) => r.person),
      bundle.events.map((e) => e.slug),
      (bundle.stances ?? []).map((s) => s.actor),
    ],
  );
  const named = ids(row);
  return articleId === null ? named : mergeFactIds(named, await factsOfArticle(tx, articleId));
}

/** Facts an article's evidence supports (a membership counts for its organization, an amount for its pledge). */
export async function factsOfArticle(tx: Queryable, articleId: string): Promise<FactIds> {
  const [row] = await tx.query<Record<keyof FactIds, string[]>>(
    `SELECT ARRAY(SELECT DISTINCT COALESCE(v.actor_id, m.organization_id)::text FROM evidence v
                  LEFT JOIN memberships m ON m.id = v.membership_id
                  WHERE v.article_id = $1 AND COALESCE(v.actor_id, m.organization_id) IS NOT NULL) AS actors,
            ARRAY(SELECT DISTINCT place_id::text FROM evidence WHERE article_id = $1 AND place_id IS NOT NULL) AS places,
            ARRAY(SELECT DISTINCT role_id::text FROM evidence WHERE article_id = $1 AND role_id IS NOT NULL) AS roles,
            ARRAY(SELECT DISTINCT COALESCE(v.event_id, am.event_id)::text FROM evidence v
                  LEFT JOIN amounts am ON am.id = v.amount_id
                  WHERE v.article_id = $1 AND COALESCE(v.event_id, am.event_id) IS NOT NULL) AS events,
            ARRAY(SELECT DISTINCT stance_id::text FROM evidence WHERE article_id = $1 AND stance_id IS NOT NULL) AS stances`,
    [articleId],
  );
  return ids(row);
}
