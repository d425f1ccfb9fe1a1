#include "ui/screens/desk_screen.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "badge/payload.hpp"
#include "core/dates.hpp"
#include "core/i18n.hpp"
#include "core/person_names.hpp"
#include "core/phone.hpp"
#include "core/time_zone.hpp"
#include "ui/fonts.hpp"
#include "ui/text_display.hpp"
#include "ui/widgets/printer_choice.hpp"
#include "ui/widgets/text_field.hpp"
#include "ui/widgets/widgets.hpp"

namespace moussem::ui {

namespace {

void heading(const std::string& text, ImFont* font) {
  if (font) ImGui::PushFont(font);
  TextWrapped(text);  // a long organisation name wraps at its words instead of running off the panel
  if (font) ImGui::PopFont();
}

// "label : value" on one line, skipped when the value is empty. In right-to-left layouts the label and
// the value are shaped apart and laid out right to left, so a phone number or a date is never
// reordered into the Arabic label ("+212..." must not become "212...+").
void fact(const char* labelKey, const std::string& value) {
  if (value.empty()) return;
  if (!isRtlLayout()) {
    // French sets a space before the colon; English does not.
    TextWrapped(tr(labelKey) + (i18n::language() == "fr" ? " : " : ": ") + value);
    return;
  }
  const std::string label = display(tr(labelKey) + ":");
  const std::string& shown = display(value);
  const float gap = ImGui::CalcTextSize("  ").x;
  const float width = ImGui::CalcTextSize(label.c_str()).x + gap + ImGui::CalcTextSize(shown.c_str()).x;
  if (width > ImGui::GetContentRegionAvail().x || value.find('\n') != std::string::npos) {
    // Too long for one line, or several lines (products): the label, then the value wrapped.
    Text(tr(labelKey) + ":");
    TextWrapped(value);
    return;
  }
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - width);
  ImGui::TextUnformatted(shown.c_str());
  ImGui::SameLine(0, gap);
  ImGui::TextUnformatted(label.c_str());
}

// A category chip: its colour and label.
void categoryChip(const std::string& code, const ImVec4& colour) {
  const std::string& label = display(i18n::label("category", code));
  const ImVec2 size = ImGui::CalcTextSize(label.c_str());
  const ImVec2 pad(6, 2);
  ImVec2 p = ImGui::GetCursorScreenPos();
  if (isRtlLayout()) p.x += std::max(0.0f, ImGui::GetContentRegionAvail().x - size.x - pad.x * 2);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + size.x + pad.x * 2, p.y + size.y + pad.y * 2), ImGui::GetColorU32(colour), 4);
  dl->AddText(ImVec2(p.x + pad.x, p.y + pad.y), theme::kOnColour.packed(), label.c_str());
  ImGui::Dummy(ImVec2(size.x + pad.x * 2, size.y + pad.y * 2));
}

std::string daysText(const std::vector<std::string>& days) {
  std::string out;
  const char* comma = i18n::isRightToLeft() ? "\xD8\x8C " : ", ";  // the Arabic comma in Arabic
  for (const auto& d : days) out += (out.empty() ? "" : comma) + dates::formatLong(d, i18n::language());
  return out;
}

}  // namespace

DeskScreen::DeskScreen(std::shared_ptr<DeskSession> session) : session_(std::move(session)), model_(*session_) {
  actions_.add({"desk.search", "desk.action.search", {Key::F, true}, [this] { focusSearch(); }, {}});
  actions_.add({"desk.walk_in",
                "desk.action.walk_in",
                {Key::N, true},
                [this] { fields_.focus_field = model_.startWalkIn(); },
                {}});
  actions_.add({"desk.save",
                "desk.action.save",
                {Key::S, true},
                [this] {
                  if (model_.saveForm()) focus_search_ = true;
                },
                [this] { return model_.formOpen(); }});
  actions_.add({"desk.edit",
                "desk.action.edit",
                {Key::E, true},
                [this] {
                  model_.editOpenPerson();
                  fields_.focus_first = true;
                },
                [this] { return model_.personShown(); }});
  // Only the person the pane shows: never the one open before a walk-in form or a new search.
  actions_.add({"desk.print",
                "desk.action.print",
                {Key::P, true},
                [this] { requestPrint(); },
                [this] { return model_.personShown() && model_.canMint(); }});
  // The B2B agenda of the person the pane shows, beside the badge.
  actions_.add({"desk.agenda",
                "desk.action.agenda",
                {Key::G, true},
                [this] { model_.printAgenda(); },
                [this] { return model_.personShown(); }});
}

