// The permission table as PRODUCT.md and issue 9 state it: a gate can only scan; a desk registers and
// prints but cannot allocate booths, change gates or export; only an administrator manages users, keys,
// backups and the audit trail.
#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/roles.hpp"

using namespace moussem;
using P = Permission;

TEST_CASE("the permission table: what each role may and may not do") {
  for (P p : allPermissions()) CHECK(allows(Role::Admin, p));

  for (P p : allPermissions()) CHECK(allows(Role::Gate, p) == (p == P::Scan));

  CHECK(allows(Role::Desk, P::EditPeople));
  CHECK(allows(Role::Desk, P::IssueBadges));
  CHECK(allows(Role::Desk, P::ReadContacts));
  for (P p : {P::ManageBooths, P::ManageGates, P::ExportPersonal, P::ManageUsers, P::ManageKeys, P::Backup,
              P::Anonymize, P::ViewAudit, P::ManageEdition, P::Scan, P::ViewReports})
    CHECK_FALSE(allows(Role::Desk, p));

  for (P p : {P::EditPeople, P::IssueBadges, P::ManageBooths, P::ManageGates, P::ExportPersonal, P::ViewReports,
              P::Scan, P::ManageEdition})
    CHECK(allows(Role::Organizer, p));
  for (P p : {P::ManageUsers, P::ManageKeys, P::Backup, P::Anonymize, P::ViewAudit})
    CHECK_FALSE(allows(Role::Organizer, p));
}

TEST_CASE("role codes round-trip and anything else is no role") {
  for (Role r : allValues<Role>()) CHECK(fromCode<Role>(codeOf(r)) == r);
  CHECK_FALSE(fromCode<Role>("root"));
  CHECK_FALSE(fromCode<Role>("Admin"));
  CHECK_FALSE(fromCode<Role>(""));
}

TEST_CASE("a refusal names the user, the role and what was refused, in the user's language") {
  i18n::setLanguage("fr");
  try {
    require({"karim", Role::Gate, "porte-1"}, P::ExportPersonal);
    FAIL("not refused");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::Refused);
    CHECK(std::string(e.what()) == "karim (contrôle d'accès) n'est pas autorisé à exporter des données personnelles");
  }
  i18n::setLanguage("ar");
  try {
    require({"karim", Role::Desk, "desk"}, P::ManageBooths);
    FAIL("not refused");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("إدارة المخطط") != std::string::npos);
  }
  i18n::setLanguage("fr");
  CHECK_NOTHROW(require({"amina", Role::Desk, "desk"}, P::IssueBadges));
}
