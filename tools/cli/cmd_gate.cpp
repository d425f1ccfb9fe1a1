// `gate add|list`, `scan` (one JSON verdict per payload line on stdin) and `bench gate`: the entry gate
// from the command line, through the very ScanPipeline the kiosk screen uses.
#include <sodium.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>

#include "badge/new_edition.hpp"
#include "badge/payload.hpp"
#include "cli_context.hpp"
#include "core/codes.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/paths.hpp"
#include "core/signing_key.hpp"
#include "gate/gate_profiles.hpp"
#include "gate/gate_station.hpp"
#include "gate/scan_pipeline.hpp"
#include "store/demo/demo_data.hpp"
#include "store/guarded_store.hpp"

namespace moussem::cli {

namespace fs = std::filesystem;

namespace {

std::string hostName() {
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) != 0 || host[0] == '\0') return "station";
  return host;
}

std::string userName() {
  if (const char* u = std::getenv("USER"); u && *u) return u;
  if (const char* u = std::getenv("LOGNAME"); u && *u) return u;
  return "";
}

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

nlohmann::json profileJson(const GateProfile& g) {
  return {{"id", g.id},
          {"name", g.name},
          {"zone", g.zone},
          {"direction", g.direction},
          {"categories", g.categories},
          {"days", g.days},
          {"hours", g.hours_from.empty() ? "" : g.hours_from + "-" + g.hours_to},
          {"reentry", g.reentry},
          {"presence_reset", g.presence_reset}};
}

std::string profileText(const GateProfile& g) {
  return g.name + "  " + g.zone + "  " + std::string(codeOf(g.direction)) + "  " +
         (g.categories.empty() ? tr("gate.all_categories") : join(g.categories, ",")) + "  " +
         (g.days.empty() ? tr("gate.all_days") : join(g.days, ",")) + "  " +
         (g.hours_from.empty() ? tr("gate.all_hours") : g.hours_from + "-" + g.hours_to) + "  " +
         std::string(codeOf(g.reentry)) + "  " + codeLabel(g.presence_reset);
}

struct GateOptions {
  std::string name, zone, direction = "in", categories, days, hours, reentry = "always", presence_reset = "daily";
};

struct ScanOptions {
  std::string gate, direction, at, operator_name, local_copy;
  int refresh_seconds = 60;
  int budget_ms = 0;  // 0: the edition's gate.scan_budget_ms, else GateStation::kDefaultScanBudget
};

}  // namespace

// The verdict line of PRODUCT.md, keys in its order.
nlohmann::ordered_json verdictJson(const gate::Verdict& v) {
  nlohmann::ordered_json j;
  j["verdict"] = v.accepted ? ScanVerdict::Accepted : ScanVerdict::Rejected;
  j["reason"] = v.reason;
  j["gate"] = v.gate;
  j["direction"] = v.direction;
  j["at"] = v.at;
  if (v.serial)
    j["badge"] = {{"serial", *v.serial}, {"version", v.version.value_or(1)}};
  else
    j["badge"] = nullptr;
  if (v.person)
    j["person"] = {{"id", v.person->id},
                   {"name", v.person->name},
                   {"name_ar", v.person->name_ar},
                   {"category", v.person->category}};
  else
    j["person"] = nullptr;
  j["latency_us"] = v.latency_us;
  if (v.manual) j["manual"] = true;
  if (!v.revocation_reason.empty()) j["revocation_reason"] = v.revocation_reason;
  return j;
}

