#include "cli_context.hpp"

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/paths.hpp"
#include "core/signing_key.hpp"
#include "core/station.hpp"
#include "core/time_zone.hpp"
#include "store/guarded_store.hpp"
#include "store/users.hpp"

namespace moussem::cli {

std::string Context::databasePath() const {
  return db.empty() ? paths::defaultDatabase().string() : db;
}

std::unique_ptr<Store> Context::open() const {
  auto raw = openStore(databasePath(), OpenMode::Existing);
  if (auto edition = raw->edition()) tz::setEditionZone(edition->timezone);  // times shown at the venue's clock
  if (!actor_) actor_ = signIn(*raw);
  warnAboutKeyFile();
  auto guarded = std::make_unique<GuardedStore>(std::move(raw), *actor_);
  guarded->setCommand(command);
  return guarded;
}

Actor Context::actor() const {
  if (!actor_) {
    if (user.empty()) {
      actor_ = owner();  // needs no database (restore may have none yet)
    } else {
      auto raw = openStore(databasePath(), OpenMode::Existing);
      actor_ = signIn(*raw);
    }
  }
  return *actor_;
}

void Context::require(Permission permission) const {
  const Actor who = actor();
  try {
    moussem::require(who, permission);
  } catch (const Error& e) {
    try {
      auto raw = openStore(databasePath(), OpenMode::Existing);
      recordRefusal(*raw, who, permission, e.what(), command);
    } catch (...) {
      // No database to write it in (a restore onto a new laptop): the refusal stands all the same.
    }
    throw;
  }
}

void Context::warnAboutKeyFile() const {
  if (keyWarned_) return;
  keyWarned_ = true;
  if (auto warning = keyFileWarning(paths::keyFileFor(databasePath()))) std::cerr << *warning << "\n";
}

std::string readHidden(const std::string& prompt) {
  std::fprintf(stderr, "%s ", prompt.c_str());
  std::fflush(stderr);
  termios old{};
  const bool tty = ::tcgetattr(STDIN_FILENO, &old) == 0;
  if (tty) {
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (tty) ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
  std::fprintf(stderr, "\n");
  return line;
}

Role roleOf(const std::string& code) {
  auto r = fromCode<Role>(code);
  if (!r) throw Error(ErrorKind::Usage, tr("user.error.role", {code}));
  return *r;
}

std::string readNewSecret(const std::string& prompt, bool fromStdin, const std::string& noTerminal) {
  std::string secret;
  if (fromStdin) {
    std::getline(std::cin, secret);
    if (!secret.empty() && secret.back() == '\r') secret.pop_back();
  } else if (::isatty(STDIN_FILENO)) {
    secret = readHidden(prompt);
    if (readHidden(tr("user.prompt.again")) != secret) throw Error(ErrorKind::Invalid, tr("user.error.pin_mismatch"));
  } else {
    throw Error(ErrorKind::Usage, noTerminal);
  }
  return secret;
}

Actor Context::owner() {
  const std::string me = systemUserName();
  return {me.empty() ? std::string("admin") : me, Role::Admin, stationName()};
}

Actor Context::signIn(Store& raw) const {
  if (user.empty()) return owner();
  std::string pin;
  if (const char* env = std::getenv("MOUSSEM_PIN")) {
    pin = env;
  } else if (::isatty(STDIN_FILENO)) {
    pin = readHidden(tr("user.prompt.pin", {user}));
  } else {
    throw Error(ErrorKind::Usage, tr("user.error.no_pin"));
  }
  return users::signIn(raw, user, pin, stationName());
}

void Context::print(const nlohmann::json& value, const std::string& text) const {
  if (json)
    std::cout << value.dump() << '\n';
  else
    std::cout << text << (text.empty() || text.back() == '\n' ? "" : "\n");
  std::cout.flush();
}

void Context::progress(const std::string& label, double fraction) const {
  if (json || !::isatty(STDERR_FILENO)) return;
  int pct = static_cast<int>(fraction * 100.0 + 0.5);
  std::fprintf(stderr, "\r%s %3d%%", label.c_str(), pct);
  if (fraction >= 1.0) std::fprintf(stderr, "\n");
  std::fflush(stderr);
}

}  // namespace moussem::cli
