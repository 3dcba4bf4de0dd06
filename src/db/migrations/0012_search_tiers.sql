-- Search that reads about as many rows as it returns, at any size of the graph.
--
-- Before: every row matching a word, or a trigram-similar spelling of it, was scored
-- (ts_rank_cd + word_similarity over the row's whole text) and sorted, so a hub's name at 1M events
-- scored 36,000 events (~40 us each) for 20 hits. Now hits come in tiers, each a tsquery:
--   1. rows containing every word searched for (websearch_to_tsquery): score 1;
--   2. then, for misspelled words, rows containing every word or a close spelling of it: each word
--      may stand for the vocabulary's 16 lexemes most similar to it (pg_trgm word_similarity >= its
--      threshold, 0.6), and a tier admits the spellings at least as similar as its score, so a row
--      scores the similarity of its weakest word's closest spelling.
-- Within a tier: actors and places by name, then events newest first (known dates before unknown),
-- then articles newest first. Each (tier, table) is one LIMIT query that an index can serve in that
-- order (or a GIN bitmap when the tier's rows are few), stopped as soon as `first` hits are found.
-- Queries written with websearch operators ("quoted phrases", or, -word) are taken as written: the
-- exact tier only.

-- The vocabulary: every lexeme of every search document, for the spelling lookup. Kept by triggers
-- on insert and update; a lexeme whose last row is deleted stays (it then matches nothing).
CREATE TABLE search_lexemes (lexeme text PRIMARY KEY);
CREATE INDEX search_lexemes_trgm ON search_lexemes USING gin (lexeme public.gin_trgm_ops);

CREATE FUNCTION newsgraph_search_lexemes_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('newsgraph.bulk_load', true) = 'on' THEN
    RETURN NULL;
  END IF;
  -- In lexeme order, the same for every writer, so that two writers adding the same new lexemes
  -- do not deadlock.
  INSERT INTO search_lexemes (lexeme)
    SELECT DISTINCT l.lexeme FROM new_rows r, unnest(r.search_doc) l ORDER BY 1
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

CREATE TRIGGER actors_search_lexemes_inserted AFTER INSERT ON actors REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION newsgraph_search_lexemes_written();
CREATE TRIGGER actors_search_lexemes_updated AFTER UPDATE ON actors REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION newsgraph_search_lexemes_written();
CREATE TRIGGER events_search_lexemes_inserted AFTER INSERT ON events REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION newsgraph_search_lexemes_written();
CREATE TRIGGER events_search_lexemes_updated AFTER UPDATE ON events REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION newsgraph_search_lexemes_written();
CREATE TRIGGER places_search_lexemes_inserted AFTER INSERT ON places REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION newsgraph_search_lexemes_written();
CREATE TRIGGER places_search_lexemes_updated AFTER UPDATE ON places REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION newsgraph_search_lexemes_written();
CREATE TRIGGER articles_search_lexemes_inserted AFTER INSERT ON articles REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION newsgraph_search_lexemes_written();
CREATE TRIGGER articles_search_lexemes_updated AFTER UPDATE ON articles REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION newsgraph_search_lexemes_written();

-- The whole vocabulary again (a bulk loader, which sets newsgraph.bulk_load, calls it once at the end).
CREATE FUNCTION newsgraph_rebuild_search_lexemes() RETURNS void LANGUAGE sql AS $$
  TRUNCATE search_lexemes;
  INSERT INTO search_lexemes (lexeme)
    SELECT word FROM ts_stat('SELECT search_doc FROM actors') UNION
    SELECT word FROM ts_stat('SELECT search_doc FROM events') UNION
    SELECT word FROM ts_stat('SELECT search_doc FROM places') UNION
    SELECT word FROM ts_stat('SELECT search_doc FROM articles');
$$;
SELECT newsgraph_rebuild_search_lexemes();

-- The tiers of a search, best first: (score, query). Empty when no word is left after stop words.
CREATE FUNCTION newsgraph_search_tiers(words text)
  RETURNS TABLE (score real, query tsquery)
  LANGUAGE plpgsql STABLE AS $fn$
DECLARE
  exact CONSTANT tsquery := websearch_to_tsquery('english', words);
BEGIN
  IF numnode(exact) = 0 THEN
    RETURN;
  END IF;
  RETURN QUERY SELECT 1::real, exact;
  IF words ~ '"' OR words ~* '(^|\s)or(\s|$)' OR words ~ '(^|\s)-\S' THEN
    RETURN;
  END IF;
  RETURN QUERY
  WITH token AS (
    -- The words as the default parser splits them (the parts of hyphenated words), stop words out.
    SELECT t.ord, lower(t.token) AS word, tsvector_to_array(to_tsvector('english', t.token)) AS own
    FROM ts_parse('default', words) WITH ORDINALITY AS t(tokid, token, ord)
    JOIN ts_token_type('default') y ON y.tokid = t.tokid
    WHERE y.alias IN ('asciiword', 'word', 'numword', 'hword_asciipart', 'hword_part', 'hword_numpart')
  ), searched AS (
    SELECT * FROM token WHERE cardinality(own) > 0
  ), spelling AS (
    -- Each word's closest other lexemes: as written, or as stemmed (a lexeme is a stem).
    SELECT s.ord, c.lexeme, least(c.similarity, 0.9999)::real AS similarity
    FROM searched s CROSS JOIN LATERAL (
      SELECT v.lexeme, greatest(word_similarity(s.word, v.lexeme), word_similarity(s.own[1], v.lexeme)) AS similarity
      FROM search_lexemes v
      WHERE (s.word <% v.lexeme OR s.own[1] <% v.lexeme) AND v.lexeme <> ALL (s.own)
      ORDER BY 2 DESC, 1
      LIMIT 16) c
  ), level AS (
    SELECT DISTINCT similarity FROM spelling
  )
  -- A tier admits, for each word, its own lexemes and its spellings at least as similar as the tier.
  SELECT l.similarity,
         (SELECT string_agg('(' || (SELECT string_agg(newsgraph_quote_lexeme(x), ' | ')
                                    FROM unnest(s.own || ARRAY(SELECT p.lexeme FROM spelling p WHERE p.ord = s.ord AND p.similarity >= l.similarity)) x) || ')',
                            ' & ' ORDER BY s.ord)
          FROM searched s)::tsquery
  FROM level l
  ORDER BY l.similarity DESC;
END
$fn$;

-- A lexeme as a tsquery operand.
CREATE FUNCTION newsgraph_quote_lexeme(lexeme text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT '''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || ''''
$$;

-- The first `k` hits, in the order described above: (entity, id, score, the tier's query, for the
-- snippet's highlights).
CREATE FUNCTION newsgraph_search(words text, k int)
  RETURNS TABLE (entity text, id bigint, score real, query tsquery)
  LANGUAGE plpgsql STABLE AS $fn$
DECLARE
  -- Each table in tier order; $1 the tier, $2 the tiers before it (rows already returned), $3 how
  -- many rows are still wanted, $4 the tier's score. Run through EXECUTE so that each is planned for
  -- its tier: an index scan in order when the tier's rows are many, a GIN bitmap when they are few.
  sources CONSTANT text[] := ARRAY[
    'SELECT ''actor'', a.id, $4, $1 FROM actors a WHERE a.search_doc @@ $1 AND NOT coalesce(a.search_doc @@ $2, false) ORDER BY a.name, a.id LIMIT $3',
    'SELECT ''place'', p.id, $4, $1 FROM places p WHERE p.search_doc @@ $1 AND NOT coalesce(p.search_doc @@ $2, false) ORDER BY p.name, p.id LIMIT $3',
    'SELECT ''event'', e.id, $4, $1 FROM events e WHERE e.search_doc @@ $1 AND NOT coalesce(e.search_doc @@ $2, false) AND e.sort_date < 999999999 ORDER BY e.sort_date DESC, e.id DESC LIMIT $3',
    'SELECT ''event'', e.id, $4, $1 FROM events e WHERE e.search_doc @@ $1 AND NOT coalesce(e.search_doc @@ $2, false) AND e.sort_date = 999999999 ORDER BY e.sort_date DESC, e.id DESC LIMIT $3',
    'SELECT ''article'', ar.id, $4, $1 FROM articles ar WHERE ar.search_doc @@ $1 AND NOT coalesce(ar.search_doc @@ $2, false) ORDER BY newsgraph_article_sort_date(ar.published_year, ar.published_month, ar.published_day) DESC, ar.id DESC LIMIT $3'];
  tier record;
  -- The tiers before this one; none before the first.
  before tsquery;
  source text;
  wanted int := k;
  found int;
BEGIN
  FOR tier IN SELECT * FROM newsgraph_search_tiers(words) LOOP
    FOREACH source IN ARRAY sources LOOP
      EXIT WHEN wanted <= 0;
      RETURN QUERY EXECUTE source USING tier.query, before, wanted, tier.score;
      GET DIAGNOSTICS found = ROW_COUNT;
      wanted := wanted - found;
    END LOOP;
    EXIT WHEN wanted <= 0;
    before := tier.query;
  END LOOP;
END
$fn$;

-- An article's publication date as events.sort_date orders dates (a partial date after the fuller
-- dates inside it), for search's newest-first order.
CREATE FUNCTION newsgraph_article_sort_date(y int, m int, d int) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT y * 10000 + coalesce(m, 99) * 100 + coalesce(d, 99)
$$;
CREATE INDEX articles_newest ON articles (newsgraph_article_sort_date(published_year, published_month, published_day) DESC, id DESC);
CREATE INDEX places_name ON places (name, id);

DROP FUNCTION newsgraph_search_hits(text);
-- Spellings are now looked up in the vocabulary: the trigram indexes over whole texts go, and with
-- them their cost on every write.
DROP INDEX actors_search_trgm;
DROP INDEX events_search_trgm;
DROP INDEX places_search_trgm;
DROP INDEX articles_title_trgm;
