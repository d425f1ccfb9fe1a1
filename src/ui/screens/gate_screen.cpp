#include "ui/screens/gate_screen.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstring>

#include "core/codes.hpp"
#include "core/i18n.hpp"
#include "core/person_names.hpp"
#include "core/time_zone.hpp"
#include "ui/fonts.hpp"
#include "ui/signed_in.hpp"
#include "ui/text_display.hpp"
#include "ui/widgets/text_field.hpp"
#include "ui/widgets/widgets.hpp"

namespace moussem::ui {

namespace {

constexpr double kVerdictFadeSeconds = 0.6;  // the verdict's last moments, from its colour to the idle screen

void copyTo(char* buf, std::size_t size, const std::string& text) {
  std::size_t n = std::min(size - 1, text.size());
  std::memcpy(buf, text.data(), n);
  buf[n] = '\0';
}

std::string joinCodes(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}

// Centred line of text in the current font, shaped for Arabic.
void centred(const std::string& text, ImU32 colour, float width, float x0) {
  const std::string& shown = display(text);
  const float w = ImGui::CalcTextSize(shown.c_str()).x;
  ImGui::SetCursorPosX(x0 + std::max(0.0f, (width - w) * 0.5f));
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  ImGui::TextUnformatted(shown.c_str());
  ImGui::PopStyleColor();
}

// A profile's name as people read it: the defaults ("exhibition", "forum", "vip-lounge") have catalog
// labels; names the organisers typed are shown as they are.
std::string profileLabel(const GateProfile& p) {
  return i18n::label("gate_profile", p.name);
}

}  // namespace

GateScreen::GateScreen(Store& store) : model_(store) {
  // Keyboard first: Ctrl+F puts the keyboard in the name search of a manual admission.
  actions_.add({"gate.search", "gate.action.search", {Key::F, true}, [this] { focusSearch(); }, {}});
}

bool GateScreen::busy() const {
  return model_.cameraOn() || (model_.verdictOnShow() && model_.verdictLeft() <= kVerdictFadeSeconds);
}

double GateScreen::nextFrameIn() const {
  double in = model_.secondsToNextDay();
  if (model_.verdictOnShow()) in = std::min(in, std::max(0.0, model_.verdictLeft() - kVerdictFadeSeconds));
  if (model_.onSharedServer()) in = std::min(in, 1.0);
  return in;
}

void GateScreen::draw() {
  if (!model_.loaded()) model_.load();
  model_.poll();
  if (!model_.error().empty()) {
    TextColored(theme::kError, model_.error());
    return;
  }
  if (!model_.profile()) {
    Text(tr("gate.screen.no_profile"));
    drawEditor();
    return;
  }

  // Top line in reading order (from the right edge in Arabic): the label, the profile, Entry, Exit, the
  // zone and re-entry policy, and on a shared server that was lost, "offline · n queued" (scans decided
  // from the local copy).
  const auto& profiles = model_.profiles();
  const float comboW = ImGui::GetFontSize() * 14;
  const std::string zoneLine =
      i18n::label("zone", model_.profile()->zone) + "  ·  " + codeLabel(model_.profile()->reentry);
  const std::string offline = model_.offlineStatus();
  std::vector<LineItem> top{LineLabel(tr("gate.screen.profile"))};
  top.push_back({comboW, [&] {
                   ImGui::SetNextItemWidth(comboW);
                   if (BeginComboShaped("###profile", profileLabel(*model_.profile()))) {
                     for (std::size_t i = 0; i < profiles.size(); ++i)
                       if (ImGui::Selectable(
                               (display(profileLabel(profiles[i])) + "###p" + std::to_string(profiles[i].id)).c_str(),
                               static_cast<int>(i) == model_.selected()))
                         model_.select(static_cast<int>(i));
                     ImGui::EndCombo();
                   }
                 }});
  for (Direction dir : allValues<Direction>()) {
    const std::string label = codeLabel(dir);
    top.push_back({ButtonWidth(label), [this, dir, label] {
                     const bool on = model_.direction() == dir;
                     ImGui::PushStyleColor(ImGuiCol_Button, on ? theme::kActive : theme::kInactive);
                     ImGui::PushStyleColor(ImGuiCol_Text, on ? theme::kOnColour : theme::kInk);
                     if (ImGui::Button((display(label) + "###dir-" + std::string(codeOf(dir))).c_str()))
                       model_.setDirection(dir);
                     ImGui::PopStyleColor(2);
                   }});
  }
  top.push_back(LineLabel(zoneLine, theme::kMuted));
  if (!offline.empty()) top.push_back(LineLabel(offline, theme::kError));
  ReadingLine(top);

  // Badges are read right with Caps Lock on; the steward is told anyway (typing a name would suffer).
  if (capsLock_) {
    const float w = ImGui::GetContentRegionAvail().x;
    centred(tr("gate.screen.caps_lock"), theme::kWarning.packed(), w, ImGui::GetCursorPosX());
  }
  const float screenH = ImGui::GetMainViewport()->Size.y;
  const float verdictH = std::max(screenH / 3.0f + 4.0f, ImGui::GetContentRegionAvail().y * 0.45f);
  drawVerdict(verdictH);
  verdictFraction_ = verdictH / screenH;
  drawSide();
  drawManual();
  drawCamera();
  drawEditor();
}

void GateScreen::drawVerdict(float height) {
  // The verdict on show, then "present the badge" again: it fades out over its last moments, so a
  // steward looking up sees either a fresh verdict or the idle screen, never an old one.
  const gate::Verdict* v = model_.verdictOnShow();
  const float fade = v ? std::clamp(static_cast<float>(model_.verdictLeft() / kVerdictFadeSeconds), 0.0f, 1.0f) : 0.0f;
  const ImVec4 full = !v ? theme::kVerdictIdle : v->accepted ? theme::kAccept : theme::kRefuse;
  const ImVec4 bg(theme::kVerdictIdle.x + (full.x - theme::kVerdictIdle.x) * fade,
                  theme::kVerdictIdle.y + (full.y - theme::kVerdictIdle.y) * fade,
                  theme::kVerdictIdle.z + (full.z - theme::kVerdictIdle.z) * fade, 1);
  const ImU32 fg = v ? theme::kOnColour.alpha(fade).packed() : theme::kVerdictIdleInk.packed();
  ImGui::PushStyleColor(ImGuiCol_ChildBg, bg);
  ImGui::BeginChild("verdict", ImVec2(0, height), false, ImGuiWindowFlags_NoScrollbar);
  const float width = ImGui::GetContentRegionAvail().x;
  const float x0 = ImGui::GetCursorPosX();
  // Lines too long for the box (a long reason, a long organisation) wrap, each line centred.
  verdictLines_.clear();
  auto lines = [&](const std::string& text, ImU32 colour) {
    verdictLines_.push_back(text);
    for (const std::string& line : wrapLogical(text, width - ImGui::GetFontSize())) centred(line, colour, width, x0);
  };
  ImGui::Dummy(ImVec2(0, height * 0.06f));
  if (fonts().huge) ImGui::PushFont(fonts().huge);
  titleSize_ = ImGui::GetFontSize();
  if (!v) {
    lines(tr("gate.screen.waiting"), fg);
  } else {
    lines(tr(v->accepted ? "gate.screen.accepted" : "gate.screen.rejected"), fg);
  }
  if (fonts().huge) ImGui::PopFont();
  reasonSize_ = 0;
  if (v) {
    if (fonts().heading) ImGui::PushFont(fonts().heading);
    // Why, right under the verdict and read from two metres: at least half the verdict's size.
    std::string reason = codeLabel(v->reason);
    if (v->manual) reason += "  (" + tr("gate.screen.manual_tag") + ")";
    lines(reason, fg);
    if (v->reason == ScanReason::Revoked && !v->revocation_reason.empty())
      lines(tr("gate.screen.revoked_because", {v->revocation_reason}), fg);
    reasonSize_ = ImGui::GetFontSize();
    if (v->person) {
      lines(v->person->name, fg);
      if (!v->person->name_ar.empty()) lines(v->person->name_ar, fg);
    }
    if (fonts().heading) ImGui::PopFont();
    if (v->person) {
      // Category colour band with its label, then the organisation.
      const ImVec2 p = ImGui::GetCursorScreenPos();
      const float bandW = std::min(width * 0.6f, ImGui::GetFontSize() * 22);
      const float bandH = ImGui::GetTextLineHeight() * 1.5f;
      const ImVec2 a(p.x + (width - bandW) * 0.5f, p.y), b(a.x + bandW, a.y + bandH);
      const ImVec4 band = categoryColour(model_.categories(), v->person->category, fade);
      ImGui::GetWindowDrawList()->AddRectFilled(a, b, ImGui::GetColorU32(band), 6);
      const std::string& label = display(i18n::label("category", v->person->category));
      const ImVec2 ts = ImGui::CalcTextSize(label.c_str());
      ImGui::GetWindowDrawList()->AddText(ImVec2(a.x + (bandW - ts.x) * 0.5f, a.y + (bandH - ts.y) * 0.5f), fg,
                                          label.c_str());
      ImGui::Dummy(ImVec2(0, bandH + 4));
      if (!v->person->organization.empty()) lines(v->person->organization, fg);
    }
  }
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

void GateScreen::drawSide() {
  // In reading order: accepted today, inside the zone, then the last scans (from the right in Arabic).
  const float cardW = ImGui::GetFontSize() * 12;
  const ImVec2 size(cardW, ImGui::GetTextLineHeightWithSpacing() * 3.4f);
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const ImVec2 listSize(ImGui::GetContentRegionAvail().x - 2 * (cardW + spacing),
                        ImGui::GetTextLineHeightWithSpacing() * 7 + ImGui::GetStyle().CellPadding.y * 4);
  auto accepted = [&] {
    FigureCard("accepted-today", tr("gate.screen.accepted_today"), i18n::formatCount(model_.acceptedToday()), size,
               theme::kAccept);
  };
  auto inside = [&] {
    FigureCard("inside-now", tr("gate.screen.inside_now"), i18n::formatCount(model_.insideNow()), size, theme::kActive);
  };
  if (isRtlLayout()) {
    drawLastScans(listSize);
    ImGui::SameLine();
    inside();
    ImGui::SameLine();
    accepted();
  } else {
    accepted();
    ImGui::SameLine();
    inside();
    ImGui::SameLine();
    drawLastScans(listSize);
  }
}

void GateScreen::drawLastScans(const ImVec2& size) {
  ImGui::BeginChild("last-scans", size, false, ImGuiWindowFlags_NoScrollbar);
  Text(tr("gate.screen.last_scans"));
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerH;
  const std::string& today = model_.today();
  auto reasonOf = [](const GateLogRow& r) {
    return codeLabel(r.reason) + (r.manual ? " (" + tr("gate.screen.manual_tag") + ")" : "");
  };
  // Widths from what the rows hold: the time (with its date on rows of another day) and the longest
  // reason, whole; the names take the rest and are cut at their reading end if they must be.
  bool otherDay = false;
  float reasonW = 0;
  for (const auto& r : model_.recent()) {
    otherDay = otherDay || r.at.substr(0, 10) != today;
    reasonW = std::max(reasonW, ImGui::CalcTextSize(display(reasonOf(r)).c_str()).x);
  }
  const char* sample = otherDay ? "0000-00-00 00:00:00" : "00:00:00";
  const float timeW =
      ImGui::CalcTextSize((std::string(sample) + (tz::editionZone()->isFallback() ? " UTC" : "")).c_str()).x;
  reasonW = std::min(std::max(reasonW, ImGui::GetFontSize() * 6), ImGui::GetContentRegionAvail().x * 0.45f);
  lastScansReasonWidth_ = reasonW;
  if (ImGui::BeginTable("recent", 3, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) {
    // Columns in reading order: the time first, on the right in right-to-left layouts; the names take
    // what the time and the reason leave.
    const bool rtl = isRtlLayout();
    const int timeCol = rtl ? 2 : 0, nameCol = 1, reasonCol = rtl ? 0 : 2;
    for (int c = 0; c < 3; ++c) {
      const char* ids[3] = {"time", "name", "reason"};
      const int what = c == timeCol ? 0 : c == nameCol ? 1 : 2;
      if (what == 1)
        ImGui::TableSetupColumn(ids[what], ImGuiTableColumnFlags_WidthStretch);
      else
        ImGui::TableSetupColumn(ids[what], ImGuiTableColumnFlags_WidthFixed, what == 0 ? timeW : reasonW);
    }
    for (const auto& r : model_.recent()) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(timeCol);
      Text(r.at.substr(0, 10) == today ? tz::clockSeconds(r.at) : tz::dateTime(r.at));
      ImGui::TableSetColumnIndex(nameCol);
      // Both names, as the verdict shows them: the Latin one and the Arabic one when the person has it;
      // in Arabic the Arabic name first (on the right).
      const bool both = !r.name.empty() && !r.name_ar.empty();
      Text(!both ? (r.name.empty() ? r.name_ar : r.name)
           : rtl ? r.name_ar + "  ·  " + r.name
                 : r.name + "  ·  " + r.name_ar);
      ImGui::TableSetColumnIndex(reasonCol);
      TextColored(r.accepted ? theme::kAccept : theme::kRefuse, reasonOf(r));
    }
    ImGui::EndTable();
  }
  ImGui::EndChild();
}

void GateScreen::drawManual() {
  if (focusSearch_) ImGui::SetNextItemOpen(true);
  if (!CollapsingSection(tr("gate.screen.manual"), "manual")) return;
  if (focusSearch_) {
    ImGui::SetKeyboardFocusHere();
    focusSearch_ = false;
  }
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (InputTextShaped("###search", &model_.search, ImGuiInputTextFlags_EnterReturnsTrue, L("gate.screen.search")))
    model_.runSearch();
  ImGui::SetNextItemWidth(-FLT_MIN);
  InputTextShaped("###reason", &model_.manualReason, 0, L("gate.screen.reason"));
  for (const auto& p : model_.matches()) {
    ImGui::PushID(static_cast<int>(p.id));
    if (ImGui::Button(LID("gate.screen.admit"))) model_.admit(p.id);
    ImGui::SameLine();
    std::string line = names::list(p);
    if (!names::secondary(p, "fr").empty()) line += "  ·  " + p.name_ar;
    line += "  ·  " + i18n::label("category", p.category) + (p.organization.empty() ? "" : "  ·  " + p.organization);
    Text(line);
    ImGui::PopID();
  }
  if (!model_.message().empty()) TextColored(theme::kNoticeInk, model_.message());
}

void GateScreen::drawCamera() {
  gate::Preview frame;
  if (model_.takeCameraPreview(frame)) cameraPreview_.set(frame.width, frame.height, frame.rgba);
  if (!CollapsingSection(tr("gate.camera.title"), "camera")) {
    cameras_.clear();
    return;
  }
  if (!model_.cameraOn()) {
    if (cameras_.empty()) cameras_ = model_.cameras();  // once per opening, not per frame
    if (cameras_.empty()) {
      TextColored(theme::kMuted, tr("gate.camera.none"));
      return;
    }
    camera_ = std::clamp(camera_, 0, static_cast<int>(cameras_.size()) - 1);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    if (BeginComboShaped("###camera-device", cameras_[static_cast<std::size_t>(camera_)])) {
      for (std::size_t i = 0; i < cameras_.size(); ++i)
        if (ImGui::Selectable(cameras_[i].c_str(), static_cast<int>(i) == camera_)) camera_ = static_cast<int>(i);
      ImGui::EndCombo();
    }
    ImGui::SameLine();
    if (ImGui::Button(LID("gate.camera.start"))) model_.startCamera(cameras_[static_cast<std::size_t>(camera_)]);
    return;
  }
  if (ImGui::Button(LID("gate.camera.stop"))) {
    model_.stopCamera();
    cameraPreview_.reset();
    return;
  }
  ImGui::SameLine();
  Text(tr("gate.camera.frames", {std::to_string(model_.cameraFrames())}));
  if (const std::string why = model_.cameraError(); !why.empty()) TextColored(theme::kError, why);
  if (cameraPreview_.valid()) {
    const ImVec2 size = cameraPreview_.size();
    const float w = std::min(size.x, ImGui::GetContentRegionAvail().x * 0.5f);
    ImGui::Image(cameraPreview_.id(), ImVec2(w, size.y * w / std::max(1.0f, size.x)));
  }
}

void GateScreen::drawEditor() {
  // Gate profiles are the organiser's: a gate user's kiosk does not offer to edit them.
  if (!allows(signedIn().role, Permission::ManageGates)) return;
  if (!CollapsingSection(tr("gate.screen.edit"), "editor")) return;
  const auto& zones = codes::zones();
  const auto policies = allValues<ReentryPolicy>();
  const auto resets = allValues<PresenceReset>();
  if (ImGui::Button(LID("gate.screen.new"))) {
    draft_ = GateProfile{};
    draftName_[0] = draftCategories_[0] = draftDays_[0] = draftHours_[0] = '\0';
    draftZone_ = draftReentry_ = draftPresence_ = 0;
    draftOut_ = false;
  }
  if (const GateProfile* p = model_.profile(); p && draft_.id != p->id && draftName_[0] == '\0') {
    draft_ = *p;
    copyTo(draftName_, sizeof draftName_, p->name);
    copyTo(draftCategories_, sizeof draftCategories_, joinCodes(p->categories));
    copyTo(draftDays_, sizeof draftDays_, joinCodes(p->days));
    copyTo(draftHours_, sizeof draftHours_, p->hours_from.empty() ? "" : p->hours_from + "-" + p->hours_to);
    for (std::size_t i = 0; i < zones.size(); ++i)
      if (zones[i] == p->zone) draftZone_ = static_cast<int>(i);
    for (std::size_t i = 0; i < policies.size(); ++i)
      if (policies[i] == p->reentry) draftReentry_ = static_cast<int>(i);
    for (std::size_t i = 0; i < resets.size(); ++i)
      if (resets[i] == p->presence_reset) draftPresence_ = static_cast<int>(i);
    draftOut_ = p->direction == Direction::Out;
  }
  ImGui::InputText((std::string(L("gate.screen.name")) + "###d-name").c_str(), draftName_, sizeof draftName_);
  if (BeginComboShaped((std::string(L("gate.screen.zone")) + "###d-zone").c_str(),
                       i18n::label("zone", zones[static_cast<std::size_t>(draftZone_)]))) {
    for (std::size_t i = 0; i < zones.size(); ++i)
      if (ImGui::Selectable((display(i18n::label("zone", zones[i])) + "###" + std::string(zones[i])).c_str(),
                            static_cast<int>(i) == draftZone_))
        draftZone_ = static_cast<int>(i);
    ImGui::EndCombo();
  }
  CheckboxLabelled(codeLabel(Direction::Out), "d-out", &draftOut_);
  ImGui::InputText((std::string(L("gate.screen.categories")) + "###d-cat").c_str(), draftCategories_,
                   sizeof draftCategories_);
  ImGui::InputText((std::string(L("gate.screen.days")) + "###d-days").c_str(), draftDays_, sizeof draftDays_);
  ImGui::InputText((std::string(L("gate.screen.hours")) + "###d-hours").c_str(), draftHours_, sizeof draftHours_);
  if (BeginComboShaped((std::string(L("gate.screen.reentry")) + "###d-re").c_str(),
                       codeLabel(policies[static_cast<std::size_t>(draftReentry_)]))) {
    for (std::size_t i = 0; i < policies.size(); ++i)
      if (ImGui::Selectable((display(codeLabel(policies[i])) + "###" + std::string(codeOf(policies[i]))).c_str(),
                            static_cast<int>(i) == draftReentry_))
        draftReentry_ = static_cast<int>(i);
    ImGui::EndCombo();
  }
  if (BeginComboShaped((std::string(L("gate.screen.presence_reset")) + "###d-presence").c_str(),
                       codeLabel(resets[static_cast<std::size_t>(draftPresence_)]))) {
    for (std::size_t i = 0; i < resets.size(); ++i)
      if (ImGui::Selectable((display(codeLabel(resets[i])) + "###" + std::string(codeOf(resets[i]))).c_str(),
                            static_cast<int>(i) == draftPresence_))
        draftPresence_ = static_cast<int>(i);
    ImGui::EndCombo();
  }
  // The edition's time a verdict stays on screen (every gate), saved with the profile.
  if (draftVerdictSeconds_ == 0) draftVerdictSeconds_ = model_.verdictSeconds();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  ImGui::InputInt((std::string(L("gate.screen.verdict_seconds")) + "###d-verdict").c_str(), &draftVerdictSeconds_);
  if (ImGui::Button(LID("gate.screen.save"))) {
    if (draftVerdictSeconds_ != model_.verdictSeconds() && !model_.setVerdictSeconds(draftVerdictSeconds_)) return;
    GateProfile g = draft_;
    g.name = draftName_;
    g.zone = std::string(zones[static_cast<std::size_t>(draftZone_)]);
    g.direction = draftOut_ ? Direction::Out : Direction::In;
    g.categories = gate::splitList(draftCategories_);
    g.days = gate::splitList(draftDays_);
    g.reentry = policies[static_cast<std::size_t>(draftReentry_)];
    g.presence_reset = resets[static_cast<std::size_t>(draftPresence_)];
    g.hours_from.clear();
    g.hours_to.clear();
    if (draftHours_[0] != '\0') {
      auto h = gate::parseHours(draftHours_);
      g.hours_from = h ? h->first : draftHours_;
      g.hours_to = h ? h->second : "";
    }
    model_.saveProfile(g);
  }
}

}  // namespace moussem::ui
