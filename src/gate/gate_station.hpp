// A gate on a shared server that keeps working when the server is unreachable or hung (issues 7, 31).
// The verdict never waits on the network beyond the scan budget (kDefaultScanBudget, the edition's
// setting gate.scan_budget_ms, `scan --budget-ms`): online, every round trip of a scan to the server is
// bounded by it (a non-blocking call with a deadline; the server itself gives up a held lock before it
// runs out). When the budget runs out, or the connection fails, the station turns offline and the same
// ScanPipeline decides from the local copy (store/local_copy.hpp: edition and public key, profiles,
// badges, people's summaries, presence), logging the scan durably there under the same unique id, so a
// scan the server took after all is still logged once.
// Everything that may wait on the server runs on a background thread with connections of its own:
// reconnecting, pushing the queue (idempotent: a scan id already logged is not logged twice, even if
// the gate crashed mid-push; offline conflicts — the same badge admitted at two gates under
// anti-passback, or twice a day — are flagged in the scan's note), refreshing the copy, checking the
// clock (a warning beyond a minute of skew). Once the queue is pushed, the next scan goes online.
#pragma once
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "gate/scan_pipeline.hpp"
#include "store/store.hpp"
#include "store/transfer.hpp"

namespace moussem::gate {

struct StationState {
  bool online = true;
  long long queued = 0;            // scans decided offline, not yet on the server
  long long conflicts = 0;         // offline conflicts found by pushes of this station
  long long clockSkewSeconds = 0;  // this machine's clock minus the server's (0 if unknown)
  bool clockWarning = false;       // |skew| > 60 s: verdicts for days and hours may be wrong
  std::string detail;              // why the server is unreachable
};

struct PushSummary {
  long long pushed = 0, conflicts = 0;
};

class GateStation {
 public:
  // How long a scan may wait on the server before it is decided from the local copy.
  static constexpr std::chrono::milliseconds kDefaultScanBudget{300};
  // The edition's setting that changes it (milliseconds, kMinScanBudget to kMaxScanBudget).
  static constexpr const char* kScanBudgetSetting = "gate.scan_budget_ms";
  static constexpr std::chrono::milliseconds kMinScanBudget{50}, kMaxScanBudget{10000};

  // serverUrl: the shared database; localCopy: the path of this gate's SQLite copy (created if missing).
  // A server that is down at start is fine when the copy was made before; without a copy it is an Error.
  // scanBudget: nullopt takes the edition's setting (kScanBudgetSetting), else kDefaultScanBudget.
  GateStation(const std::string& serverUrl, const std::string& localCopy, Station who,
              std::chrono::seconds refreshEvery = std::chrono::seconds(60),
              std::optional<std::chrono::milliseconds> scanBudget = std::nullopt);
  ~GateStation();
  GateStation(const GateStation&) = delete;
  GateStation& operator=(const GateStation&) = delete;

  // Decided within the scan budget (plus the local decision) whatever the server does; latency_us is
  // the whole time, the wait on the server included.
  Verdict scan(std::string_view payload, const GateProfile& profile, Direction direction, const Moment& at);
  StationState state() const;
  std::chrono::milliseconds scanBudget() const { return budget_; }
  // Tries the server now, on this thread: pushes the queue and refreshes the copy when it answers.
  bool tryOnline();
  // While offline: whether the background thread has the server back, queue pushed (the next scan
  // then goes online by itself).
  bool serverAnswering() const { return ready_; }
  // This machine's clock in seconds since the epoch (tests and rehearsals replace it to play a skew).
  void useClock(std::function<long long()> clock);
  PushSummary push();
  void refresh();
  Store& local() { return *local_; }

  // Clock skew above which the station warns (verdicts depend on the day and the hour).
  static constexpr long long kClockWarningSeconds = 60;

 private:
  struct Link;
  void goOffline(const std::string& why);
  void goOnline();
  // The jobs that may wait on the server; the caller holds linkMutex_ (or is the constructor).
  // recoverLocked: reconnects server_ and brings online_ up to date, the queue pushed first; the caller
  // owns server_ and online_ (the scan thread, or the background thread while offline).
  bool recoverLocked(Store& local);
  PushSummary pushLocked(Store& server, Store& local);
  void refreshLocked(Store& server, Store& local);
  void checkClockLocked(Store& server);
  void applyPresenceLocked(Store& local);
  struct Worker;
  void work(Worker& worker);  // the background thread

  std::string url_, scanUrl_, copyPath_;
  Station who_;
  std::chrono::seconds refreshEvery_;
  std::chrono::milliseconds budget_;
  // The scan thread's: the server connection scans go through (while online_ is in use: while
  // offline, the background thread owns both to bring them back), and the local copy.
  std::unique_ptr<Store> server_;
  std::unique_ptr<ScanPipeline> online_;
  std::unique_ptr<Store> local_;
  std::unique_ptr<ScanPipeline> offline_;
  bool scanningOnline_ = true;  // the scan thread's view
  // The background thread's connections (server and local copy), and what it shares with the scans.
  std::unique_ptr<Link> link_;
  mutable std::mutex stateMutex_;
  StationState state_;                    // under stateMutex_ but queued (from the two counters below)
  std::atomic<long long> lastLogged_{0};  // newest scan id logged in the local copy
  std::atomic<long long> pushedMark_{0};  // newest local scan id on the server
  std::atomic<bool> recovering_{false};   // offline: the background thread owns server_ and online_
  std::atomic<bool> ready_{false};        // ... and has brought them back
  std::recursive_mutex linkMutex_;        // one server job at a time (background or tryOnline/push)
  std::function<long long()> clock_;
  std::chrono::steady_clock::time_point lastRefresh_{};
  std::unique_ptr<Worker> worker_;  // last: its thread stops before the rest goes
};

// Scans of the server's log that an offline push flagged as conflicts, newest first.
std::vector<ScanRecord> offlineConflicts(Store& server, int limit = 1000);

}  // namespace moussem::gate
