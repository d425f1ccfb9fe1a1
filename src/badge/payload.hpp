// The badge's QR payload: what a gate needs to decide offline, and nothing personal. Format
// (docs/badge-format.md), every character in the QR alphanumeric set:
//   MSM1.<EDITION>.<SERIAL>.<VERSION>.<CATEGORY>.<DAYS>.<ZONES>.<SIGNATURE>
// The Ed25519 signature covers every byte before it, final '.' included. Parsing is strict: any
// character out of place is `malformed`; a bad signature is `forged`; another edition is `wrong_event`.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/codes.hpp"

namespace moussem {

struct BadgeClaims {
  std::string edition;   // edition uid (6 characters of the serial alphabet)
  std::string serial;    // 8 characters of the serial alphabet
  int version = 1;       // 1..9999; a reprint bumps it
  std::string category;  // category code, upper-cased in the payload
  // Validity days as a bit mask over the edition's days (bit 0 = first day); nullopt: every day.
  std::optional<std::uint32_t> days;
  // Zones as a bit mask over the edition's zones in their stored order; nullopt: every zone.
  std::optional<std::uint32_t> zones;
};

enum class PayloadVerdict { Ok, Malformed, Forged, WrongEvent };

struct ParsedPayload {
  PayloadVerdict verdict = PayloadVerdict::Malformed;
  BadgeClaims claims;  // filled when the text is well-formed
  std::string detail;  // why, for logs and tests (not shown to stewards)
};

inline constexpr std::size_t kMaxPayloadLength = 178;  // QR version 7 at level M holds 178 alphanumerics

// Builds and signs a payload. Throws Error(Invalid) if a claim cannot be encoded.
std::string signPayload(const BadgeClaims& claims, const std::array<unsigned char, 64>& secret_key);

// Parses and verifies a payload against the edition's uid and public key. Never throws.
ParsedPayload verifyPayload(std::string_view text, std::string_view edition_uid,
                            const std::array<unsigned char, 32>& public_key);

// Parses without verifying the signature (for tools that display a badge's claims). Never throws.
ParsedPayload parsePayload(std::string_view text);

bool isSerialText(std::string_view text, std::size_t length);  // characters of the serial alphabet
ScanReason payloadScanReason(PayloadVerdict v);                // the scan reason of a payload's verdict

// RFC 4648 base32 without padding, canonical: decoding refuses non-zero trailing bits.
std::string base32Encode(const unsigned char* data, std::size_t size);
bool base32Decode(std::string_view text, unsigned char* out, std::size_t size);

}  // namespace moussem