void DeskScreen::onShow() {
  model_.onShow();
  focus_search_ = true;
}

void DeskScreen::refresh() {
  session_->reloadIndex();
  choices_revision_ = 0;
}

void DeskScreen::startWith(const std::string& query) {
  search_ = query;
  reload_search_ = true;
  model_.setQuery(query);
  open_first_ = true;
}

void DeskScreen::onScan(const std::string& payload) {
  const ParsedPayload parsed = parsePayload(payload);  // whose badge: the gate judges its validity
  if (parsed.verdict != PayloadVerdict::Malformed) startWith(parsed.claims.serial);
}

void DeskScreen::requestPrint() {
  switch (model_.print(false)) {
    case DeskModel::PrintStart::NeedsConfirmation:
      request_popup_ = "confirm-print";
      break;
    default:
      break;
  }
}

void DeskScreen::draw() {
  model_.poll();
  if (choices_revision_ != session_->revision()) {
    choices_ = FieldChoices::load(session_->store());
    choices_revision_ = session_->revision();
  }
  if (open_first_ && session_->indexReady()) {
    model_.setQuery(search_);
    if (model_.openSelected()) open_first_ = false;
  }

  drawSearch();
  const float avail = ImGui::GetContentRegionAvail().x;
  const float listW = std::max(ImGui::GetFontSize() * 18, avail * 0.42f);
  const bool rtl = isRtlLayout();
  auto list = [&] {
    ImGui::BeginChild("results", ImVec2(listW, 0), true);
    drawResults(ImGui::GetContentRegionAvail().y);
    ImGui::EndChild();
  };
  auto detail = [&] {
    ImGui::BeginChild("detail", ImVec2(rtl ? avail - listW - ImGui::GetStyle().ItemSpacing.x : 0, 0), true);
    drawDetail();
    ImGui::EndChild();
  };
  // Mirrored in right-to-left layouts: results on the right, the open record on the left.
  if (rtl) {
    detail();
    ImGui::SameLine();
    list();
  } else {
    list();
    ImGui::SameLine();
    detail();
  }
  drawPopups();
}

void DeskScreen::drawSearch() {
  if (reload_search_) {
    // The text was set from elsewhere (a badge scanned): an active field keeps its own copy, so it lets
    // go first and takes the new text when it gets the keyboard again.
    if (ImGui::GetActiveID() == ImGui::GetID("##desk-search")) ImGui::ClearActiveID();
    reload_search_ = false;
    focus_search_ = true;
  }
  if (focus_search_ && !model_.formOpen() && popup_.empty()) {
    ImGui::SetKeyboardFocusHere();
    focus_search_ = false;
  }
  if (fonts().heading) ImGui::PushFont(fonts().heading);
  ImGui::SetNextItemWidth(-FLT_MIN);
  auto history = [](ImGuiInputTextCallbackData* data) -> int {
    auto* self = static_cast<DeskScreen*>(data->UserData);
    if (data->EventFlag == ImGuiInputTextFlags_CallbackHistory) {
      self->model_.moveSelection(data->EventKey == ImGuiKey_UpArrow ? -1 : 1);
      self->scroll_to_selected_ = true;
    }
    return 0;
  };
  const bool enter = ImGui::InputTextWithHint(
      "##desk-search", L("desk.search.hint"), &search_,
      ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackHistory, history, this);
  // Enter leaves the field for a frame; the keys below still belong to it while it has the focus.
  const bool active = ImGui::IsItemActive() || ImGui::IsItemDeactivated() || ImGui::IsItemFocused();
  // A name typed in Arabic, shaped under the box (the box itself cannot shape it).
  ShapedPreview(search_);
  if (fonts().heading) ImGui::PopFont();
  if (active && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
    search_.clear();
    focus_search_ = true;
  }
  if (active && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageDown))) {
    model_.moveSelection(10);
    scroll_to_selected_ = true;
  }
  if (active && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageUp))) {
    model_.moveSelection(-10);
    scroll_to_selected_ = true;
  }
  model_.setQuery(search_);  // queries the index only when the text changed
  if (enter) {
    model_.openSelected();
    focus_search_ = true;  // the next name can be typed at once
  }
}

