-- Who shares events with whom, kept as the graph changes: for each two actors and each kind of event,
-- how many events of that kind both took part in, and how many of those took place. whoMetWhom
-- reads a page of it from an index, and path searches it instead of participations: computed from
-- participations, both walk every event of a hub, which grows with the graph (at 1M events, 437 ms
-- and 634 ms for one idle request about a hub).
--
-- Both directions are stored, so one actor's links are one index range (for whoMetWhom in the order
-- it pages them: most meetings first, then the counterpart's id).
CREATE TABLE actor_links (
  actor_id   bigint NOT NULL,
  other_id   bigint NOT NULL,
  event_kind text NOT NULL,
  -- Never 0 between statements: the statement that brings a link down to no events deletes it.
  -- (No CHECK: an upsert checks the row it proposes, and a proposed change can be -1.)
  events     int NOT NULL,
  occurred   int NOT NULL,
  PRIMARY KEY (actor_id, other_id, event_kind)
);
CREATE INDEX actor_links_meetings ON actor_links (actor_id, occurred DESC, other_id) WHERE event_kind = 'MEETING' AND occurred > 0;
CREATE INDEX actor_links_meetings_ranked ON actor_links (occurred DESC, actor_id, other_id)
  WHERE event_kind = 'MEETING' AND occurred > 0 AND actor_id < other_id;

-- participations already carry their event's kind and date (0007); the status joins them, so that
-- a participation's part in the links is known from the participation alone, also when its event
-- is being deleted.
ALTER TABLE participations ADD COLUMN event_status text;
UPDATE participations p SET event_status = e.status FROM events e WHERE e.id = p.event_id;
ALTER TABLE participations ALTER COLUMN event_status SET NOT NULL;

CREATE OR REPLACE FUNCTION newsgraph_participation_event_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT e.kind, e.sort_date, e.status INTO NEW.event_kind, NEW.event_sort_date, NEW.event_status FROM events e WHERE e.id = NEW.event_id;
  RETURN NEW;
END $$;

DROP TRIGGER participations_event_order ON participations;
CREATE TRIGGER participations_event_order BEFORE INSERT OR UPDATE OF event_id, event_kind, event_sort_date, event_status ON participations
  FOR EACH ROW EXECUTE FUNCTION newsgraph_participation_event_order();

CREATE OR REPLACE FUNCTION newsgraph_event_order_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE participations SET event_kind = NEW.kind, event_sort_date = NEW.sort_date, event_status = NEW.status WHERE event_id = NEW.id;
  RETURN NULL;
END $$;

