#include "store/people_order.hpp"

namespace moussem {

namespace {
// A person's name as the table lists it, folded (names::sortKey, kept with each row): the index of
// migration 8 serves it, so the database reads a million people in that order instead of sorting them.
constexpr const char* kNameKey = "person.name_key";
}  // namespace

PeopleQuerySql orderedPersonIdsSql(const PeopleQuery& q) {
  PeopleQuerySql out;
  auto param = [&](auto value) {
    out.params.emplace_back(value);
    return "$" + std::to_string(out.params.size());
  };
  std::string from = " FROM person";
  std::string where = " WHERE 1 = 1";
  if (!q.category.empty()) where += " AND person.category = " + param(q.category);
  if (q.exhibitor) {
    if (*q.exhibitor == 0)
      where += " AND person.exhibitor_id IS NULL";
    else
      where += " AND person.exhibitor_id = " + param(static_cast<std::int64_t>(*q.exhibitor));
  }
  // Days are stored as "2026-02-09,2026-02-10": a day is among them when ",day," is in ",days,".
  if (!q.day.empty()) where += " AND (',' || person.days || ',') LIKE " + param("%," + q.day + ",%");

  // The order: one key (empty cells last, whichever the direction), then the id.
  std::string key;
  bool mayBeEmpty = true;
  switch (q.order) {
    case PersonOrder::Registration:
      key.clear();
      break;  // the order they were registered in
    case PersonOrder::Name:
      key = kNameKey;
      mayBeEmpty = false;  // every person has a name (the table's CHECK)
      break;
    case PersonOrder::NameAr:
      key = "person.name_ar";
      break;
    case PersonOrder::Organization:
      key = "lower(person.organization)";
      break;
    case PersonOrder::Country:
      key = "person.country";
      break;
    case PersonOrder::Email:
      key = "person.email";
      break;
    case PersonOrder::Phone:
      key = "person.phone";
      break;
    case PersonOrder::Days:
      key =
          "(CASE WHEN person.days = '' THEN 0 ELSE length(person.days) - length(replace(person.days, ',', '')) + 1 "
          "END)";
      mayBeEmpty = false;
      break;
    case PersonOrder::Category: {
      key = "(CASE person.category";
      for (std::size_t i = 0; i < q.category_order.size(); ++i)
        key += " WHEN " + param(q.category_order[i]) + " THEN " + std::to_string(i);
      key += " ELSE " + std::to_string(q.category_order.size()) + " END)";
      mayBeEmpty = false;
      break;
    }
    case PersonOrder::Exhibitor:
      from += " LEFT JOIN exhibitor ON exhibitor.id = person.exhibitor_id";
      key = "lower(coalesce(exhibitor.name_fr, ''))";
      break;
    case PersonOrder::Badge:
      from += " LEFT JOIN badge ON badge.person_id = person.id";
      key = "coalesce(badge.serial, '')";
      break;
  }
  const char* dir = q.ascending ? "" : " DESC";
  std::string order = " ORDER BY ";
  if (!key.empty()) {
    if (mayBeEmpty) order += "(" + key + " = ''), ";
    order += key + dir + ", ";
  }
  order += std::string("person.id") + dir;
  out.sql = "SELECT person.id" + from + where + order;
  if (q.limit > 0) out.sql += " LIMIT " + param(static_cast<std::int64_t>(q.limit));
  return out;
}

}  // namespace moussem
