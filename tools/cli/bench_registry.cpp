// `bench search` and `bench import` (PRODUCT.md, Performance). search: search-as-you-type latency over
// a million people, Latin and Arabic queries of 1 to 12 characters, against a plain linear scan of the
// same folded text measured in the same run. import: a 100,000-row participants CSV, against raw
// prepared INSERTs of the same rows in one transaction.
#include <sqlite3.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <random>

#include "badge/new_edition.hpp"
#include "bench_support.hpp"
#include "cli_context.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/paths.hpp"
#include "core/text_fold.hpp"
#include "io/csv.hpp"
#include "io/import.hpp"
#include "io/registry.hpp"
#include "store/demo/demo_data.hpp"
#include "store/guarded_store.hpp"

namespace moussem::cli {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

long peakRssMb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024;
}

// Resident now (not the peak): what the desk holds once the index is loaded.
long currentRssMb() {
  long pages = 0, resident = 0;
  if (FILE* f = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
    std::fclose(f);
  }
  return resident * (sysconf(_SC_PAGESIZE) / 1024) / 1024;
}

fs::path cacheDir() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return fs::path(xdg) / "moussem" / "bench";
  if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".cache" / "moussem" / "bench";
  return fs::temp_directory_path() / "moussem-bench-cache";
}

}  // namespace

double threadCpuMs() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1000.0 + static_cast<double>(t.tv_nsec) / 1e6;
}

fs::path cachedDemoEdition(long long n, const Context& ctx, double* buildSeconds) {
  // Built once by the demo generator and kept in the cache folder: building it is `bench demo`'s job.
  const fs::path db = cacheDir() / ("open-" + std::to_string(n) + ".db");
  if (buildSeconds) *buildSeconds = 0;
  if (fs::exists(db)) return db;
  fs::create_directories(db.parent_path());
  std::error_code ec;
  fs::remove(db.string() + ".creating", ec);
  fs::remove(paths::keyFileFor(db), ec);
  auto t0 = Clock::now();
  auto store = createEditionDatabase(db, demoEdition());
  DemoOptions o;
  o.participants = n;
  o.progress = [&ctx](double f) { ctx.progress(tr("demo.progress"), f); };
  fillDemo(*store, o);
  if (buildSeconds) *buildSeconds = msSince(t0) / 1000;
  return db;
}

