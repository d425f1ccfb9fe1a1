// The version of this Moussem: the project's version in CMakeLists.txt, compiled in. `--version` of both
// programs, the package's version, and the note a database keeps of the Moussem that last upgraded its
// schema (so an older station can say which version to install).
#pragma once
#include <string_view>

namespace moussem {

std::string_view appVersion();

}  // namespace moussem
