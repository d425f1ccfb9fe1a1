// Importing organisers' spreadsheets (CSV) of exhibitors and participants, per PRODUCT.md "Import
// files": headers matched without regard to case, accents, spaces or punctuation (canonical names and
// French equivalents, docs/import-format.md), codes or FR/AR/EN labels, yes/no variants, ISO or
// French dates. All-or-nothing unless skip_invalid; dry_run writes nothing; rows match existing
// records on external_id, else e-mail, so importing the same file twice changes nothing.
#pragma once
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/registry.hpp"

namespace moussem::io {

enum class Entity { Exhibitors, Participants };

struct ImportOptions {
  bool dry_run = false;
  bool skip_invalid = false;
  std::function<void(double)> progress;  // 0..1
  std::function<bool()> cancelled;       // true: stop, nothing written
};

struct RowError {
  std::size_t line = 0;
  std::string column;  // as written in the file's header; empty for the whole row
  std::string message;
};

struct ImportReport {
  std::string file;
  char separator = ',';
  std::size_t rows = 0, created = 0, updated = 0, unchanged = 0, skipped = 0;
  std::vector<RowError> errors;
  std::vector<std::string> ignored_columns;  // headers that match no field
  bool written = false;                      // something was committed
};

// Throws Error(Invalid) for a file that cannot be read as a table (encoding, binary, empty, missing
// required column); row problems go into the report.
ImportReport importFile(Registry& registry, Entity entity, const std::filesystem::path& file,
                        const ImportOptions& options = {});
ImportReport importText(Registry& registry, Entity entity, std::string_view bytes, const std::string& name,
                        const ImportOptions& options = {});

// The canonical column a header means, or nullopt ("Téléphone" -> "phone", "Prénom" -> "first_name").
std::optional<std::string> canonicalColumn(Entity entity, std::string_view header);
// Canonical columns in file order.
const std::vector<std::string>& columns(Entity entity);

}  // namespace moussem::io
