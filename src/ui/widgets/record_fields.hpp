// The fields of a person and of an exhibitor, drawn for the desk's walk-in form and the tables' edit
// panes: label, input, the inline error under a touched field, the phone as it will be stored, a shaped
// preview of Arabic typed into a field (ImGui shows input unshaped), code families as combos, the
// edition's days as check boxes, consent with its date, the exhibitor link, competitors and the
// duplicate warning with "open the existing one".
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "ui/screens/record_forms.hpp"
#include "ui/widgets/type_ahead.hpp"

namespace moussem::ui {

// Per-form widget state that is not data (filters typed into combos, first-field focus).
struct FieldsState {
  bool focus_first = false;
  std::string focus_field;  // a field to give the keyboard to at the next frame ("organization"), or ""
  std::string exhibitor_filter, competitor_filter;
  TypeAheadState category, country;
  std::string choices_language;  // the language the lists below are in
  std::vector<Choice> category_choices, country_choices;
};

// Return true when Enter was pressed in a text field (the caller saves).
bool PersonFields(PersonForm& form, const FieldChoices& choices, FieldsState& state);
bool ExhibitorFields(ExhibitorForm& form, const FieldChoices& choices, FieldsState& state);

// The duplicate warning; returns the record the operator chose to open, or nullptr.
const Duplicate* DuplicateWarning(const std::vector<Duplicate>& duplicates);

// An error line in red, a note in grey (both shaped).
void ErrorText(const std::string& text);
void NoteText(const std::string& text);

}  // namespace moussem::ui
