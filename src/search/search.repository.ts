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
 * The first `limit` hits over actor names and aliases, event titles, quotes, purposes and agendas,
 * place names, and article titles and text (migration 0012 defines the order): first the rows
 * containing every word (PostgreSQL full-text search, English stemming, websearch syntax), score 1;
 * then, for misspelled words ("Witkof", "Peskow"), rows with close spellings from the vocabulary of
 * indexed words (pg_trgm word similarity >= 0.6), scored by the similarity of the weakest word. Within
 * a score: actors, places (by name), events, articles (newest first). Each (tier, table) reads about
 * as many rows as it returns, or only the few that match, so the work follows the hits returned, not
 * the rows matching. The same SQL runs on PGlite and on a PostgreSQL server.
 */
export async function searchText(db: Queryable, text: string, limit: number): Promise<SearchHitRecord[]> {
  const rows = await db.query<SearchRow>(
    // The snippets, the costly part, are cut for the hits returned only, highlighting what their
    // tier matched (a misspelled word's closest spelling).
    `SELECT t.entity, t.id::text AS id, round(t.score::numeric, 4)::float8 AS score,
            ts_headline('english',
              CASE t.entity
                WHEN 'actor' THEN (SELECT search_text FROM actors WHERE id = t.id)
                WHEN 'event' THEN (SELECT search_text FROM events WHERE id = t.id)
                WHEN 'place' THEN (SELECT name FROM places WHERE id = t.id)
                ELSE (SELECT title || ' — ' || text FROM articles WHERE id = t.id)
              END,
              t.query, 'StartSel=«, StopSel=», MaxWords=30, MinWords=12, MaxFragments=1') AS snippet,
            CASE t.entity
              WHEN 'actor' THEN (SELECT to_jsonb(r) FROM (SELECT ${ACTOR_COLUMNS} FROM actors a WHERE a.id = t.id) r)
              WHEN 'event' THEN (SELECT to_jsonb(r) FROM (SELECT ${EVENT_COLUMNS} FROM events e WHERE e.id = t.id) r)
              WHEN 'place' THEN (SELECT to_jsonb(r) FROM (SELECT ${PLACE_COLUMNS} FROM places WHERE id = t.id) r)
              ELSE (SELECT to_jsonb(r) FROM (SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = t.id) r)
            END AS row
     FROM newsgraph_search($1, $2) WITH ORDINALITY AS t(entity, id, score, query, rank)
     ORDER BY t.rank`,
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
