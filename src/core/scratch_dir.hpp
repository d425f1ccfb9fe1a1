// A private scratch folder: made under the system's temporary folder, removed with everything in it
// when it goes out of scope, however the work that used it ended.
#pragma once
#include <filesystem>
#include <string_view>

namespace moussem {

class ScratchDir {
 public:
  // prefix: the folder's name before its random part ("moussem-print" -> moussem-print-Ab12Cd). When
  // it cannot be made, throws Error(Io) with tr(errorKey, {folder, reason}).
  ScratchDir(std::string_view prefix, std::string_view errorKey);
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace moussem
