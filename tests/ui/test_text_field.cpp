// The widgets that make Arabic typing and right-to-left layouts work in ImGui: the shaped preview under a
// field, collapsing sections and check boxes whose ID and state survive a language switch.
#include <imgui_internal.h>

#include <catch2/catch.hpp>

#include "core/i18n.hpp"
#include "headless.hpp"
#include "ui/text_display.hpp"
#include "ui/widgets/text_field.hpp"
#include "ui/widgets/widgets.hpp"

using namespace moussem;

namespace {
struct LanguageGuard {
  ~LanguageGuard() {
    i18n::setLanguage("fr");
    ui::clearDisplayCache();
  }
};

// Draws one field in a full-screen window; returns the cursor's y after it and the field's ID.
struct FieldFrame {
  float after = 0;
  ImGuiID item = 0, expected = 0;
  bool active = false;
};

FieldFrame drawField(test::HeadlessUi& ui, std::string& value, ui::PreviewPlacement placement) {
  FieldFrame out;
  ui.frame([&] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("form", nullptr, ImGuiWindowFlags_NoDecoration);
    out.expected = ImGui::GetID("##name");
    ui::InputTextShaped("##name", &value, 0, "hint", placement);
    out.item = ImGui::GetItemID();
    out.active = ImGui::IsItemActive();
    out.after = ImGui::GetCursorPosY();
    ImGui::End();
  });
  return out;
}
}  // namespace

TEST_CASE("a field holding Arabic shows a shaped line under it, the caller still queries the field") {
  test::HeadlessUi ui;
  std::string latin = "Salma Alaoui", arabic = "سلمى العلوي";
  const FieldFrame a = drawField(ui, latin, ui::PreviewPlacement::Below);
  const FieldFrame b = drawField(ui, arabic, ui::PreviewPlacement::Below);
  CHECK(a.item == a.expected);
  CHECK(b.item == b.expected);  // IsItemActive() & co. after the call are about the field
  CHECK(b.after > a.after + ImGui::GetTextLineHeight() * 0.9f);  // one more line: the preview
  CHECK(ui::needsShapedPreview(arabic));
  CHECK_FALSE(ui::needsShapedPreview(latin));
  // Floating: the preview takes no room, so a row of filters stays one line.
  const FieldFrame c = drawField(ui, arabic, ui::PreviewPlacement::Floating);
  CHECK(c.after == a.after);
  CHECK(c.item == c.expected);
}

TEST_CASE("Arabic typed into a field stays in logical order in the value, whatever the preview shows") {
  test::HeadlessUi ui;
  std::string value;
  // Focus the field, then type as a keyboard would: logical order, letter by letter.
  bool focus = true;
  auto draw = [&] {
    ImGui::Begin("form");
    if (focus) ImGui::SetKeyboardFocusHere();
    focus = false;
    ui::InputTextShaped("##name", &value);
    ImGui::End();
  };
  ui.frames(2, draw);
  ui.typeText("سلمى");
  ui.frames(3, draw);
  CHECK(value == "سلمى");              // logical, unshaped: what is stored and searched
  CHECK(ui::display(value) != value);  // what the preview draws: shaped, in visual order
}

TEST_CASE("a collapsing section keeps its ID and its open state across a language switch, arrow on the reading side") {
  LanguageGuard guard;
  test::HeadlessUi ui;
  ImGuiID ids[2] = {0, 0};
  bool open = false;
  ImVec2 min, max;
  auto draw = [&](int slot) {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("screen", nullptr, ImGuiWindowFlags_NoDecoration);
    open = ui::CollapsingSection(tr("gate.screen.manual"), "manual");
    ids[slot] = ImGui::GetItemID();
    min = ImGui::GetItemRectMin();
    max = ImGui::GetItemRectMax();
    ImGui::End();
  };
  ui.frames(2, [&] { draw(0); });
  CHECK_FALSE(open);
  ui.click(ImVec2((min.x + max.x) / 2, (min.y + max.y) / 2), [&] { draw(0); });
  ui.frame([&] { draw(0); });
  CHECK(open);
  i18n::setLanguage("ar");
  ui.frames(2, [&] { draw(1); });
  CHECK(ids[1] == ids[0]);
  CHECK(open);                 // still open in Arabic
  CHECK(max.x - min.x > 600);  // a full-width header, as in French
  // Clicked again in Arabic: closes, and French sees it closed.
  ui.click(ImVec2((min.x + max.x) / 2, (min.y + max.y) / 2), [&] { draw(1); });
  ui.frame([&] { draw(1); });
  CHECK_FALSE(open);
  i18n::setLanguage("fr");
  ui.frames(2, [&] { draw(0); });
  CHECK_FALSE(open);
}

TEST_CASE("a check box has its label on the reading side and the same ID in every language") {
  LanguageGuard guard;
  test::HeadlessUi ui;
  bool value = false;
  ImGuiID id = 0;
  ImVec2 box;
  auto draw = [&] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("screen", nullptr, ImGuiWindowFlags_NoDecoration);
    ui::CheckboxLabelled(tr("desk.revoke.confirm"), "confirm", &value);
    id = ImGui::GetItemID();
    box = ImGui::GetItemRectMin();
    ImGui::End();
  };
  ui.frames(2, draw);
  const ImGuiID french = id;
  const float frenchBoxX = box.x;
  i18n::setLanguage("ar");
  ui.frames(2, draw);
  CHECK(id == french);
  CHECK(box.x > frenchBoxX + 20);  // the box moved right, its label on its left
  ui.click(ImVec2(box.x + 5, box.y + 5), draw);
  CHECK(value);
}

TEST_CASE("the headless harness catches two widgets with the same ID in one frame") {
  test::HeadlessUi ui;
  test::takeIdClashes();
  ui.frame([&] {
    ImGui::Begin("screen");
    ImGui::Button("Enregistrer");
    ImGui::Button("Enregistrer");  // the same label, so the same ID: a click on one presses both
    ImGui::Button("Annuler###cancel");
    ImGui::End();
  });
  const auto clashes = test::takeIdClashes();
  REQUIRE(clashes.size() == 1);
  CHECK(clashes[0].window == "screen");
  CHECK(clashes[0].second.y > clashes[0].first.y);
  CHECK(test::itemIdsOfLastFrame().size() >= 3);  // and the window's own title-bar buttons
  ui.frame([&] {
    ImGui::Begin("screen");
    ImGui::Button("Enregistrer");
    ImGui::Button("Annuler###cancel");
    ImGui::End();
  });
  CHECK(test::takeIdClashes().empty());
}
