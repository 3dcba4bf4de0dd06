-- pledgeTotals sums every pledge. At 1M events (120k pledges, 167k donor rows) it read the events
-- table whole for the pledges' dates (a parallel scan of 1M wide rows) and probed each pledge's
-- donors one by one (4 us a probe, 0.5 s): 1.7 s idle, past the statement timeout under load.
-- The pledges' ids and dates, read from this index alone (5 MB at 1M events):
CREATE INDEX events_pledge_days ON events (id) INCLUDE (date_year, date_month, date_day) WHERE kind = 'PLEDGE';
-- The donors and recipients of every pledge in event order, joined to the pledges by hashing or
-- merging instead of a probe per pledge (16 MB at 1M events):
CREATE INDEX participations_pledge_roles ON participations (event_id, role, actor_id) WHERE event_kind = 'PLEDGE';
