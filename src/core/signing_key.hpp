// The edition's Ed25519 signing key. The secret half lives only in a key file beside the database
// (mode 0600) and never enters the database; gate stations need only the public half.
#pragma once
#include <array>
#include <filesystem>
#include <optional>
#include <string>

namespace moussem {

struct SigningKey {
  std::array<unsigned char, 32> public_key{};
  std::array<unsigned char, 64> secret_key{};
  std::string edition_uid;
};

// Generates a fresh key pair for the edition (libsodium crypto_sign_keypair).
SigningKey generateSigningKey(const std::string& edition_uid);
// Writes the key file atomically with mode 0600; refuses to overwrite an existing file.
void writeKeyFile(const std::filesystem::path& path, const SigningKey& key);
// Reads and checks a key file (format, and that the public half matches the secret half).
SigningKey readKeyFile(const std::filesystem::path& path);
// A warning to show when the key file exists and other users of this machine may read it (its group
// or everyone): whoever reads it can mint badges. nullopt when it is private or absent.
std::optional<std::string> keyFileWarning(const std::filesystem::path& path);

std::string toBase64(const unsigned char* data, std::size_t size);
std::string publicKeyBase64(const SigningKey& key);
// Random uppercase base32 text of n characters (edition uids, serials).
std::string randomBase32(std::size_t n);

}  // namespace moussem
