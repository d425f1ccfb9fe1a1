#include "ui/startup.hpp"

#include <imgui.h>
#include <sodium.h>

#include <algorithm>
#include <filesystem>

#include "b2b/demo_forum.hpp"
#include "badge/new_edition.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/paths.hpp"
#include "core/time_zone.hpp"
#include "store/demo/demo_data.hpp"
#include "store/guarded_store.hpp"
#include "store/station_enrolment.hpp"
#include "ui/fonts.hpp"
#include "ui/text_display.hpp"
#include "ui/widgets/text_field.hpp"
#include "ui/widgets/widgets.hpp"

namespace moussem::ui {

Startup::Startup(std::string url, bool fromStation, std::function<Clock::time_point()> clock)
    : url_(std::move(url)), fromStation_(fromStation), clock_(std::move(clock)) {
  form_.name = stationName();
  form_.language = i18n::language();
  // With a database to open, the first attempt is due at once (the caller makes it, or the first frame).
  state_ = url_.empty() ? State::Enrol : State::Waiting;
  nextAttempt_ = clock_();
}

Startup::Startup(std::unique_ptr<Store> store) : clock_([] { return Clock::now(); }) {
  store_ = std::move(store);
  state_ = State::Ready;
  opened();
}

Startup Startup::enrolFirst(const std::string& message) {
  Startup s("");
  s.message_ = message;
  return s;
}

std::string Startup::stateCode() const {
  switch (state_) {
    case State::Ready:
      return "ready";
    case State::Waiting:
      return "waiting";
    case State::ConfirmUpgrade:
      return "confirm-upgrade";
    case State::Refused:
      return "refused";
    case State::Enrol:
      return "enrol";
  }
  return "";
}

void Startup::opened() {
  if (auto edition = store_->edition()) tz::setEditionZone(edition->timezone);  // times at the venue's clock
}

Startup::State Startup::attempt() {
  nextAttempt_ = clock_() + std::chrono::milliseconds(static_cast<long long>(kRetrySeconds * 1000));
  try {
    store_ = openStore(url_, OpenMode::Existing);
    state_ = State::Ready;
    message_.clear();
    opened();
  } catch (const UpgradeNeeded& need) {
    // The administrator's station upgrades after a confirmation; every other one waits for it.
    state_ = need.may_upgrade ? State::ConfirmUpgrade : State::Waiting;
    upgradeFrom_ = need.server_version;
    upgradeTo_ = need.latest;
    message_ = need.what();
  } catch (const Error& e) {
    // A server out of reach comes back by itself (a station started before the network); the rest
    // needs someone: a newer schema, a wrong password, a file that is not a database.
    state_ = e.kind() == ErrorKind::Io && paths::isServerUrl(url_) ? State::Waiting : State::Refused;
    message_ = e.what();
  }
  return state_;
}

void Startup::poll() {
  if (state_ == State::Waiting && clock_() >= nextAttempt_) attempt();
}

double Startup::nextAttemptIn() const {
  if (state_ != State::Waiting) return 1e9;
  return std::max(0.0, std::chrono::duration<double>(nextAttempt_ - clock_()).count());
}

bool Startup::confirmUpgrade(bool backedUp) {
  if (state_ != State::ConfirmUpgrade || !backedUp) return false;
  try {
    store_ = openStore(url_, OpenMode::Upgrade);
    state_ = State::Ready;
    message_.clear();
    opened();
    return true;
  } catch (const Error& e) {
    message_ = e.what();
    return false;
  }
}

bool Startup::submitEnrolment(const StationConfig& config, const std::string& password, bool kiosk) {
  try {
    Enrolment e;
    e.config = config;
    e.password = password;
    e.kiosk = kiosk;
    const EnrolmentDone done = enrolStation(e);
    url_ = done.config.server;
    fromStation_ = true;
    home_ = homeScreen(done.config.role);
    i18n::setLanguage(done.config.language);
    attempt();
    return true;
  } catch (const Error& e) {
    message_ = e.what();
    return false;
  }
}

bool Startup::openDemo() {
  try {
    const auto path = paths::demoDatabase();
    if (!std::filesystem::exists(path)) {
      std::error_code ec;
      std::filesystem::remove(paths::keyFileFor(path), ec);  // a stray key of a deleted demo
      // Filled as its owner, so the demo data has its row in the audit trail like any other.
      GuardedStore created(createEditionDatabase(path, demoEdition()),
                           Actor{systemUserName().empty() ? "admin" : systemUserName(), Role::Admin, stationName()});
      DemoOptions o;
      o.b2b_buyers = b2b::defaultDemoBuyers(o.participants);  // the forum's B2B programme, scheduled
      b2b::fillDemoWithForum(created, o);
    }
    url_ = path.string();
    fromStation_ = false;
    return attempt() == State::Ready;
  } catch (const Error& e) {
    message_ = e.what();
    return false;
  }
}

void Startup::showEnrolment() {
  state_ = State::Enrol;
  focusForm_ = true;
  try {  // the station's present configuration, to correct rather than retype
    if (auto known = readStationConfig(stationConfigFile())) {
      form_ = *known;
      const auto& roles = allValues<Role>();
      roleIndex_ = static_cast<int>(std::find(roles.begin(), roles.end(), known->role) - roles.begin());
    }
  } catch (const Error&) {
  }
}

void Startup::draw() {
  poll();
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  ImGui::Begin("###startup", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  const float w = std::min(vp->WorkSize.x - 40, ImGui::GetFontSize() * 34);
  ImGui::SetCursorPos(ImVec2((vp->WorkSize.x - w) / 2, vp->WorkSize.y * 0.08f));
  ImGui::BeginChild("box", ImVec2(w, 0), true);
  if (fonts().heading) ImGui::PushFont(fonts().heading);
  TextAligned("Moussem", 0.5f);
  if (fonts().heading) ImGui::PopFont();
  ImGui::Separator();
  ImGui::Dummy(ImVec2(0, 6));
  auto error = [&] {
    if (message_.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, state_ == State::Waiting ? theme::kMuted : theme::kError);
    TextWrapped(message_);
    ImGui::PopStyleColor();
    ImGui::Dummy(ImVec2(0, 4));
  };
  switch (state_) {
    case State::Ready:
      break;
    case State::Waiting: {
      TextWrapped(tr(upgradeTo_ > 0 ? "startup.being_upgraded" : "startup.out_of_reach"));
      ImGui::Dummy(ImVec2(0, 4));
      error();
      TextColored(theme::kMuted, tr("startup.next_try", {std::to_string(static_cast<int>(nextAttemptIn() + 0.99))}));
      const int b = ButtonRow({{tr("startup.retry"), "retry"}, {tr("startup.quit"), "quit"}});
      if (b == 0) attempt();
      if (b == 1) quit();
      break;
    }
    case State::ConfirmUpgrade: {
      TextWrapped(tr("startup.upgrade", {std::to_string(upgradeFrom_), std::to_string(upgradeTo_)}));
      ImGui::Dummy(ImVec2(0, 4));
      TextWrapped(tr("startup.upgrade_backup", {paths::forDisplay(url_)}));
      ImGui::Dummy(ImVec2(0, 4));
      CheckboxLabelled(tr("startup.backed_up"), "##backed-up", &backedUp_);
      const int b = ButtonRow({{tr("startup.upgrade_now"), "upgrade", backedUp_}, {tr("startup.quit"), "quit"}});
      if (b == 0) confirmUpgrade(backedUp_);
      if (b == 1) quit();
      if (state_ == State::ConfirmUpgrade) error();
      break;
    }
    case State::Refused: {
      TextWrapped(tr("startup.refused"));
      ImGui::Dummy(ImVec2(0, 4));
      error();
      std::vector<RowButton> buttons{{tr("startup.retry"), "retry"}, {tr("startup.quit"), "quit"}};
      if (fromStation_) buttons.push_back({tr("startup.enrol_again"), "enrol"});
      const int b = ButtonRow(buttons);
      if (b == 0) attempt();
      if (b == 1) quit();
      if (b == 2) showEnrolment();
      break;
    }
    case State::Enrol: {
      TextWrapped(tr("startup.enrol"));
      ImGui::Dummy(ImVec2(0, 4));
      error();
      // Enter in any of its text fields sends the form, as the sign-in form does.
      const ImGuiInputTextFlags enter = ImGuiInputTextFlags_EnterReturnsTrue;
      bool submit = false;
      ImGui::PushItemWidth(-1);
      Text(tr("startup.field.server"));
      if (focusForm_) ImGui::SetKeyboardFocusHere();  // the keyboard goes to the first field
      focusForm_ = false;
      submit |= InputTextShaped("##server", &form_.server, enter, "postgresql://login@server/edition");
      Text(tr("startup.field.password"));
      submit |= ImGui::InputText("##password", password_, sizeof password_, ImGuiInputTextFlags_Password | enter);
      Text(tr("startup.field.name"));
      submit |= InputTextShaped("##name", &form_.name, enter);
      Text(tr("startup.field.role"));
      const auto& roles = allValues<Role>();
      form_.role = roles[static_cast<std::size_t>(std::clamp(roleIndex_, 0, static_cast<int>(roles.size()) - 1))];
      if (BeginComboShaped("##role", codeLabel(form_.role))) {
        for (std::size_t i = 0; i < roles.size(); ++i)
          if (ImGui::Selectable((display(codeLabel(roles[i])) + "###role-" + std::to_string(i)).c_str(),
                                static_cast<int>(i) == roleIndex_))
            roleIndex_ = static_cast<int>(i);
        ImGui::EndCombo();
      }
      if (form_.role == Role::Gate) {
        Text(tr("startup.field.gate_profile"));
        submit |= InputTextShaped("##gate-profile", &form_.gate_profile, enter);
      }
      Text(tr("startup.field.printer"));
      submit |= InputTextShaped("##printer", &form_.printer, enter);
      Text(tr("startup.field.paper"));
      submit |= InputTextShaped("##paper", &form_.paper, enter);
      Text(tr("startup.field.language"));
      if (BeginComboShaped("##language", tr("language." + form_.language))) {
        for (const auto& lang : i18n::languages())
          if (ImGui::Selectable((display(tr("language." + lang)) + "###lang-" + lang).c_str(), form_.language == lang))
            form_.language = lang;
        ImGui::EndCombo();
      }
      ImGui::PopItemWidth();
      CheckboxLabelled(tr("startup.field.kiosk"), "##kiosk", &kiosk_);
      ImGui::Dummy(ImVec2(0, 4));
      const int b =
          ButtonRow({{tr("startup.enrol_now"), "enrol"}, {tr("startup.demo"), "demo"}, {tr("startup.quit"), "quit"}});
      if (b == 0 || submit) {
        const std::string password = password_;
        sodium_memzero(password_, sizeof password_);
        ForgetEditedText();
        if (form_.role != Role::Gate) form_.gate_profile.clear();
        submitEnrolment(form_, password, kiosk_);
      }
      if (b == 1) openDemo();
      if (b == 2) quit();
      break;
    }
  }
  ImGui::EndChild();
  ImGui::End();
}

}  // namespace moussem::ui
