#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>

#include "badge/new_edition.hpp"
#include "core/error.hpp"
#include "core/paths.hpp"
#include "core/signing_key.hpp"
#include "core/text_fold.hpp"
#include "store/backup.hpp"
#include "store/migrations.hpp"
#include "store/store.hpp"
#include "test_support.hpp"

using namespace moussem;
using moussem::test::TempDir;

namespace {
Edition sampleEdition() {
  Edition e;
  e.name_fr = "Semaine Nationale de l'Artisanat";
  e.name_ar = "الأسبوع الوطني للصناعة التقليدية";
  e.starts_on = "2026-02-09";
  e.ends_on = "2026-02-15";
  e.venue = "OLM Souissi, Rabat";
  return e;
}

Person samplePerson(const std::string& email) {
  Person p;
  p.first_name = "Fatima";
  p.last_name = "Zahra";
  p.name_ar = "فاطمة الزهراء";
  p.category = "forum";
  p.email = email;
  p.days = {"2026-02-09", "2026-02-10"};
  return p;
}

ErrorKind kindOfOpening(const std::string& path) {
  try {
    openStore(path, OpenMode::Existing);
  } catch (const Error& e) {
    return e.kind();
  }
  FAIL("opened " << path);
  return ErrorKind::Usage;
}

std::string errorOfOpening(const std::string& path) {
  try {
    openStore(path, OpenMode::Existing);
  } catch (const Error& e) {
    return e.what();
  }
  return {};
}

int rawUserVersion(const std::string& path) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, nullptr);
  sqlite3_step(st);
  int v = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return v;
}

void rawExec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
}
}  // namespace

TEST_CASE("a new edition database has the latest schema, categories, zones and a key file beside it") {
  TempDir dir;
  auto db = test::dbPath(dir, "rabat.db");
  auto store = createEditionDatabase(db, sampleEdition());
  CHECK(store->schemaVersion() == latestSchemaVersion());
  CHECK(store->backend() == (test::onPostgres() ? "postgresql" : "sqlite"));
  auto ed = store->edition();
  REQUIRE(ed);
  CHECK(ed->name_ar == "الأسبوع الوطني للصناعة التقليدية");
  CHECK(ed->uid.size() == 6);
  CHECK(store->categories().size() == 11);
  CHECK(store->categories().front().code == "forum");
  CHECK(store->zones().size() == 4);

  auto keyPath = paths::keyFileFor(db);
  REQUIRE(std::filesystem::exists(keyPath));
  struct stat st {};
  REQUIRE(::stat(keyPath.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  SigningKey key = readKeyFile(keyPath);
  CHECK(publicKeyBase64(key) == ed->public_key);
  CHECK(key.edition_uid == ed->uid);
}

TEST_CASE("the signing key's secret half never enters the database", "[sqlite][sqlite]") {
  TempDir dir;
  auto db = dir / "e.db";
  createEditionDatabase(db, sampleEdition()).reset();
  SigningKey key = readKeyFile(paths::keyFileFor(db));
  std::string secret = toBase64(key.secret_key.data(), key.secret_key.size());
  std::ifstream in(db, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), {});
  CHECK(bytes.find(secret) == std::string::npos);
  CHECK(bytes.find(secret.substr(0, 40)) == std::string::npos);
  CHECK(bytes.find(std::string(reinterpret_cast<const char*>(key.secret_key.data()), 32)) == std::string::npos);
}

TEST_CASE("creating over an existing database or key file is refused and changes nothing", "[sqlite][sqlite]") {
  TempDir dir;
  auto db = dir / "e.db";
  createEditionDatabase(db, sampleEdition()).reset();
  auto before = std::filesystem::file_size(db);
  auto keyBefore = readKeyFile(paths::keyFileFor(db)).public_key;
  CHECK_THROWS_AS(createEditionDatabase(db, sampleEdition()), Error);
  CHECK(std::filesystem::file_size(db) == before);
  CHECK(readKeyFile(paths::keyFileFor(db)).public_key == keyBefore);

  // A stray key file without its database also blocks creation: it might be the only copy of a key.
  auto other = dir / "other.db";
  std::ofstream(paths::keyFileFor(other)) << "precious";
  CHECK_THROWS_AS(createEditionDatabase(other, sampleEdition()), Error);
  CHECK_FALSE(std::filesystem::exists(other));
}

TEST_CASE("an edition with bad dates is refused and leaves no file behind", "[sqlite][sqlite]") {
  TempDir dir;
  auto db = dir / "bad.db";
  Edition e = sampleEdition();
  e.ends_on = "2026-02-01";
  CHECK_THROWS_AS(createEditionDatabase(db, e), Error);
  e = sampleEdition();
  e.starts_on = "2026-02-30";
  CHECK_THROWS_AS(createEditionDatabase(db, e), Error);
  CHECK(std::filesystem::is_empty(dir.path()));
}

TEST_CASE("a database in a folder that cannot be written is refused with a clear message", "[sqlite][sqlite]") {
  // /proc refuses file creation even to root, unlike a chmod-ed folder.
  try {
    createEditionDatabase("/proc/moussem-test.db", sampleEdition());
    FAIL("created a database in /proc");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("/proc/moussem-test") != std::string::npos);
  }
  CHECK_FALSE(std::filesystem::exists("/proc/moussem-test.db"));
}

