-- Search documents and their indexes, money conversion in SQL (one definition for amountIn,
-- pledge filters, ordering and totals), and helpers for partial-date ranges.

-- array_to_string is only STABLE in general; for text[] it is immutable, which generated columns need.
CREATE FUNCTION newsgraph_join(parts text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT array_to_string(parts, ' ') $$;

ALTER TABLE actors ADD COLUMN search_text text
  GENERATED ALWAYS AS (name || ' ' || newsgraph_join(aliases)) STORED;
ALTER TABLE actors ADD COLUMN search_doc tsvector
  GENERATED ALWAYS AS (to_tsvector('english', name || ' ' || newsgraph_join(aliases))) STORED;
CREATE INDEX actors_search_doc ON actors USING gin (search_doc);
CREATE INDEX actors_search_trgm ON actors USING gin (search_text public.gin_trgm_ops);

-- array_to_string skips nulls, so absent kind-specific fields drop out.
ALTER TABLE events ADD COLUMN search_text text GENERATED ALWAYS AS (
  newsgraph_join(ARRAY[title, quote, purpose, summary] || agenda || purposes)) STORED;
ALTER TABLE events ADD COLUMN search_doc tsvector GENERATED ALWAYS AS (to_tsvector('english',
  newsgraph_join(ARRAY[title, quote, purpose, summary] || agenda || purposes))) STORED;
CREATE INDEX events_search_doc ON events USING gin (search_doc);
CREATE INDEX events_search_trgm ON events USING gin (search_text public.gin_trgm_ops);

ALTER TABLE places ADD COLUMN search_doc tsvector GENERATED ALWAYS AS (to_tsvector('english', name)) STORED;
CREATE INDEX places_search_doc ON places USING gin (search_doc);
CREATE INDEX places_search_trgm ON places USING gin (name public.gin_trgm_ops);

ALTER TABLE articles ADD COLUMN search_doc tsvector
  GENERATED ALWAYS AS (to_tsvector('english', title || ' ' || text)) STORED;
CREATE INDEX articles_search_doc ON articles USING gin (search_doc);
CREATE INDEX articles_title_trgm ON articles USING gin (title public.gin_trgm_ops);

-- First and last day an event's partial date may mean, as yyyymmdd integers (day 31 is a safe
-- upper bound for any month). Date ranges match an event when the two intervals overlap.
ALTER TABLE events ADD COLUMN date_start int GENERATED ALWAYS AS (
  date_year * 10000 + coalesce(date_month, 1) * 100 + coalesce(date_day, 1)) STORED;
ALTER TABLE events ADD COLUMN date_end int GENERATED ALWAYS AS (
  date_year * 10000 + coalesce(date_month, 12) * 100 + coalesce(date_day, 31)) STORED;
CREATE INDEX events_date_range ON events (date_start, date_end);

-- The day a conversion rate should be nearest to: the event's day, mid-month, or mid-year.
CREATE FUNCTION newsgraph_rate_day(y int, m int, d int) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN y IS NULL THEN NULL
              WHEN m IS NULL THEN make_date(y, 7, 1)
              WHEN d IS NULL THEN make_date(y, m, 15)
              ELSE make_date(y, m, d) END $$;

-- The rate from one currency to another on a day: direct, inverted, or chained through one
-- common currency; the nearest date wins (the latest when the day is unknown), a direct rate
-- before a chained one. 1 from_currency = value to_currency.
CREATE FUNCTION newsgraph_rate(from_currency text, to_currency text, on_day date)
  RETURNS TABLE (value numeric, as_of date, source text)
  LANGUAGE sql STABLE AS $$
  WITH legs AS (
    SELECT r.base AS a, r.quote AS b, r.rate AS value, r.as_of, r.source FROM exchange_rates r
    WHERE r.base IN (from_currency, to_currency) OR r.quote IN (from_currency, to_currency)
    UNION ALL
    SELECT r.quote, r.base, 1 / r.rate, r.as_of, r.source || ' (inverted)' FROM exchange_rates r
    WHERE r.base IN (from_currency, to_currency) OR r.quote IN (from_currency, to_currency)
  ),
  nearest AS (
    SELECT DISTINCT ON (a, b) a, b, value, as_of, source FROM legs
    ORDER BY a, b, CASE WHEN on_day IS NULL THEN 0 ELSE abs(as_of - on_day) END, as_of DESC, source
  ),
  candidates AS (
    SELECT n.value, n.as_of, n.source, 0 AS hops FROM nearest n WHERE n.a = from_currency AND n.b = to_currency
    UNION ALL
    SELECT l1.value * l2.value, least(l1.as_of, l2.as_of),
           l1.source || '; ' || l2.source || ' (via ' || l1.b || ')', 1
    FROM nearest l1 JOIN nearest l2 ON l2.a = l1.b AND l2.b = to_currency
    WHERE l1.a = from_currency AND l1.b <> to_currency
  )
  SELECT c.value, c.as_of, c.source FROM candidates c
  ORDER BY c.hops, CASE WHEN on_day IS NULL THEN 0 ELSE abs(c.as_of - on_day) END, c.as_of DESC, c.source
  LIMIT 1 $$;

-- A pledge's amount in a currency: the article's own figure in that currency when there is one
-- (reported), else its stated amount converted (rounded to 2 decimals); value is null when no rate
-- connects the currencies.
CREATE FUNCTION newsgraph_amount_in(event_id bigint, currency text)
  RETURNS TABLE (value numeric, qualifier text, reported boolean, from_currency text,
                 rate numeric, rate_as_of date, rate_source text)
  LANGUAGE sql STABLE AS $$
  SELECT coalesce(rep.amount, round(pri.amount * r.value, 2)),
         coalesce(rep.qualifier, pri.qualifier),
         rep.id IS NOT NULL,
         pri.currency,
         r.value, r.as_of, r.source
  FROM events e
  JOIN amounts pri ON pri.event_id = e.id AND pri.is_primary
  LEFT JOIN amounts rep ON rep.event_id = e.id AND rep.currency = newsgraph_amount_in.currency
  LEFT JOIN LATERAL newsgraph_rate(pri.currency, newsgraph_amount_in.currency,
      newsgraph_rate_day(e.date_year, e.date_month, e.date_day)) r ON rep.id IS NULL
  WHERE e.id = newsgraph_amount_in.event_id $$;
