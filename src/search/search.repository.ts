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
    // newsgraph_search_hits (migration 0006) finds and scores the hits through the indexes; the
    // snippets, the costly part, are cut for the top hits only.
    `WITH top AS (SELECT * FROM newsgraph_search_hits($1) ORDER BY score DESC, entity, id LIMIT $2)
     SELECT t.entity, t.id::text AS id, round(t.score::numeric, 4)::float8 AS score,
            ts_headline('english',
              CASE t.entity
                WHEN 'actor' THEN (SELECT search_text FROM actors WHERE id = t.id)
                WHEN 'event' THEN (SELECT search_text FROM events WHERE id = t.id)
                WHEN 'place' THEN (SELECT name FROM places WHERE id = t.id)
                ELSE (SELECT title || ' — ' || text FROM articles WHERE id = t.id)
              END,
              websearch_to_tsquery('english', $1), 'StartSel=«, StopSel=», MaxWords=30, MinWords=12, MaxFragments=1') AS snippet,
            CASE t.entity
              WHEN 'actor' THEN (SELECT to_jsonb(r) FROM (SELECT ${ACTOR_COLUMNS} FROM actors a WHERE a.id = t.id) r)
              WHEN 'event' THEN (SELECT to_jsonb(r) FROM (SELECT ${EVENT_COLUMNS} FROM events e WHERE e.id = t.id) r)
              WHEN 'place' THEN (SELECT to_jsonb(r) FROM (SELECT ${PLACE_COLUMNS} FROM places WHERE id = t.id) r)
              ELSE (SELECT to_jsonb(r) FROM (SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = t.id) r)
            END AS row
     FROM top t ORDER BY t.score DESC, t.entity, t.id`,
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
