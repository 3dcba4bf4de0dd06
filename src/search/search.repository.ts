import { ACTOR_COLUMNS, toActor, type ActorRecord, type ActorRow } from '../actors/actor.repository';
import { ARTICLE_COLUMNS, toArticle, type ArticleRecord, type ArticleRow } from '../articles/article.repository';
import type { Queryable } from '../db/database';
import { EVENT_COLUMNS, toEvent, type EventRecord, type EventRow } from '../events/event.repository';
import { PLACE_COLUMNS, toPlace, type PlaceRecord, type PlaceRow } from '../places/place.repository';

export interface SearchRow {
  entity: 'actor' | 'event' | 'place' | 'article';
  id: string;
  score: number;
  snippet: string;
  /** The hit's own row, in the columns its repository reads (so no second query is needed). */
  row: ActorRow | EventRow | PlaceRow | ArticleRow;
}

export interface SearchHitRecord {
  node: ActorRecord | EventRecord | PlaceRecord | ArticleRecord;
  score: number;
  snippet: string;
}

/**
 * Ranked matches over actor names and aliases, event titles, quotes, purposes and agendas, place
 * names, and article titles and text: PostgreSQL full-text search (English stemming) for words,
 * pg_trgm word similarity (`<%`, threshold pg_trgm.word_similarity_threshold = 0.6) for misspelled
 * names ("Witkof", "Peskow"). Both are index-backed (GIN on search_doc and search_text). The same
 * SQL runs on PGlite and on a PostgreSQL server.
 */
export async function searchText(db: Queryable, text: string, limit: number): Promise<SearchHitRecord[]> {
  const rows = await db.query<SearchRow>(
    `WITH q AS (SELECT websearch_to_tsquery('english', $1) AS query, $1::text AS raw),
     hits AS (
       SELECT 'actor' AS entity, a.id, a.search_text AS body,
              ts_rank_cd(a.search_doc, q.query) + word_similarity(q.raw, a.search_text) AS score
       FROM actors a, q WHERE a.search_doc @@ q.query OR q.raw <% a.search_text
       UNION ALL
       SELECT 'event', e.id, e.search_text, ts_rank_cd(e.search_doc, q.query) + word_similarity(q.raw, e.search_text)
       FROM events e, q WHERE e.search_doc @@ q.query OR q.raw <% e.search_text
       UNION ALL
       SELECT 'place', p.id, p.name, ts_rank_cd(p.search_doc, q.query) + word_similarity(q.raw, p.name)
       FROM places p, q WHERE p.search_doc @@ q.query OR q.raw <% p.name
       UNION ALL
       -- Article text is long: it ranks by words; its title also matches misspellings.
       SELECT 'article', ar.id, ar.title || ' — ' || ar.text, ts_rank_cd(ar.search_doc, q.query) + word_similarity(q.raw, ar.title)
       FROM articles ar, q WHERE ar.search_doc @@ q.query OR q.raw <% ar.title
     ),
     top AS (SELECT * FROM hits ORDER BY score DESC, entity, id LIMIT $2)
     SELECT t.entity, t.id::text AS id, round(t.score::numeric, 4)::float8 AS score,
            ts_headline('english', t.body, q.query, 'StartSel=«, StopSel=», MaxWords=30, MinWords=12, MaxFragments=1') AS snippet,
            CASE t.entity
              WHEN 'actor' THEN (SELECT to_jsonb(r) FROM (SELECT ${ACTOR_COLUMNS} FROM actors a WHERE a.id = t.id) r)
              WHEN 'event' THEN (SELECT to_jsonb(r) FROM (SELECT ${EVENT_COLUMNS} FROM events e WHERE e.id = t.id) r)
              WHEN 'place' THEN (SELECT to_jsonb(r) FROM (SELECT ${PLACE_COLUMNS} FROM places WHERE id = t.id) r)
              ELSE (SELECT to_jsonb(r) FROM (SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = t.id) r)
            END AS row
     FROM top t, q ORDER BY t.score DESC, t.entity, t.id`,
    [text, limit],
  );
  return rows.map((hit) => ({
    score: hit.score,
    snippet: hit.snippet,
    node:
      hit.entity === 'actor'
        ? toActor(hit.row as ActorRow)
        : hit.entity === 'event'
          ? toEvent(hit.row as EventRow)
          : hit.entity === 'place'
            ? toPlace(hit.row as PlaceRow)
            : toArticle(hit.row as ArticleRow),
  }));
}
