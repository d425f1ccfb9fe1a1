// SQLite side of users: sign-in attempts counted in one statement under the write lock (the rest of
// users and the audit trail is in sql/sql_store_users.cpp).
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "store/sql/sql_rows.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace moussem {

std::optional<User> SqliteStore::countSignInAttempt(const std::string& name, const SignInAttempt& a) {
  // One statement under the write lock: two processes never read the same count.
  std::optional<User> out;
  writeOne([&] {
    auto& st = db_->prepare(
        "UPDATE app_user SET "
        "failed_attempts = CASE WHEN locked_until <> '' THEN 1 ELSE failed_attempts + 1 END, "
        "locked_until = CASE WHEN (CASE WHEN locked_until <> '' THEN 1 ELSE failed_attempts + 1 END) >= ?4 "
        "THEN ?3 ELSE '' END, signin_token = ?5 "
        "WHERE name = ?1 AND disabled = 0 AND (locked_until = '' OR locked_until <= ?2) "
        "RETURNING id, name, role, pin_hash, disabled, failed_attempts, locked_until, created_at");
    st.bind(1, name).bind(2, a.now).bind(3, a.lock_until).bind(4, a.max_failures).bind(5, a.token);
    if (st.step()) out = sql_rows::readUser(st);
    st.reset();
  });
  return out;
}

void SqliteStore::clearSignInAttempts(const std::string& name, const std::string& token) {
  writeOne([&] {
    auto& st = db_->prepare(
        "UPDATE app_user SET failed_attempts = 0, locked_until = '', signin_token = '' "
        "WHERE name = ? AND ?2 <> '' AND signin_token = ?2");
    st.bind(1, name).bind(2, token);
    st.run();
  });
}

}  // namespace moussem
