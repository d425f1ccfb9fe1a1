#include "ui/screens/plan_screen.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>

#include "booth/venue.hpp"
#include "core/i18n.hpp"
#include "core/text_fold.hpp"
#include "ui/fonts.hpp"
#include "ui/text_display.hpp"
#include "ui/widgets/text_field.hpp"
#include "ui/widgets/widgets.hpp"

namespace moussem::ui {

namespace {

constexpr const char* kExhibitorPayload = "MOUSSEM_EXHIBITOR";

bool noTextInput() {
  return !ImGui::GetIO().WantTextInput;
}

// Triangles of a simple polygon (ear clipping): ImGui fills only convex polygons, halls may be L-shaped.
void fillPolygon(ImDrawList* dl, const std::vector<ImVec2>& pts, ImU32 colour) {
  const int n = static_cast<int>(pts.size());
  if (n < 3) return;
  double area = 0;
  for (int i = 0; i < n; ++i) {
    const ImVec2 &a = pts[i], &b = pts[(i + 1) % n];
    area += static_cast<double>(a.x) * b.y - static_cast<double>(b.x) * a.y;
  }
  const double orient = area > 0 ? 1 : -1;
  std::vector<int> idx(n);
  for (int i = 0; i < n; ++i) idx[i] = i;
  auto cross = [](ImVec2 o, ImVec2 a, ImVec2 b) {
    return static_cast<double>(a.x - o.x) * (b.y - o.y) - static_cast<double>(a.y - o.y) * (b.x - o.x);
  };
  int guard = 0;
  while (idx.size() > 3 && guard++ < 10000) {
    bool clipped = false;
    for (std::size_t i = 0; i < idx.size(); ++i) {
      const ImVec2 a = pts[idx[(i + idx.size() - 1) % idx.size()]], b = pts[idx[i]], c = pts[idx[(i + 1) % idx.size()]];
      if (cross(a, b, c) * orient <= 0) continue;  // reflex corner
      bool inside = false;
      for (int j : idx) {
        const ImVec2 p = pts[j];
        if ((p.x == a.x && p.y == a.y) || (p.x == b.x && p.y == b.y) || (p.x == c.x && p.y == c.y)) continue;
        if (cross(a, b, p) * orient > 0 && cross(b, c, p) * orient > 0 && cross(c, a, p) * orient > 0) inside = true;
      }
      if (inside) continue;
      dl->AddTriangleFilled(a, b, c, colour);
      idx.erase(idx.begin() + static_cast<long>(i));
      clipped = true;
      break;
    }
    if (!clipped) break;
  }
  if (idx.size() == 3) dl->AddTriangleFilled(pts[idx[0]], pts[idx[1]], pts[idx[2]], colour);
}

// A button sized to its label, for laying out rows in either direction.
float buttonWidth(const char* label) {
  return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
}

std::string displayName(const PlanExhibitor& x, bool shortForm) {
  const bool ar = i18n::language() == "ar" && !x.name_ar.empty();
  if (shortForm) return ar ? x.short_ar : x.short_fr;
  return ar ? x.name_ar : x.name_fr;
}

// A name cut between words never ends on a linking word ("Al Khir de" reads "Al Khir"). false: nothing
// is left but linking words ("Al").
bool dropLinkingTail(std::string& name) {
  static const char* const kLinking[] = {"de", "des", "du", "d",   "la", "le", "les",
                                         "et", "a",   "au", "aux", "al", "el", "ait"};
  for (;;) {
    const auto last = name.rfind(' ');
    const std::string word = text::foldForSearch(last == std::string::npos ? name : name.substr(last + 1));
    if (std::none_of(std::begin(kLinking), std::end(kLinking), [&](const char* linking) { return word == linking; }))
      return true;
    if (last == std::string::npos) return false;
    name.resize(last);
  }
}

// The longest start of a name, cut between words and ended with "…", that fits `width` pixels (shaped:
// an Arabic name is cut at its logical end, so the ellipsis lands on its left).
std::string fitted(const std::string& logical, float width) {
  std::string name = logical;
  bool cut = false;
  for (;;) {
    const std::string& shown = display(cut ? name + "…" : name);
    if (ImGui::CalcTextSize(shown.c_str()).x <= width) return shown;
    const auto space = name.rfind(' ');
    if (space == std::string::npos || space == 0) return shown;
    name.resize(space);
    if (!dropLinkingTail(name)) return shown;
    cut = true;
  }
}

std::string area(double m2) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", std::round(m2 * 10) / 10);
  return buf;
}

}  // namespace

PlanScreen::PlanScreen(Store& store) : model_(store) {
  actions_.add({"plan.undo",
                "plan.action.undo",
                {Key::Z, true},
                [this] { model_.operations().undo(); },
                [this] { return model_.operations().canUndo() && noTextInput(); }});
  actions_.add({"plan.redo",
                "plan.action.redo",
                {Key::Y, true},
                [this] { model_.operations().redo(); },
                [this] { return model_.operations().canRedo() && noTextInput(); }});
  actions_.add({"plan.lock",
                "plan.action.lock",
                {Key::K},
                [this] { model_.operations().toggleLock(model_.selection().current()); },
                [this] { return model_.selection().currentBooth() && noTextInput(); }});
  actions_.add({"plan.hold",
                "plan.action.hold",
                {Key::H},
                [this] { model_.operations().toggleHold(model_.selection().current()); },
                [this] { return model_.selection().currentBooth() && noTextInput(); }});
  // Delete frees the booth; in edit mode it deletes the selection (free, unlocked booths), or the
  // selected aisle, entrance or empty hall.
  actions_.add({"plan.free",
                "plan.action.free",
                {Key::Delete},
                [this] {
                  if (model_.editor().editing())
                    model_.editor().deleteSelected();
                  else
                    model_.operations().unassign(model_.selection().current());
                },
                [this] {
                  if (!noTextInput()) return false;
                  if (model_.editor().editing())
                    return model_.selection().count() > 0 || model_.selection().hall() || model_.selection().feature();
                  return model_.selection().currentBooth() &&
                         model_.selection().currentBooth()->booth.exhibitor_id.has_value();
                }});
  // The editor, keyboard first.
  auto editing = [this] { return model_.editor().editing() && noTextInput(); };
  actions_.add({"plan.edit_mode",
                "plan.action.edit_mode",
                {Key::E, true},
                [this] {
                  model_.editor().setEditing(!model_.editor().editing());
                  addMode_ = AddMode::None;
                },
                [this] { return !model_.previewing() && !model_.allocation().running(); }});
  actions_.add({"plan.select_all",
                "plan.action.select_all",
                {Key::A, true},
                [this] { model_.selection().selectAll(); },
                editing});
  actions_.add({"plan.duplicate",
                "plan.action.duplicate",
                {Key::D, true},
                [this] { model_.editor().duplicateSelection(); },
                [this] { return model_.editor().editing() && model_.selection().count() > 0 && noTextInput(); }});
  actions_.add({"plan.deselect",
                "plan.action.deselect",
                {Key::Escape},
                [this] {
                  addMode_ = AddMode::None;
                  model_.selection().select(-1);
                },
                editing});
  const struct {
    Key key;
    double dx, dy;
  } arrows[] = {{Key::Left, -1, 0}, {Key::Right, 1, 0}, {Key::Up, 0, -1}, {Key::Down, 0, 1}};
  for (const auto& a : arrows)
    for (const bool far : {false, true}) {
      const double step = far ? 5.0 : PlanEditor::kGrid;
      actions_.add({std::string("plan.nudge.") + chordLabel({a.key}) + (far ? "+" : ""),
                    far ? "plan.action.nudge_far" : "plan.action.nudge",
                    {a.key, false, far},
                    [this, a, step] { model_.editor().nudge(a.dx * step, a.dy * step); },
                    [this] {
                      return model_.editor().editing() && noTextInput() &&
                             (model_.selection().count() > 0 || model_.selection().hall() ||
                              model_.selection().feature());
                    }});
    }
  // Add buttons' shortcuts are the buttons themselves (then a click on the plan); listed for their tooltips.
  const struct {
    const char* id;
    const char* label;
    AddMode mode;
  } adders[] = {{"plan.add_booth", "plan.action.add_booth", AddMode::Booth},
                {"plan.add_hall", "plan.action.add_hall", AddMode::Hall},
                {"plan.add_aisle", "plan.action.add_aisle", AddMode::Aisle},
                {"plan.add_entrance", "plan.action.add_entrance", AddMode::Entrance}};
  for (const auto& a : adders) actions_.add({a.id, a.label, {}, [this, mode = a.mode] { addMode_ = mode; }, editing});
  actions_.add({"plan.zoom_in", "plan.action.zoom_in", {Key::Plus}, [this] { zoom(1.25); }, noTextInput});
  actions_.add({"plan.zoom_out", "plan.action.zoom_out", {Key::Minus}, [this] { zoom(0.8); }, noTextInput});
  actions_.add({"plan.fit", "plan.action.fit", {Key::Digit0}, [this] { fitPending_ = true; }, noTextInput});
  actions_.add({"plan.search", "plan.action.search", {Key::F, true}, [this] { focusSearch_ = true; }, {}});
  actions_.add({"plan.allocate",
                "plan.action.allocate",
                {},
                [this] { model_.startAllocation(); },
                [this] { return !model_.allocation().running() && !model_.previewing(); }});
}

