#include "gate/gate_station.hpp"

#include <algorithm>
#include <condition_variable>
#include <ctime>
#include <filesystem>
#include <thread>
#include <vector>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "store/local_copy.hpp"
#include "store/postgres/pg_db.hpp"
#include "store/transfer.hpp"

namespace moussem::gate {

namespace {

constexpr auto kProbeEvery = std::chrono::seconds(2);  // a new connection attempt while offline
constexpr auto kTick = std::chrono::seconds(1);        // the background thread looks at its jobs
// No round trip of a background job (push, refresh, clock) may hang longer on a frozen network.
constexpr auto kLinkRoundTrip = std::chrono::milliseconds(5000);
constexpr const char* kPushedMark = "offline.pushed_scan_id";  // a setting of the local copy

long long parseUtc(const std::string& iso) {
  std::tm tm{};
  if (iso.size() < 19 || !strptime(iso.c_str(), "%Y-%m-%dT%H:%M:%S", &tm)) return 0;
  return static_cast<long long>(timegm(&tm));
}

long long pushedMark(Store& local) {
  return std::stoll(local.setting(kPushedMark).value_or("0"));
}

long long newestScan(Store& local) {
  const auto last = local.recentScans("", 1);
  return last.empty() ? 0 : last.front().id;
}

// The edition's budget setting, when it is a number of milliseconds within the limits.
std::optional<std::chrono::milliseconds> parseBudget(const std::string& text) {
  long long ms = 0;
  for (char c : text) {
    if (c < '0' || c > '9' || ms > 1000000) return std::nullopt;
    ms = ms * 10 + (c - '0');
  }
  if (text.empty() || ms < GateStation::kMinScanBudget.count() || ms > GateStation::kMaxScanBudget.count())
    return std::nullopt;
  return std::chrono::milliseconds(ms);
}

struct PresenceNote {
  Id person = 0;
  std::string zone;
  bool inside = false;
  Moment at;
};

}  // namespace

// The background thread's own connections, and the presence notes it writes into the copy.
struct GateStation::Link {
  std::unique_ptr<Store> server;
  std::unique_ptr<Store> local;
  std::mutex notesMutex;  // the queue of notes
  std::vector<PresenceNote> notes;
  std::mutex applyMutex;  // notes being written: going offline waits for them

  Store& serverAt(const std::string& url) {
    if (!server) {
      server = openStore(url, OpenMode::Existing);
      server->limitEachRoundTrip(kLinkRoundTrip);
    }
    return *server;
  }
  Store& localAt(const std::string& path) {
    if (!local) local = openStore(path, OpenMode::Existing);
    return *local;
  }
};

struct GateStation::Worker {
  explicit Worker(GateStation& s) : station(s), thread([this] { station.work(*this); }) {}
  ~Worker() {
    {
      std::lock_guard lock(mutex);
      stop = true;
    }
    wake.notify_all();
    thread.join();
  }
  void poke() {
    {
      std::lock_guard lock(mutex);
      poked = true;
    }
    wake.notify_all();
  }