void DeskScreen::drawResults(float height) {
  (void)height;
  if (!session_->indexReady() && !model_.query().empty()) {
    Text(tr("desk.index.loading"));
    ImGui::ProgressBar(static_cast<float>(session_->indexProgress()), ImVec2(-FLT_MIN, 0));
    return;
  }
  if (!session_->indexError().empty()) ErrorText(session_->indexError());
  const auto& results = model_.results();
  if (model_.showingRecent())
    TextColored(theme::kNote, tr("desk.recent"));
  else if (results.empty()) {
    Text(tr("desk.no_results"));
    NoteText(tr("desk.no_results.walk_in"));
    return;
  } else {
    TextColored(theme::kNote, model_.moreResults() ? tr("desk.results.more", {std::to_string(results.size())})
                                                   : trn("desk.results", static_cast<long long>(results.size())));
  }
  ImGui::Separator();
  const float rowH = ImGui::GetTextLineHeightWithSpacing() * 2.2f;
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(results.size()), rowH);
  if (scroll_to_selected_) clipper.ForceDisplayRangeByIndices(model_.selected(), model_.selected() + 1);
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const DeskResult& r = model_.row(i);
      ImGui::PushID(i);
      const ImVec2 start = ImGui::GetCursorPos();
      if (ImGui::Selectable("##row", i == model_.selected(), ImGuiSelectableFlags_AllowItemOverlap,
                            ImVec2(0, rowH - 2))) {
        model_.select(i);
        model_.openSelected();
      }
      if (scroll_to_selected_ && i == model_.selected()) {
        ImGui::SetScrollHereY(0.5f);
        scroll_to_selected_ = false;
      }
      ImGui::SetCursorPos(start);
      ImGui::BeginGroup();
      std::vector<std::string> title{r.name};
      if (!r.name_ar.empty()) title.push_back(r.name_ar);
      if (fonts().bold) ImGui::PushFont(fonts().bold);
      Segments(ImGui::GetStyleColorVec4(ImGuiCol_Text), title);
      if (fonts().bold) ImGui::PopFont();
      std::vector<std::string> second{r.kind == SearchIndex::Kind::Exhibitor ? tr("desk.kind.exhibitor")
                                                                             : i18n::label("category", r.category)};
      second.insert(second.end(), r.details.begin(), r.details.end());
      if (!r.badge.empty()) second.push_back(r.badge + (r.revoked ? " (" + codeLabel(BadgeStatus::Revoked) + ")" : ""));
      Segments(r.revoked ? theme::kError : theme::kNote, second);
      ImGui::EndGroup();
      // The category colour as a bar at the row's start edge.
      const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
      const ImVec4 colour = r.kind == SearchIndex::Kind::Exhibitor ? theme::kExhibitorMark
                                                                   : categoryColour(choices_.categories, r.category);
      const float x = isRtlLayout() ? ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x + 3 : a.x - 6;
      ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(x, a.y + 2), ImVec2(x + 3, b.y - 2), ImGui::GetColorU32(colour));
      ImGui::PopID();
    }
  scroll_to_selected_ = false;
}

void DeskScreen::drawDetail() {
  if (!model_.message().empty()) {
    // Wrapped: a long message is never cut. A print that could not go out offers the printer choice.
    ImGui::PushStyleColor(ImGuiCol_Text, model_.messageIsError() ? theme::kError : theme::kSuccess);
    TextWrapped(model_.message());
    ImGui::PopStyleColor();
    if (model_.offerPrinterChoice() && ButtonRow({{tr("desk.print.choose_printer"), "choose-printer"}}) == 0)
      request_popup_ = "printer";
    ImGui::Separator();
  }
  if (model_.formOpen())
    drawForm();
  else if (model_.person())
    drawPerson();
  else if (model_.exhibitor())
    drawExhibitor();
  else
    drawHelp();
}

