// Files written whole or not at all: the writer fills a temporary file beside the target, then one
// rename puts it in place. These end that pattern the same way for every PDF, PNG and workbook.
#pragma once
#include <filesystem>
#include <string>
#include <string_view>

namespace moussem {

// Removes tmp and throws Error(Io) with tr(errorKey, {out, reason}).
[[noreturn]] void discardTemporary(const std::filesystem::path& tmp, const std::filesystem::path& out,
                                   std::string_view errorKey, const std::string& reason);
// Renames tmp over out; if that fails, discardTemporary with the system's reason.
void commitTemporary(const std::filesystem::path& tmp, const std::filesystem::path& out, std::string_view errorKey);

}  // namespace moussem