nlohmann::json benchSearch(long long n, const Context& ctx) {
  // The same cached database as `bench open`.
  double buildSeconds = 0;
  const fs::path db = cachedDemoEdition(n, ctx, &buildSeconds);
  auto store = openStore(db.string(), OpenMode::Existing);
  Registry registry(*store);
  const long rssBefore = currentRssMb();
  auto t0 = Clock::now();
  registry.loadIndex();
  const double loadMs = msSince(t0);
  const long rssIndex = currentRssMb(), peakLoad = peakRssMb();

  // Queries: what a desk operator types, one keystroke at a time, for people picked at random.
  std::vector<Person> sample;
  std::vector<Id> ids = store->personIds();
  std::mt19937_64 rng(42);
  for (int i = 0; i < 200 && !ids.empty(); ++i) sample.push_back(*store->person(ids[rng() % ids.size()]));
  std::vector<std::string> latin, arabic;
  for (const Person& p : sample) {
    for (const std::string* s : {&p.last_name, &p.first_name, &p.organization}) {
      const std::string full = *s + (s == &p.first_name ? " " + p.last_name : "");
      for (std::size_t k = 1; k <= std::min<std::size_t>(12, charCount(full)); ++k)
        latin.push_back(prefixChars(full, k));
    }
    for (std::size_t k = 1; k <= std::min<std::size_t>(12, charCount(p.name_ar)); ++k)
      arabic.push_back(prefixChars(p.name_ar, k));
    // An infix (the middle of a family name) and phone digits, as typed.
    if (p.last_name.size() > 4) latin.push_back(p.last_name.substr(1, 3));
    if (p.phone.size() > 8) latin.push_back("0" + p.phone.substr(4, 5));
  }
  // Wall time, and the thread's own CPU time: on a shared machine the first includes waiting for a core.
  auto measure = [&](const std::vector<std::string>& queries, std::vector<double>& ms, std::vector<double>& cpu,
                     std::size_t& hits) {
    for (const auto& q : queries) {
      const double c0 = threadCpuMs();
      auto q0 = Clock::now();
      auto r = registry.search(q, 50);
      ms.push_back(msSince(q0));
      cpu.push_back(threadCpuMs() - c0);
      hits += r.hits.size();
    }
  };
  std::vector<double> latinMs, arabicMs, latinCpu, arabicCpu;
  std::size_t latinHits = 0, arabicHits = 0;
  measure(latin, latinMs, latinCpu, latinHits);
  measure(arabic, arabicMs, arabicCpu, arabicHits);

  // Floor: every record's fields folded into one string, scanned in order until 50 records contain
  // every query word. Built outside the timing; a subset of the queries (it is slow).
  std::vector<std::string> hay;
  hay.reserve(static_cast<std::size_t>(n) + 4096);
  store->forEachPerson([&](const Person& p, const std::string& serial) {
    SearchIndex::Entry e;
    using F = SearchIndex::Field;
    e.texts = {{F::FirstName, p.first_name},
               {F::LastName, p.last_name},
               {F::Name, p.name_ar},
               {F::Other, p.organization},
               {F::Other, p.email}};
    e.phone = p.phone;
    e.serial = serial;
    hay.push_back(SearchIndex::haystack(e));
  });
  std::vector<double> floorMs, indexMsSameQueries;
  std::size_t floorHits = 0;  // used in the output, so the optimiser cannot drop the scan
  std::vector<std::string> floorQueries;
  for (std::size_t i = 0; i < latin.size(); i += std::max<std::size_t>(1, latin.size() / 40))
    floorQueries.push_back(latin[i]);
  for (std::size_t i = 0; i < arabic.size(); i += std::max<std::size_t>(1, arabic.size() / 20))
    floorQueries.push_back(arabic[i]);
  for (const auto& q : floorQueries) {
    const std::string fq = text::foldForSearch(q);
    auto words = text::searchTokens(fq);
    auto q0 = Clock::now();
    std::size_t found = 0;
    for (const auto& h : hay) {
      bool all = !words.empty();
      for (auto w : words) all = all && h.find(w) != std::string::npos;
      if (all && ++found == 50) break;
    }
    floorMs.push_back(msSince(q0));
    floorHits += found;
    auto i0 = Clock::now();
    registry.search(q, 50);
    indexMsSameQueries.push_back(msSince(i0));
  }
  const double indexP99 = percentile(indexMsSameQueries, 0.99), floorP99 = percentile(floorMs, 0.99);
  return {
      {"scenario", "search"},
      {"people", store->overview().people},
      {"database_build_seconds", buildSeconds},
      {"index_load_ms", loadMs},
      {"index_mb", static_cast<double>(registry.index().memoryBytes()) / (1024.0 * 1024.0)},
      {"index_words", registry.index().dictionarySize()},
      {"rss_mb_before_index", rssBefore},
      {"peak_rss_mb_loading_index", peakLoad},
      {"rss_mb_with_index", rssIndex},
      {"limit", 50},
      {"latin",
       {{"queries", latin.size()},
        {"p50_ms", percentile(latinMs, 0.5)},
        {"p99_ms", percentile(latinMs, 0.99)},
        {"cpu_p50_ms", percentile(latinCpu, 0.5)},
        {"cpu_p99_ms", percentile(latinCpu, 0.99)},
        {"max_ms", percentile(latinMs, 1.0)},
        {"mean_hits", static_cast<double>(latinHits) / static_cast<double>(std::max<std::size_t>(1, latin.size()))}}},
      {"arabic",
       {{"queries", arabic.size()},
        {"p50_ms", percentile(arabicMs, 0.5)},
        {"p99_ms", percentile(arabicMs, 0.99)},
        {"cpu_p50_ms", percentile(arabicCpu, 0.5)},
        {"cpu_p99_ms", percentile(arabicCpu, 0.99)},
        {"max_ms", percentile(arabicMs, 1.0)},
        {"mean_hits", static_cast<double>(arabicHits) / static_cast<double>(std::max<std::size_t>(1, arabic.size()))}}},
      {"target_p99_ms", 5},
      {"floor", "linear scan of every person's folded fields (one string each), stopping at 50 matches"},
      {"floor_queries", floorQueries.size()},
      {"floor_mean_hits",
       static_cast<double>(floorHits) / static_cast<double>(std::max<std::size_t>(1, floorQueries.size()))},
      {"floor_p50_ms", percentile(floorMs, 0.5)},
      {"floor_p99_ms", floorP99},
      {"index_p99_ms_same_queries", indexP99},
      {"ratio_to_floor", floorP99 > 0 ? indexP99 / floorP99 : 0},
      {"ratio_note", "index p99 / scan p99 on the same queries: below 1 the index is faster"},
      {"peak_rss_mb", peakRssMb()}};
}

