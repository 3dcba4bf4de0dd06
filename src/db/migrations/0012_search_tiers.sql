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
-- then articles newest first. Each (tier, table) reads about as many rows as it returns, or only the
-- few that match (newsgraph_search, below), and the search stops as soon as `first` hits are found.
-- Queries written with websearch operators ("quoted phrases", or, -word) are taken as written: the
-- exact tier only.

-- The vocabulary: every lexeme of every search document, for the spelling lookup. Kept by triggers
-- on insert and update; a lexeme whose last row is deleted stays (it then matches nothing). Not
-- unique, so that adding a word never makes a writer wait: with a unique key, a writer adding a new
-- word waits for any other transaction that added it and has not committed, and two transactions
-- adding each other's new words in turn would deadlock. Two writers adding the same new word at once
-- may both add it; readers take distinct lexemes, and a rebuild drops the copies.
CREATE TABLE search_lexemes (lexeme text NOT NULL);
CREATE INDEX search_lexemes_lexeme ON search_lexemes (lexeme);
CREATE INDEX search_lexemes_trgm ON search_lexemes USING gin (lexeme public.gin_trgm_ops);

CREATE FUNCTION newsgraph_search_lexemes_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('newsgraph.bulk_load', true) = 'on' THEN
    RETURN NULL;
  END IF;
  INSERT INTO search_lexemes (lexeme)
    SELECT DISTINCT l.lexeme FROM new_rows r, unnest(r.search_doc) l
    WHERE NOT EXISTS (SELECT 1 FROM search_lexemes v WHERE v.lexeme = l.lexeme);
  RETURN NULL;
END $$;

-- A trigger with transition tables fires for one kind of statement each: INSERT and UPDATE apart.
DO $$
DECLARE
  t text;
  op text;
BEGIN
  FOREACH t IN ARRAY ARRAY['actors', 'events', 'places', 'articles'] LOOP
    FOREACH op IN ARRAY ARRAY['INSERT', 'UPDATE'] LOOP
      EXECUTE format('CREATE TRIGGER %I AFTER %s ON %I REFERENCING NEW TABLE AS new_rows '
                     'FOR EACH STATEMENT EXECUTE FUNCTION newsgraph_search_lexemes_written()',
                     t || '_search_lexemes_on_' || lower(op), op, t);
    END LOOP;
  END LOOP;
END $$;

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
      FROM (SELECT DISTINCT lexeme FROM search_lexemes
            WHERE (s.word <% lexeme OR s.own[1] <% lexeme) AND lexeme <> ALL (s.own)) v
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
--
-- Each (tier, table) wants the first few rows, in the table's order, that match the tier: either
-- read the table in that order (an index) until enough match, or take every match from the GIN index
-- and sort them. The planner picks by its estimate of how many rows match, and misjudges words that go
-- together: 'viktor' & 'torov' (one hub's name) was estimated at 715 rows of 1M events and matched
-- 28,791, so it sorted them all (0.25-0.9 s) where reading ~660 rows in date order would do. For the
-- large tables (events, articles) the choice is measured instead: read the newest rows (256 events,
-- 64 articles); if enough match, done; if none match, the matches are rare: take them from the GIN
-- index. Otherwise the share that matched says how far to read for the rest (half as far again, to
-- be safe) and how many matches the table holds: read on while that is fewer rows than the matches
-- the index would hand over (each read row costs about what each matched row costs: at 1M events 3 us
-- against 8; for articles, whose documents are long, 10 against 8, hence their shorter first read:
-- "Torovi" at 1M took 5.5 ms with 256 articles first, 3.2 ms with 64), else take them from the index.
-- Actors and places come from the GIN index always: their tables are small (50,000 actors and 7,500
-- places at 1M events), and in name order matches cluster (every "Viktor" near the end: reading actors
-- by name until 20 matched read 44,477 of them, 72 ms).
CREATE FUNCTION newsgraph_search(words text, k int)
  RETURNS TABLE (entity text, id bigint, score real, query tsquery)
  -- enable_seqscan off: a tier the planner thinks common must still come from the index.
  LANGUAGE plpgsql STABLE SET enable_seqscan = off AS $fn$
DECLARE
  -- $1 the tier, $2 the tiers before it (rows already returned), $3 how many rows are still wanted.
  matches CONSTANT text := 'search_doc @@ $1 AND NOT coalesce(search_doc @@ $2, false)';
  -- (entity, table, its range, order key, its direction, rows read in order first, 0 for none): the
  -- tables in tier order. Actors and places by ascending name, events and articles newest first.
  sources CONSTANT text[][] := ARRAY[
    ['actor', 'actors', 'true', 'name', 'ASC', '0'],
    ['place', 'places', 'true', 'name', 'ASC', '0'],
    ['event', 'events', 'sort_date < 999999999', 'sort_date', 'DESC', '256'],
    ['event', 'events', 'sort_date = 999999999', 'sort_date', 'DESC', '256'],
    ['article', 'articles', 'true', 'newsgraph_article_sort_date(published_year, published_month, published_day)', 'DESC', '64']];
  -- Each source's table size (the planner's statistics), read once.
  table_rows float8[] := ARRAY(SELECT coalesce((SELECT greatest(c.reltuples, 0) FROM pg_class c WHERE c.oid = to_regclass(sources[j][2])), 0)
                               FROM generate_subscripts(sources, 1) j);
  tier record;
  before tsquery;
  i int;
  ids bigint[];
  seen int;
  window_rows int;
  next_window int;
  from_index boolean;
  wanted int := k;
BEGIN
  FOR tier IN SELECT * FROM newsgraph_search_tiers(words) LOOP
    FOR i IN 1..array_length(sources, 1) LOOP
      EXIT WHEN wanted <= 0;
      window_rows := sources[i][6]::int;
      from_index := window_rows = 0;
      WHILE NOT from_index LOOP
        -- The first `wanted` matches among the first $4 rows in order, and how many rows there were.
        EXECUTE format('SELECT count(*)::int, (array_agg(id ORDER BY key %2$s, id %2$s) FILTER (WHERE %1$s))[1:$3]
                        FROM (SELECT id, search_doc, %3$s AS key FROM %4$s WHERE %5$s ORDER BY %3$s %2$s, id %2$s LIMIT $4) w',
                       matches, sources[i][5], sources[i][4], sources[i][2], sources[i][3])
          INTO seen, ids USING tier.query, before, wanted, window_rows;
        ids := coalesce(ids, '{}');
        EXIT WHEN cardinality(ids) >= wanted OR seen < window_rows;
        next_window := greatest(window_rows * 4, window_rows::bigint * wanted * 3 / (2 * greatest(cardinality(ids), 1)));
        from_index := cardinality(ids) = 0 OR next_window > table_rows[i] * cardinality(ids) / window_rows;
        window_rows := next_window;
      END LOOP;
      IF from_index THEN
        -- Every match through the GIN index (a CTE, so that it is not read in order), sorted.
        EXECUTE format('WITH m AS MATERIALIZED (SELECT id, %s AS key FROM %s WHERE %s AND %s)
                        SELECT array_agg(id) FROM (SELECT id FROM m ORDER BY key %s, id %s LIMIT $3) t',
                       sources[i][4], sources[i][2], sources[i][3], matches, sources[i][5], sources[i][5])
          INTO ids USING tier.query, before, wanted;
      END IF;
      IF cardinality(ids) > 0 THEN
        RETURN QUERY SELECT sources[i][1], t.id, tier.score, tier.query FROM unnest(ids) WITH ORDINALITY AS t(id, n) ORDER BY t.n;
        wanted := wanted - cardinality(ids);
      END IF;
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
