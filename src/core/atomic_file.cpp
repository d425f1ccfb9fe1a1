#include "core/atomic_file.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"

namespace moussem {

void discardTemporary(const std::filesystem::path& tmp, const std::filesystem::path& out, std::string_view errorKey,
                      const std::string& reason) {
  std::error_code ec;
  std::filesystem::remove(tmp, ec);
  throw Error(ErrorKind::Io, tr(errorKey, {out.string(), reason}));
}

void commitTemporary(const std::filesystem::path& tmp, const std::filesystem::path& out, std::string_view errorKey) {
  std::error_code ec;
  std::filesystem::rename(tmp, out, ec);
  if (ec) discardTemporary(tmp, out, errorKey, ec.message());
}

}  // namespace moussem