  GateStation& station;
  std::mutex mutex;
  std::condition_variable wake;
  bool stop = false, poked = false;
  std::thread thread;  // last: starts once everything above is ready
};

GateStation::GateStation(const std::string& serverUrl, const std::string& localCopy, Station who,
                         std::chrono::seconds refreshEvery, std::optional<std::chrono::milliseconds> scanBudget)
    : url_(serverUrl),
      copyPath_(localCopy),
      who_(std::move(who)),
      refreshEvery_(refreshEvery),
      budget_(scanBudget.value_or(kDefaultScanBudget)),
      link_(std::make_unique<Link>()),
      clock_([] { return static_cast<long long>(std::time(nullptr)); }) {
  std::error_code ec;
  const bool exists = std::filesystem::exists(localCopy, ec);
  if (!exists && std::filesystem::path(localCopy).has_parent_path())
    std::filesystem::create_directories(std::filesystem::path(localCopy).parent_path(), ec);
  local_ = openStore(localCopy, exists ? OpenMode::Existing : OpenMode::Create);
  std::optional<std::string> down;  // why the server could not be reached at start
  try {
    // The background thread's connection first: it reads the edition's budget for the scan connection.
    Store& link = link_->serverAt(url_);
    if (!scanBudget)
      if (auto ms = parseBudget(link.setting(kScanBudgetSetting).value_or(""))) budget_ = *ms;
  } catch (const Error& e) {
    link_->server.reset();
    down = e.what();
  }
  // The scan connection: the server itself gives up a held lock before the budget is spent, and never
  // runs one of its statements for long.
  scanUrl_ = pg::isPostgresUrl(url_)
                 ? pg::withServerTimeouts(url_, budget_ * 3 / 4,
                                          std::max<std::chrono::milliseconds>(budget_ * 10, kLinkRoundTrip))
                 : url_;
  try {
    if (down) throw Error(ErrorKind::Io, *down);
    server_ = openStore(scanUrl_, OpenMode::Existing);
    refreshLocalCopy(*server_, *local_);
    lastRefresh_ = std::chrono::steady_clock::now();
    online_ = std::make_unique<ScanPipeline>(*server_, who_);
    checkClockLocked(*server_);
  } catch (const Error& e) {
    // Started without the server: a copy made earlier lets the gate work; without one it cannot.
    if (!local_->edition()) throw;
    scanningOnline_ = false;
    state_.online = false;
    state_.detail = e.what();
    recovering_ = true;
  }
  offline_ = std::make_unique<ScanPipeline>(*local_, who_);
  pushedMark_ = pushedMark(*local_);
  lastLogged_ = std::max<long long>(newestScan(*local_), pushedMark_);
  worker_ = std::make_unique<Worker>(*this);
  if (scanningOnline_ && lastLogged_ > pushedMark_) {
    try {
      std::lock_guard lock(linkMutex_);
      pushLocked(*server_, *local_);
    } catch (const Error& e) {
      if (server_->status().connected) throw;
      goOffline(e.what());
    }
  }
}

GateStation::~GateStation() = default;

StationState GateStation::state() const {
  std::lock_guard lock(stateMutex_);
  StationState s = state_;
  s.queued = std::max<long long>(0, lastLogged_ - pushedMark_);
  return s;
}

void GateStation::useClock(std::function<long long()> clock) {
  std::lock_guard lock(linkMutex_);
  clock_ = std::move(clock);
}

void GateStation::applyPresenceLocked(Store& local) {
  // The copy follows this gate's own admissions at once (others' arrive with the next refresh), so a
  // badge admitted here a second before the cut is not admitted again from the copy.
  std::lock_guard applying(link_->applyMutex);
  std::vector<PresenceNote> notes;
  {
    std::lock_guard lock(link_->notesMutex);
    notes.swap(link_->notes);
  }
  if (notes.empty()) return;
  try {
    auto tables = tableAccess(local);
    local.write([&] {
      for (const auto& n : notes) {
        if (n.inside)
          tables->upsertRow("presence", {"person_id", "zone", "inside", "last_at", "last_day"},
                            {std::to_string(n.person), n.zone, "1", n.at.iso, n.at.day}, {"person_id", "zone"});
        else
          tables->upsertRow("presence", {"person_id", "zone", "inside", "last_at"},
                            {std::to_string(n.person), n.zone, "0", n.at.iso}, {"person_id", "zone"});
      }
    });
  } catch (const Error&) {
    // The copy is a convenience for later; the verdicts are already logged on the server.
  }
}

void GateStation::goOffline(const std::string& why) {
  // From now on the background thread owns the server connection, until it has brought it back.
  applyPresenceLocked(*local_);
  offline_->syncChanges();  // presence as the copy knows it
  scanningOnline_ = false;
  {
    std::lock_guard lock(stateMutex_);
    state_.online = false;
    state_.detail = why;
  }
  ready_ = false;
  recovering_ = true;
  worker_->poke();
}

void GateStation::goOnline() {
  scanningOnline_ = true;
  ready_ = false;
  recovering_ = false;
  std::lock_guard lock(stateMutex_);
  state_.online = true;
  state_.detail.clear();
}

void GateStation::checkClockLocked(Store& server) {
  const std::string at = server.serverTime();
  if (at.empty()) return;
  const long long skew = clock_() - parseUtc(at);
  std::lock_guard lock(stateMutex_);
  state_.clockSkewSeconds = skew;
  state_.clockWarning = skew > kClockWarningSeconds || skew < -kClockWarningSeconds;
}

PushSummary GateStation::pushLocked(Store& server, Store& local) {
  PushSummary summary;
  const long long mark = pushedMark(local);
  auto queued = local.recentScans("", 1 << 30);
  std::erase_if(queued, [&](const ScanRecord& s) { return s.id <= mark; });
  std::reverse(queued.begin(), queued.end());  // oldest first
  if (queued.empty()) {
    pushedMark_ = mark;
    return summary;
  }
  std::vector<GateProfile> profiles = server.gateProfiles();
  for (auto& s : queued) {
    const Id localId = s.id;
    const auto profile =
        std::find_if(profiles.begin(), profiles.end(), [&](const GateProfile& g) { return g.name == s.gate; });
    const ReentryPolicy reentry = profile == profiles.end() ? ReentryPolicy::Always : profile->reentry;
    std::string note = s.note.empty() ? "offline" : "offline; " + s.note;
    const bool entry = s.verdict == ScanVerdict::Accepted && s.direction == Direction::In && s.person_id;
    if (entry && (reentry == ReentryPolicy::Antipassback || reentry == ReentryPolicy::OncePerDay)) {
      // Was this person admitted into the zone elsewhere meanwhile, with no exit in between (or at all
      // that day under once-per-day)? Then both gates let one badge in: report it, hide nothing.
      const auto others = server.acceptedScansOn(*s.person_id, s.zone, s.at.substr(0, 10));
      const ScanRecord* clash = nullptr;
      if (reentry == ReentryPolicy::OncePerDay) {
        for (const auto& o : others)
          if (o.direction == Direction::In && o.uid != s.uid) clash = &o;
      } else {
        const ScanRecord* before = nullptr;  // the latest accepted scan of that person and zone before ours
        const ScanRecord* after = nullptr;   // and the first after it
        for (const auto& o : others) {
          if (o.uid == s.uid) continue;
          if (o.at <= s.at)
            before = &o;
          else if (!after)
            after = &o;
        }
        if (before && before->direction == Direction::In)
          clash = before;
        else if (after && after->direction == Direction::In)
          clash = after;
      }
      if (clash) {
        note = "offline-conflict: " +
               std::string(codeOf(reentry == ReentryPolicy::Antipassback ? ScanReason::AlreadyInside
                                                                         : ScanReason::AlreadyUsedToday)) +
               " (" + clash->gate + " " + clash->at + " " + clash->uid + ")";
        ++summary.conflicts;
      }
    }
    s.note = note;
    Presence p;
    const bool changesPresence = s.verdict == ScanVerdict::Accepted && s.person_id;
    if (changesPresence) {
      p.person_id = *s.person_id;
      p.zone = s.zone;
      p.inside = s.direction == Direction::In;
      p.last_at = s.at;
      p.last_day = p.inside ? s.at.substr(0, 10) : "";
    }
    s.id = 0;
    server.recordScan(s, changesPresence ? &p : nullptr, std::nullopt);  // offline; a replayed uid changes nothing
    local.setSetting(kPushedMark, std::to_string(localId));              // after the server has it
    pushedMark_ = localId;
    ++summary.pushed;
  }
  std::lock_guard lock(stateMutex_);
  state_.conflicts += summary.conflicts;
  return summary;
}

void GateStation::refreshLocked(Store& server, Store& local) {
  refreshLocalCopy(server, local);
  lastRefresh_ = std::chrono::steady_clock::now();
  checkClockLocked(server);
}

bool GateStation::recoverLocked(Store& local) {
  if (!server_) server_ = openStore(scanUrl_, OpenMode::Existing);
  server_->limitRoundTrips(std::nullopt);
  server_->limitEachRoundTrip(kLinkRoundTrip);
  struct Unbound {  // scans bound their round trips by the budget alone
    Store& s;
    ~Unbound() { s.limitEachRoundTrip(std::nullopt); }
  } unbound{*server_};
  server_->retryNow();    // this station paces its own attempts
  server_->serverTime();  // reconnects if it can
  if (!server_->status().connected) return false;
  pushLocked(*server_, local);  // first: the server must know what was admitted meanwhile
  if (!online_)
    online_ = std::make_unique<ScanPipeline>(*server_, who_);
  else
    online_->syncChanges();
  checkClockLocked(*server_);
  return true;
}

bool GateStation::tryOnline() {
  std::lock_guard lock(linkMutex_);
  try {
    if (!recoverLocked(*local_)) return false;
    refreshLocked(*server_, *local_);
    offline_->syncChanges();  // written through this very connection: no data version change
    goOnline();
    return true;
  } catch (const Error& e) {
    if (scanningOnline_) goOffline(e.what());
    return false;
  }
}

PushSummary GateStation::push() {
  std::lock_guard lock(linkMutex_);
  if (scanningOnline_ && server_) return pushLocked(*server_, *local_);
  return pushLocked(link_->serverAt(url_), *local_);
}

void GateStation::refresh() {
  std::lock_guard lock(linkMutex_);
  if (scanningOnline_ && server_)
    refreshLocked(*server_, *local_);
  else
    refreshLocked(link_->serverAt(url_), *local_);
  offline_->syncChanges();
}

void GateStation::work(Worker& worker) {
  auto lastProbe = std::chrono::steady_clock::time_point{};
  std::unique_lock wait(worker.mutex);
  while (!worker.stop) {
    worker.wake.wait_for(wait, kTick, [&] { return worker.stop || worker.poked; });
    if (worker.stop) break;
    worker.poked = false;
    wait.unlock();
    try {
      std::lock_guard job(linkMutex_);
      Store& local = link_->localAt(copyPath_);
      applyPresenceLocked(local);
      const auto now = std::chrono::steady_clock::now();
      if (recovering_ && !ready_) {
        if (now - lastProbe >= kProbeEvery) {
          lastProbe = now;
          if (recoverLocked(local)) {
            ready_ = true;  // the next scan goes online; the copy is refreshed meanwhile
            refreshLocked(link_->serverAt(url_), local);
          }
        }
      } else if (!recovering_) {
        if (lastLogged_ > pushedMark_) pushLocked(link_->serverAt(url_), local);
        if (now - lastRefresh_ >= refreshEvery_) refreshLocked(link_->serverAt(url_), local);
      }
    } catch (const std::exception&) {
      // The server is still away, or went away again: the next tick tries again.
    }
    wait.lock();
  }
}

Verdict GateStation::scan(std::string_view payload, const GateProfile& profile, Direction direction, const Moment& at) {
  const auto start = std::chrono::steady_clock::now();
  auto elapsedUs = [&] {
    return static_cast<long long>(
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start).count());
  };
  if (!scanningOnline_ && ready_) goOnline();  // the server is back and knows the queue: go on online
  const std::string uid = newScanUid();        // the same whichever side decides: logged once at most
  if (scanningOnline_) {
    server_->limitRoundTrips(start + budget_);
    try {
      Verdict v = online_->scan(payload, profile, direction, at, uid);
      server_->limitRoundTrips(std::nullopt);
      if (v.accepted && v.person) {
        {
          std::lock_guard lock(link_->notesMutex);
          link_->notes.push_back({v.person->id, v.zone, direction == Direction::In, at});
        }
        worker_->poke();
      }
      v.latency_us = elapsedUs();
      return v;
    } catch (const Error& e) {
      server_->limitRoundTrips(std::nullopt);
      if (server_->status().connected) throw;  // not the network: a real error
      goOffline(e.what());
    }
  }
  Verdict v = offline_->scan(payload, profile, direction, at, uid);  // logged durably in the local copy
  if (v.scan_id > lastLogged_) lastLogged_ = v.scan_id;
  v.latency_us = elapsedUs();
  return v;
}

std::vector<ScanRecord> offlineConflicts(Store& server, int limit) {
  std::vector<ScanRecord> out;
  for (auto& s : server.recentScans("", 1 << 30)) {
    if (s.note.rfind("offline-conflict", 0) == 0) out.push_back(std::move(s));
    if (static_cast<int>(out.size()) >= limit) break;
  }
  return out;
}

}  // namespace moussem::gate
