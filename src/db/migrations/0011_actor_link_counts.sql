-- How many counterparts each actor has per kind of event (links whose events took place), kept by
-- triggers on actor_links as they change: whoMetWhom's totalCount for one actor. Counted from its
-- actor_links rows, a hub's count walks one row per counterpart (tens of thousands at 1M events,
-- 6.9 ms, the slowest statement of that query); read from here it is one row.
CREATE TABLE actor_link_counts (
  actor_id     bigint NOT NULL,
  event_kind   text NOT NULL,
  -- Never 0 between statements: the statement that brings a count down to 0 deletes its row.
  counterparts int NOT NULL,
  PRIMARY KEY (actor_id, event_kind)
);

-- One function for the three kinds of statement on actor_links: the difference between the links
-- with occurred > 0 after it (new_rows) and before it (old_rows), per actor and kind.
CREATE FUNCTION newsgraph_actor_link_counts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  actor_ids bigint[];
  kinds text[];
  deltas int[];
BEGIN
  IF current_setting('newsgraph.bulk_load', true) = 'on' THEN
    RETURN NULL;
  END IF;
  -- Each branch reads only the transition tables its trigger declares.
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(actor_id ORDER BY actor_id, event_kind), array_agg(event_kind ORDER BY actor_id, event_kind), array_agg(n ORDER BY actor_id, event_kind)
      INTO actor_ids, kinds, deltas
      FROM (SELECT actor_id, event_kind, count(*)::int AS n FROM new_rows WHERE occurred > 0 GROUP BY actor_id, event_kind) d;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(actor_id ORDER BY actor_id, event_kind), array_agg(event_kind ORDER BY actor_id, event_kind), array_agg(n ORDER BY actor_id, event_kind)
      INTO actor_ids, kinds, deltas
      FROM (SELECT actor_id, event_kind, sum(delta)::int AS n FROM (
              SELECT actor_id, event_kind, 1 AS delta FROM new_rows WHERE occurred > 0
              UNION ALL SELECT actor_id, event_kind, -1 FROM old_rows WHERE occurred > 0
            ) c GROUP BY actor_id, event_kind HAVING sum(delta) <> 0) d;
  ELSE
    SELECT array_agg(actor_id ORDER BY actor_id, event_kind), array_agg(event_kind ORDER BY actor_id, event_kind), array_agg(-n ORDER BY actor_id, event_kind)
      INTO actor_ids, kinds, deltas
      FROM (SELECT actor_id, event_kind, count(*)::int AS n FROM old_rows WHERE occurred > 0 GROUP BY actor_id, event_kind) d;
  END IF;
  IF actor_ids IS NULL THEN
    RETURN NULL;
  END IF;
  -- In (actor, kind) order, the same for every writer, so that two writers do not deadlock.
  INSERT INTO actor_link_counts AS c (actor_id, event_kind, counterparts)
    SELECT * FROM unnest(actor_ids, kinds, deltas)
    ON CONFLICT (actor_id, event_kind) DO UPDATE SET counterparts = c.counterparts + EXCLUDED.counterparts;
  DELETE FROM actor_link_counts c USING unnest(actor_ids, kinds) AS t(actor_id, event_kind)
    WHERE c.actor_id = t.actor_id AND c.event_kind = t.event_kind AND c.counterparts = 0;
  RETURN NULL;
END $$;

CREATE FUNCTION newsgraph_actor_link_counts_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE actor_link_counts;
  RETURN NULL;
END $$;

-- An upsert into actor_links fires both the INSERT trigger (rows it inserted) and the UPDATE one
-- (rows it updated).
CREATE TRIGGER actor_links_counts_inserted AFTER INSERT ON actor_links
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION newsgraph_actor_link_counts_changed();
CREATE TRIGGER actor_links_counts_updated AFTER UPDATE ON actor_links
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION newsgraph_actor_link_counts_changed();
CREATE TRIGGER actor_links_counts_deleted AFTER DELETE ON actor_links
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION newsgraph_actor_link_counts_changed();
CREATE TRIGGER actor_links_counts_truncated AFTER TRUNCATE ON actor_links
  FOR EACH STATEMENT EXECUTE FUNCTION newsgraph_actor_link_counts_truncated();

-- Counts afresh from actor_links (also what `drift` checks compare against).
CREATE FUNCTION newsgraph_counted_actor_link_counts()
  RETURNS TABLE (actor_id bigint, event_kind text, counterparts int) LANGUAGE sql STABLE AS $$
  SELECT actor_id, event_kind, count(*)::int FROM actor_links WHERE occurred > 0 GROUP BY actor_id, event_kind
$$;

-- The bulk loader's rebuild (generator, under newsgraph.bulk_load) now rebuilds the counts too.
CREATE OR REPLACE FUNCTION newsgraph_rebuild_actor_links() RETURNS void LANGUAGE sql AS $$
  DELETE FROM actor_links;
  INSERT INTO actor_links (actor_id, other_id, event_kind, events, occurred) SELECT * FROM newsgraph_counted_actor_links();
  DELETE FROM actor_link_counts;
  INSERT INTO actor_link_counts (actor_id, event_kind, counterparts) SELECT * FROM newsgraph_counted_actor_link_counts();
$$;

-- What the store holds already.
INSERT INTO actor_link_counts (actor_id, event_kind, counterparts) SELECT * FROM newsgraph_counted_actor_link_counts();
