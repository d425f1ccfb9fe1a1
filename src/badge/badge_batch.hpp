// Badge batches: the badges of a selection of people rendered to one PDF, or sent to the station's
// printer and logged. Shared by the command line and the app (which runs them on a worker thread
// with its own store connection, showing the progress).
#pragma once
#include <atomic>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "badge/badge_render.hpp"
#include "badge/badge_service.hpp"
#include "badge/printing.hpp"

namespace moussem {

// stage: "prepare" (issuing and signing), "render" (drawing pages), "print" (sending to the printer).
using BatchProgress = std::function<void(const std::string& stage, std::size_t done, std::size_t total)>;

// Renders the badges of people to one PDF (or one person's badge to a PNG at kPngDpi, when out ends in
// .png), issuing badges where needed. All or nothing: the badges issued for the batch are kept only if the
// whole file was written; a cancelled batch leaves no file. The file is published only once the badges
// are committed: it never shows a badge the gates do not know.
inline constexpr double kPngDpi = 300;
std::size_t renderBatch(Store& store, BadgeService& service, const std::vector<Id>& people, BadgeRenderer& renderer,
                        const std::filesystem::path& out, const BatchProgress& progress = {},
                        const std::atomic<bool>* cancel = nullptr);

struct PrintOutcome {
  std::size_t badges = 0;
  int job = 0;
  std::string printer;
};

// How many of these people already have their current badge version printed: printing those again
// needs the operator's confirmation (again = true).
std::size_t countAlreadyPrinted(BadgeService& service, const std::vector<Id>& people);

// Renders a temporary PDF, sends it to the printer, and logs one print per badge once the printer has
// accepted the job. Refuses (nothing printed, nothing logged) when a badge was printed before and
// again is false, or when the printer cannot take the job.
PrintOutcome printBatch(Store& store, BadgeService& service, const std::vector<Id>& people, BadgeRenderer& renderer,
                        const PrintSettings& settings, bool again, const BatchProgress& progress = {},
                        const std::atomic<bool>* cancel = nullptr);

// A test page for a station's printer and paper: one badge of the renderer's template drawn with sample
// text (the station, the printer and the paper named on it) and a QR no gate accepts, so the operator
// sees the alignment, the colours and the QR as real badges will print. Nothing is issued, logged or
// written. Returns the printer's job id; throws Error like printPdf.
int printTestPage(BadgeRenderer& renderer, const PrintSettings& settings, const std::string& station);

}  // namespace moussem
