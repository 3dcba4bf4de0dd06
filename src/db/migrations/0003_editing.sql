-- Editing the graph: API keys (stored as hashes only), the audit trail of every write, and a
-- version on evidence spans so that they too can be updated without losing a concurrent change.

CREATE TABLE api_keys (
  id         bigserial PRIMARY KEY,
  name       text NOT NULL CHECK (name ~ '^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$'),
  role       text NOT NULL CHECK (role IN ('editor', 'admin')),
  -- sha256 of the key, hex. Keys are 256 random bits, so a fast hash is enough: there is no
  -- dictionary to try. The key itself is printed once when created and never stored.
  key_hash   text NOT NULL UNIQUE CHECK (key_hash ~ '^[0-9a-f]{64}$'),
  -- The first characters of the key, so that people can tell their keys apart in `keys list`.
  key_prefix text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

-- One row per changed fact, written in the transaction of the change it records.
CREATE TABLE audit_log (
  id             bigserial PRIMARY KEY,
  at             timestamptz NOT NULL DEFAULT now(),
  -- Rows written by one request (a delete and its cascade, an import) share the transaction id.
  transaction_id bigint NOT NULL DEFAULT txid_current(),
  key_id         bigint REFERENCES api_keys,
  -- Who: the API key's name, or "cli:<user>" / "seed" for writes made outside the API.
  caller         text NOT NULL CHECK (caller <> ''),
  caller_role    text NOT NULL CHECK (caller_role IN ('editor', 'admin', 'system')),
  action         text NOT NULL CHECK (action IN ('CREATE', 'UPDATE', 'DELETE', 'IMPORT', 'REVOKE')),
  entity         text NOT NULL CHECK (entity IN ('ARTICLE', 'ACTOR', 'PLACE', 'ROLE', 'EVENT', 'STANCE', 'EVIDENCE', 'API_KEY')),
  entity_key     text NOT NULL CHECK (entity_key <> ''),
  before         jsonb,
  after          jsonb,
  CHECK (before IS NOT NULL OR after IS NOT NULL)
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_key, id);
CREATE INDEX audit_log_caller ON audit_log (caller, id);
CREATE INDEX audit_log_at ON audit_log (at, id);

-- The trail is append-only: a change to it would be a change nobody could audit.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

ALTER TABLE evidence ADD COLUMN version int NOT NULL DEFAULT 1;
