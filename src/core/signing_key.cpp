#include "core/signing_key.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

#include "core/error.hpp"
#include "core/i18n.hpp"

namespace moussem {

namespace {
void ensureSodium() {
  if (sodium_init() < 0) throw Error(ErrorKind::Io, "libsodium failed to initialise");
}

std::vector<unsigned char> fromBase64(const std::string& text) {
  std::vector<unsigned char> out(text.size());
  std::size_t len = 0;
  if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &len, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0)
    return {};
  out.resize(len);
  return out;
}
}  // namespace

std::string toBase64(const unsigned char* data, std::size_t size) {
  std::string out(sodium_base64_ENCODED_LEN(size, sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), data, size, sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // drop the terminating NUL
  return out;
}

std::string publicKeyBase64(const SigningKey& key) {
  return toBase64(key.public_key.data(), key.public_key.size());
}

std::string randomBase32(std::size_t n) {
  ensureSodium();
  static constexpr char kAlphabet[] = "ABCDEFGHJKMNPQRSTVWXYZ0123456789";  // no I L O U: no misreading
  std::string out(n, 'A');
  for (auto& c : out) c = kAlphabet[randombytes_uniform(32)];
  return out;
}

SigningKey generateSigningKey(const std::string& edition_uid) {
  ensureSodium();
  SigningKey key;
  crypto_sign_keypair(key.public_key.data(), key.secret_key.data());
  key.edition_uid = edition_uid;
  return key;
}

void writeKeyFile(const std::filesystem::path& path, const SigningKey& key) {
  std::ostringstream text;
  text << "moussem-signing-key 1\n"
       << "edition " << key.edition_uid << "\n"
       << "public " << publicKeyBase64(key) << "\n"
       << "secret " << toBase64(key.secret_key.data(), key.secret_key.size()) << "\n";
  const std::string body = text.str();
  // O_EXCL: never overwrite a key; 0600 from the first byte, not chmod afterwards.
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) throw Error(ErrorKind::Io, tr("key.error.cannot_write", {path.string(), std::strerror(errno)}));
  std::size_t off = 0;
  bool ok = true;
  while (off < body.size()) {
    ssize_t n = ::write(fd, body.data() + off, body.size() - off);
    if (n <= 0) {
      ok = false;
      break;
    }
    off += static_cast<std::size_t>(n);
  }
  ok = ok && ::fsync(fd) == 0;
  int err = errno;
  ::close(fd);
  if (!ok) {
    ::unlink(path.c_str());
    throw Error(ErrorKind::Io, tr("key.error.cannot_write", {path.string(), std::strerror(err)}));
  }
}

SigningKey readKeyFile(const std::filesystem::path& path) {
  ensureSodium();
  std::ifstream in(path);
  if (!in) throw Error(ErrorKind::NotFound, tr("key.error.not_found", {path.string()}));
  std::string line, magic, edition, pub, sec;
  std::getline(in, magic);
  while (std::getline(in, line)) {
    auto sp = line.find(' ');
    if (sp == std::string::npos) continue;
    std::string k = line.substr(0, sp), v = line.substr(sp + 1);
    if (k == "edition")
      edition = v;
    else if (k == "public")
      pub = v;
    else if (k == "secret")
      sec = v;
  }
  auto p = fromBase64(pub), s = fromBase64(sec);
  SigningKey key;
  if (magic != "moussem-signing-key 1" || p.size() != key.public_key.size() || s.size() != key.secret_key.size())
    throw Error(ErrorKind::Corrupt, tr("key.error.corrupt", {path.string()}));
  std::copy(p.begin(), p.end(), key.public_key.begin());
  std::copy(s.begin(), s.end(), key.secret_key.begin());
  key.edition_uid = edition;
  std::array<unsigned char, 32> derived{};
  crypto_sign_ed25519_sk_to_pk(derived.data(), key.secret_key.data());
  if (derived != key.public_key) throw Error(ErrorKind::Corrupt, tr("key.error.corrupt", {path.string()}));
  sodium_memzero(s.data(), s.size());
  return key;
}

std::optional<std::string> keyFileWarning(const std::filesystem::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || (st.st_mode & (S_IRGRP | S_IROTH)) == 0) return std::nullopt;
  char mode[8];
  std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
  return tr("key.warning.readable", {path.string(), mode});
}

}  // namespace moussem
