// The right of access (Law 09-08, art. 7): everything Moussem holds about one person, gathered from
// the store — the person's fields, the exhibitor they belong to and its booth, their badge with its
// events and print log, their scans at the gates and their presence per zone — as JSON or as a PDF,
// stamped with who exported it and when. Reads only; never writes to the database.
#pragma once
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/domain.hpp"
#include "store/store.hpp"

namespace moussem::privacy {

struct PersonRecord {
  Edition edition;
  Person person;
  std::optional<Exhibitor> exhibitor;  // the exhibitor the person is staff or contact of
  // Whether the person is that exhibitor's contact (same e-mail, phone or name): only then are the
  // exhibitor's contact fields theirs to see. Otherwise they are someone else's personal data.
  bool is_contact = false;
  std::optional<std::string> booth;  // that exhibitor's booth code
  std::optional<Badge> badge;
  std::vector<BadgeEvent> badge_events;  // issue, print, reprint, revoke: oldest first
  std::vector<PrintRecord> prints;       // newest first, as the print log shows them
  std::vector<ScanRecord> scans;         // every scan of the person's badges, oldest first
  std::vector<Presence> presences;       // per zone
};

// Who exported and when (ISO-8601 UTC). exported_by is a plain name: the signed-in user once there is one.
struct ExportStamp {
  std::string exported_by;
  std::string exported_at;
};

// Only this person's data: other people's names, phones and e-mails never appear, nor the names of the
// staff who printed or scanned their badge (stations and times do).
// Throws Error(NotFound) with a message in the user's language for an unknown id.
PersonRecord gatherPerson(Store& store, Id person);

// The whole record as JSON: {"format", "exported_by", "exported_at", "edition", "person", "exhibitor",
// "booth", "badge", "badge_events", "prints", "scans", "presence"}.
nlohmann::json personJson(const PersonRecord& record, const ExportStamp& stamp);

// Writes the JSON (pretty, UTF-8) or the PDF (A4, labels in the current language, Arabic shaped by
// Pango) to out: to a temporary name renamed when complete, so a failure leaves no file. Throws Error.
void writePersonJson(const PersonRecord& record, const ExportStamp& stamp, const std::filesystem::path& out);
void writePersonPdf(const PersonRecord& record, const ExportStamp& stamp, const std::filesystem::path& out);

// "json" or "pdf" from out's extension, "" for anything else.
std::string exportFormatOf(const std::filesystem::path& out);

// The current time, ISO-8601 UTC with seconds (the stamp's default).
std::string nowUtc();

}  // namespace moussem::privacy