void DeskScreen::drawHelp() {
  heading(tr("desk.help.title"), fonts().heading);
  ImGui::Spacing();
  // Key names that differ by language come from the catalog; chords are the same everywhere.
  const std::pair<std::string, const char*> lines[] = {{tr("desk.key.typing"), "desk.help.type"},
                                                       {tr("desk.key.arrows"), "desk.help.arrows"},
                                                       {tr("desk.key.enter"), "desk.help.enter"},
                                                       {tr("desk.key.escape"), "desk.help.escape"},
                                                       {"Ctrl+N", "desk.help.walk_in"},
                                                       {"Ctrl+S", "desk.help.save"},
                                                       {"Ctrl+P", "desk.help.print"},
                                                       {"Ctrl+G", "desk.help.agenda"},
                                                       {"Ctrl+E", "desk.help.edit"},
                                                       {"Ctrl+F", "desk.help.search"}};
  if (ImGui::BeginTable("help", 2, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg)) {
    for (const auto& line : lines) {
      ImGui::TableNextRow();
      const std::string& key = line.first;
      const std::string what = tr(line.second);
      const bool rtl = isRtlLayout();
      ImGui::TableSetColumnIndex(rtl ? 1 : 0);
      if (fonts().bold) ImGui::PushFont(fonts().bold);
      Text(key);
      if (fonts().bold) ImGui::PopFont();
      ImGui::TableSetColumnIndex(rtl ? 0 : 1);
      Text(what);
    }
    ImGui::EndTable();
  }
  if (!session_->indexReady()) {
    ImGui::Spacing();
    Text(tr("desk.index.loading"));
    ImGui::ProgressBar(static_cast<float>(session_->indexProgress()), ImVec2(-FLT_MIN, 0));
  }
}

void DeskScreen::drawForm() {
  PersonForm& form = model_.form;
  const bool creating = form.draft.id == 0;
  heading(tr(creating ? "desk.walk_in.title" : "desk.edit.title"), fonts().heading);
  if (const Duplicate* d = DuplicateWarning(form.duplicates())) {
    model_.openDuplicate(*d);
    focus_search_ = true;
    return;
  }
  // Esc in a field: ImGui's text field would put back what it held when it got the keyboard, losing
  // what was typed before the question below is even asked. It lets go of the keyboard first.
  const bool escape = ImGui::IsWindowFocused(ImGuiFocusedFlags_ChildWindows | ImGuiFocusedFlags_NoPopupHierarchy) &&
                      ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
  if (escape && model_.formHasTypedData()) ImGui::ClearActiveID();
  const float buttonsH = ImGui::GetFrameHeightWithSpacing() * 2.2f;
  ImGui::BeginChild("form-fields",
                    ImVec2(0, std::max(ImGui::GetContentRegionAvail().y - buttonsH, ImGui::GetFontSize() * 8)));
  const bool enter = PersonFields(form, choices_, fields_);
  ImGui::EndChild();
  if (!form.message().empty()) TextColored(form.valid() ? theme::kWarning : theme::kError, form.message());
  bool save = enter;
  std::vector<RowButton> buttons{{tr("desk.save") + "  (Ctrl+S)", "save"}};
  const bool anyway = creating && !form.duplicates().empty();
  if (anyway) buttons.push_back({tr("desk.save_anyway"), "save-anyway"});
  buttons.push_back({tr("desk.cancel") + "  (" + tr("desk.key.escape") + ")", "cancel"});
  const int pressed = ButtonRow(buttons);
  if (pressed == 0) save = true;
  if (anyway && pressed == 1 && model_.saveForm(true)) focus_search_ = true;
  if (pressed == static_cast<int>(buttons.size()) - 1 || escape) {
    // What was typed is not thrown away without asking.
    if (model_.formHasTypedData()) {
      request_popup_ = "discard";
    } else {
      model_.cancelForm();
      focus_search_ = true;
    }
    return;
  }
  if (save && model_.saveForm()) focus_search_ = true;
}

