// Anchors of the audit trail: the newest row's (id, hash) written where the database's users cannot
// change it — each backup's checksum file, each report — and signed with the edition's Ed25519 key,
// which lives in the key file, never in the database. `audit verify --anchor FILE` then checks that the
// trail still holds that row with that hash: a trail rewritten or emptied since (rows removed and the
// chain recomputed, the last row edited and rehashed, every row deleted) no longer matches its anchor.
// An anchor is one line of text, found in any file that carries it (a checksum file, a PDF's keywords,
// a workbook's zip comment, a text file):
//   moussem-audit-anchor.1.<edition uid>.<row id>.<row hash>.<UTC time>.<signature, base64url | ->
// See docs/roles.md for what anchors do and do not detect.
#pragma once
#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "store/store.hpp"

namespace moussem {

struct AuditAnchor {
  std::string edition;    // the edition's uid
  std::int64_t id = 0;    // the newest row of the trail (0: the trail was empty)
  std::string hash;       // its hash (the genesis hash for an empty trail)
  std::string at;         // when the anchor was made, UTC, YYYYMMDDTHHMMSSZ
  std::string signature;  // Ed25519 over the rest, base64url; empty: unsigned (no key file where it was made)
};

// The line written into files.
std::string anchorText(const AuditAnchor& anchor);
// An anchor of (id, hash), signed with the key file at keyFile when it exists and belongs to edition.
AuditAnchor makeAuditAnchor(const std::string& edition, std::int64_t id, const std::string& hash,
                            const std::filesystem::path& keyFile);
// The store's newest row (every role may read it), signed with the key file of the database.
AuditAnchor currentAuditAnchor(Store& store);
// Every anchor line in bytes, in order of appearance.
std::vector<AuditAnchor> findAuditAnchors(std::string_view bytes);
// Whether the anchor's signature is the edition key's.
enum class AnchorSignature { Valid, Invalid, Unsigned };
AnchorSignature checkAnchorSignature(const AuditAnchor& anchor, const std::array<unsigned char, 32>& publicKey);

}  // namespace moussem
