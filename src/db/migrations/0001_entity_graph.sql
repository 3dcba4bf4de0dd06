-- The entity graph: articles, actors, places, roles, events and the evidence that supports each fact.
-- Slugs are natural keys; ids are internal. Every entity row carries a version for optimistic updates.

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

CREATE TABLE articles (
  id              bigserial PRIMARY KEY,
  slug            text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  title           text NOT NULL CHECK (title <> ''),
  published_year  int NOT NULL,
  published_month int CHECK (published_month BETWEEN 1 AND 12),
  published_day   int CHECK (published_day IS NULL OR (published_day BETWEEN 1 AND 31 AND published_month IS NOT NULL)),
  url             text,
  text            text NOT NULL CHECK (text <> ''),
  content_hash    text NOT NULL,
  version         int NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE actors (
  id         bigserial PRIMARY KEY,
  slug       text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  kind       text NOT NULL CHECK (kind IN ('PERSON', 'COUNTRY', 'ORGANIZATION')),
  name       text NOT NULL CHECK (name <> ''),
  aliases    text[] NOT NULL DEFAULT '{}',
  iso_code   text CHECK (iso_code ~ '^[A-Z]{2}$'),
  org_type   text,
  version    int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'COUNTRY') = (iso_code IS NOT NULL)),
  CHECK (kind = 'ORGANIZATION' OR org_type IS NULL)
);
CREATE INDEX actors_kind_name ON actors (kind, name, id);
CREATE INDEX actors_name ON actors (name, id);

CREATE TABLE memberships (
  id              bigserial PRIMARY KEY,
  organization_id bigint NOT NULL REFERENCES actors ON DELETE CASCADE,
  member_id       bigint NOT NULL REFERENCES actors ON DELETE CASCADE,
  UNIQUE (organization_id, member_id),
  CHECK (organization_id <> member_id)
);
CREATE INDEX memberships_member ON memberships (member_id);

CREATE TABLE places (
  id         bigserial PRIMARY KEY,
  slug       text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name       text NOT NULL CHECK (name <> ''),
  country_id bigint REFERENCES actors ON DELETE RESTRICT,
  version    int NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE roles (
  id          bigserial PRIMARY KEY,
  person_id   bigint NOT NULL REFERENCES actors ON DELETE CASCADE,
  title       text NOT NULL CHECK (title <> ''),
  of_actor_id bigint REFERENCES actors ON DELETE RESTRICT,
  since_year  int, since_month int, since_day int,
  until_year  int, until_month int, until_day int,
  version     int NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE NULLS NOT DISTINCT (person_id, title, of_actor_id)
);
CREATE INDEX roles_of_actor ON roles (of_actor_id);

CREATE TABLE events (
  id             bigserial PRIMARY KEY,
  slug           text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  kind           text NOT NULL CHECK (kind IN ('MEETING', 'GATHERING', 'PLEDGE', 'STATEMENT', 'PROPOSAL', 'ACTION')),
  title          text NOT NULL CHECK (title <> ''),
  status         text NOT NULL DEFAULT 'OCCURRED' CHECK (status IN ('OCCURRED', 'ONGOING', 'PLANNED', 'POTENTIAL')),
  date_year      int,
  date_month     int CHECK (date_month IS NULL OR (date_month BETWEEN 1 AND 12 AND date_year IS NOT NULL)),
  date_day       int CHECK (date_day IS NULL OR (date_day BETWEEN 1 AND 31 AND date_month IS NOT NULL)),
  place_id       bigint REFERENCES places ON DELETE RESTRICT,
  -- MEETING
  ordinal        int CHECK (ordinal >= 1),
  purpose        text,
  agenda         text[] NOT NULL DEFAULT '{}',
  -- PLEDGE
  purposes       text[] NOT NULL DEFAULT '{}',
  -- STATEMENT
  quote          text,
  statement_mode text CHECK (statement_mode IN ('DIRECT', 'INDIRECT')),
  -- PROPOSAL
  summary        text,
  -- ACTION
  category       text,
  -- Chronological sort key: a partial date sorts after the fuller dates inside it, unknown dates last.
  sort_date      int GENERATED ALWAYS AS (
    coalesce(date_year, 99999) * 10000 + coalesce(date_month, 99) * 100 + coalesce(date_day, 99)) STORED,
  version        int NOT NULL DEFAULT 1,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'STATEMENT') = (quote IS NOT NULL AND statement_mode IS NOT NULL)),
  CHECK ((kind = 'ACTION') = (category IS NOT NULL))
);
CREATE INDEX events_kind_chrono ON events (kind, sort_date, id);
CREATE INDEX events_chrono ON events (sort_date, id);
CREATE INDEX events_place ON events (place_id);

