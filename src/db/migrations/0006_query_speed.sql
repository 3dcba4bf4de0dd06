-- Shortest chains between two actors without walking the whole neighbourhood of a hub.

-- The links of every shortest chain from one actor to another (at most max_hops long), as
-- (step, source, target, earliest shared event by date then id): step k links the k-th actor of a
-- chain to the next. Breadth-first from both ends: while the two frontiers share no event, the side
-- whose frontier has fewer participations grows by one level; the first shared event gives the
-- shortest length, and the frontier actors sharing it are exactly the chains' actors at that step.
-- Both searches are then trimmed back to the actors on a shortest chain. Nothing when the actors
-- are the same or further apart than max_hops.
CREATE FUNCTION newsgraph_shortest_links(from_id bigint, to_id bigint, max_hops int, kinds text[])
  RETURNS TABLE (step int, source_id bigint, target_id bigint, event_id bigint)
  LANGUAGE plpgsql STABLE AS $fn$
DECLARE
  -- Queries run through EXECUTE so that each is planned for the arrays it gets: a hub's frontier
  -- and a few actors' need different plans, which one cached plan would not give.
  kind_ok CONSTANT text := '(cardinality($3) = 0 OR EXISTS (SELECT 1 FROM events le WHERE le.id = pa.event_id AND le.kind = ANY($3)))';
  -- The actors of $1 sharing an event with an actor of $2.
  sharing CONSTANT text := 'SELECT coalesce(array_agg(DISTINCT pa.actor_id), ''{}'') FROM participations pa
    JOIN participations pb ON pb.event_id = pa.event_id
    WHERE pa.actor_id = ANY($1) AND pb.actor_id = ANY($2) AND ' || kind_ok;
  -- The actors sharing an event with an actor of $1, except those of $2.
  linked CONSTANT text := 'SELECT coalesce(array_agg(id), ''{}'') FROM (
    SELECT pb.actor_id AS id FROM participations pa JOIN participations pb ON pb.event_id = pa.event_id
    WHERE pa.actor_id = ANY($1) AND ' || kind_ok || '
    EXCEPT SELECT unnest($2)) s';
  -- Each pair of an actor of $1 and one of $2 that share an event, with their earliest one.
  earliest CONSTANT text := 'SELECT array_agg(near_id), array_agg(far_id), array_agg(event_id) FROM (
    SELECT DISTINCT ON (pa.actor_id, pb.actor_id) pa.actor_id AS near_id, pb.actor_id AS far_id, le.id AS event_id
    FROM participations pa
    JOIN events le ON le.id = pa.event_id AND (cardinality($3) = 0 OR le.kind = ANY($3))
    JOIN participations pb ON pb.event_id = pa.event_id
    WHERE pa.actor_id = ANY($1) AND pb.actor_id = ANY($2)
    ORDER BY pa.actor_id, pb.actor_id, le.sort_date, le.id) l';
  -- Participations of the actors of $1, counted up to $2.
  counted CONSTANT text := 'SELECT count(*) FROM (SELECT 1 FROM participations WHERE actor_id = ANY($1) LIMIT $2) s';
  -- Actors reached from each end, level by level; level k starts at *_at[k + 1].
  fwd bigint[] := ARRAY[from_id];
  fwd_at int[] := ARRAY[1];
  bwd bigint[] := ARRAY[to_id];
  bwd_at int[] := ARRAY[1];
  f int := 0;
  b int := 0;
  fwd_cost bigint;
  bwd_cost bigint;
  cap bigint;
  next bigint[];
  layer bigint[];
  near_ids bigint[];
  far_ids bigint[];
  event_ids bigint[];
  total int;
  k int;
