// Who may do what. Four roles (PRODUCT.md): admin, organizer, desk, gate, and the permission table
// every store access is checked against (store/guarded_store.hpp). The table lives here, in one place,
// so the CLI, the app and the docs all say the same thing.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/codes.hpp"  // Role and its codes

namespace moussem {

enum class Permission {
  ReadContacts,    // phones, e-mails and the other personal fields beyond a name on a badge
  EditPeople,      // register, edit, delete and import people and exhibitors
  IssueBadges,     // mint, print, reprint, revoke
  ExportPersonal,  // lists, exports and right-of-access files with personal data
  ManageBooths,    // venue, booths, allocation
  ManageB2b,       // the forum's B2B sessions, places, requests and schedule
  ManageGates,     // gate profiles
  Scan,            // check badges at a gate, admit by hand
  ViewReports,     // dashboard, reports, scan exports
  ManageEdition,   // edition, categories, zones
  ManageUsers,     // users, roles, PINs
  ManageKeys,      // the badge signing key
  Backup,          // backup and restore
  Anonymize,       // the end-of-event anonymisation
  ViewAudit,       // the audit trail
};

struct Actor {
  std::string user;  // the signed-in user's name; "admin" for the owner of a local file
  Role role = Role::Admin;
  std::string station;  // this station's name
};

bool allows(Role role, Permission permission);

std::string_view permissionCode(Permission permission);  // e.g. "edit_people"
const std::vector<Permission>& allPermissions();

// Throws Error(Refused) naming the user, the role and what was refused (in the user's language).
void require(const Actor& actor, Permission permission);

}  // namespace moussem