namespace {

// `scan --local-copy`: a gate that keeps deciding when the server drops (gate::GateStation). Each
// verdict line also says whether it was decided offline and how many scans wait to be pushed.
void scanWithLocalCopy(Context& ctx, const ScanOptions& o, const std::optional<gate::Moment>& fixed) {
  const std::string url = ctx.databasePath();
  gate::Station who{hostName(), o.operator_name.empty() ? userName() : o.operator_name};
  gate::GateStation station(url, o.local_copy, who, std::chrono::seconds(o.refresh_seconds),
                            o.budget_ms > 0 ? std::optional(std::chrono::milliseconds(o.budget_ms)) : std::nullopt);
  if (station.state().online)
    if (auto name = station.local().setting("station.name")) who.station = *name;
  auto profile = gate::findProfile(station.local().gateProfiles(), o.gate);
  if (!profile) throw Error(ErrorKind::NotFound, tr("gate.error.no_profile", {o.gate}));
  const Direction direction =
      o.direction.empty() ? profile->direction : parseCode<Direction>(o.direction, "--direction");
  auto warn = [&] {
    const auto& s = station.state();
    if (s.clockWarning) std::cerr << tr("offline.clock_skew", {std::to_string(s.clockSkewSeconds)}) << "\n";
  };
  warn();
  bool wasOnline = station.state().online;
  if (!wasOnline) std::cerr << tr("offline.now", {station.state().detail}) << "\n";
  std::string line;
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    auto v = station.scan(line, *profile, direction, fixed ? *fixed : gate::now());
    const auto& s = station.state();
    if (s.online != wasOnline) {
      std::cerr << (s.online ? tr("offline.back", {std::to_string(s.conflicts)}) : tr("offline.now", {s.detail}))
                << "\n";
      wasOnline = s.online;
    }
    auto j = verdictJson(v);
    j["offline"] = !s.online;
    j["queued"] = s.queued;
    std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << std::endl;
  }
  // End of the stream: one last attempt to hand the queue over.
  if (station.state().queued > 0) station.tryOnline();
  if (station.state().queued > 0) std::cerr << tr("offline.left", {std::to_string(station.state().queued)}) << "\n";
}

}  // namespace

