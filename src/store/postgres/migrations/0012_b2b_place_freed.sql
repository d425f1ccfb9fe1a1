-- Moussem schema, version 12, for PostgreSQL, as src/store/migrations/0012_b2b_place_freed.sql (issue 27,
-- check-in): a place is taken in a slot only by a meeting in force (scheduled or held). A no-show or
-- cancelled meeting stays on record and gives its place to a replacement in the same slot. Append-only.
ALTER TABLE b2b_meeting DROP CONSTRAINT b2b_meeting_session_id_slot_place_id_key;
CREATE UNIQUE INDEX b2b_meeting_place_in_force ON b2b_meeting(session_id, slot, place_id)
  WHERE status IN ('scheduled', 'held');
