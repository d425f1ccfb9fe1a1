// A gate on a shared server that keeps working when the server is unreachable (issue 7).
// Online, scans go through a ScanPipeline on the server (global anti-passback and once-per-day);
// the station keeps a local copy (store/local_copy.hpp: edition and public key, profiles, badges,
// people's summaries, presence) refreshed while online. When a call to the server fails, the station
// turns offline: the same ScanPipeline code decides from the local copy and logs each scan durably in
// it (a queue of scans with unique ids). Every few seconds a background thread tries the server again
// (a scan never waits for a connection attempt); once it answers, the next scan goes back online: it
// pushes the queue (idempotent: a scan id already logged is not logged twice), flags offline conflicts
// (the same badge admitted at two gates under anti-passback or twice the same day) in the scan's note
// for the organiser, refreshes the copy and goes on online. It also compares its clock with the
// server's and warns when they differ by more than a minute.
#pragma once
#include <chrono>
#include <functional>
#include <memory>
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
  // serverUrl: the shared database; localCopy: the path of this gate's SQLite copy (created if missing).
  // A server that is down at start is fine when the copy was made before; without a copy it is an Error.
  GateStation(const std::string& serverUrl, const std::string& localCopy, Station who,
              std::chrono::seconds refreshEvery = std::chrono::seconds(60));
  ~GateStation();

  Verdict scan(std::string_view payload, const GateProfile& profile, std::string_view direction, const Moment& at);
  const StationState& state() const { return state_; }
  // Tries the server now (a probe), pushes the queue and refreshes the copy when it answers.
  bool tryOnline();
  // While offline: whether the background probe has found the server answering again (the next scan
  // then goes online by itself).
  bool serverAnswering() const;
  // This machine's clock in seconds since the epoch (tests and rehearsals replace it to play a skew).
  void useClock(std::function<long long()> clock) { clock_ = std::move(clock); }
  PushSummary push();
  void refresh();
  Store& local() { return *local_; }

  // Clock skew above which the station warns (verdicts depend on the day and the hour).
  static constexpr long long kClockWarningSeconds = 60;

 private:
  void goOffline(const std::string& why);
  void rememberPresence(Id person, const std::string& zone, bool inside, const Moment& at);
  void checkClock();
  long long countQueue();

  std::string url_;
  std::unique_ptr<Store> server_;  // null while the server could not be reached at all
  std::unique_ptr<Store> local_;
  Station who_;
  std::unique_ptr<ScanPipeline> online_;
  std::unique_ptr<ScanPipeline> offline_;
  std::unique_ptr<TableAccess> tables_;  // of the local copy
  StationState state_;
  std::chrono::seconds refreshEvery_;
  std::chrono::steady_clock::time_point lastRefresh_{};
  std::function<long long()> clock_;
  struct Probe;
  std::unique_ptr<Probe> probe_;  // last: its thread stops before the rest goes
};

// Scans of the server's log that an offline push flagged as conflicts, newest first.
std::vector<ScanRecord> offlineConflicts(Store& server, int limit = 1000);

}  // namespace moussem::gate
