#include <catch2/catch.hpp>
#include <random>

#include "core/search_index.hpp"
#include "core/text_fold.hpp"

using namespace moussem;
using Kind = SearchIndex::Kind;

namespace {
struct Sample {
  std::string first, last, ar, org, email, phone, serial;
};

SearchIndex::Entry entryOf(Id id, const Sample& s) {
  SearchIndex::Entry e;
  e.kind = Kind::Person;
  e.id = id;
  using F = SearchIndex::Field;
  e.texts = {{F::FirstName, s.first}, {F::LastName, s.last}, {F::Name, s.ar}, {F::Other, s.org}, {F::Other, s.email}};
  e.phone = s.phone;
  e.serial = s.serial;
  return e;
}

const std::vector<Sample>& samples() {
  static const std::vector<Sample> all{
      {"Ahmed", "Benali", "أحمد بنعلي", "Coopérative Tifawine", "ahmed.benali@tifawine.ma", "+212612345678",
       "K7QH2M4X"},
      {"Fatima Zahra", "El Idrissi", "فاطمة الزهراء الإدريسي", "Association Al Amal", "fz.idrissi@gmail.com",
       "+212661000111", "ABCD2345"},
      {"Hélène", "Dupré", "", "Maison de l'Artisanat", "helene.dupre@artisanat.fr", "+33612345678", ""},
      {"Mustapha", "Ouali", "مصطفى والي", "تعاونية الأمل", "m.ouali@amal.ma", "+212537123456", "ZZZZ7777"},
  };
  return all;
}

SearchIndex sampleIndex() {
  SearchIndex index;
  Id id = 1;
  for (const auto& s : samples()) index.upsert(entryOf(id++, s));
  SearchIndex::Entry ex;
  ex.kind = Kind::Exhibitor;
  ex.id = 1;
  ex.texts = {{SearchIndex::Field::Name, "Coopérative Argane Tamount"},
              {SearchIndex::Field::Name, "تعاونية أرگان تامونت"},
              {SearchIndex::Field::Other, "Tiznit"},
              {SearchIndex::Field::Other, "001234567000089"}};
  ex.phone = "+212528000000";
  index.upsert(ex);
  return index;
}

std::vector<Id> people(const SearchIndex::Result& r) {
  std::vector<Id> ids;
  for (const auto& h : r.hits)
    if (h.kind == Kind::Person) ids.push_back(h.id);
  std::sort(ids.begin(), ids.end());
  return ids;
}
}  // namespace

TEST_CASE("search finds people by any part of a name, accent- and case-insensitively") {
  SearchIndex index = sampleIndex();
  CHECK(people(index.search("benali")) == std::vector<Id>{1});
  CHECK(people(index.search("BEN")) == std::vector<Id>{1});
  CHECK(people(index.search("nal")) == std::vector<Id>{1});
  CHECK(people(index.search("helene")) == std::vector<Id>{3});
  CHECK(people(index.search("DUPRE h")) == std::vector<Id>{3});
  CHECK(people(index.search("cooperative")) == std::vector<Id>{1});
  auto both = index.search("cooperative");
  CHECK(std::count(both.hits.begin(), both.hits.end(), SearchIndex::Hit{Kind::Exhibitor, 1}) == 1);
  CHECK(people(index.search("zahra idrissi")) == std::vector<Id>{2});
  CHECK(people(index.search("ahmed zahra")).empty());  // every word must match the same record
  CHECK(index.search("xyzzy").hits.empty());
  CHECK(index.search("   ").hits.empty());
}

TEST_CASE("search finds Arabic names whatever the hamza, ta marbuta, maqsura or diacritics") {
  SearchIndex index = sampleIndex();
  CHECK(people(index.search("احمد")) == std::vector<Id>{1});
  CHECK(people(index.search("أَحْمَد")) == std::vector<Id>{1});
  CHECK(people(index.search("ادريسي")) == std::vector<Id>{2});
  CHECK(people(index.search("مصطفي")) == std::vector<Id>{4});
  CHECK(people(index.search("تعاونيه")) == std::vector<Id>{4});
  CHECK(people(index.search("ﺑﻨﻌﻠﻲ")) == std::vector<Id>{1});  // presentation forms
  CHECK(people(index.search("الامل")) == std::vector<Id>{4});
}

