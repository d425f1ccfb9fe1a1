// Printing badges through CUPS. A printer is a CUPS queue name (as `lpstat -p` lists them) or a
// direct IPP address (ipp://host:631/ipp/print) for a badge printer that has no queue. Each station
// chooses its printer and paper once; they are kept in the database under the station's name.
// Nothing is marked printed unless the printer accepted the whole job.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace moussem {

struct PrinterInfo {
  std::string name, description, location;
  std::string state;  // idle|printing|stopped
  bool accepting = true;
  bool is_default = false;
};

struct PrintSettings {
  std::string printer;  // empty: the CUPS default printer
  std::string paper;    // PWG media name (iso_a6_105x148mm...); empty: the template's own
};

// The CUPS queues this machine knows (empty when CUPS is not running).
std::vector<PrinterInfo> listPrinters();
// Whether a print with these settings has somewhere to go: a printer chosen, or a default printer
// this machine knows (listPrinters). When not, the app offers to choose one.
bool printerChosen(const PrintSettings& settings, const std::vector<PrinterInfo>& printers);
// The paper sizes a printer supports, as PWG media names. Throws Error when it cannot be reached.
std::vector<std::string> paperSizes(const std::string& printer);

// Sends a PDF to a printer and returns the job id. Throws Error (Refused or Io) with a message naming
// the printer and the problem: no printer configured, unknown printer, printer stopped, offline or not
// accepting jobs, unreachable, or the job refused.
int printPdf(const std::string& printer, const std::filesystem::path& pdf, const std::string& title,
             const std::string& paper = "");

// The PWG media name of a page size in millimetres, e.g. 105 x 148 -> "iso_a6_105x148mm"; sizes
// without a standard name become "custom_badge_WxHmm" (the CR80 card: "custom_cr80_54x85.6mm").
std::string mediaForPage(double width_mm, double height_mm);

PrintSettings stationPrintSettings(Store& store, const std::string& station);
void saveStationPrintSettings(Store& store, const std::string& station, const PrintSettings& settings);

}  // namespace moussem
