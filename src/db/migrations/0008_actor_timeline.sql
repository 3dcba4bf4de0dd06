-- An actor's events of every kind in date order (the timeline query), read from one index, the way
-- 0007's index serves one kind: a page costs the page, not the actor's whole history.
CREATE INDEX participations_actor_timeline ON participations (actor_id, event_sort_date, event_id);
