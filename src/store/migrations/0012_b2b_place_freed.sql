-- Moussem schema, version 12 (issue 27, check-in): a place is taken in a slot only by a meeting in
-- force (scheduled or held). A no-show or cancelled meeting stays on record and gives its place to a
-- replacement in the same slot. Append-only.

-- SQLite cannot drop a table's UNIQUE constraint: the table is rebuilt with the same rows and ids
-- (nothing refers to b2b_meeting), and the rule becomes a partial unique index.
CREATE TABLE b2b_meeting_v12 (
  id         INTEGER PRIMARY KEY,
  buyer      INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
  seller     INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
  session_id INTEGER NOT NULL REFERENCES b2b_session(id) ON DELETE CASCADE,
  slot       INTEGER NOT NULL CHECK (slot >= 0),
  place_id   INTEGER NOT NULL REFERENCES b2b_place(id) ON DELETE CASCADE,
  status     TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled','held','no_show','cancelled')),
  frozen     INTEGER NOT NULL DEFAULT 0 CHECK (frozen IN (0, 1))
);
INSERT INTO b2b_meeting_v12 (id, buyer, seller, session_id, slot, place_id, status, frozen)
  SELECT id, buyer, seller, session_id, slot, place_id, status, frozen FROM b2b_meeting;
DROP TABLE b2b_meeting;
ALTER TABLE b2b_meeting_v12 RENAME TO b2b_meeting;
CREATE INDEX b2b_meeting_buyer ON b2b_meeting(buyer);
CREATE INDEX b2b_meeting_seller ON b2b_meeting(seller);
CREATE UNIQUE INDEX b2b_meeting_place_in_force ON b2b_meeting(session_id, slot, place_id)
  WHERE status IN ('scheduled', 'held');
