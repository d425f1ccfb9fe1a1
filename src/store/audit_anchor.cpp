#include "store/audit_anchor.hpp"

#include <sodium.h>

#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/paths.hpp"
#include "core/signing_key.hpp"

namespace moussem {

namespace {

constexpr std::string_view kPrefix = "moussem-audit-anchor.1.";

// What the signature covers: every field but the signature, in a fixed order.
std::string signedPart(const AuditAnchor& a) {
  return std::string(kPrefix) + a.edition + "." + std::to_string(a.id) + "." + a.hash + "." + a.at;
}

// 2026-02-10T10:15:00.123Z -> 20260210T101500Z (no dot, which separates the anchor's fields).
std::string nowCompact() {
  std::string out;
  for (char c : dates::utcNowIso().substr(0, 19))
    if (c != '-' && c != ':') out += c;
  return out + "Z";
}

bool tokenChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
}

bool digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

std::vector<std::string_view> split(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == '.') {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  return out;
}

}  // namespace

std::string anchorText(const AuditAnchor& a) {
  return signedPart(a) + "." + (a.signature.empty() ? std::string("-") : a.signature);
}

AuditAnchor makeAuditAnchor(const std::string& edition, std::int64_t id, const std::string& hash,
                            const std::filesystem::path& keyFile) {
  AuditAnchor a{edition, id, hash, nowCompact(), ""};
  std::error_code ec;
  if (keyFile.empty() || !std::filesystem::exists(keyFile, ec)) return a;
  try {
    SigningKey key = readKeyFile(keyFile);
    if (key.edition_uid == edition) {
      const std::string message = signedPart(a);
      unsigned char sig[crypto_sign_BYTES];
      crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                           key.secret_key.data());
      char out[sodium_base64_ENCODED_LEN(crypto_sign_BYTES, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
      sodium_bin2base64(out, sizeof out, sig, sizeof sig, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
      a.signature = out;
    }
    sodium_memzero(key.secret_key.data(), key.secret_key.size());
  } catch (const Error&) {
    // An unreadable or foreign key file: the anchor is written unsigned, and says so.
  }
  return a;
}

AuditAnchor currentAuditAnchor(Store& store) {
  const auto edition = store.edition();
  const AuditHead head = store.auditHead();
  return makeAuditAnchor(edition ? edition->uid : std::string(), head.id, head.hash,
                         paths::keyFileFor(store.location()));
}

std::vector<AuditAnchor> findAuditAnchors(std::string_view bytes) {
  std::vector<AuditAnchor> out;
  for (std::size_t at = bytes.find(kPrefix); at != std::string_view::npos; at = bytes.find(kPrefix, at + 1)) {
    std::size_t end = at;
    while (end < bytes.size() && tokenChar(bytes[end])) ++end;
    const auto f = split(bytes.substr(at + kPrefix.size(), end - at - kPrefix.size()));
    if (f.size() != 5 || f[0].empty() || !digits(f[1]) || f[2].size() != 64 || f[3].size() != 16 || f[4].empty())
      continue;
    AuditAnchor a;
    a.edition = std::string(f[0]);
    a.id = std::stoll(std::string(f[1]));
    a.hash = std::string(f[2]);
    a.at = std::string(f[3]);
    a.signature = f[4] == "-" ? std::string() : std::string(f[4]);
    out.push_back(std::move(a));
  }
  return out;
}

AnchorSignature checkAnchorSignature(const AuditAnchor& a, const std::array<unsigned char, 32>& publicKey) {
  if (a.signature.empty()) return AnchorSignature::Unsigned;
  if (sodium_init() < 0) return AnchorSignature::Invalid;
  unsigned char sig[crypto_sign_BYTES];
  std::size_t len = 0;
  if (sodium_base642bin(sig, sizeof sig, a.signature.data(), a.signature.size(), nullptr, &len, nullptr,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
      len != sizeof sig)
    return AnchorSignature::Invalid;
  const std::string message = signedPart(a);
  return crypto_sign_verify_detached(sig, reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                                     publicKey.data()) == 0
             ? AnchorSignature::Valid
             : AnchorSignature::Invalid;
}

}  // namespace moussem
