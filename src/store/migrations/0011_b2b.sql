-- Moussem schema, version 11 (the forum's B2B meetings, issue 27): sessions of meetings, meeting
-- places, who takes part on which side, who asked to meet whom, and the meetings scheduled. Times are
-- the venue's local time. Append-only.

-- A session: one half-day of meetings on a day of the edition, cut into slots of meeting_minutes with
-- changeover_minutes between them (the walk to the next place), skipping its breaks
-- ("HH:MM-HH:MM" separated by commas: coffee, a talk).
CREATE TABLE b2b_session (
  id                 INTEGER PRIMARY KEY,
  day                TEXT NOT NULL,
  starts             TEXT NOT NULL,
  ends               TEXT NOT NULL,
  meeting_minutes    INTEGER NOT NULL DEFAULT 20 CHECK (meeting_minutes BETWEEN 5 AND 240),
  changeover_minutes INTEGER NOT NULL DEFAULT 5 CHECK (changeover_minutes BETWEEN 0 AND 120),
  breaks             TEXT NOT NULL DEFAULT '',
  CHECK (starts < ends)
);

-- A meeting place: a numbered table of the B2B area (its position in metres on the venue plan) or an
-- exhibitor's own booth (the buyer walks to the cooperative's stand; its position is the booth's).
-- One meeting per slot.
CREATE TABLE b2b_place (
  id    INTEGER PRIMARY KEY,
  code  TEXT NOT NULL UNIQUE,
  kind  TEXT NOT NULL CHECK (kind IN ('table','booth')),
  booth TEXT NOT NULL DEFAULT '',
  x     REAL NOT NULL DEFAULT 0,
  y     REAL NOT NULL DEFAULT 0,
  CHECK ((kind = 'table') = (booth = ''))
);

-- A person taking part in the meetings: a buyer, or a seller (an exhibitor's staff sell for their
-- exhibitor), the most meetings they want (0: as many as the slots allow), and the sessions they
-- cannot attend (ids separated by commas; empty: every session).
CREATE TABLE b2b_participant (
  person_id    INTEGER PRIMARY KEY REFERENCES person(id) ON DELETE CASCADE,
  side         TEXT NOT NULL CHECK (side IN ('buyer','seller')),
  max_meetings INTEGER NOT NULL DEFAULT 0 CHECK (max_meetings >= 0),
  unavailable  TEXT NOT NULL DEFAULT ''
);

-- Who asked to meet whom: priority 3 must, 2 should, 1 could; refused = 1: "no", which blocks the pair
-- whatever the other side asked. One request per ordered pair.
CREATE TABLE b2b_request (
  id          INTEGER PRIMARY KEY,
  from_person INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
  to_person   INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
  priority    INTEGER NOT NULL DEFAULT 2 CHECK (priority BETWEEN 1 AND 3),
  refused     INTEGER NOT NULL DEFAULT 0 CHECK (refused IN (0, 1)),
  UNIQUE (from_person, to_person),
  CHECK (from_person <> to_person)
);
CREATE INDEX b2b_request_to ON b2b_request(to_person);

-- A meeting of a schedule: a buyer and a seller's person, a slot of a session (from 0), a place.
-- frozen = 1 once published: a new schedule keeps it where it is. Status as the table host records it.
CREATE TABLE b2b_meeting (
  id         INTEGER PRIMARY KEY,
  buyer      INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
  seller     INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
  session_id INTEGER NOT NULL REFERENCES b2b_session(id) ON DELETE CASCADE,
  slot       INTEGER NOT NULL CHECK (slot >= 0),
  place_id   INTEGER NOT NULL REFERENCES b2b_place(id) ON DELETE CASCADE,
  status     TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled','held','no_show','cancelled')),
  frozen     INTEGER NOT NULL DEFAULT 0 CHECK (frozen IN (0, 1)),
  UNIQUE (session_id, slot, place_id)
);
CREATE INDEX b2b_meeting_buyer ON b2b_meeting(buyer);
CREATE INDEX b2b_meeting_seller ON b2b_meeting(seller);
