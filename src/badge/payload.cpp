#include "badge/payload.hpp"

#include <sodium.h>

#include <vector>

#include "core/error.hpp"

namespace moussem {

namespace {

constexpr std::string_view kMagic = "MSM1";
constexpr std::string_view kBase32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr std::string_view kSerialAlphabet = "ABCDEFGHJKMNPQRSTVWXYZ0123456789";
constexpr std::size_t kSignatureChars = 103;  // ceil(64 * 8 / 5)

int base32Value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= '2' && c <= '7') return c - '2' + 26;
  return -1;
}

bool isHexUpper(std::string_view s) {
  if (s.empty() || s.size() > 8) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) return false;
  return s.size() == 1 || s[0] != '0';  // canonical: no leading zero
}

std::string hexUpper(std::uint32_t v) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  do {
    out.insert(out.begin(), kHex[v & 0xF]);
    v >>= 4;
  } while (v);
  return out;
}

std::uint32_t parseHex(std::string_view s) {
  std::uint32_t v = 0;
  for (char c : s) v = (v << 4) | static_cast<std::uint32_t>(c <= '9' ? c - '0' : c - 'A' + 10);
  return v;
}

bool isCategoryText(std::string_view s) {
  if (s.empty() || s.size() > 16) return false;
  for (char c : s)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

bool isVersionText(std::string_view s) {
  if (s.empty() || s.size() > 4 || s[0] == '0') return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

ParsedPayload fail(PayloadVerdict v, std::string detail) {
  ParsedPayload p;
  p.verdict = v;
  p.detail = std::move(detail);
  return p;
}

// Splits the signed part and the signature, and reads the claims; Ok means well-formed only.
ParsedPayload parseFields(std::string_view text, std::string_view& signedPart, std::string_view& signature) {
  if (text.size() > kMaxPayloadLength) return fail(PayloadVerdict::Malformed, "too long");
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '.') {
      fields.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  if (fields.size() != 8) return fail(PayloadVerdict::Malformed, "expected 8 fields");
  if (fields[0] != kMagic) return fail(PayloadVerdict::Malformed, "not a Moussem badge");
  ParsedPayload p;
  p.verdict = PayloadVerdict::Ok;
  if (!isSerialText(fields[1], 6)) return fail(PayloadVerdict::Malformed, "edition");
  if (!isSerialText(fields[2], 8)) return fail(PayloadVerdict::Malformed, "serial");
  if (!isVersionText(fields[3])) return fail(PayloadVerdict::Malformed, "version");
  if (!isCategoryText(fields[4])) return fail(PayloadVerdict::Malformed, "category");
  if (fields[5] != "*" && !isHexUpper(fields[5])) return fail(PayloadVerdict::Malformed, "days");
  if (fields[6] != "*" && !isHexUpper(fields[6])) return fail(PayloadVerdict::Malformed, "zones");
  if (fields[7].size() != kSignatureChars) return fail(PayloadVerdict::Malformed, "signature length");
  for (char c : fields[7])
    if (base32Value(c) < 0) return fail(PayloadVerdict::Malformed, "signature alphabet");
  p.claims.edition = std::string(fields[1]);
  p.claims.serial = std::string(fields[2]);
  p.claims.version = std::stoi(std::string(fields[3]));
  p.claims.category = lower(fields[4]);
  if (fields[5] != "*") p.claims.days = parseHex(fields[5]);
  if (fields[6] != "*") p.claims.zones = parseHex(fields[6]);
  signedPart = text.substr(0, text.size() - kSignatureChars);
  signature = fields[7];
  return p;
}

}  // namespace

bool isSerialText(std::string_view text, std::size_t length) {
  if (text.size() != length) return false;
  for (char c : text)
    if (kSerialAlphabet.find(c) == std::string_view::npos) return false;
  return true;
}

ScanReason payloadScanReason(PayloadVerdict v) {
  switch (v) {
    case PayloadVerdict::Ok:
      return ScanReason::Ok;
    case PayloadVerdict::Malformed:
      return ScanReason::Malformed;
    case PayloadVerdict::Forged:
      return ScanReason::Forged;
    case PayloadVerdict::WrongEvent:
      return ScanReason::WrongEvent;
  }
  return ScanReason::Malformed;
}

std::string base32Encode(const unsigned char* data, std::size_t size) {
  std::string out;
  out.reserve((size * 8 + 4) / 5);
  unsigned buffer = 0;
  int bits = 0;
  for (std::size_t i = 0; i < size; ++i) {
    buffer = (buffer << 8) | data[i];
    bits += 8;
    while (bits >= 5) {
      out += kBase32[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += kBase32[(buffer << (5 - bits)) & 31];
  return out;
}

bool base32Decode(std::string_view text, unsigned char* out, std::size_t size) {
  if (text.size() != (size * 8 + 4) / 5) return false;
  unsigned buffer = 0;
  int bits = 0;
  std::size_t n = 0;
  for (char c : text) {
    int v = base32Value(c);
    if (v < 0) return false;
    buffer = (buffer << 5) | static_cast<unsigned>(v);
    bits += 5;
    if (bits >= 8) {
      if (n < size) out[n++] = static_cast<unsigned char>((buffer >> (bits - 8)) & 0xFF);
      bits -= 8;
    }
  }
  // Canonical only: the unused trailing bits must be zero, or two texts would carry one signature.
  return n == size && (buffer & ((1u << bits) - 1)) == 0;
}

std::string signPayload(const BadgeClaims& c, const std::array<unsigned char, 64>& secret_key) {
  std::string category = upper(c.category);
  if (!isSerialText(c.edition, 6)) throw Error(ErrorKind::Invalid, "badge edition code: " + c.edition);
  if (!isSerialText(c.serial, 8)) throw Error(ErrorKind::Invalid, "badge serial: " + c.serial);
  if (c.version < 1 || c.version > 9999) throw Error(ErrorKind::Invalid, "badge version out of range");
  if (!isCategoryText(category)) throw Error(ErrorKind::Invalid, "badge category: " + c.category);
  std::string text = std::string(kMagic) + "." + c.edition + "." + c.serial + "." + std::to_string(c.version) + "." +
                     category + "." + (c.days ? hexUpper(*c.days) : "*") + "." + (c.zones ? hexUpper(*c.zones) : "*") +
                     ".";
  if (sodium_init() < 0) throw Error(ErrorKind::Io, "libsodium failed to initialise");
  std::array<unsigned char, crypto_sign_BYTES> sig{};
  crypto_sign_detached(sig.data(), nullptr, reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                       secret_key.data());
  text += base32Encode(sig.data(), sig.size());
  return text;
}

ParsedPayload parsePayload(std::string_view text) {
  std::string_view signedPart, signature;
  return parseFields(text, signedPart, signature);
}

ParsedPayload verifyPayload(std::string_view text, std::string_view edition_uid,
                            const std::array<unsigned char, 32>& public_key) {
  std::string_view signedPart, signature;
  ParsedPayload p = parseFields(text, signedPart, signature);
  if (p.verdict != PayloadVerdict::Ok) return p;
  if (p.claims.edition != edition_uid) {
    p.verdict = PayloadVerdict::WrongEvent;
    p.detail = "edition " + p.claims.edition;
    return p;
  }
  std::array<unsigned char, crypto_sign_BYTES> sig{};
  if (!base32Decode(signature, sig.data(), sig.size())) return fail(PayloadVerdict::Malformed, "signature encoding");
  if (crypto_sign_verify_detached(sig.data(), reinterpret_cast<const unsigned char*>(signedPart.data()),
                                  signedPart.size(), public_key.data()) != 0) {
    p.verdict = PayloadVerdict::Forged;
    p.detail = "signature does not verify";
  }
  return p;
}

}  // namespace moussem