void PlanScreen::onShow() {
  if (!model_.loaded()) fitPending_ = true;
  model_.load();
}

void PlanScreen::refresh() {
  model_.load();
}

void PlanScreen::zoom(double factor) {
  view_.zoomAt(factor, (canvasMin_.x + canvasMax_.x) / 2, (canvasMin_.y + canvasMax_.y) / 2);
}

ImVec2 PlanScreen::boothCentre(const std::string& code) const {
  const int i = const_cast<PlanModel&>(model_).boothIndex(code);
  if (i < 0) return ImVec2(-1, -1);
  const auto& b = model_.booths()[i].booth;
  const PlanView& v = view_;
  return ImVec2(static_cast<float>(v.toScreenX(b.x + b.width / 2)), static_cast<float>(v.toScreenY(b.y + b.depth / 2)));
}

std::optional<ImVec2> PlanScreen::unassignedItemCentre(Id exhibitor) const {
  auto it = listCentres_.find(exhibitor);
  if (it == listCentres_.end()) return std::nullopt;
  return it->second;
}

void PlanScreen::draw() {
  model_.poll();
  if (!model_.loaded()) model_.load();
  drawToolbar();
  if (model_.booths().empty() && model_.halls().empty() && !model_.editor().editing()) drawNoPlan();
  if (auto chosen = venueBrowser_.draw("files.title.venue")) model_.editor().importVenueFile(chosen->string());
  const float statusH = ImGui::GetTextLineHeightWithSpacing() * 1.3f;
  const float h = std::max(100.0f, ImGui::GetContentRegionAvail().y - statusH);
  const float sideW = std::max(220.0f, ImGui::GetFontSize() * 17);
  const float canvasW = std::max(100.0f, ImGui::GetContentRegionAvail().x - sideW - ImGui::GetStyle().ItemSpacing.x);
  // The side panel sits where reading starts: left in French and English, right in Arabic.
  if (!isRtlLayout()) {
    drawSidePanel(sideW, h);
    ImGui::SameLine();
    drawCanvas(canvasW, h);
  } else {
    drawCanvas(canvasW, h);
    ImGui::SameLine();
    drawSidePanel(sideW, h);
  }
  if (!model_.message().empty())
    TextColored(model_.messageIsError() ? theme::kError : theme::kSuccess, model_.message());
  // In the editor: how to select while nothing is, what to do with a selection once there is one.
  else if (model_.editor().editing())
    TextColored(theme::kNote, tr(model_.selection().count() || model_.selection().hall() || model_.selection().feature()
                                     ? "plan.edit.hint"
                                     : "plan.edit.hint_select"));
  else
    TextColored(theme::kNote, tr("plan.hint"));
}

// No plan yet: where to start, in the app (a venue file, or the example plan to adapt).
void PlanScreen::drawNoPlan() {
  ImGui::Spacing();
  TextWrapped(tr("plan.empty"));
  switch (ButtonRow({{tr("plan.import_venue"), "import-venue"}, {tr("plan.start_example"), "start-example"}})) {
    case 0:
      venueBrowser_.request({});
      break;
    case 1:
      model_.editor().startFromExample();
      break;
    default:
      break;
  }
  ImGui::Spacing();
}