TEST_CASE("search finds people by e-mail, phone digits and badge serial") {
  SearchIndex index = sampleIndex();
  CHECK(people(index.search("fz.idrissi@gmail")) == std::vector<Id>{2});
  CHECK(people(index.search("0612345678")) == std::vector<Id>{1});
  CHECK(people(index.search("06 12 34")) == std::vector<Id>{1});
  CHECK(people(index.search("+212 6 12 34 56 78")) == std::vector<Id>{1});
  CHECK(people(index.search("00212612")) == std::vector<Id>{1});
  CHECK(people(index.search("5678")) == std::vector<Id>{1, 3});  // last digits
  CHECK(people(index.search("+33 6 12")) == std::vector<Id>{3});
  CHECK(people(index.search("K7QH2M4X")) == std::vector<Id>{1});
  CHECK(people(index.search("k7qh")) == std::vector<Id>{1});
  CHECK(index.search("001234567000089").hits == std::vector<SearchIndex::Hit>{{Kind::Exhibitor, 1}});
}

TEST_CASE("an update replaces the old words and a removal hides the record") {
  SearchIndex index = sampleIndex();
  Sample s = samples()[0];
  s.last = "Bennani";
  index.upsert(entryOf(1, s));
  CHECK(people(index.search("benali")).empty() == false);  // still in the e-mail and Arabic name
  CHECK(people(index.search("bennani")) == std::vector<Id>{1});
  s.email = "ahmed@x.ma";
  s.ar.clear();
  index.upsert(entryOf(1, s));
  CHECK(people(index.search("benali")).empty());
  CHECK(index.size() == 5);
  index.remove(Kind::Person, 1);
  CHECK(people(index.search("bennani")).empty());
  CHECK(index.size() == 4);
  CHECK_FALSE(index.contains(Kind::Person, 1));
  CHECK(index.contains(Kind::Person, 2));
}

TEST_CASE("search stops at the limit and says there is more") {
  SearchIndex index;
  for (Id i = 1; i <= 500; ++i) index.upsert(entryOf(i, {"Ahmed", "Name" + std::to_string(i), "", "", "", "", ""}));
  auto r = index.search("ahm", 20);
  CHECK(r.hits.size() == 20);
  CHECK(r.more);
  auto all = index.search("ahmed", 1000);
  CHECK(all.hits.size() == 500);
  CHECK_FALSE(all.more);
}

TEST_CASE("every hit contains every query word and nothing that matches is missed (random check)") {
  // Reference: a record matches when each folded query word is a substring of one of its folded words.
  std::mt19937 rng(7);
  const std::vector<std::string> firsts{"Ahmed", "Amina", "Hélène", "Youssef", "Khadija", "أحمد", "فاطمة", "Noël"};
  const std::vector<std::string> lasts{"Benali", "Alaoui", "Dupré", "El Fassi", "Tazi", "العلوي", "بنعلي", "Ouazzani"};
  const std::vector<std::string> orgs{"Coopérative Tifawine", "Maison Atlas", "تعاونية النور", "Atelier Fès", ""};
  SearchIndex index;
  std::vector<std::vector<std::string>> words(301);
  for (Id id = 1; id <= 300; ++id) {
    Sample s{firsts[rng() % firsts.size()], lasts[rng() % lasts.size()], "", orgs[rng() % orgs.size()], "", "", ""};
    index.upsert(entryOf(id, s));
    for (const std::string& t : {s.first, s.last, s.org}) {
      std::string f = text::foldForSearch(t);
      for (auto w : text::searchTokens(f)) words[static_cast<std::size_t>(id)].emplace_back(w);
    }
    if (id == 150) index.compact();  // half sorted, half pending
  }
  const std::vector<std::string> queries{"a", "al", "ben", "fe", "noel", "atlas ah", "تعاونيه", "لعلو", "ou tazi", "e"};
  for (const std::string& q : queries) {
    const std::string fq = text::foldForSearch(q);
    std::vector<Id> expected;
    for (Id id = 1; id <= 300; ++id) {
      bool all = true;
      for (auto qw : text::searchTokens(fq)) {
        bool any = false;
        for (const auto& w : words[static_cast<std::size_t>(id)]) any = any || w.find(qw) != std::string::npos;
        all = all && any;
      }
      if (all) expected.push_back(id);
    }
    INFO(q);
    CHECK(people(index.search(q, 1000)) == expected);
  }
}

