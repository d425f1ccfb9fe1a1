#include "ui/session.hpp"

#include <imgui.h>
#include <sodium.h>

#include <algorithm>
#include <cstring>

#include "core/i18n.hpp"
#include "core/station.hpp"
#include "gate/gate_profiles.hpp"
#include "store/users.hpp"
#include "ui/fonts.hpp"
#include "ui/signed_in.hpp"
#include "ui/text_display.hpp"
#include "ui/widgets/text_field.hpp"
#include "ui/widgets/widgets.hpp"

namespace moussem::ui {

namespace {
void wipe(char* buffer, std::size_t size) {
  sodium_memzero(buffer, size);
}
}  // namespace

Session::Session(Store& store, std::function<Clock::time_point()> clock)
    : store_(store), clock_(std::move(clock)), model_(store, moussem::stationName()) {
  lastActivity_ = clock_();
  switch (model_.need()) {
    case SignInModel::Need::Nothing:
      start(model_.owner());
      break;
    case SignInModel::Need::FirstAdmin:
      state_ = State::FirstAdmin;
      break;
    case SignInModel::Need::SignIn:
      state_ = State::SignIn;
      break;
  }
}

void Session::start(const Actor& actor) {
  shell_.reset();  // the old user's screens and connections go first
  if (!allows(actor.role, Permission::ManageGates)) {
    // The edition's default gate profiles are the station's to create, not the gate user's (who may
    // not): done once, in the audit trail under the application's own name.
    GuardedStore system(store_, Actor{"moussem", Role::Admin, moussem::stationName()});
    gate::ensureDefaultGateProfiles(system);
  }
  guarded_ = std::make_unique<GuardedStore>(store_, actor);
  setSignedIn(actor);
  shell_ = std::make_unique<Shell>(*guarded_, actor);
  shell_->setLanguage(i18n::language());
  shell_->setLocked(locked_);
  if (!home_.empty()) shell_->select(home_);
  state_ = State::Active;
  lastActivity_ = clock_();
}

void Session::signOut() {
  shell_.reset();
  guarded_.reset();
  state_ = State::SignIn;
  focusFirst_ = true;
}

void Session::setLanguage(const std::string& lang) {
  if (shell_)
    shell_->setLanguage(lang);
  else
    i18n::setLanguage(lang);
}

void Session::activity() {
  lastActivity_ = clock_();
}

void Session::setLocked(bool locked) {
  locked_ = locked;
  if (shell_) shell_->setLocked(locked);
}

void Session::setHomeScreen(const std::string& screen) {
  home_ = screen;
  if (shell_ && state_ == State::Active) shell_->select(screen);
}

bool Session::onKey(const Chord& chord) {
  activity();
  if (state_ != State::Active || !shell_) return false;
  return shell_->onKey(chord);
}

void Session::onPhysicalKey(const gate::KeyPress& key) {
  if (state_ == State::Active && shell_) shell_->onPhysicalKey(key);
}

double Session::nextFrameIn() const {
  if (state_ != State::Active || !shell_) return kNoWake;
  double in = shell_->nextFrameIn();
  if (!shell_->kiosk()) {  // the idle lock is due then
    const double left = std::chrono::duration<double>(lastActivity_ + users::kIdleLock - clock_()).count();
    in = std::min(in, std::max(0.0, left));
  }
  return in;
}

bool Session::submitSignIn(const std::string& name, const std::string& pin) {
  auto who = model_.signIn(name, pin);
  if (!who) return false;
  start(*who);
  return true;
}

bool Session::submitFirstAdmin(const std::string& name, const std::string& pin, const std::string& again) {
  auto who = model_.createFirstAdmin(name, pin, again);
  if (!who) return false;
  start(*who);
  return true;
}

bool Session::submitUnlock(const std::string& pin) {
  if (!shell_) return false;
  auto who = model_.signIn(shell_->actor().user, pin);
  if (!who) return false;
  state_ = State::Active;
  lastActivity_ = clock_();
  return true;
}

bool Session::submitKioskExit(const std::string& admin, const std::string& pin) {
  if (!model_.adminUnlocks(admin, pin)) return false;
  signOut();
  return true;
}

bool Session::submitKioskClose(const std::string& admin, const std::string& pin) {
  if (!model_.adminUnlocks(admin, pin)) return false;
  quit_ = true;
  return true;
}

void Session::cancelKioskExit() {
  state_ = State::Active;
  model_.clearError();
}

void Session::draw() {
  if (state_ == State::Active && shell_) {
    // A desk or a back-office left alone locks itself; a gate kiosk keeps scanning.
    if (!shell_->kiosk() && clock_() - lastActivity_ > users::kIdleLock) {
      state_ = State::Locked;
      focusFirst_ = true;
    } else if (shell_->signOutRequested()) {
      if (shell_->locked()) {
        state_ = State::KioskExit;
        focusFirst_ = true;
      } else {
        signOut();
      }
    }
  }
  if (state_ == State::Active && shell_) {
    shell_->draw();
    return;
  }
  drawForm();
}

void Session::drawForm() {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  ImGui::Begin("###signin", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  const float w = std::min(vp->WorkSize.x - 40, ImGui::GetFontSize() * 26);
  ImGui::SetCursorPos(ImVec2((vp->WorkSize.x - w) / 2, vp->WorkSize.y * 0.18f));
  ImGui::BeginChild("form", ImVec2(w, formHeight_), true);
  if (fonts().heading) ImGui::PushFont(fonts().heading);
  auto ed = store_.edition();
  TextAligned("Moussem", 0.5f);
  if (fonts().heading) ImGui::PopFont();
  if (ed) TextAligned(i18n::language() == "ar" && !ed->name_ar.empty() ? ed->name_ar : ed->name_fr, 0.5f);
  ImGui::Separator();
  ImGui::Dummy(ImVec2(0, 6));

  const char* titleKey = state_ == State::FirstAdmin  ? "signin.first_admin"
                         : state_ == State::Locked    ? "signin.locked"
                         : state_ == State::KioskExit ? "signin.kiosk_exit"
                                                      : "signin.title";
  TextWrapped(tr(titleKey, {shell_ ? shell_->actor().user : std::string()}));
  ImGui::Dummy(ImVec2(0, 4));

  const ImGuiInputTextFlags enter = ImGuiInputTextFlags_EnterReturnsTrue;
  bool submit = false;
  ImGui::PushItemWidth(-1);
  if (state_ != State::Locked) {
    Text(tr(state_ == State::KioskExit ? "signin.admin_name" : "signin.name"));
    if (focusFirst_) ImGui::SetKeyboardFocusHere();
    submit |= InputTextShaped("##name", &name_, enter);
  }
  Text(tr("signin.pin"));
  if (focusFirst_ && state_ == State::Locked) ImGui::SetKeyboardFocusHere();
  focusFirst_ = false;
  submit |= ImGui::InputText("##pin", pin_, sizeof pin_, enter | ImGuiInputTextFlags_Password);
  if (state_ == State::FirstAdmin) {
    Text(tr("signin.pin_again"));
    submit |= ImGui::InputText("##again", again_, sizeof again_, enter | ImGuiInputTextFlags_Password);
  }
  ImGui::PopItemWidth();
  ImGui::Dummy(ImVec2(0, 4));
  if (!model_.error().empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kError);
    TextWrapped(model_.error());
    ImGui::PopStyleColor();
  }
  const std::string button = tr(state_ == State::FirstAdmin  ? "signin.create"
                                : state_ == State::KioskExit ? "signin.exit"
                                                             : "signin.submit");
  submit |= ImGui::Button((display(button) + "###submit").c_str(), ImVec2(-1, 0));
  bool close = false;
  if (state_ == State::KioskExit && locked_)
    close = ImGui::Button((display(tr("signin.close_kiosk")) + "###close").c_str(), ImVec2(-1, 0));
  if (state_ == State::KioskExit && ImGui::Button((display(tr("signin.back")) + "###back").c_str(), ImVec2(-1, 0)))
    cancelKioskExit();
  if (state_ == State::Locked &&
      ImGui::Button((display(tr("signin.other_user")) + "###other").c_str(), ImVec2(-1, 0))) {
    signOut();
  }
  if (close) {
    const std::string name = name_, pin = pin_;
    wipe(pin_, sizeof pin_);
    ForgetEditedText();
    focusFirst_ = !submitKioskClose(name, pin);
  } else if (submit) {
    const std::string name = name_, pin = pin_, again = again_;
    if (name_.size() > 64) name_.resize(64);
    wipe(pin_, sizeof pin_);
    wipe(again_, sizeof again_);
    ForgetEditedText();
    bool ok = false;
    switch (state_) {
      case State::FirstAdmin:
        ok = submitFirstAdmin(name, pin, again);
        break;
      case State::SignIn:
        ok = submitSignIn(name, pin);
        break;
      case State::Locked:
        ok = submitUnlock(pin);
        break;
      case State::KioskExit:
        ok = submitKioskExit(name, pin);
        break;
      case State::Active:
        break;
    }
    if (ok) name_.clear();
    focusFirst_ = !ok;
  }
  ImGui::Dummy(ImVec2(0, 6));
  TextColored(theme::kMuted, tr("status.station", {moussem::stationName()}));
  formHeight_ = ImGui::GetCursorPosY() + ImGui::GetStyle().WindowPadding.y;
  ImGui::EndChild();
  ImGui::End();
}

}  // namespace moussem::ui
