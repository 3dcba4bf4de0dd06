import type { Queryable } from '../db/database';

export interface SearchRow {
  entity: 'actor' | 'event' | 'place';
  id: string;
  score: number;
  snippet: string;
}

/** Below this trigram word similarity a fuzzy match ("Witkof" for "Witkoff") is noise. */
const MIN_WORD_SIMILARITY = 0.45;

/**
 * Ranked matches over actor names and aliases, event titles, quotes, purposes and agendas, and
 * place names: PostgreSQL full-text search for words, pg_trgm word similarity for misspellings.
 * The same SQL runs on PGlite and on a PostgreSQL server.
 */
export async function searchText(db: Queryable, text: string, limit: number): Promise<SearchRow[]> {
  return db.query<SearchRow>(
    `WITH q AS (SELECT websearch_to_tsquery('english', $1) AS query, $1::text AS raw),
     docs AS (
       SELECT 'actor' AS entity, a.id, concat_ws(' ', a.name, array_to_string(a.aliases, ' ')) AS body FROM actors a
       UNION ALL
       SELECT 'event', e.id, concat_ws(' ', e.title, e.quote, e.purpose, e.summary,
         array_to_string(e.agenda, ' '), array_to_string(e.purposes, ' ')) FROM events e
       UNION ALL
       SELECT 'place', p.id, p.name FROM places p
     ),
     hits AS (
       SELECT d.entity, d.id, d.body,
              ts_rank_cd(to_tsvector('english', d.body), q.query) + word_similarity(q.raw, d.body) AS score
       FROM docs d, q
       WHERE to_tsvector('english', d.body) @@ q.query OR word_similarity(q.raw, d.body) >= $3
       ORDER BY score DESC, d.entity, d.id
       LIMIT $2
     )
     SELECT h.entity, h.id::text AS id, round(h.score::numeric, 4)::float8 AS score,
            ts_headline('english', h.body, q.query, 'StartSel=«, StopSel=», MaxWords=30, MinWords=12') AS snippet
     FROM hits h, q ORDER BY h.score DESC, h.entity, h.id`,
    [text, limit, MIN_WORD_SIMILARITY],
  );
}