TEST_CASE("postings and word lists stay exact with many words and wide gaps between records") {
  // 20,000 records: every record has its own word (word numbers beyond one and two varint bytes),
  // "every" is on all of them, "sparse" on one in 997 (gaps of several varint bytes), and record 1 is
  // the first posting of its words.
  SearchIndex index;
  index.setBulkLoad(true);
  auto unique = [](Id id) {
    std::string w = "u";
    for (Id v = id; v > 0; v /= 26) w += static_cast<char>('a' + v % 26);
    return w;
  };
  for (Id id = 1; id <= 20000; ++id) {
    Sample s{unique(id), "every", "", id % 997 == 0 ? "sparse" : "", "", "", ""};
    index.upsert(entryOf(id, s));
  }
  index.setBulkLoad(false);
  index.compact();
  CHECK(index.size() == 20000);
  for (Id id : {Id{1}, Id{127}, Id{128}, Id{16383}, Id{16384}, Id{20000}}) {
    INFO(id);
    auto hits = people(index.search(unique(id) + " every", 10));
    // A unique word may also be the beginning of others' unique words; the record itself is among them.
    CHECK(std::find(hits.begin(), hits.end(), id) != hits.end());
  }
  std::vector<Id> sparse;
  for (Id id = 997; id <= 20000; id += 997) sparse.push_back(id);
  CHECK(people(index.search("sparse", 1000)) == sparse);
  CHECK(people(index.search("every sparse", 1000)) == sparse);
  auto all = index.search("every", 20000);
  CHECK(all.hits.size() == 20000);
  CHECK_FALSE(all.more);
  CHECK(people(index.search("every", 3)) == std::vector<Id>{1, 2, 3});
}

namespace {
// People with days and printed badges, for the ranking.
SearchIndex::Entry person(Id id, const char* first, const char* last, const char* org = "",
                          std::vector<std::string_view> days = {}, bool printed = false, const char* phone = "") {
  using F = SearchIndex::Field;
  SearchIndex::Entry e;
  e.kind = Kind::Person;
  e.id = id;
  e.texts = {{F::LastName, last}, {F::FirstName, first}, {F::Other, org}};
  e.days = std::move(days);
  e.printed = printed;
  e.phone = phone;
  return e;
}

SearchIndex::Entry exhibitor(Id id, const char* name, const char* phone = "") {
  SearchIndex::Entry e;
  e.kind = Kind::Exhibitor;
  e.id = id;
  e.texts = {{SearchIndex::Field::Name, name}};
  e.phone = phone;
  return e;
}

SearchIndex::Hit first(const SearchIndex& index, std::string_view query, std::string_view today = {}) {
  auto r = index.search(query, 50, today);
  REQUIRE_FALSE(r.hits.empty());
  return r.hits.front();
}
}  // namespace

TEST_CASE("a person whose names the words begin ranks above an organisation named like them") {
  SearchIndex index;
  index.setFirstDay("2026-02-09");
  // Registered first, so that the order of registration alone would put them first.
  index.upsert(exhibitor(1, "Coopérative Najjar Bab Doukkala"));
  index.upsert(exhibitor(2, "Association Berrada Hassania"));
  index.upsert(person(7, "Bouchra", "Najjar", "Coopérative Najjar Bab Doukkala"));
  index.upsert(person(8, "Hicham", "Berrada", "Association Berrada Hassania"));
  CHECK(first(index, "najjar b") == SearchIndex::Hit{Kind::Person, 7});
  CHECK(first(index, "najjar bouchra") == SearchIndex::Hit{Kind::Person, 7});
  CHECK(first(index, "berrada h") == SearchIndex::Hit{Kind::Person, 8});
  // The organisation's own name still comes before people who merely work there.
  index.upsert(person(9, "Karim", "Alami", "Coopérative Najjar Bab Doukkala"));
  auto r = index.search("bab doukkala");
  REQUIRE(r.hits.size() == 3);
  CHECK(r.hits[0] == SearchIndex::Hit{Kind::Exhibitor, 1});
}

TEST_CASE("the last name then the first, or initials either way, bring the person first") {
  SearchIndex index;
  index.upsert(person(1, "Karim", "Ghazali"));
  index.upsert(person(2, "Ghazali", "Amrani"));  // a first name that is someone else's last name
  index.upsert(person(3, "Ahmed", "Ghazali"));
  index.upsert(person(4, "Amina", "Ghazaliya"));
  CHECK(first(index, "ghazali a") == SearchIndex::Hit{Kind::Person, 3});  // last, then first's initial
  CHECK(first(index, "ghazali ahm") == SearchIndex::Hit{Kind::Person, 3});
  CHECK(first(index, "gh a") == SearchIndex::Hit{Kind::Person, 3});       // 4 too; 3 registered first
  CHECK(first(index, "a ghazali") == SearchIndex::Hit{Kind::Person, 2});  // "last then first" reads it so...
  index.remove(Kind::Person, 2);
  CHECK(first(index, "a ghazali") == SearchIndex::Hit{Kind::Person, 3});  // ...and first then last otherwise
  CHECK(first(index, "ghazali k") == SearchIndex::Hit{Kind::Person, 1});
  // A whole word typed beats a name that only begins with it.
  CHECK(first(index, "ghazali") == SearchIndex::Hit{Kind::Person, 1});
  CHECK(first(index, "ghazaliy") == SearchIndex::Hit{Kind::Person, 4});
}

