#include "core/roles.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"

namespace moussem {

namespace {

using P = Permission;

// One row per role: what it may do. Anything not listed is refused.
bool table(Role role, Permission p) {
  switch (role) {
    case Role::Admin:
      return true;
    case Role::Organizer:
      return p != P::ManageUsers && p != P::ManageKeys && p != P::Backup && p != P::Anonymize && p != P::ViewAudit;
    case Role::Desk:
      return p == P::ReadContacts || p == P::EditPeople || p == P::IssueBadges;
    case Role::Gate:
      return p == P::Scan;
  }
  return false;
}

}  // namespace

bool allows(Role role, Permission permission) {
  return table(role, permission);
}

std::string_view permissionCode(Permission p) {
  switch (p) {
    case P::ReadContacts:
      return "read_contacts";
    case P::EditPeople:
      return "edit_people";
    case P::IssueBadges:
      return "issue_badges";
    case P::ExportPersonal:
      return "export_personal";
    case P::ManageBooths:
      return "manage_booths";
    case P::ManageB2b:
      return "manage_b2b";
    case P::ManageGates:
      return "manage_gates";
    case P::Scan:
      return "scan";
    case P::ViewReports:
      return "view_reports";
    case P::ManageEdition:
      return "manage_edition";
    case P::ManageUsers:
      return "manage_users";
    case P::ManageKeys:
      return "manage_keys";
    case P::Backup:
      return "backup";
    case P::Anonymize:
      return "anonymize";
    case P::ViewAudit:
      return "view_audit";
  }
  return "";
}

const std::vector<Permission>& allPermissions() {
  static const std::vector<Permission> all{P::ReadContacts, P::EditPeople,    P::IssueBadges, P::ExportPersonal,
                                           P::ManageBooths, P::ManageB2b,     P::ManageGates, P::Scan,
                                           P::ViewReports,  P::ManageEdition, P::ManageUsers, P::ManageKeys,
                                           P::Backup,       P::Anonymize,     P::ViewAudit};
  return all;
}

void require(const Actor& actor, Permission permission) {
  if (allows(actor.role, permission)) return;
  throw Error(ErrorKind::Refused, tr("roles.refused", {actor.user, codeLabel(actor.role),
                                                       tr("permission." + std::string(permissionCode(permission)))}));
}

}  // namespace moussem