void registerGate(CLI::App& app, Context& ctx) {
  auto* gateCmd = app.add_subcommand("gate", tr("cli.help.gate.about"));
  gateCmd->require_subcommand(1);

  auto o = std::make_shared<GateOptions>();
  auto* add = gateCmd->add_subcommand("add", tr("cli.help.gate.add.about"));
  add->add_option("name", o->name, tr("cli.help.gate.add.name"))->required();
  add->add_option("--zone", o->zone, tr("cli.help.gate.add.zone"))->required();
  add->add_option("--direction", o->direction, tr("cli.help.gate.add.direction"))
      ->check(codeCheck<Direction>("--direction"));
  add->add_option("--categories", o->categories, tr("cli.help.gate.add.categories"));
  add->add_option("--days", o->days, tr("cli.help.gate.add.days"));
  add->add_option("--hours", o->hours, tr("cli.help.gate.add.hours"));
  add->add_option("--presence-reset", o->presence_reset, tr("cli.help.gate.add.presence_reset"))
      ->check(codeCheck<PresenceReset>("--presence-reset"));
  add->add_option("--reentry", o->reentry, tr("cli.help.gate.add.reentry"))
      ->check(codeCheck<ReentryPolicy>("--reentry"));
  add->callback([&ctx, o] {
    ctx.action = [&ctx, o] {
      auto store = ctx.open();
      auto existing = gate::ensureDefaultGateProfiles(*store);
      GateProfile g;
      g.name = o->name;
      g.zone = o->zone;
      g.direction = parseCode<Direction>(o->direction, "--direction");
      g.categories = gate::splitList(o->categories);
      g.days = gate::splitList(o->days);
      g.reentry = parseCode<ReentryPolicy>(o->reentry, "--reentry");
      g.presence_reset = parseCode<PresenceReset>(o->presence_reset, "--presence-reset");
      if (!o->hours.empty()) {
        auto h = gate::parseHours(o->hours);
        if (!h) throw Error(ErrorKind::Invalid, tr("gate.error.hours", {o->hours}));
        g.hours_from = h->first;
        g.hours_to = h->second;
      }
      auto edition = store->edition();
      if (!edition) throw Error(ErrorKind::Corrupt, tr("badge.error.no_edition"));
      gate::validateGateProfile(g, *edition, store->zones(), store->categories());
      if (gate::findProfile(existing, g.name)) throw Error(ErrorKind::Refused, tr("gate.error.exists", {g.name}));
      store->insertGateProfile(g);
      ctx.print(profileJson(g), tr("gate.added", {g.name, g.zone, codeLabel(g.direction)}));
    };
  });

  auto* conflicts = gateCmd->add_subcommand("conflicts", tr("cli.help.gate.conflicts.about"));
  conflicts->callback([&ctx] {
    ctx.action = [&ctx] {
      auto store = ctx.open();
      nlohmann::json j = nlohmann::json::array();
      std::string text = tr("offline.conflicts.header") + "\n";
      auto all = gate::offlineConflicts(*store);
      for (const auto& s : all) {
        j.push_back({{"uid", s.uid},
                     {"gate", s.gate},
                     {"station", s.station},
                     {"at", s.at},
                     {"serial", s.badge_serial.value_or("")},
                     {"person", s.person_id.value_or(0)},
                     {"note", s.note}});
        text += "  " + s.at + "  " + s.gate + "  " + s.badge_serial.value_or("") + "  " + s.note + "\n";
      }
      if (all.empty()) text = tr("offline.conflicts.none");
      ctx.print(j, text);
    };
  });

  // The scan budget of gates on a server (gate/gate_station.hpp): an edition setting.
  auto budgetMs = std::make_shared<int>(0);
  auto* budget = gateCmd->add_subcommand("budget", tr("cli.help.gate.budget.about"));
  budget->add_option("ms", *budgetMs, tr("cli.help.gate.budget.ms"))
      ->check(CLI::Range(static_cast<int>(gate::GateStation::kMinScanBudget.count()),
                         static_cast<int>(gate::GateStation::kMaxScanBudget.count())));
  budget->callback([&ctx, budgetMs] {
    ctx.action = [&ctx, budgetMs] {
      auto store = ctx.open();
      if (*budgetMs > 0) store->setSetting(gate::GateStation::kScanBudgetSetting, std::to_string(*budgetMs));
      const auto set = store->setting(gate::GateStation::kScanBudgetSetting);
      const std::string ms = set.value_or(std::to_string(gate::GateStation::kDefaultScanBudget.count()));
      ctx.print({{"budget_ms", std::stoi(ms)}, {"setting", gate::GateStation::kScanBudgetSetting}, {"default", !set}},
                tr("gate.budget", {ms}));
    };
  });

  // How long the gate screen shows a verdict (gate/gate_profiles.hpp): an edition setting.
  auto verdictSeconds = std::make_shared<int>(0);
  auto* verdictTime = gateCmd->add_subcommand("verdict-time", tr("cli.help.gate.verdict_time.about"));
  verdictTime->add_option("seconds", *verdictSeconds, tr("cli.help.gate.verdict_time.seconds"))
      ->check(CLI::Range(gate::kMinVerdictSeconds, gate::kMaxVerdictSeconds));
  verdictTime->callback([&ctx, verdictSeconds] {
    ctx.action = [&ctx, verdictSeconds] {
      auto store = ctx.open();
      if (*verdictSeconds != 0) gate::setVerdictSeconds(*store, *verdictSeconds);
      const int seconds = gate::verdictSeconds(*store);
      ctx.print({{"seconds", seconds},
                 {"setting", gate::kVerdictSecondsSetting},
                 {"default", !store->setting(gate::kVerdictSecondsSetting)}},
                tr("gate.verdict_time", {std::to_string(seconds)}));
    };
  });

  auto* list = gateCmd->add_subcommand("list", tr("cli.help.gate.list.about"));
  list->callback([&ctx] {
    ctx.action = [&ctx] {
      auto store = ctx.open();
      auto all = gate::ensureDefaultGateProfiles(*store);
      nlohmann::json j = nlohmann::json::array();
      std::string text = tr("gate.list.header") + "\n";
      for (const auto& g : all) {
        j.push_back(profileJson(g));
        text += "  " + profileText(g) + "\n";
      }
      ctx.print(j, text);
    };
  });
}

