#include "store/audit_chain.hpp"

#include <sodium.h>

#include <unordered_map>

namespace moussem {

namespace {

void field(std::string& out, const std::string& value) {
  out += std::to_string(value.size());
  out += ':';
  out += value;
}

std::string hexSha256(const std::string& bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

std::string hashAs(const AuditRow& row, std::int64_t id) {
  const bool v2 = !row.before_sha.empty();
  std::string s = v2 ? "moussem-audit-v2;" : "moussem-audit-v1;";
  for (const std::string* f : {&row.at, &row.user_name, &row.role, &row.station, &row.action, &row.entity,
                               &row.entity_id, v2 ? &row.before_sha : &row.before, v2 ? &row.after_sha : &row.after})
    field(s, *f);
  field(s, row.prev_hash);
  return hexSha256(std::to_string(id) + ";" + s);
}

}  // namespace

const std::string& auditGenesisHash() {
  static const std::string genesis(64, '0');
  return genesis;
}

std::string auditHash(const AuditRow& row) {
  if (sodium_init() < 0) return {};
  return hashAs(row, row.id);
}

void sealAuditRow(AuditRow& row) {
  if (sodium_init() < 0) return;
  row.before_sha = hexSha256(row.before);
  row.after_sha = hexSha256(row.after);
  row.redacted_at.clear();
  row.hash = hashAs(row, row.id);
}

namespace {
// A version 2 row's values match their digests (or were erased, both of them, by anonymisation).
bool valuesMatch(const AuditRow& r) {
  if (r.before_sha.empty()) return true;
  if (auditRedacted(r)) return r.before.empty() && r.after.empty();
  return hexSha256(r.before) == r.before_sha && hexSha256(r.after) == r.after_sha;
}
}  // namespace

std::vector<AuditProblem> verifyAuditChain(const std::vector<AuditRow>& rows) {
  std::vector<AuditProblem> problems;
  // Where each stored content belongs: a row whose hash is right for another id was moved there.
  std::unordered_map<std::string, std::int64_t> byHash;
  for (const auto& r : rows) byHash.emplace(r.hash, r.id);
  std::string expectedPrev = auditGenesisHash();
  std::int64_t expectedId = rows.empty() ? 0 : 1;
  for (const auto& r : rows) {
    const bool selfOk = auditHash(r) == r.hash && valuesMatch(r);
    if (!selfOk) {
      // Content moved from another position keeps a hash valid for that position's id.
      std::int64_t origin = 0;
      for (const auto& o : rows)
        if (o.id != r.id && hashAs(r, o.id) == r.hash) origin = o.id;
      if (origin)
        problems.push_back({AuditProblem::Kind::Reordered, r.id, origin});
      else
        problems.push_back({AuditProblem::Kind::Edited, r.id, 0});
    } else if (r.id > expectedId) {
      problems.push_back({AuditProblem::Kind::Deleted, expectedId, r.id - 1});
    } else if (r.prev_hash != expectedPrev) {
      // A valid row whose predecessor is not the one before it: the one before was replaced or edited
      // with its hash recomputed.
      std::int64_t before = r.id - 1;
      bool named = false;
      for (const auto& p : problems) named = named || p.id == before;
      if (!named) problems.push_back({AuditProblem::Kind::Edited, before, 0});
    }
    expectedPrev = r.hash;
    expectedId = r.id + 1;
  }
  return problems;
}

}  // namespace moussem
