#include "ui/screens/sign_in_model.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/station.hpp"
#include "store/users.hpp"

namespace moussem::ui {

SignInModel::SignInModel(Store& store, std::string station) : store_(store), station_(std::move(station)) {}

SignInModel::Need SignInModel::need() {
  if (!store_.users().empty()) return Need::SignIn;
  auto ed = store_.edition();
  return ed && ed->is_demo ? Need::Nothing : Need::FirstAdmin;
}

Actor SignInModel::owner() const {
  const std::string me = systemUserName();
  return {me.empty() ? std::string("admin") : me, Role::Admin, station_};
}

std::optional<Actor> SignInModel::signIn(const std::string& name, const std::string& pin,
                                         std::chrono::system_clock::time_point now) {
  error_.clear();
  if (name.empty()) {
    error_ = tr("signin.error.name");
    return std::nullopt;
  }
  try {
    return users::signIn(store_, name, pin, station_, now);
  } catch (const Error& e) {
    error_ = e.what();
  }
  return std::nullopt;
}

std::optional<Actor> SignInModel::createFirstAdmin(const std::string& name, const std::string& pin,
                                                   const std::string& again) {
  error_.clear();
  try {
    if (need() != Need::FirstAdmin) throw Error(ErrorKind::Refused, tr("signin.error.users_exist"));
    if (pin != again) throw Error(ErrorKind::Invalid, tr("user.error.pin_mismatch"));
    users::addUser(store_, owner(), name, Role::Admin, pin);
    return users::signIn(store_, name, pin, station_);
  } catch (const Error& e) {
    error_ = e.what();
  }
  return std::nullopt;
}

bool SignInModel::adminUnlocks(const std::string& name, const std::string& pin) {
  auto who = signIn(name, pin);
  if (!who) return false;
  if (who->role != Role::Admin) {
    error_ = tr("signin.error.admin_only");
    return false;
  }
  return true;
}

}  // namespace moussem::ui