void PlanScreen::drawToolbar() {
  // Reading order: search, colour switch, zoom, edit, undo/redo, allocation, export; from the right in Arabic.
  const float searchW = ImGui::GetFontSize() * 14;
  const char* colourLabels[] = {L("plan.colour.status"), L("plan.colour.sector"), L("plan.colour.region")};
  float comboW = 0;
  for (const char* l : colourLabels) comboW = std::max(comboW, ImGui::CalcTextSize(l).x);
  comboW += ImGui::GetFrameHeight() + ImGui::GetStyle().FramePadding.x * 2;

  std::vector<LineItem> items;
  items.push_back(
      {searchW, [&] {
         if (focusSearch_) {
           ImGui::SetKeyboardFocusHere();
           focusSearch_ = false;
         }
         ImGui::SetNextItemWidth(searchW);
         if (InputTextShaped("##plan-search", &searchBuf_, 0, L("plan.search_hint"), PreviewPlacement::Floating))
           model_.setSearch(searchBuf_);
       }});
  items.push_back(
      {comboW, [&] {
         int by = static_cast<int>(model_.colourBy());
         ImGui::SetNextItemWidth(comboW);
         static const char* const colourKeys[] = {"plan.colour.status", "plan.colour.sector", "plan.colour.region"};
         if (BeginComboShaped("##plan-colour", tr(colourKeys[by]))) {
           for (int i = 0; i < 3; ++i)
             if (ImGui::Selectable(colourLabels[i], i == by)) model_.setColourBy(static_cast<booth::ColourBy>(i));
           ImGui::EndCombo();
         }
       }});
  auto button = [&](const char* label, bool enabled, std::function<void()> onClick) {
    items.push_back({buttonWidth(label), [label, enabled, onClick] {
                       if (!enabled) ImGui::BeginDisabled();
                       if (ImGui::Button(label)) onClick();
                       if (!enabled) ImGui::EndDisabled();
                     }});
  };
  // The last item's tooltip: its action and shortcut.
  auto shortcutAfter = [&](const char* action) {
    items.back().draw = [this, action, draw = items.back().draw] {
      draw();
      shortcutTooltip(action);
    };
  };
  button("-##zoom-out", true, [this] { zoom(0.8); });
  shortcutAfter("plan.zoom_out");
  button("+##zoom-in", true, [this] { zoom(1.25); });
  shortcutAfter("plan.zoom_in");
  button(LID("plan.fit"), true, [this] { fitPending_ = true; });
  shortcutAfter("plan.fit");
  button(LID(model_.editor().editing() ? "plan.edit.done" : "plan.edit.mode"),
         !model_.previewing() && !model_.allocation().running(), [this] {
           model_.editor().setEditing(!model_.editor().editing());
           addMode_ = AddMode::None;
         });
  shortcutAfter("plan.edit_mode");
  button(LID("plan.undo"), model_.operations().canUndo(), [this] { model_.operations().undo(); });
  shortcutAfter("plan.undo");
  button(LID("plan.redo"), model_.operations().canRedo(), [this] { model_.operations().redo(); });
  shortcutAfter("plan.redo");
  if (model_.allocation().running()) {
    const float barW = ImGui::GetFontSize() * 8;
    items.push_back({barW, [this, barW] {
                       ImGui::ProgressBar(static_cast<float>(model_.allocation().progress()), ImVec2(barW, 0));
                     }});
    button(LID("plan.cancel"), true, [this] { model_.allocation().cancel(); });
  } else if (model_.previewing()) {
    button(LID("plan.accept"), true, [this] { model_.acceptPreview(); });
    button(LID("plan.discard"), true, [this] { model_.discardPreview(); });
  } else {
    button(LID("plan.allocate"), true, [this] { model_.startAllocation(); });
  }
  if (model_.exporting()) {
    const float barW = ImGui::GetFontSize() * 6;
    items.push_back(
        {barW, [this, barW] { ImGui::ProgressBar(static_cast<float>(model_.exportProgress()), ImVec2(barW, 0)); }});
  } else {
    button(LID("plan.export"), true, [this] { openExport_ = true; });
  }

  ReadingLine(items);
  drawExportPopup();
  if (model_.editor().editing()) drawEditBar();
}

void PlanScreen::drawExportPopup() {
  if (openExport_) {
    ImGui::OpenPopup("plan-export");
    openExport_ = false;
  }
  if (!ImGui::BeginPopup("plan-export")) return;
  Text(tr("plan.export.file"));
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 28);
  ImGui::InputText("##plan-export-path", &model_.exportPath);
  TextColored(theme::kNote, tr("plan.export.hint"));
  if (ImGui::Button(LID("plan.export.plan"))) {
    model_.startExport(false);
    ImGui::CloseCurrentPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button(LID("plan.export.directory_button"))) {
    model_.startExport(true);
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

void PlanScreen::drawSidePanel(float width, float height) {
  ImGui::BeginChild("plan-side", ImVec2(width, height), true);
  drawSelected();
  ImGui::Separator();
  drawLegend();
  ImGui::Separator();
  const auto& list = model_.search().unassigned();
  if (fonts().bold) ImGui::PushFont(fonts().bold);
  Text(tr("plan.unassigned", {std::to_string(model_.search().unassignedTotal())}));
  if (fonts().bold) ImGui::PopFont();
  TextColored(theme::kNote, tr("plan.unassigned_hint"));
  listCentres_.clear();
  ImGui::BeginChild("plan-unassigned", ImVec2(0, 0), false);
  // An empty list says why: no exhibitor yet, nobody asked for a booth, the search, or all placed.
  if (list.empty()) {
    const char* why = model_.exhibitors().empty()              ? "plan.no_exhibitors"
                      : model_.exhibitorsAskingForBooth() == 0 ? "plan.no_requests"
                      : model_.search().unassignedTotal() > 0  ? "plan.no_match"
                                                               : "plan.none_unassigned";
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kNote);
    TextWrapped(tr(why));
    ImGui::PopStyleColor();
  }
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(list.size()));
  while (clipper.Step())
    for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
      const PlanExhibitor& x = model_.exhibitors()[list[row]];
      ImGui::PushID(static_cast<int>(x.id));
      const std::string name =
          fitted(displayName(x, false), ImGui::GetContentRegionAvail().x - ImGui::GetStyle().FramePadding.x);
      std::vector<std::string> detail{area(x.area) + " m²"};
      if (x.wants_corner) detail.push_back(tr("plan.corner"));
      if (x.needs_power) detail.push_back(tr("plan.power"));
      ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(isRtlLayout() ? 1.0f : 0.0f, 0.5f));
      ImGui::Selectable((name + "###x").c_str(), false);  // its ID: the exhibitor's, whatever the language
      ImGui::PopStyleVar();
      listCentres_[x.id] = ImVec2((ImGui::GetItemRectMin().x + ImGui::GetItemRectMax().x) / 2,
                                  (ImGui::GetItemRectMin().y + ImGui::GetItemRectMax().y) / 2);
      if (ImGui::BeginDragDropSource()) {
        const Id id = x.id;
        ImGui::SetDragDropPayload(kExhibitorPayload, &id, sizeof id);
        Text(displayName(x, false));
        Segments(theme::kNote, detail, " · ");
        ImGui::EndDragDropSource();
      } else if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        Text(x.name_fr);
        if (!x.name_ar.empty()) Text(x.name_ar);
        Segments(ImGui::GetStyle().Colors[ImGuiCol_Text],
                 {i18n::label("sector", x.sector), i18n::label("region", x.region)}, " · ");
        Segments(theme::kNote, detail, " · ");
        ImGui::EndTooltip();
      }
      ImGui::Indent();
      Segments(theme::kNote, detail, " · ");
      ImGui::Unindent();
      ImGui::PopID();
    }
  ImGui::EndChild();
  ImGui::EndChild();
}

void PlanScreen::drawSelected() {
  if (model_.editor().editing() &&
      (model_.selection().hall() || model_.selection().feature() || model_.selection().count() > 1)) {
    drawEditPanel();
    return;
  }
  const PlanBooth* b = model_.selection().currentBooth();
  if (fonts().bold) ImGui::PushFont(fonts().bold);
  Text(b ? tr("plan.booth", {b->booth.code}) : tr("plan.no_selection"));
  if (fonts().bold) ImGui::PopFont();
  if (!b) return;
  const auto& booth = b->booth;
  Text(codeLabel(booth.type) + " · " + area(booth.width * booth.depth) + " m²" +
       (booth.power ? " · " + tr("plan.power") : ""));
  Text(codeLabel(booth.status) + (booth.locked ? " · " + tr("booth.locked") : ""));
  if (b->holder >= 0) {
    const auto& x = model_.exhibitors()[b->holder];
    Text(x.name_fr);
    if (!x.name_ar.empty()) Text(x.name_ar);
  }
  // Buttons in reading order.
  const bool hasHolder = booth.exhibitor_id.has_value();
  const char* lock = L(booth.locked ? "plan.unlock" : "plan.lock");
  const char* hold = L(booth.status == BoothStatus::Hold ? "plan.release" : "plan.hold");
  const char* free = L("plan.free");
  std::vector<std::pair<const char*, int>> buttons{{lock, 0}, {hold, 1}};
  if (hasHolder) buttons.push_back({free, 2});
  float total = 0;
  for (auto& [label, _] : buttons) total += buttonWidth(label) + ImGui::GetStyle().ItemSpacing.x;
  if (isRtlLayout()) {
    std::reverse(buttons.begin(), buttons.end());
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, ImGui::GetContentRegionAvail().x - total));
  }
  for (std::size_t i = 0; i < buttons.size(); ++i) {
    if (i > 0) ImGui::SameLine();
    if (ImGui::Button(buttons[i].first)) {
      const int sel = model_.selection().current();
      if (buttons[i].second == 0)
        model_.operations().toggleLock(sel);
      else if (buttons[i].second == 1)
        model_.operations().toggleHold(sel);
      else
        model_.operations().unassign(sel);
    }
  }
}

