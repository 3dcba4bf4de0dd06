-- Registrations are kept newest first up to a bound (src/cache/persisted-queries.ts): anyone may
-- register documents, so the table may not grow without end. A client whose hash was dropped is
-- answered PERSISTED_QUERY_NOT_FOUND and registers it again, as the protocol says.
CREATE INDEX persisted_queries_newest ON persisted_queries (created_at DESC, hash);
