#include "badge/new_edition.hpp"

#include <sodium.h>

#include "core/codes.hpp"
#include "core/dates.hpp"
#include "core/edition_rules.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/paths.hpp"
#include "core/signing_key.hpp"

namespace moussem {

namespace fs = std::filesystem;

void validateEdition(Edition& e) {
  // The rules the app's Edition screen and `edition set` apply too (core/edition_rules).
  const auto errors = prepareEdition(e);
  if (!errors.empty()) throw Error(ErrorKind::Invalid, errors.front().message);
}

namespace {

void fillEdition(Store& store, Edition& edition) {
  store.write([&] {
    store.saveEdition(edition);
    int sort = 0;
    for (auto code : codes::categories()) {
      Category c;
      c.code = std::string(code);
      c.color = std::string(codes::defaultCategoryColor(code));
      c.label_fr = i18n::label("category", code, "fr");
      c.label_ar = i18n::label("category", code, "ar");
      c.label_en = i18n::label("category", code, "en");
      c.sort = sort++;
      store.saveCategory(c);
    }
    for (auto code : codes::zones())
      store.saveZone({std::string(code), i18n::label("zone", code, "fr"), i18n::label("zone", code, "ar"),
                      i18n::label("zone", code, "en")});
  });
}

// A server database: the administrator created it (empty); we add the schema and the edition in
// transactions, and keep the signing key in this station's data folder (paths::keyFileFor).
std::unique_ptr<Store> createServerEdition(const std::string& url, Edition edition) {
  const fs::path keyPath = paths::keyFileFor(url);
  std::error_code ec;
  if (fs::exists(keyPath, ec)) throw Error(ErrorKind::Refused, tr("key.error.exists", {keyPath.string()}));
  auto store = openStore(url, OpenMode::Create);  // refuses a database that already holds an edition
  if (edition.uid.empty()) edition.uid = randomBase32(6);
  SigningKey key = generateSigningKey(edition.uid);
  edition.public_key = publicKeyBase64(key);
  if (!fs::exists(keyPath.parent_path(), ec)) {
    fs::create_directories(keyPath.parent_path(), ec);
    fs::permissions(keyPath.parent_path(), fs::perms::owner_all, fs::perm_options::replace, ec);
  }
  writeKeyFile(keyPath, key);
  sodium_memzero(key.secret_key.data(), key.secret_key.size());
  try {
    fillEdition(*store, edition);
  } catch (...) {
    fs::remove(keyPath, ec);
    throw;
  }
  return store;
}

}  // namespace

std::unique_ptr<Store> createEditionDatabase(const fs::path& db, Edition edition) {
  validateEdition(edition);
  if (paths::isServerUrl(db.string())) return createServerEdition(db.string(), std::move(edition));
  const fs::path keyPath = paths::keyFileFor(db);
  std::error_code ec;
  if (fs::exists(db, ec)) throw Error(ErrorKind::Refused, tr("store.error.exists", {db.string()}));
  if (fs::exists(keyPath, ec)) throw Error(ErrorKind::Refused, tr("key.error.exists", {keyPath.string()}));

  if (edition.uid.empty()) edition.uid = randomBase32(6);
  SigningKey key = generateSigningKey(edition.uid);
  edition.public_key = publicKeyBase64(key);

  // Build the database under a temporary name and move it into place only when complete.
  const fs::path tmp = db.string() + ".creating";
  auto cleanup = [&] {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(tmp.string() + suffix, ignored);
  };
  cleanup();
  try {
    {
      auto store = openStore(tmp.string(), OpenMode::Create);
      fillEdition(*store, edition);
    }  // closed: WAL checkpointed into the file
    writeKeyFile(keyPath, key);
    sodium_memzero(key.secret_key.data(), key.secret_key.size());
    fs::rename(tmp, db);
  } catch (...) {
    cleanup();
    std::error_code ignored;
    if (!fs::exists(db, ignored)) fs::remove(keyPath, ignored);
    throw;
  }
  return openStore(db.string(), OpenMode::Existing);
}

}  // namespace moussem