void PlanScreen::drawLegend() {
  const float sw = ImGui::GetTextLineHeight();
  const bool rtl = isRtlLayout();
  for (const auto& e : model_.legend()) {
    const std::string text = e.label + " (" + std::to_string(e.count) + ")";
    const std::string& shown = display(text);
    const float w = ImGui::CalcTextSize(shown.c_str()).x;
    ImVec2 p = ImGui::GetCursorScreenPos();
    const float avail = ImGui::GetContentRegionAvail().x;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float swatchX = rtl ? p.x + avail - sw : p.x;
    dl->AddRectFilled(ImVec2(swatchX, p.y + 1), ImVec2(swatchX + sw - 2, p.y + sw - 1), e.colour);
    dl->AddRect(ImVec2(swatchX, p.y + 1), ImVec2(swatchX + sw - 2, p.y + sw - 1), theme::kPlanInk.packed());
    const float textX = rtl ? swatchX - 6 - w : p.x + sw + 6;
    dl->AddText(ImVec2(textX, p.y), ImGui::GetColorU32(ImGuiCol_Text), shown.c_str());
    ImGui::Dummy(ImVec2(avail, sw));
  }
}

void PlanScreen::drawCanvas(float width, float height) {
  ImGui::BeginChild("plan-canvas", ImVec2(width, height), true,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  ImVec2 size = ImGui::GetContentRegionAvail();
  size.x = std::max(size.x, 50.0f);
  size.y = std::max(size.y, 50.0f);
  const ImVec2 p1(p0.x + size.x, p0.y + size.y);
  canvasMin_ = p0;
  canvasMax_ = p1;
  PlanView& view = view_;
  view.originX = p0.x;
  view.originY = p0.y;
  if (fitPending_) {
    view.fit(model_.bounds(), size.x, size.y);
    fitPending_ = false;
  }
  ImGui::InvisibleButton(
      "plan-canvas-area", size,
      ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight | ImGuiButtonFlags_MouseButtonMiddle);
  const bool hovered = ImGui::IsItemHovered();
  const bool active = ImGui::IsItemActive();
  ImGuiIO& io = ImGui::GetIO();
  const double mx = view.toVenueX(io.MousePos.x), my = view.toVenueY(io.MousePos.y);
  hovered_ = (hovered || ImGui::GetDragDropPayload()) ? model_.boothAt(mx, my) : -1;
  if (!hovered && !ImGui::IsMouseHoveringRect(p0, p1)) hovered_ = -1;

  // Zoom at the pointer; pan with the right or middle button, or Space with the left one.
  if (hovered && io.MouseWheel != 0) view.zoomAt(std::pow(1.2, io.MouseWheel), io.MousePos.x, io.MousePos.y);
  const bool space = ImGui::IsKeyDown(ImGui::GetKeyIndex(ImGuiKey_Space)) && noTextInput();
  if (active &&
      (ImGui::IsMouseDragging(ImGuiMouseButton_Right, 1) || ImGui::IsMouseDragging(ImGuiMouseButton_Middle, 1) ||
       (space && ImGui::IsMouseDown(ImGuiMouseButton_Left)))) {
    view.panBy(io.MouseDelta.x, io.MouseDelta.y);
    panning_ = true;
  }
  if (model_.editor().editing()) {
    drawEditInteraction(hovered, space, mx, my);
  } else {
    // Left button: click selects; drag from a held booth onto another moves or swaps.
    if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left) && !space) {
      dragFrom_ = hovered_;
      dragMoved_ = false;
      panning_ = false;
    }
    if (ImGui::IsMouseDragging(ImGuiMouseButton_Left)) dragMoved_ = true;
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
      if (dragFrom_ >= 0 && !panning_) {
        if (hovered_ >= 0 && hovered_ != dragFrom_ && dragMoved_ && model_.booths()[dragFrom_].holder >= 0) {
          if (model_.operations().move(dragFrom_, hovered_)) model_.selection().select(hovered_);
        } else if (hovered_ == dragFrom_) {
          model_.selection().select(hovered_);
        }
      } else if (dragFrom_ < 0 && hovered && !panning_ && !dragMoved_) {
        model_.selection().select(-1);
      }
      dragFrom_ = -1;
      panning_ = false;
    }
    if (!ImGui::IsMouseDown(ImGuiMouseButton_Left) && !ImGui::IsMouseReleased(ImGuiMouseButton_Left))
      dragMoved_ = false;
  }
  if (ImGui::IsMouseReleased(ImGuiMouseButton_Right) || ImGui::IsMouseReleased(ImGuiMouseButton_Middle))
    panning_ = false;

  // An exhibitor dropped from the list.
  if (ImGui::BeginDragDropTarget()) {
    if (const ImGuiPayload* payload = ImGui::AcceptDragDropPayload(kExhibitorPayload)) {
      Id id = 0;
      std::memcpy(&id, payload->Data, sizeof id);
      if (hovered_ >= 0 && model_.operations().assign(hovered_, id)) model_.selection().select(hovered_);
    }
    ImGui::EndDragDropTarget();
  }

  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(p0, p1, true);
  dl->AddRectFilled(p0, p1, theme::kPlanCanvas.packed());
  if (model_.editor().editing() && view.scale >= 6) {
    // The 0.5 m grid booths snap to (every metre drawn, lighter every half).
    const double step = view.scale >= 16 ? PlanEditor::kGrid : 1.0;
    const double x0 = std::floor(view.toVenueX(p0.x) / step) * step, y0 = std::floor(view.toVenueY(p0.y) / step) * step;
    for (double x = x0; view.toScreenX(x) < p1.x; x += step)
      dl->AddLine(ImVec2(static_cast<float>(view.toScreenX(x)), p0.y),
                  ImVec2(static_cast<float>(view.toScreenX(x)), p1.y), theme::kPlanGrid.packed());
    for (double y = y0; view.toScreenY(y) < p1.y; y += step)
      dl->AddLine(ImVec2(p0.x, static_cast<float>(view.toScreenY(y))),
                  ImVec2(p1.x, static_cast<float>(view.toScreenY(y))), theme::kPlanGrid.packed());
  }
  drawPlan(dl);
  drawSelectedElement(dl);
  drawEditGhosts(dl);
  if (!model_.editor().editing() && dragFrom_ >= 0 && dragMoved_ && !panning_) {
    const ImVec2 from = boothCentre(model_.booths()[dragFrom_].booth.code);
    dl->AddLine(from, io.MousePos, theme::kSelection.packed(), 2.5f);
    dl->AddCircleFilled(io.MousePos, 4, theme::kSelection.packed());
  }

  dl->PopClipRect();
  if (hovered_ >= 0 && dragFrom_ < 0 && editDrag_ == EditDrag::None && !ImGui::GetDragDropPayload() && hovered)
    drawTooltip(hovered_);
  ImGui::EndChild();
}

