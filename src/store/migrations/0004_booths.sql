-- Moussem schema, version 4 (booths): what the venue plan and the booth allocator need beyond the
-- hall and booth tables of version 1. Append-only.

-- Halls: Arabic name, the zone they belong to (an exhibitor's preferred zone), an optional polygon
-- outline ("x y;x y;..." in venue metres; empty: the rectangle) and the sectors the organiser
-- wants there (comma-separated codes; a soft preference of the allocator).
ALTER TABLE hall ADD COLUMN name_ar TEXT NOT NULL DEFAULT '';
ALTER TABLE hall ADD COLUMN zone    TEXT NOT NULL DEFAULT 'exhibition';
ALTER TABLE hall ADD COLUMN outline TEXT NOT NULL DEFAULT '';
ALTER TABLE hall ADD COLUMN sectors TEXT NOT NULL DEFAULT '';

-- Aisles and entrances of a hall: rectangles in venue metres. A booth on a main aisle or near an
-- entrance is worth more to an exhibitor.
CREATE TABLE venue_feature (
  id     INTEGER PRIMARY KEY,
  kind   TEXT NOT NULL CHECK (kind IN ('aisle','entrance')),
  code   TEXT NOT NULL UNIQUE,
  hall   TEXT NOT NULL REFERENCES hall(code) ON UPDATE CASCADE,
  x      REAL NOT NULL,
  y      REAL NOT NULL,
  width  REAL NOT NULL CHECK (width > 0),
  height REAL NOT NULL CHECK (height > 0),
  label  TEXT NOT NULL DEFAULT '',
  main   INTEGER NOT NULL DEFAULT 0
);

-- What an exhibitor's booth request holds beyond the exhibitor row: a preferred hall, the booth
-- types accepted (comma-separated; empty: any), the editions attended before (seniority) and extra
-- priority points granted by the organiser.
CREATE TABLE booth_request (
  exhibitor_id   INTEGER PRIMARY KEY REFERENCES exhibitor(id) ON DELETE CASCADE,
  preferred_hall TEXT NOT NULL DEFAULT '',
  booth_types    TEXT NOT NULL DEFAULT '',
  seniority      INTEGER NOT NULL DEFAULT 0 CHECK (seniority >= 0),
  extra_points   INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX booth_hall ON booth(hall);
