#include "gate/gate_station.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <ctime>
#include <filesystem>
#include <mutex>
#include <thread>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "store/local_copy.hpp"
#include "store/transfer.hpp"

namespace moussem::gate {

namespace {

constexpr auto kProbeEvery = std::chrono::seconds(5);
constexpr const char* kPushedMark = "offline.pushed_scan_id";  // a setting of the local copy

long long parseUtc(const std::string& iso) {
  std::tm tm{};
  if (iso.size() < 19 || !strptime(iso.c_str(), "%Y-%m-%dT%H:%M:%S", &tm)) return 0;
  return static_cast<long long>(timegm(&tm));
}

}  // namespace

// While the station is offline, tries the server every kProbeEvery on its own thread and connection, so
// that no scan ever waits for a connection attempt (a cut network can hold one for seconds).
struct GateStation::Probe {
  explicit Probe(std::string serverUrl) : url(std::move(serverUrl)), worker([this] { run(); }) {}
  ~Probe() {
    {
      std::lock_guard lock(mutex);
      stop = true;
    }
    wake.notify_all();
    worker.join();
  }
  void start() {  // the station has just gone offline
    {
      std::lock_guard lock(mutex);
      wanted = true;
      answering = false;
    }
    wake.notify_all();
  }
  void run() {
    std::unique_lock lock(mutex);
    while (!stop) {
      wake.wait_for(lock, kProbeEvery, [&] { return stop; });
      if (stop || !wanted) continue;
      lock.unlock();
      bool ok = false;
      try {
        auto server = openStore(url, OpenMode::Existing);
        server->serverTime();
        ok = server->status().connected;
      } catch (...) {
        ok = false;  // still unreachable: tried again after the next pause
      }
      lock.lock();
      if (ok && wanted) {
        answering = true;
        wanted = false;
      }
    }
  }

