// Who is signed in at this station. Screens hand their background work a connection of its own; it
// goes through the same guard as the shell's store (GuardedStore), as this user.
#pragma once
#include <memory>
#include <string>

#include "core/roles.hpp"
#include "store/store.hpp"

namespace moussem::ui {

void setSignedIn(const Actor& actor);
// The signed-in user; before anyone signs in (tests, the demo edition), the station's owner as admin.
Actor signedIn();
// A new connection to location, as the signed-in user.
std::unique_ptr<Store> openAsSignedIn(const std::string& location);

}  // namespace moussem::ui
