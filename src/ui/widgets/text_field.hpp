// Text fields that may receive Arabic, and right-to-left versions of the ImGui widgets whose layout is
// fixed left to right. ImGui's InputText takes Arabic typing but draws it unshaped and left to right: while
// a field holds right-to-left text, a shaped line in reading order is drawn under it, so the operator sees
// the name as it will be printed. The value itself stays in logical order; its storage form (NFKC, no
// presentation forms) is the record rules' job (core/registry_rules), not the widget's.
#pragma once
#include <imgui.h>

#include <string>
#include <string_view>

namespace moussem::ui {

// Where the shaped preview goes: on its own line under the field (forms, full-width boxes), or floating
// just under the field without taking room (a field inside a row of filters: the row stays one line).
enum class PreviewPlacement { Below, Floating };

// InputText (with a hint when one is given) on a std::string, then the shaped preview of *value. Same
// return value, the same ID and the same "last item" (IsItemActive...) as ImGui::InputText(WithHint).
bool InputTextShaped(const char* id, std::string* value, ImGuiInputTextFlags flags = 0, const char* hint = nullptr,
                     PreviewPlacement placement = PreviewPlacement::Below);
// The multi-line field of the same kind: one shaped preview line per line of text.
bool InputTextMultilineShaped(const char* id, std::string* value, const ImVec2& size);

// The shaped preview of a value: nothing for left-to-right text; else the text shaped and in visual order,
// in grey, aligned to its own reading side, under the field just drawn.
void ShapedPreview(std::string_view value);
// Whether the preview shows for this value (it holds right-to-left letters).
bool needsShapedPreview(std::string_view value);

// Dear ImGui keeps its own copy of the text field being edited (and of its undo history): once a PIN
// or a password was submitted, this wipes that copy too, and the field stops being edited. (The
// caller wipes its own buffer.)
void ForgetEditedText();

// A collapsing header whose arrow and label sit on the reading side: ImGui's arrow is always on the
// left, so right-to-left layouts draw their own (same ID "###id", same open state, same keyboard use).
bool CollapsingSection(std::string_view label, const char* id, ImGuiTreeNodeFlags flags = 0);

// A check box with its label on the reading side (the box on the right in right-to-left layouts).
bool CheckboxLabelled(std::string_view label, const char* id, bool* value);

}  // namespace moussem::ui
