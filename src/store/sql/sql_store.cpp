// Transactions and the small helpers every area of the shared store uses.
#include "store/sql/sql_store.hpp"

namespace moussem {

void SqlStore::write(const std::function<void()>& body) {
  sql::Transaction tx(db());
  body();
  tx.commit();
}

std::vector<Id> SqlStore::ids(sql::Query query) {
  std::vector<Id> out;
  while (query.step()) out.push_back(query.integer(0));
  return out;
}

long long SqlStore::count(const std::string& sql) {
  auto q = db().query(sql);
  return q.step() ? q.integer(0) : 0;
}

}  // namespace moussem
