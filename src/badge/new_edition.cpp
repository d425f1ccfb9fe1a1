#include "badge/new_edition.hpp"

#include <sodium.h>

#include "badge/signing_key.hpp"
#include "core/codes.hpp"
#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/paths.hpp"

namespace moussem {

namespace fs = std::filesystem;

void validateEdition(const Edition& e) {
  if (e.name_fr.empty() && e.name_en.empty() && e.name_ar.empty())
    throw Error(ErrorKind::Invalid, tr("edition.error.name"));
  if (!dates::isIsoDate(e.starts_on)) throw Error(ErrorKind::Invalid, tr("edition.error.date", {"from", e.starts_on}));
  if (!dates::isIsoDate(e.ends_on)) throw Error(ErrorKind::Invalid, tr("edition.error.date", {"to", e.ends_on}));
  if (e.ends_on < e.starts_on) throw Error(ErrorKind::Invalid, tr("edition.error.order", {e.starts_on, e.ends_on}));
  if (dates::daysBetween(e.starts_on, e.ends_on) > 366) throw Error(ErrorKind::Invalid, tr("edition.error.too_long"));
}

std::unique_ptr<Store> createEditionDatabase(const fs::path& db, Edition edition) {
  validateEdition(edition);
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
      store->write([&] {
        store->saveEdition(edition);
        int sort = 0;
        for (auto code : codes::categories()) {
          Category c;
          c.code = std::string(code);
          c.color = std::string(codes::defaultCategoryColor(code));
          c.label_fr = i18n::label("category", code, "fr");
          c.label_ar = i18n::label("category", code, "ar");
          c.label_en = i18n::label("category", code, "en");
          c.sort = sort++;
          store->saveCategory(c);
        }
        for (auto code : codes::zones())
          store->saveZone({std::string(code), i18n::label("zone", code, "fr"), i18n::label("zone", code, "ar"),
                           i18n::label("zone", code, "en")});
      });
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
