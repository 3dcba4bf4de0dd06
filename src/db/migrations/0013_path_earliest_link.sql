-- Path: the earliest shared event of each link on a shortest chain, found in a few index lookups.
--
-- newsgraph_shortest_links (0010) found each link's earliest event by walking one actor's events in
-- date order and, at each, reading the event's participants for the other actor. The walker was the
-- actor with fewer participations counted up to 200, so between a hub and another busy actor (both
-- past 200) the hub walked: at 1M events, a hub's 21 links to busy actors walked 47,205 events
-- (2,248 each), most of the 26-45 ms the bench's hub path took idle. Now the actor with fewer
-- counterparts (actor_link_counts, 0011) walks, and each step is one exact lookup of (actor, date,
-- event) on the other's timeline index. Same answers as 0010 on 74 pairs 2 hops apart (every third
-- with kinds ['MEETING']) on generated graphs: 4,302 links at 1M events (11.7 s -> 1.6 s for the 74)
-- and 1,668 at 100k (832 -> 390 ms); the bench's hub path at 1M 43-65 -> 6-17 ms. The search from
-- both ends is unchanged.
CREATE OR REPLACE FUNCTION newsgraph_shortest_links(from_id bigint, to_id bigint, max_hops int, kinds text[])
  RETURNS TABLE (step int, source_id bigint, target_id bigint, event_id bigint)
  -- The planner, not knowing that a walk stops at its first hit, would rather read a whole history
  -- (bitmap scan, then sort) than walk an index in order, and its cost estimate for that walk starts
  -- JIT compilation (400 ms on PostgreSQL 15 for a 60 ms query); these settings hold for this function only.
  LANGUAGE plpgsql STABLE SET enable_bitmapscan = off SET enable_sort = off SET jit = off AS $fn$
DECLARE
  -- Queries run through EXECUTE so that each is planned for the arrays it gets.
  kind_ok CONSTANT text := '(cardinality($3) = 0 OR l.event_kind = ANY($3))';
  -- The pairs (an actor of $1, an actor of $2) that share an event of the kinds $3, looked up from
  -- the smaller of the two arrays (one of the two branches runs).
  pairs CONSTANT text := '
    SELECT DISTINCT l.actor_id AS near_id, l.other_id AS far_id FROM actor_links l
    WHERE cardinality($1) <= cardinality($2) AND l.actor_id = ANY($1) AND l.other_id = ANY($2) AND ' || kind_ok || '
    UNION
    SELECT DISTINCT l.other_id, l.actor_id FROM actor_links l
    WHERE cardinality($1) > cardinality($2) AND l.actor_id = ANY($2) AND l.other_id = ANY($1) AND ' || kind_ok;
  -- The actors of $1 sharing an event with an actor of $2.
  sharing CONSTANT text := 'SELECT coalesce(array_agg(DISTINCT near_id), ''{}'') FROM (' || pairs || ') s';
  -- The actors sharing an event with an actor of $1, except those of $2.
  linked CONSTANT text := 'SELECT coalesce(array_agg(id), ''{}'') FROM (
    SELECT l.other_id AS id FROM actor_links l WHERE l.actor_id = ANY($1) AND ' || kind_ok || '
    EXCEPT SELECT unnest($2)) s';
  -- Each pair of an actor of $1 and one of $2 that share an event, with their earliest one: the
  -- actor of the two with fewer counterparts walks its events in date order, and each step asks
  -- whether the other has that (date, event) too: one exact lookup on the other's timeline index.
  -- The lookup is a scalar subquery, so that it stays one: as EXISTS it became a join, which the
  -- planner, estimating any actor's history at 75 rows, did by reading the partner's whole history
  -- once per step or merging the two histories (495 ms for 35 links at 100k events).
  earliest CONSTANT text := 'SELECT array_agg(p.near_id), array_agg(p.far_id), array_agg(e.event_id) FROM (' || pairs || ') p
    CROSS JOIN LATERAL (
      SELECT CASE WHEN n.c <= f.c THEN p.near_id ELSE p.far_id END AS walker, CASE WHEN n.c <= f.c THEN p.far_id ELSE p.near_id END AS partner
      FROM (SELECT coalesce(sum(counterparts), 0) AS c FROM actor_link_counts WHERE actor_id = p.near_id) n,
           (SELECT coalesce(sum(counterparts), 0) AS c FROM actor_link_counts WHERE actor_id = p.far_id) f) w
    CROSS JOIN LATERAL (
      SELECT x.event_id FROM participations x
      WHERE x.actor_id = w.walker AND (cardinality($3) = 0 OR x.event_kind = ANY($3))
        AND (SELECT true FROM participations y
             WHERE y.actor_id = w.partner AND y.event_sort_date = x.event_sort_date AND y.event_id = x.event_id LIMIT 1)
      ORDER BY x.event_sort_date, x.event_id LIMIT 1) e';
  -- Links of the actors of $1, counted up to $2.
  counted CONSTANT text := 'SELECT count(*) FROM (SELECT 1 FROM actor_links WHERE actor_id = ANY($1) LIMIT $2) s';
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
    -- Counted to a cap that grows tenfold, so a hub's links are not all counted.
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
