// Users who sign in: names, roles, Argon2id-hashed PINs (libsodium crypto_pwhash_str), lockout after
// repeated wrong PINs. Signing in is the one thing done on the store before anyone is known; what a
// signed-in user may do afterwards is GuardedStore's business.
#pragma once
#include <chrono>
#include <string>

#include "core/roles.hpp"
#include "store/store.hpp"

namespace moussem::users {

constexpr int kMaxFailures = 5;                // wrong PINs in a row before a lockout
constexpr std::chrono::minutes kLockout{5};    // how long a lockout lasts
constexpr std::chrono::minutes kIdleLock{10};  // the app locks itself after this long idle

// A PIN is 4 to 12 digits, or a password of 8 characters or more. Throws Error(Invalid) otherwise.
void checkPin(const std::string& pin);
// A user name: 1 to 64 characters, letters, digits, '.', '-', '_' (any script). Throws Error(Invalid).
void checkName(const std::string& name);

std::string hashPin(const std::string& pin);                       // Argon2id, interactive limits
bool pinMatches(const std::string& hash, const std::string& pin);  // false for an empty hash

// Each writes one audit row as `by` (the caller has checked ManageUsers through GuardedStore, or is
// creating the first administrator of an edition that has no user yet).
User addUser(Store& store, const Actor& by, const std::string& name, Role role, const std::string& pin);
void setPin(Store& store, const Actor& by, const std::string& name, const std::string& pin);
void setDisabled(Store& store, const Actor& by, const std::string& name, bool disabled);
void setRole(Store& store, const Actor& by, const std::string& name, Role role);

// Name + PIN → the signed-in actor. The attempt is counted before the PIN is checked (at kMaxFailures
// in a row the user is locked for kLockout, and no more than kMaxFailures guesses are ever checked, even
// in parallel); a right PIN clears the count. Refused, with one answer that does not tell an unknown
// name from a wrong PIN, a disabled or a locked account, and an audit row giving the real reason.
Actor signIn(Store& store, const std::string& name, const std::string& pin, const std::string& station,
             std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

}  // namespace moussem::users
