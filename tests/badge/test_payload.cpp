#include <qrencode.h>
#include <sodium.h>

#include <catch2/catch.hpp>

#include "badge/payload.hpp"

using namespace moussem;

namespace {
struct Keys {
  std::array<unsigned char, 32> pk{};
  std::array<unsigned char, 64> sk{};
};

// Deterministic keys from a seed byte, so test vectors are reproducible.
Keys keysFromSeed(unsigned char base) {
  REQUIRE(sodium_init() >= 0);
  std::array<unsigned char, 32> seed{};
  for (std::size_t i = 0; i < seed.size(); ++i) seed[i] = static_cast<unsigned char>(base + i);
  Keys k;
  crypto_sign_seed_keypair(k.pk.data(), k.sk.data(), seed.data());
  return k;
}

BadgeClaims sampleClaims() {
  BadgeClaims c;
  c.edition = "K7Q2XP";
  c.serial = "AB12CD34";
  c.version = 2;
  c.category = "exhibitor";
  c.days = 0x7F;  // all 7 days of the week
  c.zones = 0x3;  // exhibition + forum
  return c;
}

const std::string kAlphanumeric = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
}  // namespace

TEST_CASE("a signed payload verifies and carries its claims back") {
  Keys k = keysFromSeed(1);
  std::string p = signPayload(sampleClaims(), k.sk);
  auto r = verifyPayload(p, "K7Q2XP", k.pk);
  REQUIRE(r.verdict == PayloadVerdict::Ok);
  CHECK(r.claims.serial == "AB12CD34");
  CHECK(r.claims.version == 2);
  CHECK(r.claims.category == "exhibitor");
  CHECK(r.claims.days == 0x7Fu);
  CHECK(r.claims.zones == 0x3u);
}

TEST_CASE("every payload character is QR-alphanumeric and it fits QR version 7 at level M") {
  Keys k = keysFromSeed(1);
  BadgeClaims longest = sampleClaims();
  longest.category = "exhibitor-staff1";  // the longest category code allowed (16)
  longest.version = 9999;
  longest.days = 0xFFFFFFFF;
  longest.zones = 0xFFFFFFFF;
  for (const auto& claims : {sampleClaims(), longest}) {
    std::string p = signPayload(claims, k.sk);
    CHECK(p.size() <= kMaxPayloadLength);
    for (char c : p) CHECK(kAlphanumeric.find(c) != std::string::npos);
    QRcode* qr = QRcode_encodeString(p.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    REQUIRE(qr != nullptr);
    CHECK(qr->version <= 7);
    QRcode_free(qr);
  }
}

TEST_CASE("the published test vector verifies (docs/badge-format.md)") {
  Keys k = keysFromSeed(0);
  std::string p = signPayload(sampleClaims(), k.sk);
  // Ed25519 is deterministic: same key and claims, same text, on every machine.
  CHECK(p ==
        "MSM1.K7Q2XP.AB12CD34.2.EXHIBITOR.7F.3."
        "SJ4PAZEH23MHRLAVPBU4IXZBGPK66BLSLXNKZU55B53WUVHMIJGCQJILRVXAHOJLYROSOCTH6NVNASTGXH2JFT6MXCQ5NEFMNYJJ6BQ");
  CHECK(verifyPayload(p, "K7Q2XP", k.pk).verdict == PayloadVerdict::Ok);
}

TEST_CASE("any single character changed anywhere is rejected as malformed or forged, never accepted") {
  Keys k = keysFromSeed(1);
  const std::string p = signPayload(sampleClaims(), k.sk);
  long tried = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    for (char c : kAlphanumeric) {
      if (c == p[i]) continue;
      std::string t = p;
      t[i] = c;
      auto r = verifyPayload(t, "K7Q2XP", k.pk);
      INFO("position " << i << " → '" << c << "': " << t);
      // Changing the edition field may look like another event: also a rejection.
      CHECK(r.verdict != PayloadVerdict::Ok);
      ++tried;
    }
  }
  CHECK(tried > 5000);
}

TEST_CASE("a payload cut short, lengthened or in lower case is malformed") {
  Keys k = keysFromSeed(1);
  const std::string p = signPayload(sampleClaims(), k.sk);
  for (std::size_t n = 0; n < p.size(); ++n)
    CHECK(verifyPayload(p.substr(0, n), "K7Q2XP", k.pk).verdict == PayloadVerdict::Malformed);
  CHECK(verifyPayload(p + "A", "K7Q2XP", k.pk).verdict == PayloadVerdict::Malformed);
  CHECK(verifyPayload(p + ".", "K7Q2XP", k.pk).verdict == PayloadVerdict::Malformed);
  CHECK(verifyPayload(p + "\n", "K7Q2XP", k.pk).verdict == PayloadVerdict::Malformed);
  std::string lower = p;
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  CHECK(verifyPayload(lower, "K7Q2XP", k.pk).verdict == PayloadVerdict::Malformed);
  CHECK(verifyPayload("", "K7Q2XP", k.pk).verdict == PayloadVerdict::Malformed);
  CHECK(verifyPayload(std::string(10000, 'A'), "K7Q2XP", k.pk).verdict == PayloadVerdict::Malformed);
  CHECK(verifyPayload(std::string("MSM1\0.K7Q2XP", 12), "K7Q2XP", k.pk).verdict == PayloadVerdict::Malformed);
}

TEST_CASE("a badge of another edition is wrong_event, one signed by another key is forged") {
  Keys ours = keysFromSeed(1), theirs = keysFromSeed(9);
  BadgeClaims other = sampleClaims();
  other.edition = "ZZZZ22";
  CHECK(verifyPayload(signPayload(other, theirs.sk), "K7Q2XP", ours.pk).verdict == PayloadVerdict::WrongEvent);
  CHECK(verifyPayload(signPayload(sampleClaims(), theirs.sk), "K7Q2XP", ours.pk).verdict == PayloadVerdict::Forged);
}

TEST_CASE("claims that cannot be encoded are refused when signing") {
  Keys k = keysFromSeed(1);
  BadgeClaims c = sampleClaims();
  c.serial = "ab12cd34";
  CHECK_THROWS(signPayload(c, k.sk));
  c = sampleClaims();
  c.version = 0;
  CHECK_THROWS(signPayload(c, k.sk));
  c = sampleClaims();
  c.category = "very-long-category-code";
  CHECK_THROWS(signPayload(c, k.sk));
  c = sampleClaims();
  c.category = "forum participant";
  CHECK_THROWS(signPayload(c, k.sk));
}

TEST_CASE("base32 decoding is canonical: trailing bits must be zero") {
  std::array<unsigned char, 64> bytes{};
  for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<unsigned char>(i * 7);
  std::string text = base32Encode(bytes.data(), bytes.size());
  CHECK(text.size() == 103);
  std::array<unsigned char, 64> back{};
  REQUIRE(base32Decode(text, back.data(), back.size()));
  CHECK(back == bytes);
  std::string tweaked = text;
  tweaked.back() = static_cast<char>(tweaked.back() + 1);  // flips only unused bits
  CHECK_FALSE(base32Decode(tweaked, back.data(), back.size()));
}
