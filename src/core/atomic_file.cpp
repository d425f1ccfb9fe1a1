#include "core/atomic_file.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/live_files.hpp"

namespace moussem {

void discardTemporary(const std::filesystem::path& tmp, const std::filesystem::path& out, std::string_view errorKey,
                      const std::string& reason) {
  std::error_code ec;
  std::filesystem::remove(tmp, ec);
  throw Error(ErrorKind::Io, tr(errorKey, {out.string(), reason}));
}

void commitTemporary(const std::filesystem::path& tmp, const std::filesystem::path& out, std::string_view errorKey) {
  // Never over an open database (an export named like it): its connections would go on in a
  // deleted file.
  if (live_files::isLive(out)) discardTemporary(tmp, out, errorKey, tr("io.error.open_database", {out.string()}));
  std::error_code ec;
  std::filesystem::rename(tmp, out, ec);
  if (ec) discardTemporary(tmp, out, errorKey, ec.message());
}

}  // namespace moussem