DROP TRIGGER events_order_changed ON events;
CREATE TRIGGER events_order_changed AFTER UPDATE ON events
  FOR EACH ROW WHEN (OLD.kind IS DISTINCT FROM NEW.kind OR OLD.sort_date IS DISTINCT FROM NEW.sort_date OR OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION newsgraph_event_order_changed();

-- Applies one statement's change to participations: for the events it touched, the links among
-- their actors before (the rows it did not write, plus the rows it replaced or deleted) and after
-- (the rows now) are counted, and the difference is added. `written` holds the ids of the rows the
-- statement wrote, `gone_*` the rows it replaced or deleted. A statement touching a few events costs
-- a few rows, whatever the actors' history.
CREATE FUNCTION newsgraph_apply_actor_links(written bigint[], gone_events bigint[], gone_actors bigint[], gone_kinds text[], gone_statuses text[])
  RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  actor_ids bigint[];
  other_ids bigint[];
  kinds text[];
  event_deltas int[];
  occurred_deltas int[];
BEGIN
  -- EXECUTE plans for the arrays at hand (a cached generic plan can pick a whole-table scan).
  EXECUTE $q$
  WITH written_rows AS (
    SELECT unnest($1) AS id
  ),
  gone AS (
    SELECT * FROM unnest($2, $3, $4, $5) AS g(event_id, actor_id, event_kind, event_status)
  ),
  touched AS (
    SELECT p.event_id FROM participations p JOIN written_rows w ON w.id = p.id
    UNION SELECT event_id FROM gone
  ),
  now_rows AS (
    SELECT p.id, p.event_id, p.actor_id, p.event_kind, p.event_status FROM participations p JOIN touched t ON t.event_id = p.event_id
  ),
  -- An actor taking part twice in one event (two roles) is one link, not two.
  after_rows AS (
    SELECT DISTINCT event_id, actor_id, event_kind, event_status FROM now_rows
  ),
  before_rows AS (
    SELECT DISTINCT event_id, actor_id, event_kind, event_status FROM (
      SELECT n.event_id, n.actor_id, n.event_kind, n.event_status FROM now_rows n WHERE NOT EXISTS (SELECT 1 FROM written_rows w WHERE w.id = n.id)
      UNION ALL SELECT event_id, actor_id, event_kind, event_status FROM gone
    ) b
  ),
  changes AS (
    SELECT x.actor_id, y.actor_id AS other_id, x.event_kind, 1 AS events, (x.event_status = 'OCCURRED')::int AS occurred
    FROM after_rows x JOIN after_rows y ON y.event_id = x.event_id AND y.actor_id <> x.actor_id
    UNION ALL
    SELECT x.actor_id, y.actor_id, x.event_kind, -1, -(x.event_status = 'OCCURRED')::int
    FROM before_rows x JOIN before_rows y ON y.event_id = x.event_id AND y.actor_id <> x.actor_id
  ),
  summed AS (
    SELECT actor_id, other_id, event_kind, sum(events)::int AS events, sum(occurred)::int AS occurred FROM changes
    GROUP BY actor_id, other_id, event_kind HAVING sum(events) <> 0 OR sum(occurred) <> 0
    -- One order for every writer, so that two writers touching the same links do not deadlock.
    ORDER BY actor_id, other_id, event_kind
  )
  SELECT array_agg(actor_id), array_agg(other_id), array_agg(event_kind), array_agg(events), array_agg(occurred) FROM summed
  $q$ INTO actor_ids, other_ids, kinds, event_deltas, occurred_deltas USING written, gone_events, gone_actors, gone_kinds, gone_statuses;
  IF actor_ids IS NULL THEN
    RETURN;
  END IF;
  INSERT INTO actor_links AS l (actor_id, other_id, event_kind, events, occurred)
    SELECT * FROM unnest(actor_ids, other_ids, kinds, event_deltas, occurred_deltas)
    ON CONFLICT (actor_id, other_id, event_kind) DO UPDATE SET events = l.events + EXCLUDED.events, occurred = l.occurred + EXCLUDED.occurred;
  DELETE FROM actor_links l USING unnest(actor_ids, other_ids, kinds) AS t(actor_id, other_id, event_kind)
    WHERE l.actor_id = t.actor_id AND l.other_id = t.other_id AND l.event_kind = t.event_kind AND l.events = 0;
END $$;

-- One trigger per kind of statement: each sees only its own transition tables. A bulk loader (the
-- generator) sets newsgraph.bulk_load for its transaction and rebuilds the table once at the end:
-- one pass instead of one per chunk.
CREATE FUNCTION newsgraph_actor_links_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('newsgraph.bulk_load', true) = 'on' THEN
    RETURN NULL;
  END IF;
  PERFORM newsgraph_apply_actor_links(ARRAY(SELECT id FROM new_rows), '{}', '{}', '{}', '{}');
  RETURN NULL;
END $$;

CREATE FUNCTION newsgraph_actor_links_updated() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  gone_events bigint[];
  gone_actors bigint[];
  gone_kinds text[];
  gone_statuses text[];
BEGIN
  IF current_setting('newsgraph.bulk_load', true) = 'on' THEN
    RETURN NULL;
  END IF;
  SELECT array_agg(event_id), array_agg(actor_id), array_agg(event_kind), array_agg(event_status)
    INTO gone_events, gone_actors, gone_kinds, gone_statuses FROM old_rows;
  PERFORM newsgraph_apply_actor_links(ARRAY(SELECT id FROM new_rows), gone_events, gone_actors, gone_kinds, gone_statuses);
  RETURN NULL;
END $$;

CREATE FUNCTION newsgraph_actor_links_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  gone_events bigint[];
  gone_actors bigint[];
  gone_kinds text[];
  gone_statuses text[];
BEGIN
  IF current_setting('newsgraph.bulk_load', true) = 'on' THEN
    RETURN NULL;
  END IF;
  SELECT array_agg(event_id), array_agg(actor_id), array_agg(event_kind), array_agg(event_status)
    INTO gone_events, gone_actors, gone_kinds, gone_statuses FROM old_rows;
  PERFORM newsgraph_apply_actor_links('{}', gone_events, gone_actors, gone_kinds, gone_statuses);
  RETURN NULL;
END $$;

CREATE FUNCTION newsgraph_actor_links_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE actor_links;
  RETURN NULL;
END $$;

CREATE TRIGGER participations_actor_links_inserted AFTER INSERT ON participations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION newsgraph_actor_links_inserted();
CREATE TRIGGER participations_actor_links_updated AFTER UPDATE ON participations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION newsgraph_actor_links_updated();
CREATE TRIGGER participations_actor_links_deleted AFTER DELETE ON participations
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION newsgraph_actor_links_deleted();
CREATE TRIGGER participations_actor_links_truncated AFTER TRUNCATE ON participations
  FOR EACH STATEMENT EXECUTE FUNCTION newsgraph_actor_links_truncated();

-- Counts every link afresh from participations (also what `drift` checks compare against).
CREATE FUNCTION newsgraph_counted_actor_links()
  RETURNS TABLE (actor_id bigint, other_id bigint, event_kind text, events int, occurred int) LANGUAGE sql STABLE AS $$
  SELECT x.actor_id, y.actor_id, x.event_kind, count(DISTINCT x.event_id)::int,
         (count(DISTINCT x.event_id) FILTER (WHERE x.event_status = 'OCCURRED'))::int
  FROM participations x JOIN participations y ON y.event_id = x.event_id AND y.actor_id <> x.actor_id
  GROUP BY x.actor_id, y.actor_id, x.event_kind
$$;

CREATE FUNCTION newsgraph_rebuild_actor_links() RETURNS void LANGUAGE sql AS $$
  DELETE FROM actor_links;
  INSERT INTO actor_links (actor_id, other_id, event_kind, events, occurred) SELECT * FROM newsgraph_counted_actor_links();
$$;

-- What the store holds already.
SELECT newsgraph_rebuild_actor_links();

-- newsgraph_shortest_links (0006) searched participations; it now searches actor_links, so that a
-- frontier costs its distinct links rather than its actors' whole histories, and whether a hub links
-- to any of a few actors is a few index lookups. Links are symmetric, so each test is asked from its
-- smaller side. Same answers: the links of every shortest chain, each step with its earliest shared
-- event (by date, then id).
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
  -- actor of the two with fewer participations (counted up to 200) walks its events in date order
  -- until one has the other actor too, so a hub paired with a small actor costs the small one's
  -- walk. (`y.actor_id + 0` keeps that test on the (event, actor) index: by actor it would read
  -- the partner's whole history for each step.)
  earliest CONSTANT text := 'SELECT array_agg(p.near_id), array_agg(p.far_id), array_agg(e.event_id) FROM (' || pairs || ') p
    CROSS JOIN LATERAL (
      SELECT CASE WHEN n.c <= f.c THEN p.near_id ELSE p.far_id END AS walker, CASE WHEN n.c <= f.c THEN p.far_id ELSE p.near_id END AS partner
      FROM (SELECT count(*) AS c FROM (SELECT 1 FROM participations WHERE actor_id = p.near_id LIMIT 200) c) n,
           (SELECT count(*) AS c FROM (SELECT 1 FROM participations WHERE actor_id = p.far_id LIMIT 200) c) f) w
    CROSS JOIN LATERAL (
      SELECT x.event_id FROM participations x
      WHERE x.actor_id = w.walker AND (cardinality($3) = 0 OR x.event_kind = ANY($3))
        AND EXISTS (SELECT 1 FROM participations y WHERE y.event_id = x.event_id AND y.actor_id + 0 = w.partner)
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