void PlanScreen::drawEditInteraction(bool hovered, bool space, double mx, double my) {
  const PlanView& view = view_;
  const ImGuiIO& io = ImGui::GetIO();
  auto nearCorner = [&](double right, double bottom) {
    return std::abs(view.toScreenX(right) - io.MousePos.x) < 8 && std::abs(view.toScreenY(bottom) - io.MousePos.y) < 8;
  };
  if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left) && !space) {
    dragMoved_ = false;
    startX_ = curX_ = mx;
    startY_ = curY_ = my;
    const AddMode adding = addMode_;
    addMode_ = AddMode::None;
    if (adding == AddMode::Booth) {
      if (model_.editor().addBooth(mx, my))
        model_.selection().select(model_.boothAt(PlanEditor::snap(mx) + 0.1, PlanEditor::snap(my) + 0.1));
      return;
    }
    if (adding == AddMode::Hall) return void(model_.editor().addHall(mx, my));
    if (adding == AddMode::Aisle || adding == AddMode::Entrance)
      return void(model_.editor().addFeature(
          adding == AddMode::Aisle ? VenueFeatureKind::Aisle : VenueFeatureKind::Entrance, mx, my));
    const bool extend = io.KeyShift || io.KeyCtrl;
    const Hall* hall = model_.selection().hall();
    const VenueFeature* feature = model_.selection().feature();
    std::string labelHit;
    for (const auto& [code, r] : hallLabels_)
      if (io.MousePos.x >= r.x && io.MousePos.x <= r.right() && io.MousePos.y >= r.y && io.MousePos.y <= r.bottom())
        labelHit = code;
    if (hall && hall->outline.empty() && nearCorner(hall->x + hall->width, hall->y + hall->height)) {
      editDrag_ = EditDrag::HallCorner, dragCode_ = hall->code, ghost_ = booth::rectOf(*hall);
    } else if (feature && nearCorner(feature->x + feature->width, feature->y + feature->height)) {
      editDrag_ = EditDrag::FeatureCorner, dragCode_ = feature->code, ghost_ = booth::rectOf(*feature);
    } else if (!labelHit.empty()) {
      model_.selection().selectHall(labelHit);  // a hall is dragged by its name
      editDrag_ = EditDrag::Hall, dragCode_ = labelHit;
    } else if (hovered_ >= 0) {
      if (extend) {
        model_.selection().toggle(hovered_);  // Shift/Ctrl+click: add or remove, no drag
        editDrag_ = EditDrag::None;
        return;
      }
      const auto& b = model_.booths()[hovered_].booth;
      if (!model_.selection().contains(hovered_)) model_.selection().select(hovered_);
      dragBooth_ = hovered_;
      // The bottom-right corner of a booth alone resizes it; anywhere else moves the selection.
      if (model_.selection().count() == 1 && nearCorner(b.x + b.width, b.y + b.depth)) {
        editDrag_ = EditDrag::BoothCorner;
        ghost_ = booth::rectOf(b);
      } else {
        editDrag_ = EditDrag::Booths;
      }
    } else if (const std::string f = model_.editor().featureAt(mx, my); !f.empty() && !extend) {
      model_.selection().selectFeature(f);
      editDrag_ = EditDrag::Feature, dragCode_ = f;
    } else {
      editDrag_ = EditDrag::Band;  // empty floor: a rubber band; a click without a drag selects the hall
      bandAdds_ = extend;
    }
  }
  if (editDrag_ == EditDrag::None) return;
  if (ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
    if (ImGui::IsMouseDragging(ImGuiMouseButton_Left)) dragMoved_ = true;
    curX_ = mx, curY_ = my;
    auto corner = [&](booth::Rect& r) {
      r.w = std::max(PlanEditor::kGrid, PlanEditor::snap(mx - r.x));
      r.h = std::max(PlanEditor::kGrid, PlanEditor::snap(my - r.y));
    };
    if (editDrag_ == EditDrag::BoothCorner || editDrag_ == EditDrag::HallCorner || editDrag_ == EditDrag::FeatureCorner)
      corner(ghost_);
  }
  if (!ImGui::IsMouseReleased(ImGuiMouseButton_Left)) return;
  const double dx = PlanEditor::snap(curX_ - startX_), dy = PlanEditor::snap(curY_ - startY_);
  if (dragMoved_) {
    switch (editDrag_) {
      case EditDrag::Booths:
        model_.editor().moveSelection(dx, dy);
        break;
      case EditDrag::BoothCorner:
        model_.editor().resizeBooth(dragBooth_, ghost_.w, ghost_.h);
        break;
      case EditDrag::Hall:
        model_.editor().moveHall(dragCode_, dx, dy);
        break;
      case EditDrag::HallCorner:
        model_.editor().resizeHall(dragCode_, ghost_.w, ghost_.h);
        break;
      case EditDrag::Feature:
        model_.editor().moveFeature(dragCode_, dx, dy);
        break;
      case EditDrag::FeatureCorner:
        model_.editor().resizeFeature(dragCode_, ghost_.w, ghost_.h);
        break;
      case EditDrag::Band:
        model_.selection().selectInRect({startX_, startY_, curX_ - startX_, curY_ - startY_}, bandAdds_);
        break;
      case EditDrag::None:
        break;
    }
  } else if (editDrag_ == EditDrag::Band && !bandAdds_) {
    const std::string hall = model_.editor().hallAt(mx, my);
    if (hall.empty())
      model_.selection().select(-1);
    else
      model_.selection().selectHall(hall);
  } else if (editDrag_ == EditDrag::Booths && model_.selection().count() > 1) {
    model_.selection().select(dragBooth_);  // a click (no drag) on a booth of the selection keeps only that one
  }
  editDrag_ = EditDrag::None;
  dragBooth_ = -1;
  dragMoved_ = false;
}

// Where a drag would put things, snapped to the grid; the rubber band.
void PlanScreen::drawEditGhosts(ImDrawList* dl) {
  if (editDrag_ == EditDrag::None || !dragMoved_) return;
  const PlanView& v = view_;
  auto pt = [&](double x, double y) {
    return ImVec2(static_cast<float>(v.toScreenX(x)), static_cast<float>(v.toScreenY(y)));
  };
  auto ghost = [&](const booth::Rect& r) {
    dl->AddRectFilled(pt(r.x, r.y), pt(r.right(), r.bottom()), theme::kSelection.alpha(50 / 255.0f).packed());
    dl->AddRect(pt(r.x, r.y), pt(r.right(), r.bottom()), theme::kSelection.packed(), 0, 0, 2);
  };
  const double dx = PlanEditor::snap(curX_ - startX_), dy = PlanEditor::snap(curY_ - startY_);
  auto moved = [&](booth::Rect r) { return booth::Rect{r.x + dx, r.y + dy, r.w, r.h}; };
  switch (editDrag_) {
    case EditDrag::Booths:
      for (int i : model_.selection().booths()) ghost(moved(booth::rectOf(model_.booths()[i].booth)));
      break;
    case EditDrag::Hall:
      if (const Hall* h = model_.selection().hall()) {
        ghost(moved(h->outline.empty() ? booth::rectOf(*h) : booth::boundingRect(h->outline)));
        for (const auto& pb : model_.booths())
          if (pb.booth.hall == h->code) ghost(moved(booth::rectOf(pb.booth)));
      }
      break;
    case EditDrag::Feature:
      if (const VenueFeature* f = model_.selection().feature()) ghost(moved(booth::rectOf(*f)));
      break;
    case EditDrag::Band: {
      const ImVec2 a = pt(std::min(startX_, curX_), std::min(startY_, curY_)),
                   b = pt(std::max(startX_, curX_), std::max(startY_, curY_));
      dl->AddRectFilled(a, b, theme::kSelection.alpha(30 / 255.0f).packed());
      dl->AddRect(a, b, theme::kSelection.packed(), 0, 0, 1.5f);
      break;
    }
    default:
      ghost(ghost_);
  }
}

