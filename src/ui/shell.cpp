#include "ui/shell.hpp"

#include <imgui.h>

#include <algorithm>

#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/paths.hpp"
#include "core/station.hpp"
#include "core/time_zone.hpp"
#include "store/backup_schedule.hpp"
#include "ui/fonts.hpp"
#include "ui/screens/audit_screen.hpp"
#include "ui/screens/badges_screen.hpp"
#include "ui/screens/dashboard_screen.hpp"
#include "ui/screens/desk_screen.hpp"
#include "ui/screens/edition_screen.hpp"
#include "ui/screens/exhibitors_screen.hpp"
#include "ui/screens/gate_screen.hpp"
#include "ui/screens/import_screen.hpp"
#include "ui/screens/overview_screen.hpp"
#include "ui/screens/participants_screen.hpp"
#include "ui/screens/plan_screen.hpp"
#include "ui/signed_in.hpp"
#include "ui/text_display.hpp"
#include "ui/widgets/widgets.hpp"

namespace moussem::ui {

Shell::Shell(Store& store) : Shell(store, signedIn()) {}

Shell::Shell(Store& store, const Actor& actor) : store_(store), actor_(actor), kiosk_(actor.role == Role::Gate) {
  // Only the screens of the role (the store refuses the rest anyway: this keeps dead ends off screen).
  auto may = [&](Permission p) { return !kiosk_ && allows(actor.role, p); };
  if (!kiosk_) screens_.push_back(std::make_unique<OverviewScreen>(store));
  if (may(Permission::ManageEdition)) screens_.push_back(std::make_unique<EditionScreen>(store));
  if (may(Permission::EditPeople)) {
    // The registration screens share one session: one search index, one revision of the data.
    auto desk = std::make_shared<DeskSession>(store);
    screens_.push_back(std::make_unique<DeskScreen>(desk));
    screens_.push_back(std::make_unique<ParticipantsScreen>(desk));
    screens_.push_back(std::make_unique<ExhibitorsScreen>(desk));
    if (may(Permission::ManageBooths)) screens_.push_back(std::make_unique<PlanScreen>(store));
    screens_.push_back(std::make_unique<ImportScreen>(desk));
  } else if (may(Permission::ManageBooths)) {
    screens_.push_back(std::make_unique<PlanScreen>(store));
  }
  if (may(Permission::IssueBadges)) screens_.push_back(std::make_unique<BadgesScreen>(store));
  if (kiosk_ || may(Permission::Scan)) screens_.push_back(std::make_unique<GateScreen>(store));
  if (may(Permission::ViewReports)) screens_.push_back(std::make_unique<DashboardScreen>(store));
  if (may(Permission::ViewAudit)) screens_.push_back(std::make_unique<AuditScreen>(store));

  station_ = moussem::stationName();  // not the member accessor of the same name
  auto ed = store.edition();
  demo_ = ed && ed->is_demo;
  status_ = paths::forDisplay(store.location()) + "  ·  " + store.backend() + "  ·  v" +
            std::to_string(store.schemaVersion());

  actions_.add({"app.refresh", "action.refresh", {Key::F5}, [this] { screens_[current_]->refresh(); }, {}});
  actions_.add({"app.next_screen", "action.next_screen", {Key::Tab, true}, [this] { selectNext(); }, {}});
  actions_.add({"app.language",
                "action.language",
                {Key::L, true},
                [this] {
                  const std::string& l = i18n::language();
                  chooseLanguage(l == "fr" ? "ar" : l == "ar" ? "en" : "fr");
                },
                {}});
  actions_.add({"app.quit", "action.quit", {Key::Q, true}, [this] { quit_ = true; }, [this] { return !locked(); }});
  actions_.add({"app.sign_out", "action.sign_out", {Key::O, true, true}, [this] { signOut_ = true; }, {}});
  for (std::size_t i = 0; i < screens_.size() && i < 10; ++i) {
    // Ctrl+1 .. Ctrl+9, then Ctrl+0 for the tenth.
    Key digit = i == 9 ? Key::Digit0 : static_cast<Key>(static_cast<int>(Key::Digit1) + static_cast<int>(i));
    actions_.add({std::string("screen.") + screens_[i]->id(),
                  screens_[i]->titleKey(),
                  {digit, true},
                  [this, i] { select(screens_[i]->id()); },
                  {}});
  }
  screens_[current_]->onShow();
}

void Shell::select(const std::string& id) {
  for (std::size_t i = 0; i < screens_.size(); ++i)
    if (id == screens_[i]->id()) {
      current_ = i;
      screens_[i]->onShow();
    }
}

void Shell::selectNext() {
  select(screens_[(current_ + 1) % screens_.size()]->id());
}

void Shell::setLanguage(const std::string& lang) {
  i18n::setLanguage(lang);
  ImGuiStyle& style = ImGui::GetStyle();
  const bool rtl = i18n::isRightToLeft();
  style.WindowTitleAlign.x = rtl ? 1.0f : 0.0f;
  // List entries (combo items, staff lists, menus of names) start at the reading side.
  style.SelectableTextAlign.x = rtl ? 1.0f : 0.0f;
}

void Shell::chooseLanguage(const std::string& lang) {
  setLanguage(lang);
  // This station's language, for its next start without --lang (like its printer and paper).
  try {
    store_.setSetting(languageSetting(station_), lang);
  } catch (const Error&) {
    // A read-only or unreachable database: the language still changes for this session.
  }
}

std::string Shell::languageSetting(const std::string& station) {
  return "station." + station + ".language";
}

bool Shell::onKey(const Chord& chord) {
  if (const ActionTable* own = screens_[current_]->actions(); own && own->trigger(chord)) return true;
  return actions_.trigger(chord);
}

double Shell::nextFrameIn() const {
  double in = screens_[current_]->nextFrameIn();
  in = std::min(in, std::max(0.0, nextBackupCheck_ - ImGui::GetTime()));
  if (wedge_.pending()) in = std::min(in, wedge_.wakeAfter());
  return in;
}

void Shell::drawMenu() {
  if (!ImGui::BeginMenuBar()) return;
  // In reading order: File first, on the right in Arabic, each menu opening under its title.
  MenuBarMenus menus;
  auto item = [this](const char* id) {
    const Action* a = actions_.find(id);
    if (a && MenuEntry(LID(a->label_key), chordLabel(a->shortcut).c_str(), false, a->isEnabled())) a->run();
  };
  if (menus.begin(LID("menu.file"))) {
    item("app.refresh");
    ImGui::Separator();
    item("app.sign_out");
    if (!locked()) item("app.quit");
    menus.end();
  }
  if (!kiosk_ && menus.begin(LID("menu.view"))) {
    for (const auto& s : screens_) {
      const Action* a = actions_.find(std::string("screen.") + s->id());
      if (MenuEntry(LID(s->titleKey()), a ? chordLabel(a->shortcut).c_str() : nullptr, s.get() == &current()))
        select(s->id());
    }
    item("app.next_screen");
    menus.end();
  }
  if (const ActionTable* own = screens_[current_]->actions(); own && !own->all().empty()) {
    if (menus.begin((std::string(L("menu.screen")) + "###menu-screen").c_str())) {
      for (const auto& a : own->all())
        if (MenuEntry(LID(a.label_key), chordLabel(a.shortcut).c_str(), false, a.isEnabled())) a.run();
      menus.end();
    }
  }
  if (menus.begin(LID("menu.language"))) {
    for (const char* lang : {"fr", "ar", "en"})
      if (MenuEntry(LID(std::string("language.") + lang), nullptr, i18n::language() == lang)) chooseLanguage(lang);
    ImGui::Separator();
    item("app.language");
    menus.end();
  }
  ImGui::EndMenuBar();
}

void Shell::drawNavigation(float width, float height) {
  navRects_.clear();
  ImGui::PushStyleColor(ImGuiCol_ChildBg, theme::kNavy);
  ImGui::BeginChild("navigation", ImVec2(width, height), false);
  ImGui::PushStyleColor(ImGuiCol_Text, theme::kOnColour);
  ImGui::Dummy(ImVec2(0, 6));
  if (fonts().heading) ImGui::PushFont(fonts().heading);
  TextAligned("Moussem", 0.5f);
  if (fonts().heading) ImGui::PopFont();
  ImGui::Dummy(ImVec2(0, 10));
  for (std::size_t i = 0; i < screens_.size(); ++i) {
    bool selected = i == current_;
    ImGui::PushStyleColor(ImGuiCol_Header, theme::kGold.alpha(0.85f));
    ImGui::PushStyleColor(ImGuiCol_HeaderHovered, theme::kOnColour.alpha(0.15f));
    // Every entry starts at the same distance from the reading edge (a fraction of the free space would
    // start each at its own place).
    const bool rtl = isRtlLayout();
    ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(rtl ? 1.0f : 0.0f, 0.5f));
    const char* indent = "   ";
    std::string label = (rtl ? "" : indent) + std::string(L(screens_[i]->titleKey())) + (rtl ? indent : "") +
                        "###nav-" + screens_[i]->id();
    if (ImGui::Selectable(label.c_str(), selected, 0, ImVec2(0, ImGui::GetTextLineHeight() * 2.0f)))
      select(screens_[i]->id());
    navRects_.emplace_back(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
  }
  ImGui::PopStyleColor();
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

bool Shell::backupIfDue(std::chrono::system_clock::time_point now) {
  // Scheduled backups are SQLite's (PostgreSQL: pg_dump on the server): nothing to read otherwise.
  if (backup_.running() || store_.backend() != "sqlite") return false;
  try {
    const auto plan = backupPlan(store_, station_);
    hasBackupPlan_ = plan.has_value();
    lastBackup_ = lastBackup(store_, station_);
    if (!plan || !backupDue(*plan, lastBackup_, now)) return false;
    const std::string location = store_.location(), station = station_;
    return backup_.start([location, station, plan = *plan, now](BackgroundTask::Context&) {
      auto store = openAsSignedIn(location);  // its own connection
      runFolderBackup(*store, station, plan.folder, plan.keep, now);
      return dates::utcIso(now);  // what the status line shows
    });
  } catch (const std::exception& e) {
    backupError_ = e.what();
  }
  return false;
}

void Shell::drawStatus() {
  ImGui::Separator();
  // Separate segments, each shaped on its own and laid out in reading order: a path or a version
  // number never gets reordered into an Arabic label.
  std::vector<std::pair<std::string, ImVec4>> segments;
  if (demo_) segments.emplace_back(tr("status.demo"), theme::kWarning);
  if (wedge_.capsLock()) segments.emplace_back(tr("status.caps_lock"), theme::kWarning);
  if (auto done = backup_.poll()) {  // a backup just ended (no I/O here: the worker's outcome)
    backupError_ = done->ok ? std::string() : done->message;
    if (done->ok) lastBackup_ = done->message;
  }
  if (ImGui::GetTime() >= nextBackupCheck_) {  // settings are read once a minute, not every frame
    nextBackupCheck_ = ImGui::GetTime() + 60;
    backupIfDue();
  }
  if (!backupError_.empty()) {
    segments.emplace_back(tr("status.backup.failed", {backupError_}), theme::kError);
  } else if (!lastBackup_.empty()) {
    segments.emplace_back(tr("status.backup.last", {tz::clock(lastBackup_)}), theme::kMuted);
  } else if (hasBackupPlan_) {
    segments.emplace_back(tr("status.backup.none"), theme::kWarning);
  }
  // A shared server may drop: say so (status() asks the store, not the network: nothing waits here).
  if (const StoreStatus s = store_.status(); s.shared && !s.connected)
    segments.emplace_back(tr("station.connection_lost"), theme::kError);
  segments.emplace_back(tr("status.user", {actor_.user, codeLabel(actor_.role)}), theme::kMuted);
  segments.emplace_back(tr("status.station", {station_}), theme::kMuted);
  segments.emplace_back(status_, theme::kMuted);
  const float sep = ImGui::CalcTextSize("  ·  ").x;
  if (isRtlLayout()) {
    float total = 0;
    for (const auto& [text, colour] : segments) total += ImGui::CalcTextSize(display(text).c_str()).x + sep;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, ImGui::GetContentRegionAvail().x - total + sep));
    std::reverse(segments.begin(), segments.end());
  }
  for (std::size_t i = 0; i < segments.size(); ++i) {
    if (i > 0) {
      ImGui::SameLine(0, 0);
      ImGui::TextColored(theme::kMuted, "  ·  ");
      ImGui::SameLine(0, 0);
    }
    ImGui::TextColored(segments[i].second, "%s", display(segments[i].first).c_str());
  }
}

