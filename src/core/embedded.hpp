// Files compiled into the binaries (see cmake/EmbedFiles.cmake): migrations, string catalogs, templates.
#pragma once
#include <span>
#include <string_view>

namespace moussem {

struct EmbeddedFile {
  std::string_view path;  // relative to the folder it was embedded from, e.g. "fr.json"
  std::string_view data;
};

}  // namespace moussem