// A tooltip on the last item: what it does and its shortcut, from the action table.
void PlanScreen::shortcutTooltip(const char* actionId) {
  if (!ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) return;
  const Action* a = actions_.find(actionId);
  if (!a) return;
  ImGui::BeginTooltip();
  Text(tr(a->label_key) + (a->shortcut.key == Key::None ? "" : "  (" + chordLabel(a->shortcut) + ")"));
  ImGui::EndTooltip();
}

void PlanScreen::drawEditBar() {
  std::vector<LineItem> items;
  const int sel = model_.selection().current();
  const bool has = model_.selection().count() > 0;
  auto button = [&](const char* label, bool enabled, const char* action, std::function<void()> onClick) {
    items.push_back({buttonWidth(label), [this, label, enabled, action, onClick] {
                       if (!enabled) ImGui::BeginDisabled();
                       if (ImGui::Button(label)) onClick();
                       if (!enabled) ImGui::EndDisabled();
                       if (action) shortcutTooltip(action);
                     }});
  };
  auto adder = [&](AddMode mode, const char* key, const char* action) {
    button(LID(addMode_ == mode ? "plan.edit.add_click" : key), true, action,
           [this, mode] { addMode_ = addMode_ == mode ? AddMode::None : mode; });
  };
  adder(AddMode::Booth, "plan.edit.add", "plan.add_booth");
  adder(AddMode::Hall, "plan.edit.add_hall", "plan.add_hall");
  adder(AddMode::Aisle, "plan.edit.add_aisle", "plan.add_aisle");
  adder(AddMode::Entrance, "plan.edit.add_entrance", "plan.add_entrance");
  button(LID("plan.edit.duplicate"), has, "plan.duplicate", [this] { model_.editor().duplicateSelection(); });
  const float countW = ImGui::GetFontSize() * 5;
  items.push_back({countW, [this, countW] {
                     ImGui::SetNextItemWidth(countW);
                     ImGui::InputInt("##row-count", &rowCount_);
                     rowCount_ = std::clamp(rowCount_, 1, 200);
                   }});
  button(LID("plan.edit.row_button"), sel >= 0, nullptr, [this, sel] { model_.editor().addRow(sel, rowCount_); });
  button(LID(model_.selection().count() > 1 ? "plan.edit.delete_selection" : "plan.edit.delete"),
         has || model_.selection().hall() || model_.selection().feature(), "plan.free",
         [this] { model_.editor().deleteSelected(); });
  if (model_.selection().count() == 1 && model_.selection().currentBooth()) {
    const auto& b = model_.selection().currentBooth()->booth;
    if (sizeFor_ != b.id || !ImGui::IsAnyItemActive()) {
      sizeFor_ = b.id;
      sizeW_ = b.width;
      sizeD_ = b.depth;
    }
    const float w = ImGui::GetFontSize() * 6;
    items.push_back({w * 2 + ImGui::GetStyle().ItemSpacing.x, [this, w, sel] {
                       ImGui::SetNextItemWidth(w);
                       ImGui::InputDouble("##w", &sizeW_, PlanEditor::kGrid, 1.0, "%.1f m");
                       const bool doneW = ImGui::IsItemDeactivatedAfterEdit();
                       ImGui::SameLine();
                       ImGui::SetNextItemWidth(w);
                       ImGui::InputDouble("##d", &sizeD_, PlanEditor::kGrid, 1.0, "%.1f m");
                       if (doneW || ImGui::IsItemDeactivatedAfterEdit())
                         model_.editor().resizeBooth(sel, sizeW_, sizeD_);
                     }});
  }
  ReadingLine(items);
}

// The side panel in edit mode for a hall (names, size) or an aisle/entrance (labels in three
// languages, size); each field is written when it loses focus (one undo step).
void PlanScreen::drawEditPanel() {
  const Hall* hall = model_.selection().hall();
  const VenueFeature* feature = model_.selection().feature();
  if (!hall && !feature) {
    if (model_.selection().count() > 1)
      TextWrapped(tr("plan.edit.selected_many", {std::to_string(model_.selection().count())}));
    return;
  }
  const std::string key =
      hall ? "hall:" + hall->code + std::to_string(hall->id) : "feature:" + feature->code + std::to_string(feature->id);
  if (fieldsFor_ != key || !ImGui::IsAnyItemActive()) {
    fieldsFor_ = key;
    if (hall)
      nameFr_ = hall->name, nameAr_ = hall->name_ar, elementW_ = hall->width, elementH_ = hall->height;
    else
      labelFr_ = feature->label, labelAr_ = feature->label_ar, labelEn_ = feature->label_en, elementW_ = feature->width,
      elementH_ = feature->height;
  }
  if (fonts().bold) ImGui::PushFont(fonts().bold);
  Text(hall ? tr("venue.element.hall", {hall->code}) : tr(booth::featureElementKey(feature->kind), {feature->code}));
  if (fonts().bold) ImGui::PopFont();
  const float w = ImGui::GetContentRegionAvail().x;
  auto field = [&](const char* id, const char* labelKey, std::string* value) {
    TextColored(theme::kNote, tr(labelKey));
    ImGui::SetNextItemWidth(w);
    InputTextShaped(id, value, 0, nullptr, PreviewPlacement::Floating);
    return ImGui::IsItemDeactivatedAfterEdit();
  };
  bool done = false;
  if (hall) {
    done |= field("##hall-fr", "plan.edit.name_fr", &nameFr_);
    done |= field("##hall-ar", "plan.edit.name_ar", &nameAr_);
    if (done) model_.editor().renameHall(hall->code, nameFr_, nameAr_);
  } else {
    done |= field("##label-fr", "plan.edit.label_fr", &labelFr_);
    done |= field("##label-ar", "plan.edit.label_ar", &labelAr_);
    done |= field("##label-en", "plan.edit.label_en", &labelEn_);
    if (done) model_.editor().setFeatureLabels(feature->code, labelFr_, labelAr_, labelEn_);
  }
  if (hall && !hall->outline.empty()) return;  // a polygon hall keeps its shape
  TextColored(theme::kNote, tr("plan.edit.size"));
  const float half = (w - ImGui::GetStyle().ItemSpacing.x) / 2;
  ImGui::SetNextItemWidth(half);
  ImGui::InputDouble("##element-w", &elementW_, PlanEditor::kGrid, 1.0, "%.1f m");
  bool resized = ImGui::IsItemDeactivatedAfterEdit();
  ImGui::SameLine();
  ImGui::SetNextItemWidth(half);
  ImGui::InputDouble("##element-h", &elementH_, PlanEditor::kGrid, 1.0, "%.1f m");
  resized |= ImGui::IsItemDeactivatedAfterEdit();
  if (resized) {
    if (hall)
      model_.editor().resizeHall(hall->code, elementW_, elementH_);
    else
      model_.editor().resizeFeature(feature->code, elementW_, elementH_);
  }
}