void registerScan(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<ScanOptions>();
  auto* sub = app.add_subcommand("scan", tr("cli.help.scan.about"));
  sub->add_option("--gate", o->gate, tr("cli.help.scan.gate"))->required();
  sub->add_option("--direction", o->direction, tr("cli.help.scan.direction"))
      ->check(codeCheck<Direction>("--direction"));
  sub->add_option("--at", o->at, tr("cli.help.scan.at"));
  sub->add_option("--operator", o->operator_name, tr("cli.help.scan.operator"));
  sub->add_option("--local-copy", o->local_copy, tr("cli.help.scan.local-copy"));
  sub->add_option("--refresh", o->refresh_seconds, tr("cli.help.scan.refresh"))->check(CLI::Range(1, 86400));
  sub->add_option("--budget-ms", o->budget_ms, tr("cli.help.scan.budget-ms"))
      ->check(CLI::Range(static_cast<int>(gate::GateStation::kMinScanBudget.count()),
                         static_cast<int>(gate::GateStation::kMaxScanBudget.count())));
  sub->callback([&ctx, o] {
    ctx.action = [&ctx, o] {
      std::optional<gate::Moment> fixed;
      if (!o->at.empty()) {
        fixed = gate::parseMoment(o->at);
        if (!fixed) throw Error(ErrorKind::Usage, tr("gate.error.at", {o->at}));
      }
      if (!o->local_copy.empty()) {
        scanWithLocalCopy(ctx, *o, fixed);
        return;
      }
      auto store = ctx.open();
      auto profile = gate::findProfile(gate::ensureDefaultGateProfiles(*store), o->gate);
      if (!profile) throw Error(ErrorKind::NotFound, tr("gate.error.no_profile", {o->gate}));
      const Direction direction =
          o->direction.empty() ? profile->direction : parseCode<Direction>(o->direction, "--direction");
      gate::ScanPipeline pipeline(*store, {store->setting("station.name").value_or(hostName()),
                                           o->operator_name.empty() ? userName() : o->operator_name});
      std::string line;
      while (std::getline(std::cin, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        auto v = pipeline.scan(line, *profile, direction, fixed ? *fixed : gate::now());
        // Written and flushed only once the scan is in the log: a printed verdict is never lost.
        std::cout << verdictJson(v).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << std::endl;
      }
    };
  });
}

// ---- bench gate ---------------------------------------------------------------------------------

namespace {

using Clock = std::chrono::steady_clock;

void checkSql(int rc, sqlite3* db) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) throw Error(ErrorKind::Io, sqlite3_errmsg(db));
}

long peakRss() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

}  // namespace

// A unique 8-character serial per index: an odd multiplier is a bijection modulo 2^40.
std::string benchSerial(std::uint64_t i) {
  static constexpr char kAlphabet[] = "ABCDEFGHJKMNPQRSTVWXYZ0123456789";
  std::uint64_t x = (i * 0x9E3779B97Full + 12345) & ((1ull << 40) - 1);
  std::string s(8, 'A');
  for (int k = 7; k >= 0; --k) {
    s[static_cast<std::size_t>(k)] = kAlphabet[x & 31];
    x >>= 5;
  }
  return s;
}

