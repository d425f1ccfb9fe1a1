// Stable codes of PRODUCT.md. Codes are never translated; their labels live in the string catalogs
// under "code.<family>.<code>" (e.g. tr("code.sector.pottery")).
#pragma once
#include <span>
#include <string>
#include <string_view>

namespace moussem::codes {

std::span<const std::string_view> kinds();          // cooperative company artisan association
std::span<const std::string_view> sectors();        // pottery carpet jewelry ...
std::span<const std::string_view> regions();        // the 12 regions of Morocco
std::span<const std::string_view> programs();       // kenz excellence aggregation none
std::span<const std::string_view> categories();     // forum official partner ...
std::span<const std::string_view> zones();          // exhibition forum vip b2b
std::span<const std::string_view> boothTypes();     // inline corner peninsula island
std::span<const std::string_view> boothStatuses();  // free hold assigned confirmed blocked
std::span<const std::string_view> directions();     // in out
std::span<const std::string_view> reentryPolicies();
std::span<const std::string_view> presenceResets();  // daily never (a gate profile's presence)
std::span<const std::string_view> roles();           // admin organizer desk gate
std::span<const std::string_view> scanReasons();     // ok malformed forged ...

bool contains(std::span<const std::string_view> family, std::string_view code);

// Default colour (#RRGGBB) of a category code; organisers can change it per edition.
std::string_view defaultCategoryColor(std::string_view category);

}  // namespace moussem::codes
