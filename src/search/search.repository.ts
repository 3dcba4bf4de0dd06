import type { Queryable } from '../db/database';

export interface SearchRow {
  entity: 'actor' | 'event' | 'place' | 'article';
  id: string;
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
export async function searchText(db: Queryable, text: string, limit: number): Promise<SearchRow[]> {
  return db.query<SearchRow>(
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
            ts_headline('english', t.body, q.query, 'StartSel=«, StopSel=», MaxWords=30, MinWords=12, MaxFragments=1') AS snippet
     FROM top t, q ORDER BY t.score DESC, t.entity, t.id`,
    [text, limit],
  );
}
