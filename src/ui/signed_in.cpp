#include "ui/signed_in.hpp"

#include <mutex>

#include "core/station.hpp"
#include "store/guarded_store.hpp"

namespace moussem::ui {

namespace {
std::mutex mutex;
std::optional<Actor> current;
}  // namespace

void setSignedIn(const Actor& actor) {
  std::lock_guard<std::mutex> lock(mutex);
  current = actor;
}

Actor signedIn() {
  std::lock_guard<std::mutex> lock(mutex);
  if (current) return *current;
  const std::string me = systemUserName();
  return {me.empty() ? std::string("admin") : me, Role::Admin, stationName()};
}

std::unique_ptr<Store> openAsSignedIn(const std::string& location) {
  return std::make_unique<GuardedStore>(openStore(location), signedIn());
}

}  // namespace moussem::ui