TEST_CASE("opening a missing database says so and creates nothing", "[sqlite][sqlite]") {
  TempDir dir;
  auto path = (dir / "missing.db").string();
  CHECK(kindOfOpening(path) == ErrorKind::NotFound);
  CHECK(errorOfOpening(path).find(path) != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(path));
}

TEST_CASE("a file that is not a database is refused and left untouched", "[sqlite][sqlite]") {
  TempDir dir;
  auto path = (dir / "notes.db").string();
  std::ofstream(path) << "name;email\nFatima;f@example.ma\n";
  auto size = std::filesystem::file_size(path);
  CHECK(kindOfOpening(path) == ErrorKind::Corrupt);
  CHECK(errorOfOpening(path).find("Moussem") != std::string::npos);
  CHECK(std::filesystem::file_size(path) == size);
  CHECK_FALSE(std::filesystem::exists(path + "-wal"));

  auto empty = (dir / "empty.db").string();
  std::ofstream{empty};
  CHECK(kindOfOpening(empty) == ErrorKind::Corrupt);
  CHECK(std::filesystem::file_size(empty) == 0);
}

TEST_CASE("a database whose pages are damaged is refused", "[sqlite][sqlite]") {
  TempDir dir;
  auto db = dir / "damaged.db";
  createEditionDatabase(db, sampleEdition()).reset();
  {
    std::fstream f(db, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(100);
    std::string junk(3000, '\x5a');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  CHECK_THROWS_AS(openStore(db.string(), OpenMode::Existing), Error);
}

TEST_CASE("another program's SQLite database is not mistaken for a Moussem database", "[sqlite][sqlite]") {
  TempDir dir;
  auto path = (dir / "other.sqlite").string();
  rawExec(path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');");
  CHECK(kindOfOpening(path) == ErrorKind::Corrupt);
  CHECK(rawUserVersion(path) == 0);
}

TEST_CASE("a database written by a newer Moussem is refused with a clear message and not changed", "[sqlite][sqlite]") {
  TempDir dir;
  auto db = dir / "future.db";
  createEditionDatabase(db, sampleEdition()).reset();
  int newer = latestSchemaVersion() + 1;
  rawExec(db.string(), "PRAGMA user_version = " + std::to_string(newer));
  auto message = errorOfOpening(db.string());
  CHECK(kindOfOpening(db.string()) == ErrorKind::TooNew);
  CHECK(message.find(std::to_string(newer)) != std::string::npos);
  CHECK(rawUserVersion(db.string()) == newer);
}

TEST_CASE("a failed write() leaves nothing behind, a successful one keeps everything") {
  TempDir dir;
  auto store = createEditionDatabase(test::dbPath(dir, "t.db"), sampleEdition());
  CHECK_THROWS(store->write([&] {
    Person a = samplePerson("a@example.ma");
    store->insertPerson(a);
    throw std::runtime_error("disk full halfway");
  }));
  CHECK(store->overview().people == 0);

  store->write([&] {
    Person a = samplePerson("a@example.ma"), b = samplePerson("b@example.ma");
    store->insertPerson(a);
    store->insertPerson(b);
  });
  CHECK(store->overview().people == 2);
}

TEST_CASE("an inner failure caught by the caller undoes only the inner part") {
  TempDir dir;
  auto store = createEditionDatabase(test::dbPath(dir, "t.db"), sampleEdition());
  store->write([&] {
    Person a = samplePerson("a@example.ma");
    store->insertPerson(a);
    try {
      store->write([&] {
        Person b = samplePerson("b@example.ma");
        store->insertPerson(b);
        throw std::runtime_error("inner");
      });
    } catch (const std::runtime_error&) {
    }
  });
  CHECK(store->overview().people == 1);
}

TEST_CASE("a constraint violation is reported and writes nothing") {
  TempDir dir;
  auto store = createEditionDatabase(test::dbPath(dir, "t.db"), sampleEdition());
  Person p = samplePerson("x@example.ma");
  p.category = "no-such-category";
  CHECK_THROWS_AS(store->insertPerson(p), Error);
  Person twin1 = samplePerson("t1@example.ma"), twin2 = samplePerson("t2@example.ma");
  twin1.external_id = twin2.external_id = "P-001";
  store->insertPerson(twin1);
  CHECK_THROWS_AS(store->insertPerson(twin2), Error);
  CHECK(store->overview().people == 1);
}

TEST_CASE("values are bound, never pasted into SQL") {
  TempDir dir;
  auto store = createEditionDatabase(test::dbPath(dir, "t.db"), sampleEdition());
  Person p = samplePerson("evil@example.ma");
  p.last_name = "Robert'); DROP TABLE person;--";
  store->insertPerson(p);
  store->setSetting("station.name", "desk'1\"; --");
  CHECK(store->setting("station.name") == "desk'1\"; --");
  CHECK(store->overview().people == 1);
}

TEST_CASE("the overview counts people per category in display order, with zeros") {
  TempDir dir;
  auto store = createEditionDatabase(test::dbPath(dir, "t.db"), sampleEdition());
  Exhibitor x;
  x.name_fr = "Coopérative Tifawin";
  x.name_ar = "تعاونية تيفاوين";
  x.kind = "cooperative";
  x.sector = "carpet";
  x.region = "draa-tafilalet";
  store->insertExhibitor(x);
  Person staff = samplePerson("s@example.ma");
  staff.category = "exhibitor";
  staff.exhibitor_id = x.id;
  store->insertPerson(staff);
  for (int i = 0; i < 3; ++i) {
    Person p = samplePerson("p" + std::to_string(i) + "@example.ma");
    store->insertPerson(p);
  }
  Hall h;
  h.code = "A";
  h.name = "Hall A";
  h.width = 60;
  h.height = 40;
  store->insertHall(h);
  Booth b;
  b.code = "A-01";
  b.hall = "A";
  store->insertBooth(b);

  Overview o = store->overview();
  CHECK(o.exhibitors == 1);
  CHECK(o.people == 4);
  CHECK(o.booths == 1);
  CHECK(o.halls == 1);
  REQUIRE(o.people_by_category.size() == 11);
  CHECK(o.people_by_category[0].code == "forum");
  CHECK(o.people_by_category[0].count == 3);
  auto exhibitorRow = std::find_if(o.people_by_category.begin(), o.people_by_category.end(),
                                   [](auto& c) { return c.code == "exhibitor"; });
  CHECK(exhibitorRow->count == 1);
  REQUIRE(o.exhibitors_by_region.size() == 1);
  CHECK(o.exhibitors_by_region[0].code == "draa-tafilalet");
}

TEST_CASE("settings are kept across openings") {
  TempDir dir;
  auto db = test::dbPath(dir, "t.db");
  createEditionDatabase(db, sampleEdition())->setSetting("station.name", "Guichet 2");
  auto store = openStore(db.string());
  CHECK(store->setting("station.name") == "Guichet 2");
  CHECK_FALSE(store->setting("nothing"));
}

TEST_CASE("the people list comes from the database in the collator's name order, filtered, on either database") {
  TempDir dir;
  auto store = createEditionDatabase(test::dbPath(dir, "t.db"), sampleEdition());
  struct Name {
    const char* first;
    const char* last;
    const char* ar;
  };
  // Accents, case, transliteration marks, compound and Arabic-only names, in no order.
  const std::vector<Name> names = {{"Omar", "Tahiri", ""},          {"Salim", "Ṭāhir", ""},
                                   {"Bruno", "ethier", ""},         {"Anne", "Éthier", ""},
                                   {"Hind", "El Amrani", ""},       {"Ali", "abdelkader", ""},
                                   {"", "", "عبد الهادي آيت لحسن"}, {"Zineb", "Benali", "زينب بنعلي"},
                                   {"Karim", "Benalia", ""},        {"Nadia", "Ouazzani", ""}};
  std::vector<std::pair<std::string, Id>> expected;  // ICU's French collation of "last first" (Arabic alone: its own)
  for (std::size_t i = 0; i < names.size(); ++i) {
    Person p = samplePerson("p" + std::to_string(i) + "@example.org");
    p.first_name = names[i].first;
    p.last_name = names[i].last;
    p.name_ar = names[i].ar;
    p.category = i % 2 ? "forum" : "press";
    p.id = store->insertPerson(p);
    const std::string listed = p.last_name.empty() ? p.name_ar : p.last_name + " " + p.first_name;
    expected.emplace_back(text::sortKey(listed, "fr"), p.id);
  }
  std::sort(expected.begin(), expected.end());
  PeopleQuery q;
  q.order = PersonOrder::Name;
  std::vector<Id> want;
  for (const auto& [key, id] : expected) want.push_back(id);
  CHECK(store->orderedPersonIds(q) == want);
  q.ascending = false;
  CHECK(store->orderedPersonIds(q) == std::vector<Id>(want.rbegin(), want.rend()));

  // Filtered by the database, the order kept; the rows read for a window of ids, in their order.
  q.ascending = true;
  q.category = "press";
  std::vector<Id> press;
  for (Id id : want)
    if (store->person(id)->category == "press") press.push_back(id);
  CHECK(store->orderedPersonIds(q) == press);
  const std::vector<Id> window(want.begin() + 2, want.begin() + 6);
  const auto rows = store->personRows(window);
  REQUIRE(rows.size() == window.size());
  for (std::size_t i = 0; i < rows.size(); ++i) CHECK(rows[i].person.id == window[i]);

  // A renamed person moves to their new place: last of the Latin names, before the Arabic-only one.
  Person moved = *store->person(want.front());
  moved.last_name = "Zniber";
  store->updatePerson(moved);
  q.category.clear();
  const auto after = store->orderedPersonIds(q);
  REQUIRE(after.size() == want.size());
  CHECK(after[after.size() - 2] == moved.id);
  CHECK(store->person(after.back())->last_name.empty());

  // The first few only (the desk's "last registered", newest first), filtered or not.
  PeopleQuery newest;
  newest.ascending = false;
  newest.limit = 3;
  auto ids = store->personIds();
  std::sort(ids.rbegin(), ids.rend());
  CHECK(store->orderedPersonIds(newest) == std::vector<Id>(ids.begin(), ids.begin() + 3));
  newest.category = "forum";
  const auto forum = store->orderedPersonIds(newest);
  REQUIRE(forum.size() == 3);
  for (Id id : forum) CHECK(store->person(id)->category == "forum");
  CHECK(forum.front() == ids.front());  // the last one inserted (i = 9) is forum
}

namespace {
// Lines of /proc/locks held by this process on the file's inode.
int locksHeldOn(const std::filesystem::path& file) {
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) return -1;
  const std::string pid = " " + std::to_string(::getpid()) + " ";
  const std::string inode = ":" + std::to_string(st.st_ino) + " ";
  std::ifstream in("/proc/locks");
  int n = 0;
  for (std::string line; std::getline(in, line);)
    if (line.find(pid) != std::string::npos && line.find(inode) != std::string::npos) ++n;
  return n;
}
}  // namespace

TEST_CASE("restore never reads a database this process has open outside SQLite: its locks stay", "[sqlite]") {
  TempDir dir;
  const auto live = dir / "live.db";
  auto store = createEditionDatabase(live.string(), sampleEdition());
  store->overview();  // a read: the connection holds its locks
  const int before = locksHeldOn(live);
  REQUIRE(before > 0);
  // Named as the backup to restore (with a checksum file beside it), the open database is refused
  // before a byte of it is read: a descriptor closed on it would have dropped SQLite's locks.
  std::ofstream(live.string() + ".sha256") << std::string(64, 'a') << "  live.db\n";
  try {
    restoreDatabase((dir / "target.db").string(), live, true);
    FAIL("restored from an open database");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::Refused);
  }
  CHECK(locksHeldOn(live) == before);
}
