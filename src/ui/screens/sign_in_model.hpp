// Signing in at a station, without ImGui: which form the station needs (create the first administrator,
// or sign in), the attempt itself (users::signIn: Argon2id, lockout), and the administrator's PIN that
// lets a gate kiosk go. Messages come back in the user's language.
#pragma once
#include <chrono>
#include <optional>
#include <string>

#include "core/roles.hpp"
#include "store/store.hpp"

namespace moussem::ui {

class SignInModel {
 public:
  SignInModel(Store& store, std::string station);

  enum class Need { Nothing, FirstAdmin, SignIn };
  // Nothing: a demo edition without users (anyone at this station is its administrator);
  // FirstAdmin: a real edition without users; SignIn: users exist.
  Need need();

  std::optional<Actor> signIn(const std::string& name, const std::string& pin,
                              std::chrono::system_clock::time_point now = std::chrono::system_clock::now());
  // Creates the first administrator of the edition and signs them in. Refused once a user exists.
  std::optional<Actor> createFirstAdmin(const std::string& name, const std::string& pin, const std::string& again);
  // True when name + pin sign in as an administrator (a kiosk's way out).
  bool adminUnlocks(const std::string& name, const std::string& pin);
  Actor owner() const;  // the station's owner, as admin (Need::Nothing)

  const std::string& error() const { return error_; }
  void clearError() { error_.clear(); }

 private:
  Store& store_;
  std::string station_;
  std::string error_;
};

}  // namespace moussem::ui