// People and their badges straight into the file: the fast path for a million rows.
void fillBadges(const fs::path& db, long long n, const Context& ctx) {
  sqlite3* h = nullptr;
  checkSql(sqlite3_open(db.c_str(), &h), h);
  sqlite3_exec(h, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536", nullptr, nullptr,
               nullptr);
  sqlite3_stmt* person = nullptr;
  sqlite3_stmt* badge = nullptr;
  checkSql(
      sqlite3_prepare_v2(h,
                         "INSERT INTO person (id, first_name, last_name, name_ar, organization, category, consent) "
                         "VALUES (?,?,?,?,?,?,1)",
                         -1, &person, nullptr),
      h);
  checkSql(sqlite3_prepare_v2(h, "INSERT INTO badge (person_id, serial, version) VALUES (?,?,1)", -1, &badge, nullptr),
           h);
  static constexpr const char* kFirst[] = {"Youssef", "Fatima", "Karim", "Nadia", "Omar", "Salma", "Hamza", "Imane"};
  static constexpr const char* kLast[] = {"Alaoui", "Bennani", "Tazi", "Idrissi", "Fassi", "Berrada", "Chraibi"};
  static constexpr const char* kAr[] = {"يوسف العلوي", "فاطمة بناني", "كريم التازي", "نادية الإدريسي"};
  auto cats = codes::categories();
  checkSql(sqlite3_exec(h, "BEGIN", nullptr, nullptr, nullptr), h);
  for (long long i = 1; i <= n; ++i) {
    const auto u = static_cast<std::size_t>(i);
    sqlite3_bind_int64(person, 1, i);
    sqlite3_bind_text(person, 2, kFirst[u % 8], -1, SQLITE_STATIC);
    sqlite3_bind_text(person, 3, kLast[u % 7], -1, SQLITE_STATIC);
    sqlite3_bind_text(person, 4, kAr[u % 4], -1, SQLITE_STATIC);
    sqlite3_bind_text(person, 5, "Coopérative", -1, SQLITE_STATIC);
    const std::string_view cat = cats[u % cats.size()];
    sqlite3_bind_text(person, 6, cat.data(), static_cast<int>(cat.size()), SQLITE_STATIC);
    checkSql(sqlite3_step(person), h);
    sqlite3_reset(person);
    const std::string serial = benchSerial(static_cast<std::uint64_t>(i));
    sqlite3_bind_int64(badge, 1, i);
    sqlite3_bind_text(badge, 2, serial.c_str(), 8, SQLITE_TRANSIENT);
    checkSql(sqlite3_step(badge), h);
    sqlite3_reset(badge);
    if (i % 50000 == 0) ctx.progress("badges", static_cast<double>(i) / static_cast<double>(n));
  }
  checkSql(sqlite3_exec(h, "COMMIT", nullptr, nullptr, nullptr), h);
  sqlite3_finalize(person);
  sqlite3_finalize(badge);
  sqlite3_close(h);
}

