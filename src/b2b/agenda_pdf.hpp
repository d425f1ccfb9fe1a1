// Personal agendas and table sheets on paper (cairo + Pango): an agenda is a page (or more) per person
// with the edition, the person, their meetings in time order (time, partner in both scripts,
// organisation, country, sector, place), a small map of the B2B area with their tables marked and, for
// meetings at a booth, the venue plan with the booth marked (drawn by booth/plan_export, as the plan
// export draws it). A4 is the desk's sheet, A6 the pocket version (the same content, in lines). In
// Arabic the pages read right to left; names are shaped by Pango. Table sheets: a page per table of
// the B2B area, slot by slot, with the buyer's and the seller's names. Files are written whole or not
// at all (core/atomic_file). Also the one entry point the command line and the desk use, by extension.
#pragma once
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "b2b/agenda.hpp"
#include "booth/plan_export.hpp"
#include "store/store.hpp"

namespace moussem::b2b {

struct AgendaOptions {
  std::string paper = "a4";              // a4 | a6
  std::string lang = "fr";               // fr | ar | en: the agenda's language, whatever the interface speaks
  std::function<void(double)> progress;  // 0..1 (batches)
  std::function<bool()> cancelled;       // true: stop, Error(Refused), nothing written
};

// What the maps draw, read once for a whole batch: the venue plan and the meeting places.
struct AgendaBackdrop {
  booth::PlanSnapshot plan;
  std::vector<B2bPlace> places;
};
AgendaBackdrop readBackdrop(Store& store, const Programme& programme);

// Error(Usage) naming the value for a paper other than a4/a6 or a language other than fr/ar/en.
void checkAgendaOptions(const AgendaOptions& options);

// The agendas one after the other in one PDF, each starting on a new page. Returns the pages written.
int writeAgendaPdf(const std::vector<AgendaData>& agendas, const AgendaBackdrop& backdrop,
                   const std::filesystem::path& out, const AgendaOptions& options);
// A page per table (more when its slots do not fit). Returns the tables written.
int writeTableSheetsPdf(const std::vector<TableSheet>& sheets, const Edition& edition, const std::filesystem::path& out,
                        const AgendaOptions& options);

// From the store, checked before anything is read or written: `b2b agenda --person` (.pdf or .ics:
// another extension is Error(Usage)), `b2b agenda --all` (every person with a meeting, in name order;
// returns how many agendas), `b2b tables` (returns how many tables).
AgendaData writePersonAgenda(Store& store, Id person, const std::filesystem::path& out, const AgendaOptions& options);
int writeAllAgendas(Store& store, const std::filesystem::path& out, const AgendaOptions& options);
int writeTableSheets(Store& store, const std::filesystem::path& out, const AgendaOptions& options);

}  // namespace moussem::b2b