-- Who took part in an event and as what. Donors, recipients, speakers, proposers and announcers
-- are participations too, so that every "who met / pledged / said" question reads one table.
CREATE TABLE participations (
  id       bigserial PRIMARY KEY,
  event_id bigint NOT NULL REFERENCES events ON DELETE CASCADE,
  actor_id bigint NOT NULL REFERENCES actors ON DELETE RESTRICT,
  role     text NOT NULL DEFAULT 'participant' CHECK (role ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  position int NOT NULL DEFAULT 0,
  UNIQUE (event_id, actor_id, role)
);
CREATE INDEX participations_actor ON participations (actor_id, role, event_id);
CREATE UNIQUE INDEX participations_one_speaker ON participations (event_id) WHERE role = 'speaker';
CREATE UNIQUE INDEX participations_one_recipient ON participations (event_id) WHERE role = 'recipient';
CREATE UNIQUE INDEX participations_one_proposer ON participations (event_id) WHERE role = 'proposer';
CREATE UNIQUE INDEX participations_one_announcer ON participations (event_id) WHERE role = 'announcer';

-- Amounts of a pledge: the one it is stated in (is_primary) and any equivalent the article reports.
CREATE TABLE amounts (
  id         bigserial PRIMARY KEY,
  event_id   bigint NOT NULL REFERENCES events ON DELETE CASCADE,
  amount     numeric(32, 6) NOT NULL CHECK (amount >= 0),
  currency   text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  qualifier  text NOT NULL CHECK (qualifier IN ('EXACT', 'AT_LEAST', 'AT_MOST', 'ABOUT')),
  is_primary boolean NOT NULL,
  UNIQUE (event_id, currency)
);
CREATE UNIQUE INDEX amounts_one_primary ON amounts (event_id) WHERE is_primary;

CREATE TABLE stances (
  id          bigserial PRIMARY KEY,
  actor_id    bigint NOT NULL REFERENCES actors ON DELETE RESTRICT,
  proposal_id bigint NOT NULL REFERENCES events ON DELETE CASCADE,
  position    text NOT NULL CHECK (position IN ('ACCEPTED', 'REJECTED', 'NOT_ACCEPTED', 'CONDITIONAL', 'UNDECIDED')),
  conditions  text[] NOT NULL DEFAULT '{}',
  version     int NOT NULL DEFAULT 1,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (actor_id, proposal_id)
);
CREATE INDEX stances_proposal ON stances (proposal_id);

-- A span [start_offset, end_offset) of an article that supports exactly one fact.
CREATE TABLE evidence (
  id            bigserial PRIMARY KEY,
  article_id    bigint NOT NULL REFERENCES articles ON DELETE CASCADE,
  start_offset  int NOT NULL CHECK (start_offset >= 0),
  end_offset    int NOT NULL,
  quote         text NOT NULL,
  actor_id      bigint REFERENCES actors ON DELETE CASCADE,
  place_id      bigint REFERENCES places ON DELETE CASCADE,
  role_id       bigint REFERENCES roles ON DELETE CASCADE,
  membership_id bigint REFERENCES memberships ON DELETE CASCADE,
  event_id      bigint REFERENCES events ON DELETE CASCADE,
  amount_id     bigint REFERENCES amounts ON DELETE CASCADE,
  stance_id     bigint REFERENCES stances ON DELETE CASCADE,
  CHECK (end_offset > start_offset),
  CHECK (num_nonnulls(actor_id, place_id, role_id, membership_id, event_id, amount_id, stance_id) = 1)
);
CREATE INDEX evidence_article ON evidence (article_id);
CREATE INDEX evidence_actor ON evidence (actor_id) WHERE actor_id IS NOT NULL;
CREATE INDEX evidence_place ON evidence (place_id) WHERE place_id IS NOT NULL;
CREATE INDEX evidence_role ON evidence (role_id) WHERE role_id IS NOT NULL;
CREATE INDEX evidence_membership ON evidence (membership_id) WHERE membership_id IS NOT NULL;
CREATE INDEX evidence_event ON evidence (event_id) WHERE event_id IS NOT NULL;
CREATE INDEX evidence_amount ON evidence (amount_id) WHERE amount_id IS NOT NULL;
CREATE INDEX evidence_stance ON evidence (stance_id) WHERE stance_id IS NOT NULL;

-- Conversion rates: 1 base = rate quote, as of a date, from a named source.
CREATE TABLE exchange_rates (
  id       bigserial PRIMARY KEY,
  base     text NOT NULL CHECK (base ~ '^[A-Z]{3}$'),
  quote    text NOT NULL CHECK (quote ~ '^[A-Z]{3}$'),
  rate     numeric(24, 10) NOT NULL CHECK (rate > 0),
  as_of    date NOT NULL,
  source   text NOT NULL CHECK (source <> ''),
  UNIQUE (base, quote, as_of),
  CHECK (base <> quote)
);