BEGIN
  IF from_id = to_id THEN
    RETURN;
  END IF;
  LOOP
    IF f + b + 1 > max_hops THEN
      RETURN;
    END IF;
    -- No chain is f + b links long or shorter: one of f + b + 1 links crosses from frontier to frontier.
    EXECUTE sharing INTO next USING fwd[fwd_at[f + 1]:], bwd[bwd_at[b + 1]:], kinds;
    EXIT WHEN cardinality(next) > 0;
    IF f + b + 2 > max_hops THEN
      RETURN;
    END IF;
    -- Counted to a cap that grows tenfold, so a hub's participations are not all counted.
    cap := 1000;
    LOOP
      EXECUTE counted INTO fwd_cost USING fwd[fwd_at[f + 1]:], cap;
      EXECUTE counted INTO bwd_cost USING bwd[bwd_at[b + 1]:], cap;
      EXIT WHEN fwd_cost < cap OR bwd_cost < cap;
      cap := cap * 10;
    END LOOP;
    IF fwd_cost <= bwd_cost THEN
      EXECUTE linked INTO next USING fwd[fwd_at[f + 1]:], fwd, kinds;
      IF cardinality(next) = 0 THEN
        RETURN;
      END IF;
      fwd_at := fwd_at || (cardinality(fwd) + 1);
      fwd := fwd || next;
      f := f + 1;
    ELSE
      EXECUTE linked INTO next USING bwd[bwd_at[b + 1]:], bwd, kinds;
      IF cardinality(next) = 0 THEN
        RETURN;
      END IF;
      bwd_at := bwd_at || (cardinality(bwd) + 1);
      bwd := bwd || next;
      b := b + 1;
    END IF;
  END LOOP;
  -- The chains are f + b + 1 links long; `layer` holds their actors at step f.
  total := f + b + 1;
  layer := next;
  FOR k IN REVERSE f - 1..0 LOOP
    -- Towards the start: the actors of forward level k linked to a chain actor at step k + 1.
    EXECUTE earliest INTO near_ids, far_ids, event_ids USING next, fwd[fwd_at[k + 1]:fwd_at[k + 2] - 1], kinds;
    RETURN QUERY SELECT k, t.far_id, t.near_id, t.event_id FROM unnest(near_ids, far_ids, event_ids) AS t(near_id, far_id, event_id);
    next := ARRAY(SELECT DISTINCT unnest(far_ids));
  END LOOP;
  next := layer;
  FOR k IN f..total - 1 LOOP
    -- Towards the end: backward level total - k - 1 holds the chain actors at step k + 1.
    EXECUTE earliest INTO near_ids, far_ids, event_ids USING next, bwd[bwd_at[total - k]:coalesce(bwd_at[total - k + 1] - 1, cardinality(bwd))], kinds;
    RETURN QUERY SELECT k, t.near_id, t.far_id, t.event_id FROM unnest(near_ids, far_ids, event_ids) AS t(near_id, far_id, event_id);
    next := ARRAY(SELECT DISTINCT unnest(far_ids));
  END LOOP;
END
$fn$;

-- Search hits (search.repository.ts ranks them and cuts snippets for the top ones only): each table
-- through its two GIN indexes (BitmapOr). The planner would rather scan a table whose rows match
-- often enough, not knowing that the similarity test it then runs on every row costs far more
-- than an index lookup; enable_seqscan = off here only changes that choice.
CREATE FUNCTION newsgraph_search_hits(words text)
  RETURNS TABLE (entity text, id bigint, score real)
  LANGUAGE sql STABLE SET enable_seqscan = off AS $$
  SELECT 'actor', a.id, ts_rank_cd(a.search_doc, websearch_to_tsquery('english', words)) + word_similarity(words, a.search_text)
  FROM actors a WHERE a.search_doc @@ websearch_to_tsquery('english', words) OR words <% a.search_text
  UNION ALL
  SELECT 'event', e.id, ts_rank_cd(e.search_doc, websearch_to_tsquery('english', words)) + word_similarity(words, e.search_text)
  FROM events e WHERE e.search_doc @@ websearch_to_tsquery('english', words) OR words <% e.search_text
  UNION ALL
  SELECT 'place', p.id, ts_rank_cd(p.search_doc, websearch_to_tsquery('english', words)) + word_similarity(words, p.name)
  FROM places p WHERE p.search_doc @@ websearch_to_tsquery('english', words) OR words <% p.name
  UNION ALL
  -- Article text is long: it ranks by words; its title also matches misspellings.
  SELECT 'article', ar.id, ts_rank_cd(ar.search_doc, websearch_to_tsquery('english', words)) + word_similarity(words, ar.title)
  FROM articles ar WHERE ar.search_doc @@ websearch_to_tsquery('english', words) OR words <% ar.title $$;
