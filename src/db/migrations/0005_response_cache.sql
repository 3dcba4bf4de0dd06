-- Response cache support (src/cache).
--
-- Every committed change to a graph table notifies each API process on channel
-- newsgraph_data_changed with the schema it happened in; each process drops the cached answers of
-- that schema. NOTIFY is transactional, so a rolled-back write notifies no one, and a write made
-- by anyone (another API process, the CLI, psql) is seen. Statement-level triggers: one
-- notification per statement, and PostgreSQL folds identical notifications of one transaction.
CREATE FUNCTION newsgraph_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('newsgraph_data_changed', TG_TABLE_SCHEMA);
  RETURN NULL;
END $$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['articles', 'actors', 'memberships', 'places', 'roles', 'events',
                           'participations', 'amounts', 'stances', 'evidence', 'exchange_rates'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
                   'FOR EACH STATEMENT EXECUTE FUNCTION newsgraph_data_changed()', t || '_data_changed', t);
  END LOOP;
END $$;

-- Automatic persisted queries: the documents clients registered by their sha256 hash, shared by
-- every process (a client may register through one and send the hash to another).
CREATE TABLE persisted_queries (
  hash text PRIMARY KEY,
  document text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  used_at timestamptz NOT NULL DEFAULT now()
);