void PlanScreen::drawPlan(ImDrawList* dl) {
  const PlanView& v = view_;
  auto pt = [&](double x, double y) {
    return ImVec2(static_cast<float>(v.toScreenX(x)), static_cast<float>(v.toScreenY(y)));
  };
  const bool ar = i18n::language() == "ar";
  const float fontSize = ImGui::GetFontSize();
  // Halls.
  struct HallLabel {
    std::string code;
    ImVec2 at;
    float size;
    std::string text;
  };
  std::vector<HallLabel> hallLabels;
  for (const auto& h : model_.halls()) {
    std::vector<ImVec2> poly;
    if (h.outline.empty()) {
      poly = {pt(h.x, h.y), pt(h.x + h.width, h.y), pt(h.x + h.width, h.y + h.height), pt(h.x, h.y + h.height)};
    } else {
      for (const auto& p : h.outline) poly.push_back(pt(p.x, p.y));
    }
    fillPolygon(dl, poly, theme::kHallFloor.packed());
    dl->AddPolyline(poly.data(), static_cast<int>(poly.size()), theme::kHallWall.packed(), ImDrawFlags_Closed, 2.0f);
    const booth::Rect r = h.outline.empty() ? booth::rectOf(h) : booth::boundingRect(h.outline);
    // The hall's whole name if it fits, else its short name (before " — ": "Hall C", "القاعة ج"), else
    // its code; in the top corner where reading starts (the right one in Arabic).
    const std::string& whole = ar && !h.name_ar.empty() ? h.name_ar : h.name;
    const float size = std::clamp(static_cast<float>(v.scale) * 1.2f, fontSize * 0.7f, fontSize * 1.2f);
    const float room = static_cast<float>(r.w * v.scale) - 8;
    std::string label = h.code;
    for (const std::string& candidate :
         {whole, whole.substr(0, std::min(whole.find(" \xE2\x80\x94 "), whole.find(" - ")))}) {
      const std::string& shown = display(candidate);
      if (!candidate.empty() && ImGui::GetFont()->CalcTextSizeA(size, FLT_MAX, 0, shown.c_str()).x < room) {
        label = shown;
        break;
      }
    }
    const float labelW = ImGui::GetFont()->CalcTextSizeA(size, FLT_MAX, 0, label.c_str()).x;
    const ImVec2 corner = isRtlLayout() ? ImVec2(pt(r.x + r.w - 0.5, r.y + 0.3).x - labelW, pt(r.x, r.y + 0.3).y)
                                        : pt(r.x + 0.5, r.y + 0.3);
    hallLabels.push_back({h.code, corner, size, label});
  }
  // Aisles and entrances.
  for (const auto& f : model_.features()) {
    const ImVec2 a = pt(f.x, f.y), b = pt(f.x + f.width, f.y + f.height);
    if (f.kind == VenueFeatureKind::Entrance) {
      dl->AddRectFilled(a, b, theme::kEntrance.packed());
      if (v.scale > 6) {
        const std::string& label = booth::featureLabel(f, i18n::language());
        const std::string& t = display(label.empty() ? tr("plan.entrance") : label);
        const float size = fontSize * 0.75f;
        const ImVec2 ts = ImGui::GetFont()->CalcTextSizeA(size, FLT_MAX, 0, t.c_str());
        // Outside the hall, never over its name: above a door in the upper half of its hall.
        bool upper = false;
        for (const auto& h : model_.halls())
          if (h.code == f.hall) {
            const booth::Rect r = h.outline.empty() ? booth::rectOf(h) : booth::boundingRect(h.outline);
            upper = f.y + f.height / 2 < r.y + r.h / 2;
          }
        dl->AddText(nullptr, size, ImVec2((a.x + b.x - ts.x) / 2, upper ? a.y - ts.y - 1 : b.y + 1),
                    theme::kEntranceName.packed(), t.c_str());
      }
    } else {
      dl->AddRectFilled(a, b, f.main ? theme::kMainAisle.packed() : theme::kAisle.packed());
      const std::string& label = booth::featureLabel(f, i18n::language());
      if (f.main && !label.empty() && v.scale > 6) {
        const std::string& t = display(label);
        const float size = fontSize * 0.75f;
        const ImVec2 ts = ImGui::GetFont()->CalcTextSizeA(size, FLT_MAX, 0, t.c_str());
        if (ts.x < b.x - a.x - 4)
          dl->AddText(nullptr, size, ImVec2((a.x + b.x - ts.x) / 2, (a.y + b.y - ts.y) / 2), theme::kAisleName.packed(),
                      t.c_str());
      }
    }
  }
  // Hall names over aisles and entrances, on a patch of the hall's colour so that a door under them
  // does not cross the text.
  hallLabels_.clear();
  hallLabelTexts_.clear();
  for (const auto& [code, at, size, text] : hallLabels) {
    hallLabelTexts_[code] = text;
    const ImVec2 ts = ImGui::GetFont()->CalcTextSizeA(size, FLT_MAX, 0, text.c_str());
    hallLabels_[code] = {at.x - 2, at.y, ts.x + 4, ts.y};
    dl->AddRectFilled(ImVec2(at.x - 2, at.y), ImVec2(at.x + ts.x + 2, at.y + ts.y), theme::kHallFloor.packed());
    dl->AddText(nullptr, size, at, theme::kHallName.packed(), text.c_str());
  }
  // Booths.
  const bool searching = !model_.search().text().empty();
  for (int i = 0; i < static_cast<int>(model_.booths().size()); ++i) {
    const auto& b = model_.booths()[i].booth;
    const ImVec2 a = pt(b.x, b.y), c = pt(b.x + b.width, b.y + b.depth);
    if (c.x < canvasMin_.x || a.x > canvasMax_.x || c.y < canvasMin_.y || a.y > canvasMax_.y) continue;  // off screen
    dl->AddRectFilled(a, c, model_.colourOf(i));
    if (b.status == BoothStatus::Blocked) {
      dl->AddLine(a, c, theme::kBlockedBooth.packed());
      dl->AddLine(ImVec2(a.x, c.y), ImVec2(c.x, a.y), theme::kBlockedBooth.packed());
    }
    if (searching && !model_.search().highlighted(i))
      dl->AddRectFilled(a, c, theme::kPlanCanvas.alpha(170 / 255.0f).packed());  // dimmed
    dl->AddRect(a, c, theme::kPlanInk.packed(), 0, 0, b.locked ? 2.5f : 1.0f);
    if (b.locked) {
      // A small padlock in the corner.
      const float s = std::clamp(static_cast<float>(v.scale) * 0.5f, 4.0f, 9.0f);
      const ImVec2 o(c.x - s - 3, a.y + 3);
      dl->AddRectFilled(ImVec2(o.x, o.y + s * 0.5f), ImVec2(o.x + s, o.y + s * 1.3f), theme::kPlanInk.packed(), 1);
      dl->AddCircle(ImVec2(o.x + s / 2, o.y + s * 0.5f), s * 0.33f, theme::kPlanInk.packed(), 10, 1.5f);
    }
    if (b.status == BoothStatus::Hold && model_.colourBy() != booth::ColourBy::Status)
      dl->AddRect(ImVec2(a.x + 3, a.y + 3), ImVec2(c.x - 3, c.y - 3), theme::kOnHold.packed(), 0, 0, 2);
    drawBoothLabel(dl, i, a, c);
    if (model_.allocation().changed(i))
      dl->AddRect(ImVec2(a.x - 1, a.y - 1), ImVec2(c.x + 1, c.y + 1), theme::kProposed.packed(), 0, 0, 3);
    if (searching && model_.search().highlighted(i))
      dl->AddRect(ImVec2(a.x - 2, a.y - 2), ImVec2(c.x + 2, c.y + 2), theme::kSearchHit.packed(), 0, 0, 3);
    if (model_.selection().contains(i))
      dl->AddRect(ImVec2(a.x - 2, a.y - 2), ImVec2(c.x + 2, c.y + 2), theme::kSelection.packed(), 0, 0, 3.5f);
    if (i == hovered_ && (dragFrom_ >= 0 || ImGui::GetDragDropPayload()) && i != dragFrom_)
      dl->AddRect(ImVec2(a.x - 3, a.y - 3), ImVec2(c.x + 3, c.y + 3), theme::kSelection.packed(), 0, 0, 2);
  }
}

