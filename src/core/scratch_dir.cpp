#include "core/scratch_dir.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <system_error>

#include "core/error.hpp"
#include "core/i18n.hpp"

namespace moussem {

ScratchDir::ScratchDir(std::string_view prefix, std::string_view errorKey) {
  std::error_code ec;
  auto base = std::filesystem::temp_directory_path(ec);
  if (ec) base = "/tmp";
  std::string pattern = (base / (std::string(prefix) + "-XXXXXX")).string();
  if (!::mkdtemp(pattern.data())) throw Error(ErrorKind::Io, tr(errorKey, {pattern, std::strerror(errno)}));
  path_ = pattern;
}

ScratchDir::~ScratchDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

}  // namespace moussem
