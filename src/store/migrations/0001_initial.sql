-- Moussem schema, version 1: the whole domain of PRODUCT.md. Append-only: never edit a migration
-- that has shipped; add the next numbered file instead.

CREATE TABLE edition (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  name_fr     TEXT NOT NULL,
  name_ar     TEXT NOT NULL DEFAULT '',
  name_en     TEXT NOT NULL DEFAULT '',
  starts_on   TEXT NOT NULL,
  ends_on     TEXT NOT NULL,
  venue       TEXT NOT NULL DEFAULT '',
  timezone    TEXT NOT NULL DEFAULT 'Africa/Casablanca',
  logo_path   TEXT NOT NULL DEFAULT '',
  public_key  TEXT NOT NULL DEFAULT '',
  is_demo     INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK (starts_on <= ends_on)
);

CREATE TABLE setting (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE zone (
  code     TEXT PRIMARY KEY,
  label_fr TEXT NOT NULL,
  label_ar TEXT NOT NULL DEFAULT '',
  label_en TEXT NOT NULL DEFAULT ''
);

CREATE TABLE category (
  code     TEXT PRIMARY KEY,
  color    TEXT NOT NULL,
  label_fr TEXT NOT NULL,
  label_ar TEXT NOT NULL DEFAULT '',
  label_en TEXT NOT NULL DEFAULT '',
  sort     INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE exhibitor (
  id              INTEGER PRIMARY KEY,
  external_id     TEXT,
  name_fr         TEXT NOT NULL,
  name_ar         TEXT NOT NULL DEFAULT '',
  kind            TEXT NOT NULL CHECK (kind IN ('cooperative','company','artisan','association')),
  sector          TEXT NOT NULL,
  region          TEXT NOT NULL,
  city            TEXT NOT NULL DEFAULT '',
  contact_name    TEXT NOT NULL DEFAULT '',
  phone           TEXT NOT NULL DEFAULT '',
  email           TEXT NOT NULL DEFAULT '',
  registration_no TEXT NOT NULL DEFAULT '',
  program         TEXT NOT NULL DEFAULT 'none' CHECK (program IN ('kenz','excellence','aggregation','none')),
  booth_area_m2   REAL NOT NULL DEFAULT 9 CHECK (booth_area_m2 >= 0),
  wants_corner    INTEGER NOT NULL DEFAULT 0,
  needs_power     INTEGER NOT NULL DEFAULT 0,
  preferred_zone  TEXT NOT NULL DEFAULT 'exhibition',
  products        TEXT NOT NULL DEFAULT '',
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE UNIQUE INDEX exhibitor_external_id ON exhibitor(external_id) WHERE external_id IS NOT NULL AND external_id <> '';
CREATE INDEX exhibitor_region ON exhibitor(region);
CREATE INDEX exhibitor_sector ON exhibitor(sector);

CREATE TABLE exhibitor_competitor (
  exhibitor_id INTEGER NOT NULL REFERENCES exhibitor(id) ON DELETE CASCADE,
  other_id     INTEGER NOT NULL REFERENCES exhibitor(id) ON DELETE CASCADE,
  PRIMARY KEY (exhibitor_id, other_id),
  CHECK (exhibitor_id <> other_id)
) WITHOUT ROWID;

CREATE TABLE person (
  id           INTEGER PRIMARY KEY,
  external_id  TEXT,
  first_name   TEXT NOT NULL DEFAULT '',
  last_name    TEXT NOT NULL DEFAULT '',
  name_ar      TEXT NOT NULL DEFAULT '',
  organization TEXT NOT NULL DEFAULT '',
  position     TEXT NOT NULL DEFAULT '',
  category     TEXT NOT NULL REFERENCES category(code),
  country      TEXT NOT NULL DEFAULT 'MA',
  email        TEXT NOT NULL DEFAULT '',
  phone        TEXT NOT NULL DEFAULT '',
  days         TEXT NOT NULL DEFAULT '',       -- comma-separated YYYY-MM-DD
  consent      INTEGER NOT NULL DEFAULT 0,
  consent_at   TEXT NOT NULL DEFAULT '',
  exhibitor_id INTEGER REFERENCES exhibitor(id) ON DELETE SET NULL,
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CHECK (first_name <> '' OR last_name <> '' OR name_ar <> '')
);
CREATE UNIQUE INDEX person_external_id ON person(external_id) WHERE external_id IS NOT NULL AND external_id <> '';
CREATE INDEX person_email ON person(email) WHERE email <> '';
CREATE INDEX person_category ON person(category);
CREATE INDEX person_exhibitor ON person(exhibitor_id) WHERE exhibitor_id IS NOT NULL;

CREATE TABLE badge (
  id            INTEGER PRIMARY KEY,
  person_id     INTEGER NOT NULL UNIQUE REFERENCES person(id) ON DELETE CASCADE,
  serial        TEXT NOT NULL UNIQUE,
  version       INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
  status        TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','revoked')),
  status_reason TEXT NOT NULL DEFAULT '',
  printed_count INTEGER NOT NULL DEFAULT 0,
  issued_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE badge_event (
  id        INTEGER PRIMARY KEY,
  badge_id  INTEGER NOT NULL REFERENCES badge(id) ON DELETE CASCADE,
  version   INTEGER NOT NULL,
  action    TEXT NOT NULL CHECK (action IN ('issue','print','reprint','revoke')),
  reason    TEXT NOT NULL DEFAULT '',
  station   TEXT NOT NULL DEFAULT '',
  operator  TEXT NOT NULL DEFAULT '',
  at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX badge_event_badge ON badge_event(badge_id);

CREATE TABLE hall (
  id     INTEGER PRIMARY KEY,
  code   TEXT NOT NULL UNIQUE,
  name   TEXT NOT NULL DEFAULT '',
  x      REAL NOT NULL DEFAULT 0,
  y      REAL NOT NULL DEFAULT 0,
  width  REAL NOT NULL CHECK (width > 0),
  height REAL NOT NULL CHECK (height > 0)
);

CREATE TABLE booth (
  id           INTEGER PRIMARY KEY,
  code         TEXT NOT NULL UNIQUE,
  hall         TEXT NOT NULL REFERENCES hall(code) ON UPDATE CASCADE,
  x            REAL NOT NULL,
  y            REAL NOT NULL,
  width        REAL NOT NULL CHECK (width > 0),
  depth        REAL NOT NULL CHECK (depth > 0),
  type         TEXT NOT NULL DEFAULT 'inline' CHECK (type IN ('inline','corner','peninsula','island')),
  power        INTEGER NOT NULL DEFAULT 0,
  status       TEXT NOT NULL DEFAULT 'free' CHECK (status IN ('free','hold','assigned','confirmed','blocked')),
  exhibitor_id INTEGER REFERENCES exhibitor(id) ON DELETE SET NULL,
  locked       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX booth_exhibitor ON booth(exhibitor_id) WHERE exhibitor_id IS NOT NULL;

CREATE TABLE gate_profile (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  zone       TEXT NOT NULL REFERENCES zone(code),
  direction  TEXT NOT NULL DEFAULT 'in' CHECK (direction IN ('in','out')),
  categories TEXT NOT NULL DEFAULT '',   -- comma-separated codes; empty: all
  days       TEXT NOT NULL DEFAULT '',   -- comma-separated dates; empty: every edition day
  hours_from TEXT NOT NULL DEFAULT '',
  hours_to   TEXT NOT NULL DEFAULT '',
  reentry    TEXT NOT NULL DEFAULT 'always' CHECK (reentry IN ('always','antipassback','once-per-day'))
);

CREATE TABLE scan (
  id             INTEGER PRIMARY KEY,
  uid            TEXT NOT NULL UNIQUE,       -- unique per scan, so an offline queue syncs idempotently
  gate           TEXT NOT NULL,
  zone           TEXT NOT NULL DEFAULT '',
  direction      TEXT NOT NULL CHECK (direction IN ('in','out')),
  station        TEXT NOT NULL DEFAULT '',
  operator       TEXT NOT NULL DEFAULT '',
  at             TEXT NOT NULL,
  payload_digest TEXT NOT NULL DEFAULT '',
  verdict        TEXT NOT NULL CHECK (verdict IN ('accepted','rejected')),
  reason         TEXT NOT NULL,
  badge_serial   TEXT,
  badge_version  INTEGER,
  person_id      INTEGER REFERENCES person(id) ON DELETE SET NULL,
  manual         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX scan_at ON scan(at);
CREATE INDEX scan_person ON scan(person_id) WHERE person_id IS NOT NULL;

CREATE TABLE presence (
  person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
  zone      TEXT NOT NULL,
  inside    INTEGER NOT NULL DEFAULT 0,
  last_at   TEXT NOT NULL,
  last_day  TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (person_id, zone)
) WITHOUT ROWID;

CREATE TABLE station (
  id        INTEGER PRIMARY KEY,
  name      TEXT NOT NULL UNIQUE,
  kind      TEXT NOT NULL DEFAULT 'desk' CHECK (kind IN ('desk','gate','backoffice')),
  last_seen TEXT NOT NULL DEFAULT ''
);

CREATE TABLE app_user (
  id              INTEGER PRIMARY KEY,
  name            TEXT NOT NULL UNIQUE,
  role            TEXT NOT NULL CHECK (role IN ('admin','organizer','desk','gate')),
  pin_hash        TEXT NOT NULL DEFAULT '',
  disabled        INTEGER NOT NULL DEFAULT 0,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until    TEXT NOT NULL DEFAULT '',
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE audit (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  user_name TEXT NOT NULL DEFAULT '',
  role      TEXT NOT NULL DEFAULT '',
  station   TEXT NOT NULL DEFAULT '',
  action    TEXT NOT NULL,
  entity    TEXT NOT NULL DEFAULT '',
  entity_id TEXT NOT NULL DEFAULT '',
  before    TEXT NOT NULL DEFAULT '',
  after     TEXT NOT NULL DEFAULT '',
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL
);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
