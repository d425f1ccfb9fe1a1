#include "ui/screens/gate_model.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/paths.hpp"
#include "core/person_names.hpp"
#include "core/station.hpp"

namespace moussem::ui {

namespace {
constexpr std::size_t kRecent = 20;
}  // namespace

void GateModel::load() {
  loaded_ = true;
  error_.clear();
  try {
    profiles_ = gate::ensureDefaultGateProfiles(store_);
    categories_ = store_.categories();
    // An enrolled gate (core/station.hpp) scans under its name, keeps its local copy where it was told,
    // and opens on its gate profile.
    std::optional<StationConfig> enrolled;
    try {
      enrolled = enrolledStation();
    } catch (const Error&) {
    }
    const std::string station = enrolled ? enrolled->name : store_.setting("station.name").value_or("gate");
    const std::string copy =
        enrolled && !enrolled->local_copy.empty() ? enrolled->local_copy : defaultLocalCopy(station).string();
    if (!pipeline_)
      pipeline_ = std::make_unique<gate::ScanPipeline>(store_, gate::Station{station, ""});
    else
      pipeline_->syncChanges();
    if (selected_ < 0 && enrolled)
      for (std::size_t i = 0; i < profiles_.size(); ++i)
        if (profiles_[i].name == enrolled->gate_profile) selected_ = static_cast<int>(i);
    if (store_.status().shared && !station_) {
      // Its own connection (credentials from ~/.pgpass) and a local copy in the data folder.
      try {
        station_ = std::make_unique<gate::GateStation>(store_.location(), copy, gate::Station{station, ""});
        if (station_->state().clockWarning)
          sayText(tr("offline.clock_skew", {std::to_string(station_->state().clockSkewSeconds)}));
      } catch (const Error& e) {
        sayText(e.what());  // no offline copy: the gate works online only
      }
    }
    if (selected_ < 0 && !profiles_.empty())
      select(0);
    else
      select(selected_);
  } catch (const Error& e) {
    error_ = e.what();
  }
}

void GateModel::select(int index) {
  if (index < 0 || index >= static_cast<int>(profiles_.size())) return;
  selected_ = index;
  direction_ = profiles_[static_cast<std::size_t>(index)].direction;
  last_.reset();
  try {
    verdictSeconds_ = gate::verdictSeconds(store_);
  } catch (const Error&) {
    verdictSeconds_ = gate::kDefaultVerdictSeconds;
  }
  reloadCounters();
}

bool GateModel::setVerdictSeconds(int seconds) {
  try {
    gate::setVerdictSeconds(store_, seconds);
    verdictSeconds_ = seconds;
    say("gate.screen.saved");
    return true;
  } catch (const Error& e) {
    sayText(e.what());
    return false;
  }
}

double GateModel::verdictShownFor() const {
  return last_ ? std::max(0.0, seconds_() - lastShownAt_) : 0.0;
}

double GateModel::verdictLeft() const {
  return last_ ? std::max(0.0, static_cast<double>(verdictSeconds_) - verdictShownFor()) : 0.0;
}

double GateModel::secondsToNextDay() const {
  return std::max(1.0, (1440.0 - countedAt_.minute) * 60.0);
}

void GateModel::say(std::string key) {
  messageKey_ = std::move(key);
  message_.clear();
}

void GateModel::sayText(std::string text) {
  message_ = std::move(text);
  messageKey_.clear();
}

std::string GateModel::message() const {
  return messageKey_.empty() ? message_ : tr(messageKey_);
}

const GateProfile* GateModel::profile() const {
  if (selected_ < 0 || selected_ >= static_cast<int>(profiles_.size())) return nullptr;
  return &profiles_[static_cast<std::size_t>(selected_)];
}

GateLogRow GateModel::rowOf(const ScanRecord& s) {
  GateLogRow row{s.at, "", s.reason, s.verdict == ScanVerdict::Accepted, s.manual, "", s.id};
  if (s.person_id)
    if (auto who = store_.person(*s.person_id)) {
      row.name = names::latin(*who);  // as the verdict names the person
      row.name_ar = who->name_ar;
    }
  return row;
}

void GateModel::reloadCounters() {
  recent_.clear();
  countedAt_ = clock_();
  today_ = countedAt_.day;
  const GateProfile* p = profile();
  if (!p) return;
  // Both from the log, by the same clock: what happened today up to now, and the last scans up to now
  // (a log holding later moments, a rehearsal played ahead, is not "the last scans" of this gate now).
  acceptedToday_ = store_.countScans(p->name, ScanVerdict::Accepted, today_, countedAt_.iso);
  for (const auto& s : store_.scansUpTo(p->name, countedAt_.iso, static_cast<int>(kRecent)))
    recent_.push_back(rowOf(s));
}

long long GateModel::insideNow() const {
  const GateProfile* p = profile();
  return p && pipeline_
             ? pipeline_->insideNow(p->zone, p->presence_reset == PresenceReset::Daily ? today_ : std::string())
             : 0;
}

std::string GateModel::offlineStatus() const {
  if (!station_ || station_->state().online) return {};
  return tr("offline.status", {std::to_string(station_->state().queued)});
}

void GateModel::poll() {
  // Midnight at the venue: the counters and the list start the new day.
  if (profile() && clock_().day != today_) reloadCounters();
  if (camera_)
    for (const auto& payload : camera_->takePayloads()) submit(payload);
}

bool GateModel::startCamera(const std::string& device) {
  try {
    startCamera(gate::openCamera(device));
    return true;
  } catch (const Error& e) {
    sayText(e.what());
    return false;
  }
}

void GateModel::startCamera(std::unique_ptr<gate::FrameSource> source) {
  camera_.reset();
  camera_ = std::make_unique<gate::CameraScanner>(std::move(source));
}

void GateModel::submit(const std::string& payload) {
  const GateProfile* p = profile();
  if (!p || !pipeline_) return;
  try {
    record(station_ ? station_->scan(payload, *p, direction_, clock_())
                    : pipeline_->scan(payload, *p, direction_, clock_()));
  } catch (const Error& e) {
    sayText(e.what());  // the log could not be written: no verdict is shown
  }
}

void GateModel::record(const gate::Verdict& v) {
  last_ = v;
  lastShownAt_ = seconds_();
  if (v.at.substr(0, 10) != today_) reloadCounters();  // the first scan of a new day
  if (v.accepted && v.at.substr(0, 10) == today_) ++acceptedToday_;
  // In time order, latest first (as scansUpTo reads them back): a scan is normally the latest of all.
  GateLogRow row{v.at,     v.person ? v.person->name : "",    v.reason, v.accepted,
                 v.manual, v.person ? v.person->name_ar : "", v.scan_id};
  const std::string key = v.at.substr(0, 19);
  auto at =
      std::find_if(recent_.begin(), recent_.end(), [&](const GateLogRow& r) { return r.at.substr(0, 19) <= key; });
  recent_.insert(at, std::move(row));
  while (recent_.size() > kRecent) recent_.pop_back();
}

void GateModel::runSearch() {
  matches_.clear();
  message_.clear();
  messageKey_.clear();
  if (search.empty()) return;
  matches_ = store_.findPeopleByName(search, 20);
  if (matches_.empty()) say("gate.screen.no_match");
}

bool GateModel::admit(Id person) {
  const GateProfile* p = profile();
  if (!p || !pipeline_) return false;
  try {
    record(pipeline_->admitManually(person, *p, direction_, clock_(), manualReason));
    manualReason.clear();
    message_.clear();
    messageKey_.clear();
    return true;
  } catch (const Error& e) {
    sayText(e.what());
    return false;
  }
}

bool GateModel::saveProfile(GateProfile g) {
  try {
    auto edition = store_.edition();
    if (!edition) throw Error(ErrorKind::Corrupt, tr("badge.error.no_edition"));
    gate::validateGateProfile(g, *edition, store_.zones(), store_.categories());
    for (const auto& other : profiles_)
      if (other.name == g.name && other.id != g.id) throw Error(ErrorKind::Refused, tr("gate.error.exists", {g.name}));
    if (g.id == 0)
      store_.insertGateProfile(g);
    else
      store_.updateGateProfile(g);
    profiles_ = store_.gateProfiles();
    for (std::size_t i = 0; i < profiles_.size(); ++i)
      if (profiles_[i].id == g.id) select(static_cast<int>(i));
    say("gate.screen.saved");
    return true;
  } catch (const Error& e) {
    sayText(e.what());
    return false;
  }
}

}  // namespace moussem::ui
