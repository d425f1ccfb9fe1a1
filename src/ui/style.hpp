// The app's look: a light theme with the edition's navy and gold, readable on a projector. Every colour
// the interface draws with has its name here, by what it means (accept, refuse, warning, a note...), so a
// screen never writes a colour of its own: tests/ui/test_theme.cpp fails on a literal colour anywhere else
// in src/ui. Category colours come from the edition (the store), through categoryColour().
#pragma once
#include <imgui.h>

#include <span>
#include <string_view>

#include "core/domain.hpp"

namespace moussem::ui {

void applyStyle(float scale);

// A colour of the theme. It converts to ImVec4 wherever ImGui takes one (text, style colours) and packs
// into the ImU32 of draw lists; alpha() gives the same colour more or less transparent.
struct Colour {
  float x = 0, y = 0, z = 0, w = 1;
  operator ImVec4() const { return {x, y, z, w}; }
  constexpr Colour alpha(float a) const { return {x, y, z, a}; }
  constexpr ImU32 packed() const { return IM_COL32(byte(x), byte(y), byte(z), byte(w)); }

 private:
  static constexpr ImU32 byte(float v) { return static_cast<ImU32>((v < 0 ? 0 : v > 1 ? 1 : v) * 255.0f + 0.5f); }
};

// 0-255 channels, as picked on a screen or in a drawing program.
constexpr Colour rgb(int r, int g, int b, int a = 255) {
  return {static_cast<float>(r) / 255.0f, static_cast<float>(g) / 255.0f, static_cast<float>(b) / 255.0f,
          static_cast<float>(a) / 255.0f};
}

namespace theme {

// The edition's colours.
inline constexpr Colour kNavy{0.106f, 0.165f, 0.255f, 1};  // the navigation bar; buttons at low alpha
inline constexpr Colour kGold{0.788f, 0.635f, 0.153f, 1};  // the chosen row, the chosen screen
inline constexpr Colour kOnColour{1, 1, 1, 1};             // text on navy, on a verdict, on a category chip
inline constexpr Colour kPanel{1, 1, 1, 1};                // a section's box on the window's grey

// Messages and the state of things, as text.
inline constexpr Colour kError{0.75f, 0.10f, 0.10f, 1};    // refused, failed, revoked, lost
inline constexpr Colour kSuccess{0.10f, 0.50f, 0.20f, 1};  // done, valid, checked
inline constexpr Colour kWarning{0.70f, 0.45f, 0.00f, 1};  // done but worth a look (reprint, ignored, demo)
inline constexpr Colour kMuted{0.35f, 0.38f, 0.45f, 1};    // secondary facts: station, user, zone, titles
inline constexpr Colour kNote{0.40f, 0.43f, 0.50f, 1};     // hints, counts, "nothing yet"
inline constexpr Colour kInk{0.10f, 0.10f, 0.10f, 1};      // text on a light control drawn by hand
// A notice (the demo edition, possible duplicates, the gate's messages): dark amber, in a box on cream.
inline constexpr Colour kNoticeInk{0.55f, 0.35f, 0.00f, 1};
inline constexpr Colour kNoticeBackground{0.99f, 0.93f, 0.75f, 1};

// The gate: a verdict read from two metres, and the gate's own controls.
inline constexpr Colour kAccept{0.106f, 0.529f, 0.247f, 1};
inline constexpr Colour kRefuse{0.776f, 0.157f, 0.157f, 1};
inline constexpr Colour kVerdictIdle{0.93f, 0.94f, 0.96f, 1};  // "present the badge"
inline constexpr Colour kVerdictIdleInk = rgb(60, 60, 70);
inline constexpr Colour kActive{0.12f, 0.44f, 0.70f, 1};    // the direction chosen, people inside
inline constexpr Colour kInactive{0.80f, 0.82f, 0.86f, 1};  // the direction not chosen

// Logical text under its shaped preview (an Arabic field being typed).
inline constexpr Colour kPreviewInk{0.25f, 0.30f, 0.42f, 1};
inline constexpr Colour kPreviewBackground{0.90f, 0.93f, 0.98f, 1};
inline constexpr Colour kPreviewBorder{0.70f, 0.75f, 0.85f, 1};

// A page on the screen (the badge preview): its shadow and its edge.
inline constexpr Colour kPaperShadow = rgb(0, 0, 0, 40);
inline constexpr Colour kPaperEdge = rgb(0, 0, 0, 60);

// The venue plan.
inline constexpr Colour kPlanInk = rgb(40, 44, 52);     // booth names and outlines
inline constexpr Colour kSelection = rgb(20, 90, 220);  // chosen booths; a rubber band at low alpha
inline constexpr Colour kSearchHit = rgb(235, 120, 0);  // booths the search found
inline constexpr Colour kProposed = rgb(170, 40, 190);  // the allocation preview's changes
inline constexpr Colour kProposedText{0.55f, 0.10f, 0.60f, 1};
inline constexpr Colour kPlanCanvas = rgb(250, 250, 252);  // also the veil over booths a search left out
inline constexpr Colour kPlanGrid = rgb(200, 205, 215);
inline constexpr Colour kHallFloor = rgb(236, 238, 243);  // also under a hall's name
inline constexpr Colour kHallWall = rgb(90, 96, 110);
inline constexpr Colour kHallName = rgb(70, 76, 90);
inline constexpr Colour kEntrance = rgb(46, 160, 90);
inline constexpr Colour kEntranceName = rgb(30, 110, 60);
inline constexpr Colour kMainAisle = rgb(214, 220, 232);
inline constexpr Colour kAisle = rgb(226, 230, 238);
inline constexpr Colour kAisleName = rgb(110, 118, 135);
inline constexpr Colour kBlockedBooth = rgb(110, 110, 115);  // the cross over a booth out of use
inline constexpr Colour kOnHold = rgb(230, 170, 30);         // a held booth, when colours show sectors

// Charts and figure cards: one hue per series.
inline constexpr Colour kChartBlue = rgb(0x1F, 0x6F, 0xB2);
inline constexpr Colour kChartBrown = rgb(0x8D, 0x55, 0x24);
inline constexpr Colour kChartPurple = rgb(0x6A, 0x3D, 0x9A);
inline constexpr Colour kChartTeal = rgb(0x13, 0x8D, 0x75);
inline constexpr Colour kChartOrange = rgb(0xE0, 0x7B, 0x00);
inline constexpr Colour kChartRed = rgb(0xB2, 0x22, 0x22);
inline constexpr Colour kChartSlate = rgb(0x60, 0x7D, 0x8B);
inline constexpr Colour kChartGold = rgb(0xC9, 0xA2, 0x27);

// An exhibitor's mark in the desk's results, where a person's shows their category colour.
inline constexpr Colour kExhibitorMark = rgb(0x8A, 0x6D, 0x3B);
// The colour a new category starts with, as the edition stores it (#RRGGBB).
inline constexpr std::string_view kNewCategoryHex = "#1F6FB2";

}  // namespace theme

// "#RRGGBB" (the store's form) as ImGui's floats; anything else is a neutral grey.
ImVec4 colourFromHex(std::string_view hex, float alpha = 1.0f);
// A category's colour: the one the edition gives it, else the default of its code.
ImVec4 categoryColour(std::span<const Category> categories, std::string_view code, float alpha = 1.0f);

}  // namespace moussem::ui
