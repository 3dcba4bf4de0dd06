-- The per-client request budget (a token bucket per API key or IP), shared by every API process on
-- this database. Used when REDIS_URL is not set. Rows are small and rewritten in place.
CREATE TABLE rate_limit_buckets (
  client     text PRIMARY KEY,
  tokens     double precision NOT NULL,
  granted    boolean NOT NULL,
  updated_at timestamptz NOT NULL
);