void PlanScreen::drawSelectedElement(ImDrawList* dl) {
  const PlanView& v = view_;
  auto pt = [&](double x, double y) {
    return ImVec2(static_cast<float>(v.toScreenX(x)), static_cast<float>(v.toScreenY(y)));
  };
  booth::Rect r;
  bool corner = true;
  if (const Hall* h = model_.selection().hall()) {
    if (!h->outline.empty()) {
      std::vector<ImVec2> poly;
      for (const auto& p : h->outline) poly.push_back(pt(p.x, p.y));
      dl->AddPolyline(poly.data(), static_cast<int>(poly.size()), theme::kSelection.packed(), ImDrawFlags_Closed, 3.5f);
      return;
    }
    r = booth::rectOf(*h);
  } else if (const VenueFeature* f = model_.selection().feature()) {
    r = booth::rectOf(*f);
  } else if (model_.editor().editing() && model_.selection().count() == 1 && model_.selection().currentBooth()) {
    r = booth::rectOf(model_.selection().currentBooth()->booth);
    corner = !model_.selection().currentBooth()->booth.locked;
    if (!corner) return;
    const ImVec2 c = pt(r.right(), r.bottom());
    dl->AddRectFilled(ImVec2(c.x - 4, c.y - 4), ImVec2(c.x + 4, c.y + 4),
                      theme::kSelection.packed());  // the resize handle
    return;
  } else {
    return;
  }
  const ImVec2 a = pt(r.x, r.y), c = pt(r.right(), r.bottom());
  dl->AddRect(ImVec2(a.x - 2, a.y - 2), ImVec2(c.x + 2, c.y + 2), theme::kSelection.packed(), 0, 0, 3.5f);
  dl->AddRectFilled(ImVec2(c.x - 4, c.y - 4), ImVec2(c.x + 4, c.y + 4), theme::kSelection.packed());
}

void PlanScreen::drawBoothLabel(ImDrawList* dl, int i, ImVec2 a, ImVec2 c) {
  const float w = c.x - a.x - 4, h = c.y - a.y - 2;
  const float base = ImGui::GetFontSize();
  const float codeSize = std::min(base * 0.8f, h * 0.4f);
  if (codeSize < base * 0.45f) return;  // too small to read: zoom in
  const auto& b = model_.booths()[i].booth;
  ImFont* font = ImGui::GetFont();
  const ImVec2 cs = font->CalcTextSizeA(codeSize, FLT_MAX, 0, b.code.c_str());
  if (cs.x > w) return;
  dl->AddText(nullptr, codeSize, ImVec2(a.x + 2, a.y + 1), theme::kPlanInk.packed(), b.code.c_str());
  const int holder = model_.shownHolder(i);
  if (holder < 0) return;
  const auto& x = model_.exhibitors()[holder];
  const float nameSize = std::min(base * 0.8f, codeSize);
  if (h - cs.y < nameSize) return;
  // Drop words from the end of the (logical) name until it fits; never cut inside a shaped string.
  std::string name = displayName(x, true);
  for (;;) {
    const std::string& shown = display(name);
    const ImVec2 ns = font->CalcTextSizeA(nameSize, FLT_MAX, 0, shown.c_str());
    if (ns.x <= w) {
      const float y = a.y + 1 + cs.y + std::max(0.0f, (h - cs.y - ns.y) / 2);
      dl->AddText(nullptr, nameSize, ImVec2(a.x + 2 + (w - ns.x) / 2, y), theme::kPlanInk.packed(), shown.c_str());
      return;
    }
    auto space = name.rfind(' ');
    if (space == std::string::npos || space == 0) return;
    name.resize(space);
    if (!dropLinkingTail(name)) return;
  }
}

void PlanScreen::drawTooltip(int i) {
  const auto& pb = model_.booths()[i];
  const auto& b = pb.booth;
  ImGui::BeginTooltip();
  if (fonts().bold) ImGui::PushFont(fonts().bold);
  Text(tr("plan.booth", {b.code}));
  if (fonts().bold) ImGui::PopFont();
  const Hall* hall = nullptr;
  for (const auto& h : model_.halls())
    if (h.code == b.hall) hall = &h;
  if (hall) Text(i18n::language() == "ar" && !hall->name_ar.empty() ? hall->name_ar : hall->name);
  Text(codeLabel(b.type) + " · " + area(b.width) + " × " + area(b.depth) + " m · " + area(b.width * b.depth) + " m²" +
       (b.power ? " · " + tr("plan.power") : ""));
  Text(codeLabel(b.status) + (b.locked ? " · " + tr("booth.locked") : ""));
  const int holder = model_.shownHolder(i);
  if (holder >= 0) {
    const auto& x = model_.exhibitors()[holder];
    ImGui::Separator();
    if (model_.allocation().changed(i)) TextColored(theme::kProposedText, tr("plan.preview.proposed"));
    Text(x.name_fr);
    if (!x.name_ar.empty()) Text(x.name_ar);
    Text(i18n::label("sector", x.sector) + " · " + i18n::label("region", x.region) +
         (x.city.empty() ? "" : " · " + x.city));
    TextColored(theme::kNote, tr("plan.request", {area(x.area)}) + (x.wants_corner ? " · " + tr("plan.corner") : "") +
                                  (x.needs_power ? " · " + tr("plan.power") : ""));
  } else if (model_.allocation().changed(i)) {
    TextColored(theme::kProposedText, tr("plan.preview.freed"));
  }
  ImGui::EndTooltip();
}

}  // namespace moussem::ui
