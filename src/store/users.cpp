#include "store/users.hpp"

#include <sodium.h>

#include "core/dates.hpp"
#include "core/domain_json.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"

namespace moussem::users {

namespace {

void ensureSodium() {
  if (sodium_init() < 0) throw Error(ErrorKind::Io, "libsodium");
}

void audit(Store& store, const Actor& by, const std::string& action, const std::string& name,
           const nlohmann::json& before, const nlohmann::json& after) {
  AuditRow row;
  row.user_name = by.user;
  row.role = std::string(codeOf(by.role));
  row.station = by.station;
  row.action = action;
  row.entity = "user";
  row.entity_id = name;
  row.before = before.is_null() ? "" : before.dump();
  row.after = after.is_null() ? "" : after.dump();
  store.appendAudit(row);
}

User existing(Store& store, const std::string& name) {
  auto u = store.user(name);
  if (!u) throw Error(ErrorKind::NotFound, tr("user.error.unknown", {name}));
  return *u;
}

}  // namespace

void checkPin(const std::string& pin) {
  bool digits = !pin.empty();
  for (char c : pin) digits = digits && c >= '0' && c <= '9';
  if (digits && pin.size() >= 4 && pin.size() <= 12) return;
  if (!digits && pin.size() >= 8 && pin.size() <= 256) return;
  throw Error(ErrorKind::Invalid, tr("user.error.pin_rule"));
}

void checkName(const std::string& name) {
  bool ok = !name.empty() && name.size() <= 64;
  for (unsigned char c : name) ok = ok && (c >= 0x80 || std::isalnum(c) || c == '.' || c == '-' || c == '_');
  if (!ok) throw Error(ErrorKind::Invalid, tr("user.error.name_rule", {name}));
}

std::string hashPin(const std::string& pin) {
  ensureSodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    throw Error(ErrorKind::Io, tr("user.error.hash"));
  return out;
}

bool pinMatches(const std::string& hash, const std::string& pin) {
  ensureSodium();
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

User addUser(Store& store, const Actor& by, const std::string& name, Role role, const std::string& pin) {
  checkName(name);
  checkPin(pin);
  User u;
  u.name = name;
  u.role = role;
  u.pin_hash = hashPin(pin);
  store.write([&] {
    store.insertUser(u);
    audit(store, by, "user.add", name, nullptr, u);
  });
  return u;
}

void setPin(Store& store, const Actor& by, const std::string& name, const std::string& pin) {
  checkPin(pin);
  const std::string hash = hashPin(pin);
  store.write([&] {
    User u = existing(store, name);
    const User before = u;
    u.pin_hash = hash;
    u.failed_attempts = 0;
    u.locked_until.clear();
    store.updateUser(u);
    audit(store, by, "user.set_pin", name, before, u);
  });
}

void setDisabled(Store& store, const Actor& by, const std::string& name, bool disabled) {
  store.write([&] {
    User u = existing(store, name);
    const User before = u;
    u.disabled = disabled;
    if (!disabled) {
      u.failed_attempts = 0;
      u.locked_until.clear();
    }
    store.updateUser(u);
    audit(store, by, disabled ? "user.disable" : "user.enable", name, before, u);
  });
}

void setRole(Store& store, const Actor& by, const std::string& name, Role role) {
  store.write([&] {
    User u = existing(store, name);
    const User before = u;
    u.role = role;
    store.updateUser(u);
    audit(store, by, "user.set_role", name, before, u);
  });
}

Actor signIn(Store& store, const std::string& name, const std::string& pin, const std::string& station,
             std::chrono::system_clock::time_point now) {
  ensureSodium();
  // The attempt is counted first, atomically, and only then is the PIN checked: whatever number of
  // guesses arrive at once, no more than kMaxFailures are ever checked before the lockout.
  unsigned char random[16];
  randombytes_buf(random, sizeof random);
  char token[sizeof random * 2 + 1];
  sodium_bin2hex(token, sizeof token, random, sizeof random);
  const SignInAttempt attempt{dates::utcIso(now), dates::utcIso(now + kLockout), kMaxFailures, token};
  const auto u = store.countSignInAttempt(name, attempt);
  const Actor who{name, u ? u->role : Role::Gate, station};
  // One answer for every refusal (unknown name, wrong PIN, disabled or locked account), so that no one
  // learns which names exist; the audit trail keeps the real reason for the administrators.
  auto refuse = [&](const std::string& why) {
    audit(store, who, "user.signin_refused", name, nullptr, nlohmann::json{{"reason", why}});
    throw Error(ErrorKind::Refused,
                tr("user.signin.refused", {std::to_string(kMaxFailures), std::to_string(kLockout.count())}));
  };
  if (!u) {
    // The same work as a real check, so the time taken does not tell either.
    static const std::string dummy = hashPin("moussem-no-such-user");
    pinMatches(dummy, pin);
    const auto known = store.user(name);
    refuse(!known ? "unknown" : known->disabled ? "disabled" : "locked");
  }
  if (!pinMatches(u->pin_hash, pin)) refuse(u->failed_attempts >= kMaxFailures ? "locked_now" : "wrong_pin");
  store.clearSignInAttempts(name, token);
  Actor actor{u->name, u->role, station};
  audit(store, actor, "user.signin", name, nullptr, nullptr);
  return actor;
}

}  // namespace moussem::users