TEST_CASE("among namesakes, who attends today and whose badge is not printed come first") {
  SearchIndex index;
  index.setFirstDay("2026-02-09");
  index.upsert(person(1, "Youssef", "Alaoui", "", {"2026-02-09"}, false));
  index.upsert(person(2, "Youssef", "Alaoui", "", {"2026-02-10", "2026-02-11"}, true));
  index.upsert(person(3, "Youssef", "Alaoui", "", {"2026-02-10"}, false));
  CHECK(first(index, "alaoui y", "2026-02-09") == SearchIndex::Hit{Kind::Person, 1});
  // Both attend on the 10th: the one still waiting for a badge first.
  CHECK(first(index, "alaoui y", "2026-02-10") == SearchIndex::Hit{Kind::Person, 3});
  CHECK(first(index, "alaoui y", "2026-02-11") == SearchIndex::Hit{Kind::Person, 2});
  index.setPrinted(3, true);
  index.setPrinted(2, false);
  CHECK(first(index, "alaoui y", "2026-02-10") == SearchIndex::Hit{Kind::Person, 2});
  // No day known: not printed yet, then the order of registration.
  CHECK(first(index, "alaoui y") == SearchIndex::Hit{Kind::Person, 1});
}

TEST_CASE("the last phone digits and a badge serial find the person directly") {
  SearchIndex index;
  auto withSerial = [](SearchIndex::Entry e, const char* serial) {
    e.serial = serial;
    return e;
  };
  // Person 1's number begins with the digits person 2's (and the exhibitor's) ends with.
  index.upsert(exhibitor(1, "Coopérative Atlas", "+212528006123"));
  index.upsert(person(1, "Sara", "Tazi", "", {}, false, "+212612340000"));
  index.upsert(person(2, "Omar", "Idrissi", "", {}, false, "+212661006123"));
  index.upsert(withSerial(person(3, "Nadia", "Fassi"), "Q4ZT7K2M"));
  CHECK(first(index, "6123") == SearchIndex::Hit{Kind::Person, 2});   // the end: what people read out
  CHECK(first(index, "06123") == SearchIndex::Hit{Kind::Person, 1});  // typed from the beginning
  CHECK(first(index, "06 61 00 61 23") == SearchIndex::Hit{Kind::Person, 2});
  CHECK(first(index, "q4zt") == SearchIndex::Hit{Kind::Person, 3});
  CHECK(first(index, "Q4ZT7K2M") == SearchIndex::Hit{Kind::Person, 3});
  // With a badge for everyone, some serial begins with any four letters or digits: a name or the end
  // of a phone number typed is not taken for one.
  index.upsert(withSerial(person(4, "Aziz", "Rami"), "TAZI2345"));
  index.upsert(withSerial(person(5, "Said", "Amine"), "61239ABC"));
  CHECK(first(index, "tazi") == SearchIndex::Hit{Kind::Person, 1});
  CHECK(first(index, "6123") == SearchIndex::Hit{Kind::Person, 2});
  CHECK(first(index, "tazi2") == SearchIndex::Hit{Kind::Person, 4});
  CHECK(first(index, "TAZI2345") == SearchIndex::Hit{Kind::Person, 4});
  CHECK(first(index, "61239") == SearchIndex::Hit{Kind::Person, 5});  // no number ends or begins so
}

TEST_CASE("a short query on many records still returns every match when asked for all of them") {
  SearchIndex index;
  index.setBulkLoad(true);
  for (Id id = 1; id <= 12000; ++id) index.upsert(person(id, "Amal", ("N" + std::to_string(id)).c_str()));
  index.setBulkLoad(false);
  index.compact();
  CHECK(index.search("a", 20000).hits.size() == 12000);
  auto few = index.search("a", 10);
  CHECK(few.hits.size() == 10);
  CHECK(few.more);
}
