// The audit trail's hash chain: every row's hash is SHA-256 over the previous row's hash and the row's
// own fields in a canonical encoding, so editing, deleting or reordering rows breaks the chain at a
// place verifyAuditChain() can name. Pure functions: the Store keeps the rows, this checks them.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace moussem {

struct AuditRow {
  std::int64_t id = 0;
  std::string at;  // UTC, ISO 8601 with milliseconds
  std::string user_name, role, station;
  std::string action;             // e.g. person.update, badge.revoke
  std::string entity, entity_id;  // what was changed
  std::string before, after;      // JSON of the record before and after (empty for none)
  std::string prev_hash, hash;    // lower-case hex
  // Version 2 rows (schema 6 on): SHA-256 of before and after, which the hash covers instead of the
  // values, so anonymisation may empty before and after (redacted_at: when) and the chain still holds.
  // Empty before_sha: a version 1 row, hashed over the values themselves.
  std::string before_sha, after_sha, redacted_at;
};

// The newest row of a trail, or an anchor of one: its id and hash (id 0 and the genesis hash: empty).
struct AuditHead {
  std::int64_t id = 0;
  std::string hash;
};

// What the audit screen and `audit list` filter on; empty fields match everything.
struct AuditFilter {
  std::string user_name, action, entity, entity_id;
  std::string from, to;  // UTC ISO 8601 bounds on `at`, inclusive
  std::int64_t before_id = 0;
};

// The prev_hash of the first row.
const std::string& auditGenesisHash();
// Canonical encoding: every field, id first and prev_hash last, as <byte length>:<bytes>; then SHA-256.
// Version 2 rows encode before_sha and after_sha in place of before and after.
std::string auditHash(const AuditRow& row);
// Makes row a version 2 row: the digests of before and after, then its hash (id, at and prev_hash set).
void sealAuditRow(AuditRow& row);
// Whether a row's before and after were erased by anonymisation (its chain still verifies).
inline bool auditRedacted(const AuditRow& row) {
  return !row.redacted_at.empty();
}

struct AuditProblem {
  enum class Kind { Edited, Deleted, Reordered };
  Kind kind = Kind::Edited;
  std::int64_t id = 0;     // the row at fault (Deleted: the first missing id)
  std::int64_t other = 0;  // Reordered: the position the row's content belongs to; Deleted: the last missing id
};

// Walks rows in the order given (the store's id order) and names every problem found.
std::vector<AuditProblem> verifyAuditChain(const std::vector<AuditRow>& rows);

}  // namespace moussem

namespace moussem {

// The audit rows of a SQLite edition, in id order (read only; throws Error).
std::vector<AuditRow> readAuditLog(const std::string& database);

}  // namespace moussem
