// This station's printer and paper as two choices, "Print a test page", and the outcome on lines that
// wrap (never cut). The Badges screen shows it, and so does the desk's printer question.
#pragma once
#include <string>

#include "ui/screens/printer_setup.hpp"

namespace moussem::ui {

// Saves the station's settings as soon as a choice changes.
void PrinterChoice(PrinterSetup& setup, const std::string& template_name);

}  // namespace moussem::ui
