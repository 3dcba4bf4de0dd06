-- An actor's events of one kind, in date order, read from one index: a page of a hub's meetings
-- costs the page, not the hub's whole history (which grows with the graph).
--
-- participations carries its event's kind and sort key, kept equal to the event's by triggers
-- (set on every insert, whatever the writer sent; moved along when an event's kind or date changes).
ALTER TABLE participations ADD COLUMN event_kind text, ADD COLUMN event_sort_date int;

UPDATE participations p SET event_kind = e.kind, event_sort_date = e.sort_date FROM events e WHERE e.id = p.event_id;

ALTER TABLE participations ALTER COLUMN event_kind SET NOT NULL, ALTER COLUMN event_sort_date SET NOT NULL;

CREATE INDEX participations_actor_chrono ON participations (actor_id, event_kind, event_sort_date, event_id);

CREATE FUNCTION newsgraph_participation_event_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT e.kind, e.sort_date INTO NEW.event_kind, NEW.event_sort_date FROM events e WHERE e.id = NEW.event_id;
  RETURN NEW;
END $$;

CREATE TRIGGER participations_event_order BEFORE INSERT OR UPDATE OF event_id, event_kind, event_sort_date ON participations
  FOR EACH ROW EXECUTE FUNCTION newsgraph_participation_event_order();

CREATE FUNCTION newsgraph_event_order_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE participations SET event_kind = NEW.kind, event_sort_date = NEW.sort_date WHERE event_id = NEW.id;
  RETURN NULL;
END $$;

CREATE TRIGGER events_order_changed AFTER UPDATE ON events
  FOR EACH ROW WHEN (OLD.kind IS DISTINCT FROM NEW.kind OR OLD.sort_date IS DISTINCT FROM NEW.sort_date)
  EXECUTE FUNCTION newsgraph_event_order_changed();