void Shell::draw() {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
  ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_MenuBar |
                           ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings;
  ImGui::Begin("Moussem###shell", nullptr, flags);
  ImGui::PopStyleVar(2);
  // Scanner bursts first, before any widget can take their characters or their Enter.
  Screen& screen = *screens_[current_];
  for (const auto& payload : wedge_.beginFrame(keyClock_())) screen.onScan(payload);
  screen.setCapsLock(wedge_.capsLock());
  drawMenu();

  const float statusH = ImGui::GetTextLineHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y * 2;
  const float h = ImGui::GetContentRegionAvail().y - statusH;
  const float navW = std::max(180.0f, ImGui::GetFontSize() * 11);
  const bool rtl = isRtlLayout();
  auto content = [&] {
    ImGui::BeginChild("content", ImVec2(ImGui::GetContentRegionAvail().x - (rtl ? navW + 8 : 0), h), false);
    ImGui::Dummy(ImVec2(0, 4));
    ImGui::PushID(screens_[current_]->id());
    ImGui::BeginDisabled(wedge_.inputLocked());  // a burst's Enter presses nothing
    screens_[current_]->draw();
    ImGui::EndDisabled();
    ImGui::PopID();
    ImGui::EndChild();
  };
  if (kiosk_) {  // the gate screen alone, full width: nothing else to reach from a public hall
    content();
  } else if (!rtl) {
    drawNavigation(navW, h);
    ImGui::SameLine();
    content();
  } else {
    content();
    ImGui::SameLine();
    drawNavigation(navW, h);
  }
  drawStatus();
  ImGui::End();
}

}  // namespace moussem::ui