nlohmann::json benchGate(long long n, const Context& ctx) {
  std::random_device rd;
  const fs::path dir = fs::temp_directory_path() / ("moussem-bench-gate-" + std::to_string(rd()));
  fs::create_directories(dir);
  struct Cleanup {
    fs::path d;
    ~Cleanup() {
      std::error_code ec;
      fs::remove_all(d, ec);
    }
  } cleanup{dir};

  const fs::path db = dir / "gate.db";
  createEditionDatabase(db, demoEdition()).reset();
  auto t0 = Clock::now();
  fillBadges(db, n, ctx);
  const double buildSeconds = std::chrono::duration<double>(Clock::now() - t0).count();

  // A gate user's store, as the kiosk has it: permissions checked, contact details never read out.
  std::unique_ptr<Store> store =
      std::make_unique<GuardedStore>(openStore(db.string(), OpenMode::Existing), Actor{"bench", Role::Gate, "bench"});
  const Edition edition = *store->edition();
  const SigningKey key = readKeyFile(paths::keyFileFor(db));
  auto profile =
      gate::findProfile(gate::ensureDefaultGateProfiles(*openStore(db.string(), OpenMode::Existing)), "exhibition");
  const long long scans = std::min<long long>(20000, std::max<long long>(1000, n / 50));

  // Payloads of people drawn at random, signed as the desk would.
  std::mt19937_64 rnd(7);
  std::vector<std::string> payloads;
  payloads.reserve(static_cast<std::size_t>(scans));
  auto cats = codes::categories();
  for (long long i = 0; i < scans; ++i) {
    auto id = static_cast<std::uint64_t>(1 + static_cast<long long>(rnd() % static_cast<std::uint64_t>(n)));
    BadgeClaims c;
    c.edition = edition.uid;
    c.serial = benchSerial(id);
    c.category = std::string(cats[id % cats.size()]);
    payloads.push_back(signPayload(c, key.secret_key));
  }

  auto tLoad = Clock::now();
  gate::ScanPipeline pipeline(*store, {"bench", "bench"});
  const double loadSeconds = std::chrono::duration<double>(Clock::now() - tLoad).count();
  const long rssAfterLoad = peakRss();
  auto at = *gate::parseMoment(edition.starts_on + "T10:00:00+01:00");

  // The floor: raw Ed25519 verify of the same payloads + one raw durable INSERT each into the same scan
  // table (a fresh database with the same schema and pragmas), autocommit, one prepared statement.
  const fs::path floorDb = dir / "floor.db";
  createEditionDatabase(floorDb, demoEdition()).reset();
  sqlite3* h = nullptr;
  checkSql(sqlite3_open(floorDb.c_str(), &h), h);
  sqlite3_exec(h, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL", nullptr, nullptr, nullptr);
  sqlite3_stmt* ins = nullptr;
  checkSql(sqlite3_prepare_v2(
               h,
               "INSERT INTO scan (uid, gate, zone, direction, at, payload_digest, verdict, reason, "
               "badge_serial, badge_version) VALUES (?,'exhibition','exhibition','in',?,'','accepted','ok',?,1)",
               -1, &ins, nullptr),
           h);
  std::array<unsigned char, 32> pk = key.public_key;
  long long verified = 0;

  // The pipeline and the floor take turns, a slice of the payloads each, so that a neighbour's load on
  // this shared machine weighs on both sides alike rather than on whichever ran while it lasted.
  std::vector<double> latency;
  latency.reserve(payloads.size());
  long long accepted = 0;
  double scanSeconds = 0, floorSeconds = 0;
  const std::size_t slice = std::max<std::size_t>(100, payloads.size() / 20);
  for (std::size_t from = 0; from < payloads.size(); from += slice) {
    const std::size_t to = std::min(payloads.size(), from + slice);
    auto tScan = Clock::now();
    for (std::size_t i = from; i < to; ++i) {
      auto s = Clock::now();
      auto v = pipeline.scan(payloads[i], *profile, Direction::In, at);
      latency.push_back(std::chrono::duration<double, std::micro>(Clock::now() - s).count());
      accepted += v.accepted ? 1 : 0;
    }
    scanSeconds += std::chrono::duration<double>(Clock::now() - tScan).count();
    auto tFloor = Clock::now();
    for (std::size_t i = from; i < to; ++i) {
      const std::string& p = payloads[i];
      const std::size_t cut = p.rfind('.') + 1;
      unsigned char sig[64];
      base32Decode(std::string_view(p).substr(cut), sig, sizeof sig);
      verified +=
          crypto_sign_verify_detached(sig, reinterpret_cast<const unsigned char*>(p.data()), cut, pk.data()) == 0;
      const std::string uid = std::to_string(i);
      sqlite3_bind_text(ins, 1, uid.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(ins, 2, at.iso.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(ins, 3, p.c_str() + 12, 8, SQLITE_STATIC);
      checkSql(sqlite3_step(ins), h);
      sqlite3_reset(ins);
    }
    floorSeconds += std::chrono::duration<double>(Clock::now() - tFloor).count();
  }
  store.reset();
  sqlite3_finalize(ins);
  sqlite3_close(h);

  const double rate = static_cast<double>(scans) / scanSeconds;
  const double floorRate = static_cast<double>(scans) / floorSeconds;
  return {{"scenario", "gate"},
          {"badges", n},
          {"build_seconds", buildSeconds},
          {"index_load_seconds", loadSeconds},
          {"scans", scans},
          {"accepted", accepted},
          {"scans_per_s", rate},
          {"p50_us", percentile(latency, 0.50)},
          {"p99_us", percentile(latency, 0.99)},
          {"max_us", percentile(latency, 1.0)},
          {"path",
           "ScanPipeline::scan on a gate user's guarded store, as the kiosk screen and `scan` use it: parse, Ed25519 "
           "verify, index, rules, "
           "presence, one transaction (scan row + presence), person summary"},
          {"floor",
           "the same payloads: raw crypto_sign_verify_detached + one raw autocommit INSERT into scan "
           "(WAL, synchronous=NORMAL); pipeline and floor take turns, 20 slices each"},
          {"floor_scans_per_s", floorRate},
          {"floor_verified", verified},
          {"ratio_to_floor", rate / floorRate},
          {"peak_rss_mb_after_index", rssAfterLoad},
          {"peak_rss_mb", peakRss()}};
}

}  // namespace moussem::cli
