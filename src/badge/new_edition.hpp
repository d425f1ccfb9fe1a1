// Creating a new edition database: schema, default categories and zones (labels from the catalogs),
// the edition row, and its signing key file beside the database. All or nothing: on any failure no
// database and no key file are left behind.
#pragma once
#include <filesystem>
#include <memory>

#include "core/domain.hpp"
#include "store/store.hpp"

namespace moussem {

std::unique_ptr<Store> createEditionDatabase(const std::filesystem::path& db, Edition edition);

// Normalises and validates an edition's fields (core/edition_rules: a name, dates ISO or French and
// ordered, a known time zone); throws Error(Invalid) naming the first field at fault.
void validateEdition(Edition& edition);

}  // namespace moussem
