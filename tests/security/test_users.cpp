// Users and sign-in: Argon2id hashes (never the PIN), PIN rules, wrong PINs counted and a lockout after
// kMaxFailures, disabled accounts, unknown names answered like wrong PINs; every refusal in the audit trail.
#include <catch2/catch.hpp>

#include "../gate/gate_fixture.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "store/guarded_store.hpp"
#include "store/users.hpp"

using namespace moussem;
using moussem::test::GateFixture;

namespace {
const Actor kOwner{"root", Role::Admin, "back-office"};

std::string refusal(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::Refused);
    return e.what();
  }
  FAIL("not refused");
  return "";
}
}  // namespace

TEST_CASE("a PIN is kept as an Argon2id hash, never as itself") {
  GateFixture f;
  users::addUser(*f.store, kOwner, "amina", Role::Desk, "482913");
  auto u = f.store->user("amina");
  REQUIRE(u);
  CHECK(u->role == "desk");
  CHECK(u->pin_hash.rfind("$argon2id$", 0) == 0);
  CHECK(u->pin_hash.find("482913") == std::string::npos);
  CHECK(users::pinMatches(u->pin_hash, "482913"));
  CHECK_FALSE(users::pinMatches(u->pin_hash, "482914"));
  CHECK_FALSE(users::pinMatches("", ""));
  // The audit row of the creation says who added whom, and carries no hash.
  auto row = f.store->auditRows({"", "user.add", "", "", "", "", 0}, 1).front();
  CHECK(row.user_name == "root");
  CHECK(row.entity_id == "amina");
  CHECK(row.after.find("argon2") == std::string::npos);
}

TEST_CASE("PIN and name rules, a second user of the same name is refused") {
  GateFixture f;
  CHECK_THROWS_AS(users::checkPin("123"), Error);
  CHECK_THROWS_AS(users::checkPin("1234567890123"), Error);
  CHECK_THROWS_AS(users::checkPin("motdepa"), Error);  // 7 characters
  CHECK_NOTHROW(users::checkPin("1234"));
  CHECK_NOTHROW(users::checkPin("souk el had"));
  CHECK_THROWS_AS(users::addUser(*f.store, kOwner, "x'; DROP TABLE person; --", Role::Admin, "1234"), Error);
  CHECK_THROWS_AS(users::addUser(*f.store, kOwner, "", Role::Admin, "1234"), Error);
  CHECK_NOTHROW(users::addUser(*f.store, kOwner, "يوسف.ب", Role::Gate, "1234"));
  users::addUser(*f.store, kOwner, "karim", Role::Gate, "1234");
  CHECK(refusal([&] { users::addUser(*f.store, kOwner, "karim", Role::Admin, "9999"); }).find("karim") !=
        std::string::npos);
  CHECK(f.store->user("karim")->role == "gate");
  CHECK(f.store->person(f.visitor));  // the person table is still there
}

TEST_CASE("sign-in: right PIN, wrong PINs counted, lockout, and back after the lockout") {
  i18n::setLanguage("fr");
  GateFixture f;
  users::addUser(*f.store, kOwner, "karim", Role::Gate, "2468");
  const auto t0 = std::chrono::system_clock::now();

  Actor a = users::signIn(*f.store, "karim", "2468", "porte-1", t0);
  CHECK(a.user == "karim");
  CHECK(a.role == Role::Gate);
  CHECK(a.station == "porte-1");

  for (int i = 1; i < users::kMaxFailures; ++i) {
    CHECK(refusal([&] { users::signIn(*f.store, "karim", "1111", "porte-1", t0); }) == "nom ou code incorrect");
    CHECK(f.store->user("karim")->failed_attempts == i);
  }
  CHECK(refusal([&] { users::signIn(*f.store, "karim", "1111", "porte-1", t0); }).find("bloqué") != std::string::npos);
  // Locked: even the right PIN is refused until the lockout ends.
  CHECK(refusal([&] { users::signIn(*f.store, "karim", "2468", "porte-1", t0 + std::chrono::minutes(1)); })
            .find("bloqué jusqu'à") != std::string::npos);
  const auto later = t0 + users::kLockout + std::chrono::seconds(1);
  CHECK(users::signIn(*f.store, "karim", "2468", "porte-1", later).role == Role::Gate);
  CHECK(f.store->user("karim")->failed_attempts == 0);
  CHECK(f.store->user("karim")->locked_until.empty());

  // Every refusal is in the audit trail, under the name that was tried.
  CHECK(f.store->auditRows({"karim", "user.signin_refused", "", "", "", "", 0}, 100).size() ==
        static_cast<std::size_t>(users::kMaxFailures + 1));
}

TEST_CASE("an unknown name gets the same answer as a wrong PIN, a disabled user is refused") {
  i18n::setLanguage("fr");
  GateFixture f;
  users::addUser(*f.store, kOwner, "salma", Role::Organizer, "13579");
  CHECK(refusal([&] { users::signIn(*f.store, "nobody", "13579", "s"); }) ==
        refusal([&] { users::signIn(*f.store, "salma", "00000", "s"); }));
  users::setDisabled(*f.store, kOwner, "salma", true);
  CHECK(refusal([&] { users::signIn(*f.store, "salma", "13579", "s"); }).find("désactivé") != std::string::npos);
  users::setDisabled(*f.store, kOwner, "salma", false);
  CHECK(users::signIn(*f.store, "salma", "13579", "s").role == Role::Organizer);
  users::setPin(*f.store, kOwner, "salma", "97531");
  CHECK_THROWS(users::signIn(*f.store, "salma", "13579", "s"));
  CHECK(users::signIn(*f.store, "salma", "97531", "s").user == "salma");
  users::setRole(*f.store, kOwner, "salma", Role::Desk);
  CHECK(users::signIn(*f.store, "salma", "97531", "s").role == Role::Desk);
}

TEST_CASE("only an administrator manages users, through the guarded store") {
  GateFixture f;
  users::addUser(*f.store, kOwner, "amina", Role::Desk, "1234");
  GuardedStore desk(openStore(f.db.string()), {"amina", Role::Desk, "desk-1"});
  CHECK_THROWS_AS(users::addUser(desk, desk.actor(), "mallory", Role::Admin, "1234"), Error);
  CHECK_THROWS_AS(users::setRole(desk, desk.actor(), "amina", Role::Admin), Error);
  CHECK_THROWS_AS(desk.users(), Error);
  CHECK(f.store->user("amina")->role == "desk");
  CHECK_FALSE(f.store->user("mallory"));
  GuardedStore admin(openStore(f.db.string()), {"root", Role::Admin, "bo"});
  users::addUser(admin, admin.actor(), "hassan", Role::Organizer, "8642");
  CHECK(admin.users().size() == 2);
  CHECK(admin.auditRows({"root", "user.add", "", "", "", "", 0}, 5).front().entity_id == "hassan");
}