  std::string url;
  std::mutex mutex;
  std::condition_variable wake;
  bool stop = false, wanted = false;
  std::atomic<bool> answering{false};
  std::thread worker;  // last: starts once everything above is ready
};

GateStation::GateStation(const std::string& serverUrl, const std::string& localCopy, Station who,
                         std::chrono::seconds refreshEvery)
    : url_(serverUrl), who_(std::move(who)), refreshEvery_(refreshEvery),
      clock_([] { return static_cast<long long>(std::time(nullptr)); }), probe_(std::make_unique<Probe>(serverUrl)) {
  std::error_code ec;
  const bool exists = std::filesystem::exists(localCopy, ec);
  if (!exists && std::filesystem::path(localCopy).has_parent_path())
    std::filesystem::create_directories(std::filesystem::path(localCopy).parent_path(), ec);
  local_ = openStore(localCopy, exists ? OpenMode::Existing : OpenMode::Create);
  try {
    server_ = openStore(url_, OpenMode::Existing);
    refresh();
    online_ = std::make_unique<ScanPipeline>(*server_, who_);
    checkClock();
  } catch (const Error& e) {
    // Started without the server: a copy made earlier lets the gate work; without one it cannot.
    if (!local_->edition()) throw;
    goOffline(e.what());
  }
  offline_ = std::make_unique<ScanPipeline>(*local_, who_);
  state_.queued = countQueue();
  if (state_.online && state_.queued > 0) push();
}

GateStation::~GateStation() = default;

void GateStation::rememberPresence(Id person, const std::string& zone, bool inside, const Moment& at) {
  // The copy follows this gate's own admissions at once (others' arrive with the next refresh), so a
  // badge admitted here a second before the cut is not admitted again from the copy.
  try {
    if (!tables_) tables_ = tableAccess(*local_);
    if (inside)
      tables_->upsertRow("presence", {"person_id", "zone", "inside", "last_at", "last_day"},
                         {std::to_string(person), zone, "1", at.iso, at.day}, {"person_id", "zone"});
    else
      tables_->upsertRow("presence", {"person_id", "zone", "inside", "last_at"}, {std::to_string(person), zone, "0", at.iso},
                         {"person_id", "zone"});
  } catch (const Error&) {
    // The copy is a convenience for later; the verdict is already logged on the server.
  }
}

void GateStation::goOffline(const std::string& why) {
  if (state_.online && offline_) offline_->syncChanges();  // presence as the copy last knew it
  state_.online = false;
  state_.detail = why;
  probe_->start();
}

bool GateStation::serverAnswering() const { return probe_->answering; }

void GateStation::refresh() {
  if (!server_) return;
  refreshLocalCopy(*server_, *local_);
  lastRefresh_ = std::chrono::steady_clock::now();
  if (offline_) offline_->syncChanges();  // written through this very connection: no data version change
}

void GateStation::checkClock() {
  if (!server_) return;
  const std::string server = server_->serverTime();
  if (server.empty()) return;
  const long long skew = clock_() - parseUtc(server);
  state_.clockSkewSeconds = skew;
  state_.clockWarning = skew > kClockWarningSeconds || skew < -kClockWarningSeconds;
}

long long GateStation::countQueue() {
  const long long mark = std::stoll(local_->setting(kPushedMark).value_or("0"));
  long long n = 0;
  for (const auto& s : local_->recentScans("", 1 << 30))
    if (s.id > mark) ++n;
  return n;
}

bool GateStation::tryOnline() {
  try {
    if (!server_) server_ = openStore(url_, OpenMode::Existing);
    server_->retryNow();    // this station paces its own attempts
    server_->serverTime();  // reconnects if it can
    if (!server_->status().connected) return false;
    push();
    refresh();
    if (!online_) online_ = std::make_unique<ScanPipeline>(*server_, who_);
    else online_->syncChanges();
    checkClock();
    state_.online = true;
    state_.detail.clear();
    return true;
  } catch (const Error& e) {
    goOffline(e.what());
    return false;
  }
}

PushSummary GateStation::push() {
  PushSummary summary;
  if (!server_) return summary;
  const long long mark = std::stoll(local_->setting(kPushedMark).value_or("0"));
  auto queued = local_->recentScans("", 1 << 30);
  std::erase_if(queued, [&](const ScanRecord& s) { return s.id <= mark; });
  std::reverse(queued.begin(), queued.end());  // oldest first
  if (queued.empty()) return summary;
  std::vector<GateProfile> profiles = server_->gateProfiles();
  for (auto& s : queued) {
    const Id localId = s.id;
    const auto profile = std::find_if(profiles.begin(), profiles.end(), [&](const GateProfile& g) { return g.name == s.gate; });
    const std::string reentry = profile == profiles.end() ? "always" : profile->reentry;
    std::string note = s.note.empty() ? "offline" : "offline; " + s.note;
    const bool entry = s.verdict == "accepted" && s.direction == "in" && s.person_id;
    if (entry && (reentry == "antipassback" || reentry == "once-per-day")) {
      // Was this person admitted into the zone elsewhere meanwhile, with no exit in between (or at all
      // that day under once-per-day)? Then both gates let one badge in: report it, hide nothing.
      const auto others = server_->acceptedScansOn(*s.person_id, s.zone, s.at.substr(0, 10));
      const ScanRecord* clash = nullptr;
      if (reentry == "once-per-day") {
        for (const auto& o : others)
          if (o.direction == "in" && o.uid != s.uid) clash = &o;
      } else {
        const ScanRecord* before = nullptr;  // the latest accepted scan of that person and zone before ours
        const ScanRecord* after = nullptr;   // and the first after it
        for (const auto& o : others) {
          if (o.uid == s.uid) continue;
          if (o.at <= s.at) before = &o;
          else if (!after) after = &o;
        }
        if (before && before->direction == "in") clash = before;
        else if (after && after->direction == "in") clash = after;
      }
      if (clash) {
        note = "offline-conflict: " + std::string(reentry == "antipassback" ? "already_inside" : "already_used_today") +
               " (" + clash->gate + " " + clash->at + " " + clash->uid + ")";
        ++summary.conflicts;
      }
    }
    s.note = note;
    Presence p;
    const bool changesPresence = s.verdict == "accepted" && s.person_id;
    if (changesPresence) {
      p.person_id = *s.person_id;
      p.zone = s.zone;
      p.inside = s.direction == "in";
      p.last_at = s.at;
      p.last_day = p.inside ? s.at.substr(0, 10) : "";
    }
    s.id = 0;
    server_->recordScan(s, changesPresence ? &p : nullptr, "offline");  // a replayed uid changes nothing
    local_->setSetting(kPushedMark, std::to_string(localId));           // after the server has it
    ++summary.pushed;
  }
  state_.queued = countQueue();
  state_.conflicts += summary.conflicts;
  return summary;
}

Verdict GateStation::scan(std::string_view payload, const GateProfile& profile, std::string_view direction,
                          const Moment& at) {
  const auto now = std::chrono::steady_clock::now();
  if (!state_.online && probe_->answering.exchange(false)) tryOnline();  // the server is back: push, go on
  if (state_.online) {
    try {
      if (now - lastRefresh_ >= refreshEvery_) {
        refresh();
        checkClock();
      }
      Verdict v = online_->scan(payload, profile, direction, at);
      if (v.accepted && v.person) rememberPresence(v.person->id, v.zone, direction == "in", at);
      return v;
    } catch (const Error& e) {
      if (server_ && server_->status().connected) throw;  // not a network problem: a real error
      goOffline(e.what());
    }
  }
  Verdict v = offline_->scan(payload, profile, direction, at);  // logged durably in the local copy
  ++state_.queued;
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