void DeskScreen::drawPerson() {
  const Person& p = *model_.person();
  heading(names::sentence(p), fonts().heading);
  if (const std::string other = names::secondary(p); !other.empty()) heading(other, fonts().bold);
  categoryChip(p.category, categoryColour(choices_.categories, p.category));
  std::string org = p.organization;
  if (!p.position.empty()) org += (org.empty() ? "" : "  ·  ") + p.position;
  TextWrapped(org);
  fact("people.field.email", p.email);
  fact("people.field.phone", phone::display(p.phone, phone::editionRegion()));
  fact("people.field.country", p.country);
  fact("people.field.days", daysText(p.days));
  const std::string consentDay = p.consent_at.size() >= 10 && dates::isIsoDate(p.consent_at.substr(0, 10))
                                     ? dates::formatLong(p.consent_at.substr(0, 10), i18n::language())
                                     : p.consent_at;
  fact("people.field.consent", p.consent ? tr("desk.consent.yes", {consentDay}) : tr("desk.consent.no"));
  fact("people.field.exhibitor", model_.personExhibitorName());
  if (ButtonRow({{tr("desk.action.edit") + "  (Ctrl+E)", "edit"}}) == 0) {
    model_.editOpenPerson();
    fields_.focus_first = true;
    return;
  }
  ImGui::Separator();
  drawBadge();
}

void DeskScreen::drawBadge() {
  const Person& p = *model_.person();
  const auto& badge = model_.badge();
  heading(tr("desk.badge"), fonts().bold);
  if (badge) {
    const bool revoked = badge->status == BadgeStatus::Revoked;
    TextColored(revoked ? theme::kError : theme::kNote,
                tr("desk.badge.line", {badge->serial, std::to_string(badge->version), codeLabel(badge->status),
                                       trn("desk.badge.printed", badge->printed_count)}));
  } else {
    TextColored(theme::kNote, tr("desk.badge.none"));
  }
  if (!model_.canMint()) {
    ErrorText(tr("desk.badge.no_key"));
    return;
  }
  BackgroundTask& task = model_.printTask();
  if (task.running()) {
    const std::string stage = task.stage();
    Text(stage.empty() ? tr("badges.working") : tr(stage));
    ImGui::ProgressBar(static_cast<float>(task.fraction()), ImVec2(-FLT_MIN, 0));
  } else {
    const bool revoked = badge && badge->status == BadgeStatus::Revoked;
    switch (ButtonRow({{tr("desk.action.print") + "  (Ctrl+P)", "print", !revoked},
                       {tr("desk.reprint"), "reprint-btn"},
                       {tr("desk.revoke"), "revoke-btn", !revoked && badge}})) {
      case 0:
        requestPrint();
        break;
      case 1:
        request_popup_ = "reprint";
        break;
      case 2:
        request_popup_ = "revoke";
        break;
      default:
        break;
    }
    // The B2B agenda beside the badge, on a row of its own (the badge's row fills a narrow pane).
    if (ButtonRow({{tr("desk.action.agenda") + "  (Ctrl+G)", "agenda"}}) == 0) model_.printAgenda();
  }
  if (model_.face())
    preview_.show(model_.faceKey(), *model_.face(), model_.template_name);
  else
    preview_.clear();
  const float logH = model_.printLog().empty() ? 0 : ImGui::GetTextLineHeightWithSpacing() * 4;
  preview_.draw(std::max(ImGui::GetFontSize() * 8, ImGui::GetContentRegionAvail().y - logH));
  if (!model_.printLog().empty()) {
    const std::string& at = model_.printLog().front().at;  // ISO, UTC
    const auto local = tz::localOf(at, *tz::editionZone());
    const std::string when = local ? dates::formatLong(local->day, i18n::language()) + " " + tz::clock(at) : at;
    TextColored(theme::kNote, tr("desk.badge.printed_by",
                                 {when, model_.printLog().front().station, model_.printLog().front().operator_name}));
  }
  (void)p;
}

void DeskScreen::drawExhibitor() {
  const Exhibitor& x = *model_.exhibitor();
  heading(x.name_fr.empty() ? x.name_ar : x.name_fr, fonts().heading);
  if (!x.name_fr.empty() && !x.name_ar.empty()) heading(x.name_ar, fonts().bold);
  Text(i18n::label("kind", x.kind) + "  ·  " + i18n::label("sector", x.sector) + "  ·  " +
       i18n::label("region", x.region));
  fact("exhibitors.field.city", x.city);
  fact("exhibitors.field.contact_name", x.contact_name);
  fact("exhibitors.field.phone", phone::display(x.phone, phone::editionRegion()));
  fact("exhibitors.field.email", x.email);
  fact("exhibitors.field.registration_no", x.registration_no);
  fact("exhibitors.field.program", i18n::label("program", x.program));
  fact("desk.booth", model_.exhibitorBooth());
  fact("exhibitors.field.products", x.products);
  ImGui::Separator();
  heading(trn("desk.staff", static_cast<long long>(model_.exhibitorStaff().size())), fonts().bold);
  for (const auto& s : model_.exhibitorStaff()) {
    ImGui::PushID(static_cast<int>(s.id));
    if (ImGui::Selectable(display(names::sentence(s) + (s.position.empty() ? "" : "  ·  " + s.position)).c_str())) {
      model_.openPerson(s.id);
      ImGui::PopID();
      return;
    }
    ImGui::PopID();
  }
}

