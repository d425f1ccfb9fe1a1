#include "privacy/person_export.hpp"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <fstream>

#include "core/atomic_file.hpp"
#include "core/domain_json.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/person_names.hpp"

namespace moussem::privacy {

namespace fs = std::filesystem;

PersonRecord gatherPerson(Store& store, Id id) {
  PersonRecord r;
  auto person = store.person(id);
  if (!person) throw Error(ErrorKind::NotFound, tr("privacy.error.no_person", {std::to_string(id)}));
  r.person = std::move(*person);
  r.edition = store.edition().value_or(Edition{});
  if (r.person.exhibitor_id) {
    r.exhibitor = store.exhibitor(*r.person.exhibitor_id);
    if (r.exhibitor) {
      r.booth = store.boothOfExhibitor(r.exhibitor->id);
      const Exhibitor& x = *r.exhibitor;
      const std::string name = names::latin(r.person);
      r.is_contact = (!x.email.empty() && x.email == r.person.email) ||
                     (!x.phone.empty() && x.phone == r.person.phone) ||
                     (!x.contact_name.empty() && x.contact_name == name);
    }
  }
  r.badge = store.badgeOfPerson(id);
  if (r.badge) r.badge_events = store.badgeEvents(r.badge->id);
  r.prints = store.printLog(id, 100000);
  r.scans = store.scansOfPerson(id);
  r.presences = store.presencesOfPerson(id);
  return r;
}

namespace {
nlohmann::json orNull(const std::optional<std::string>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json();
}
}  // namespace

nlohmann::json personJson(const PersonRecord& r, const ExportStamp& stamp) {
  const Person& p = r.person;
  nlohmann::json j;
  j["format"] = "moussem-person-export/1";
  j["exported_by"] = stamp.exported_by;
  j["exported_at"] = stamp.exported_at;
  j["edition"] = {{"uid", r.edition.uid},
                  {"name_fr", r.edition.name_fr},
                  {"name_ar", r.edition.name_ar},
                  {"starts_on", r.edition.starts_on},
                  {"ends_on", r.edition.ends_on}};
  // The person as every JSON of Moussem writes them (core/domain_json), the exhibitor under the name
  // this file has always used.
  j["person"] = p;
  j["person"]["exhibitor_id"] = j["person"]["exhibitor"];
  j["person"].erase("exhibitor");
  if (r.exhibitor) {
    const Exhibitor& x = *r.exhibitor;
    j["exhibitor"] = {{"id", x.id},     {"name_fr", x.name_fr},      {"name_ar", x.name_ar},
                      {"kind", x.kind}, {"sector", x.sector},        {"region", x.region},
                      {"city", x.city}, {"is_contact", r.is_contact}};
    if (r.is_contact) {  // the contact fields are this person's own
      j["exhibitor"]["external_id"] = x.external_id;
      j["exhibitor"]["contact_name"] = x.contact_name;
      j["exhibitor"]["phone"] = x.phone;
      j["exhibitor"]["email"] = x.email;
      j["exhibitor"]["registration_no"] = x.registration_no;
    }
  } else {
    j["exhibitor"] = nullptr;
  }
  j["booth"] = orNull(r.booth);
  if (r.badge)
    j["badge"] = {{"serial", r.badge->serial},
                  {"version", r.badge->version},
                  {"status", r.badge->status},
                  {"printed_count", r.badge->printed_count}};
  else
    j["badge"] = nullptr;
  auto& events = j["badge_events"] = nlohmann::json::array();
  for (const auto& e : r.badge_events)
    events.push_back(
        {{"at", e.at}, {"action", e.action}, {"version", e.version}, {"reason", e.reason}, {"station", e.station}});
  auto& prints = j["prints"] = nlohmann::json::array();
  for (const auto& pr : r.prints)
    prints.push_back({{"at", pr.at}, {"serial", pr.serial}, {"version", pr.version}, {"station", pr.station}});
  auto& scans = j["scans"] = nlohmann::json::array();
  for (const auto& s : r.scans)
    scans.push_back({{"at", s.at},
                     {"gate", s.gate},
                     {"zone", s.zone},
                     {"direction", s.direction},
                     {"verdict", s.verdict},
                     {"reason", s.reason},
                     {"badge", s.badge_serial ? nlohmann::json{{"serial", *s.badge_serial},
                                                               {"version", s.badge_version.value_or(0)}}
                                              : nlohmann::json()},
                     {"station", s.station},
                     {"manual", s.manual},
                     {"note", s.note}});
  auto& presence = j["presence"] = nlohmann::json::array();
  for (const auto& pr : r.presences)
    presence.push_back({{"zone", pr.zone}, {"inside", pr.inside}, {"last_at", pr.last_at}, {"last_day", pr.last_day}});
  return j;
}

std::string exportFormatOf(const fs::path& out) {
  std::string ext = out.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".json") return "json";
  if (ext == ".pdf") return "pdf";
  return "";
}

std::string nowUtc() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

void writePersonJson(const PersonRecord& record, const ExportStamp& stamp, const fs::path& out) {
  PartialFile file(out, "privacy.error.write");
  {
    std::ofstream f(file.handle(), std::ios::binary | std::ios::trunc);
    if (!f) file.fail(std::strerror(errno));
    f << personJson(record, stamp).dump(2) << '\n';
    f.close();
    if (!f) file.fail(std::strerror(errno));
  }
  file.publish();
}

}  // namespace moussem::privacy
