#include "store/migrations.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "core/embedded.hpp"
#include "core/i18n.hpp"
#include "core/version.hpp"

namespace moussem {
std::span<const EmbeddedFile> embeddedMigrations();
std::span<const EmbeddedFile> embeddedPgMigrations();

namespace {
std::vector<Migration> numbered(std::span<const EmbeddedFile> files) {
  std::vector<Migration> list;
  for (const auto& f : files) {
    auto slash = f.path.rfind('/');
    std::string_view name = slash == std::string_view::npos ? f.path : f.path.substr(slash + 1);
    list.push_back({std::stoi(std::string(name.substr(0, 4))), name, f.data});
  }
  std::sort(list.begin(), list.end(), [](auto& a, auto& b) { return a.version < b.version; });
  for (std::size_t i = 0; i < list.size(); ++i)
    if (list[i].version != static_cast<int>(i) + 1)
      throw std::logic_error("migration numbering has a gap at " + std::string(list[i].name));
  return list;
}
}  // namespace

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> all = numbered(embeddedMigrations());
  return all;
}

const std::vector<Migration>& pgMigrations() {
  static const std::vector<Migration> all = numbered(embeddedPgMigrations());
  return all;
}

int latestSchemaVersion() {
  return static_cast<int>(migrations().size());
}

std::string tooNewMessage(const std::string& where, int version, const std::string& writtenBy) {
  const std::string mine = std::to_string(latestSchemaVersion());
  if (writtenBy.empty()) return tr("store.error.too_new", {where, std::to_string(version), mine});
  return tr("store.error.too_new_install",
            {where, std::to_string(version), mine, writtenBy, std::string(appVersion())});
}

}  // namespace moussem