void DeskScreen::drawPopups() {
  if (!request_popup_.empty()) {
    ImGui::OpenPopup(("###desk-" + request_popup_).c_str());
    popup_ = request_popup_;
    request_popup_.clear();
    reason_.clear();
    revoke_confirmed_ = false;
  }
  const ImGuiWindowFlags flags = ImGuiWindowFlags_AlwaysAutoResize;
  const bool escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
  bool any = false;
  if (ImGui::BeginPopupModal((display(tr("badges.confirm.title")) + "###desk-confirm-print").c_str(), nullptr, flags)) {
    any = true;
    Text(tr("desk.confirm_print", {model_.person() ? names::sentence(*model_.person()) : ""}));
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    if (ImGui::Button(LID("badges.confirm.yes"))) {
      model_.print(true);
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(LID("badges.confirm.no")) || escape) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  if (ImGui::BeginPopupModal((display(tr("desk.reprint.title")) + "###desk-reprint").c_str(), nullptr, flags)) {
    any = true;
    Text(tr("desk.reprint.text"));
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 22);
    const bool enter =
        InputTextShaped("##reason", &reason_, ImGuiInputTextFlags_EnterReturnsTrue, L("desk.reason.hint"));
    ImGui::BeginDisabled(reason_.empty());
    if ((ImGui::Button(LID("desk.reprint.do")) || enter) && !reason_.empty()) {
      model_.reprint(reason_);
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(LID("desk.cancel")) || escape) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  if (ImGui::BeginPopupModal((display(tr("desk.revoke.title")) + "###desk-revoke").c_str(), nullptr, flags)) {
    any = true;
    TextColored(theme::kError, tr("desk.revoke.text", {model_.person() ? names::sentence(*model_.person()) : ""}));
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 22);
    InputTextShaped("##reason", &reason_, 0, L("desk.reason.hint"));
    CheckboxLabelled(tr("desk.revoke.confirm"), "revoke-confirm", &revoke_confirmed_);
    ImGui::BeginDisabled(reason_.empty() || !revoke_confirmed_);
    if (ImGui::Button(LID("desk.revoke.do"))) {
      model_.revoke(reason_);
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(LID("desk.cancel")) || escape) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
  }
  if (ImGui::BeginPopupModal((display(tr("badges.printer")) + "###desk-printer").c_str(), nullptr, flags)) {
    any = true;
    ImGui::BeginChild("printer-choice", ImVec2(ImGui::GetFontSize() * 30, ImGui::GetFontSize() * 11));
    PrinterChoice(model_.printer(), model_.template_name);
    ImGui::EndChild();
    ImGui::Separator();
    if (ImGui::Button(L("desk.print.printer_done")) || (escape && !ImGui::IsAnyItemActive())) {
      model_.printerChosen();
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
  if (ImGui::BeginPopupModal((display(tr("desk.discard.title")) + "###desk-discard").c_str(), nullptr, flags)) {
    any = true;
    Text(tr("desk.discard.text"));
    // Enter discards (the operator pressed Esc to leave); Esc again goes back to the form.
    const bool enterKey = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) && !ImGui::IsWindowAppearing();
    if (ImGui::Button(L("desk.discard.do")) || enterKey) {
      model_.cancelForm();
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    // (not the Esc that opened the question, in its first frame)
    if (ImGui::Button(L("desk.discard.keep")) || (escape && !ImGui::IsWindowAppearing())) {
      fields_.focus_first = true;
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
  if (!any && !popup_.empty()) {
    popup_.clear();
    focus_search_ = true;
  }
}

}  // namespace moussem::ui
