// The participants table's query, written once for both databases (the SQL both SQLite and PostgreSQL
// read: $n placeholders, standard functions only): the ids of the people a PeopleQuery keeps, in its
// order. The name order is served by an index (migration 8); the other orders are sorted on demand.
#pragma once
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "core/domain.hpp"

namespace moussem {

struct PeopleQuerySql {
  std::string sql;
  std::vector<std::variant<std::string, std::int64_t>> params;  // $1, $2, ... in order
};

PeopleQuerySql orderedPersonIdsSql(const PeopleQuery& query);

}  // namespace moussem
