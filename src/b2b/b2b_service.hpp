// The forum's B2B programme through the store, as the command line and the screens use it: sessions of
// meetings, meeting places, and who asked to meet whom (entered one by one or imported from the
// organisers' spreadsheets). Every check before anything is written; a refusal names the row, the
// person or the session, in the user's language.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "b2b/model.hpp"
#include "core/b2b_records.hpp"
#include "io/import.hpp"
#include "store/store.hpp"

namespace moussem::b2b {

// "HH:MM" -> minutes since midnight; -1 if malformed.
int minutesOf(const std::string& hhmm);

// A session on a day of the edition, its start before its end, its breaks inside it and apart. Throws
// Error(Invalid) naming what is wrong; nothing is written then.
B2bSession addSession(Store& store, B2bSession session);
// A stored session as the scheduler, the agendas and the check-in see it (minutes, breaks parsed);
// its slots are sessionSlots({modelSession(s)}).
Session modelSession(const B2bSession& session);
// A numbered table of the B2B area at (x, y) metres on the plan, or an exhibitor's booth by its code.
B2bPlace addTable(Store& store, const std::string& code, double x, double y);
B2bPlace addBoothPlace(Store& store, const std::string& booth);

// A person named as the organisers' sheets name them: an id ("42" or "#42"), an external id or an
// e-mail (case ignored). Finds them in one read of the people.
class PersonFinder {
 public:
  explicit PersonFinder(Store& store);
  std::optional<Person> find(const std::string& name) const;

 private:
  std::vector<Person> people_;
};

// The side a person takes: their participant row's, else seller when they are an exhibitor's staff,
// else buyer.
B2bSide sideOf(const Person& person, const std::vector<B2bParticipant>& participants);

// Who wants to meet whom. priority: "must|should|could" or 1-3, or "no" (blocks the pair). Refused:
// a person not found, a person meeting themselves, two buyers or two sellers, the same request twice.
B2bRequest addRequest(Store& store, const std::string& from, const std::string& to, const std::string& priority);

// `from;to;priority` rows (headers from, to, priority; the separator detected). All or nothing: with
// any bad row nothing is written and every bad row is in the report (line, column, why); with
// skip_invalid the good rows are written.
io::ImportReport importRequests(Store& store, const std::filesystem::path& file, const io::ImportOptions& options = {});
io::ImportReport importRequestsText(Store& store, std::string_view bytes, const std::string& name,
                                    const io::ImportOptions& options = {});

}  // namespace moussem::b2b