nlohmann::json benchImport(long long n, const Context&) {
  BenchScratch scratch("registry-");
  // A participants file as organisers keep them: French headers, ';', CRLF, BOM, French labels and
  // dates, quoted organisations with the separator inside.
  const fs::path csvFile = scratch.dir / "participants.csv";
  {
    const char* firsts[] = {"Ahmed", "Fatima", "Youssef", "Khadija", "Hélène", "Mustapha", "Salma", "Omar"};
    const char* lasts[] = {"Benali", "El Idrissi", "Alaoui", "Dupré", "Tazi", "Ouazzani", "Bennani", "Chraibi"};
    const char* arabic[] = {"أحمد بنعلي", "فاطمة الإدريسي", "يوسف العلوي", "خديجة التازي"};
    const char* categories[] = {"Forum", "Presse", "Acheteur", "Expert", "Officiel"};
    std::ofstream out(csvFile, std::ios::binary);
    out << "\xEF\xBB\xBF"
        << "Identifiant;Prénom;Nom;Nom arabe;Organisation;Fonction;Catégorie;Pays;E-mail;Téléphone;Jours\r\n";
    for (long long i = 0; i < n; ++i) {
      auto k = static_cast<std::size_t>(i);
      out << "P" << i << ';' << firsts[k % 8] << ';' << lasts[(k / 8) % 8] << ';' << arabic[k % 4] << ';'
          << "\"Coopérative " << (k % 500) << "; Souss\";Directeur;" << categories[k % 5] << ";MA;"
          << "p" << i << "@example.ma;066" << (1000000 + (i * 7919) % 9000000) << ";\"09/02/2026,10/02/2026\"\r\n";
    }
  }
  const double fileMb = static_cast<double>(fs::file_size(csvFile)) / (1024.0 * 1024.0);

  // As `import` runs it: through the signed-in user's store, so every created row gets its audit row.
  auto store = std::make_unique<GuardedStore>(createEditionDatabase(scratch.dir / "import.db", demoEdition()),
                                              Actor{"bench", Role::Organizer, "bench"});
  Registry registry(*store);
  auto t0 = Clock::now();
  io::ImportReport r = io::importFile(registry, io::Entity::Participants, csvFile);
  const double seconds = msSince(t0) / 1000;
  auto t1 = Clock::now();
  io::ImportReport again = io::importFile(registry, io::Entity::Participants, csvFile);
  const double againSeconds = msSince(t1) / 1000;
  store.reset();
  // Every generated row is valid: a bench that imported nothing must not report a time.
  if (static_cast<long long>(r.created) != n || !r.errors.empty() || !r.written)
    throw Error(ErrorKind::Invalid, "bench import: " + std::to_string(r.created) + " of " + std::to_string(n) +
                                        " rows imported" +
                                        (r.errors.empty() ? "" : ", first error: " + r.errors.front().message));

  // Floor: the same rows, already parsed, normalised and validated, inserted by one raw prepared
  // statement in one transaction into an empty database of the same schema.
  std::vector<Person> rows;
  {
    auto src = openStore((scratch.dir / "import.db").string(), OpenMode::Existing);
    src->forEachPerson([&](const Person& p, const std::string&) { rows.push_back(p); });
  }
  createEditionDatabase(scratch.dir / "floor.db", demoEdition()).reset();
  sqlite3* h = nullptr;
  sqlite3_open((scratch.dir / "floor.db").c_str(), &h);
  sqlite3_exec(h,
               "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-32768",
               nullptr, nullptr, nullptr);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(
      h,
      "INSERT INTO person (external_id, first_name, last_name, name_ar, organization, position, category, "
      "country, email, phone, days) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
      -1, &st, nullptr);
  auto f0 = Clock::now();
  sqlite3_exec(h, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  for (const Person& p : rows) {
    std::string days;
    for (const auto& d : p.days) days += (days.empty() ? "" : ",") + d;
    const std::string* cells[] = {&p.external_id,  &p.first_name, &p.last_name, &p.name_ar,
                                  &p.organization, &p.position,   &p.category,  &p.country,
                                  &p.email,        &p.phone,      &days};
    for (int c = 0; c < 11; ++c)
      sqlite3_bind_text(st, c + 1, cells[c]->c_str(), static_cast<int>(cells[c]->size()), SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_DONE) throw Error(ErrorKind::Io, sqlite3_errmsg(h));
    sqlite3_reset(st);
  }
  sqlite3_exec(h, "COMMIT", nullptr, nullptr, nullptr);
  const double floorSeconds = msSince(f0) / 1000;
  sqlite3_finalize(st);
  sqlite3_close(h);

  return {{"scenario", "import"},
          {"rows", n},
          {"file_mb", fileMb},
          {"created", r.created},
          {"errors", r.errors.size()},
          {"seconds", seconds},
          {"rows_per_s", static_cast<double>(n) / seconds},
          {"target_seconds", 2},
          {"reimport_seconds", againSeconds},
          {"reimport_unchanged", again.unchanged},
          {"reimport_created", again.created},
          {"floor", "the same rows, already parsed and validated, raw prepared INSERT in one transaction"},
          {"floor_seconds", floorSeconds},
          {"ratio_to_floor", floorSeconds / seconds},
          {"peak_rss_mb", peakRssMb()}};
}

}  // namespace moussem::cli
