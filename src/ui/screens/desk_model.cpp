#include "ui/screens/desk_model.hpp"

#include <algorithm>
#include <ctime>

#include "b2b/agenda_pdf.hpp"
#include "badge/badge_batch.hpp"
#include "badge/badge_service.hpp"
#include "badge/badge_template.hpp"
#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/person_names.hpp"
#include "core/phone.hpp"
#include "core/scratch_dir.hpp"
#include "core/station.hpp"
#include "core/text_fold.hpp"
#include "core/time_zone.hpp"
#include "ui/signed_in.hpp"

namespace moussem::ui {

namespace {

struct Rollback {};  // thrown inside a transaction so that looking at a badge writes nothing

constexpr std::size_t kRecent = 15;

std::string today() {
  return tz::nowLocalIso().substr(0, 10);
}  // the venue's date

void appendPart(std::vector<std::string>& out, const std::string& part) {
  if (!part.empty()) out.push_back(part);
}

bool hasArabic(const std::string& s) {
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == 0xD8 || c == 0xD9 || c == 0xDA || c == 0xDB || c == 0xEF) return true;  // U+0600-06FF, FBxx-FExx
  }
  return false;
}

}  // namespace

DeskModel::DeskModel(DeskSession& session)
    : form(session),
      session_(session),
      station_(stationName()),
      operator_(systemUserName()),
      printer_(session.store()) {}

void DeskModel::onShow() {
  session_.startIndexLoad();
  if (!searched_) runSearch();
}

void DeskModel::poll() {
  session_.poll();
  if (auto outcome = print_task_.poll()) {
    setMessage(outcome->message, !outcome->ok);
    offer_printer_ = !outcome->ok;  // the printer refused, is stopped or unreachable: choose another
    if (printing_person_) session_.reindexPerson(printing_person_);  // a badge may have been issued
    printing_person_ = 0;
  }
  const bool ready = session_.indexReady();
  if (session_.revision() != seen_revision_ || ready != index_ready_seen_) {
    seen_revision_ = session_.revision();
    index_ready_seen_ = ready;
    // The results are searched again (a save, a print): the highlight stays on the same record even
    // if the ranking moved it (a badge just printed ranks after its namesakes).
    std::optional<std::pair<SearchIndex::Kind, Id>> lit;
    if (selected_ >= 0 && selected_ < static_cast<int>(results_.size()))
      lit = std::pair{results_[static_cast<std::size_t>(selected_)].kind,
                      results_[static_cast<std::size_t>(selected_)].id};
    runSearch(lit);
    reloadOpen();
  }
}

void DeskModel::setMessage(std::string text, bool error) {
  message_ = std::move(text);
  message_error_ = error;
}

// --- search ----------------------------------------------------------------------------------------

void DeskModel::setQuery(const std::string& query) {
  if (query == query_) return;
  query_ = query;
  selected_ = 0;
  pinned_ = false;
  runSearch();
}

bool DeskModel::highlights(SearchIndex::Kind kind, Id id) const {
  if (selected_ < 0 || selected_ >= static_cast<int>(results_.size())) return false;
  const DeskResult& r = results_[static_cast<std::size_t>(selected_)];
  return r.kind == kind && r.id == id;
}

void DeskModel::syncPane() {
  if (pinned_) return;
  if (person_ && !highlights(SearchIndex::Kind::Person, person_->id))
    closeRecord();
  else if (exhibitor_ && !highlights(SearchIndex::Kind::Exhibitor, exhibitor_->id))
    closeRecord();
}

DeskResult DeskModel::describe(const Person& p, const std::optional<Badge>& badge) const {
  DeskResult r;
  r.kind = SearchIndex::Kind::Person;
  r.id = p.id;
  r.described = true;
  r.name = names::list(p);
  if (r.name != p.name_ar) r.name_ar = p.name_ar;
  appendPart(r.details, p.organization);
  appendPart(r.details, p.email);
  appendPart(r.details, phone::display(p.phone, phone::editionRegion()));
  r.category = p.category;
  if (badge) {
    r.badge = badge->serial + " v" + std::to_string(badge->version);
    r.revoked = badge->status == BadgeStatus::Revoked;
  }
  return r;
}

DeskResult DeskModel::describe(const Exhibitor& x) const {
  DeskResult r;
  r.kind = SearchIndex::Kind::Exhibitor;
  r.id = x.id;
  r.described = true;
  r.name = x.name_fr.empty() ? x.name_ar : x.name_fr;
  if (!x.name_fr.empty()) r.name_ar = x.name_ar;
  appendPart(r.details, i18n::label("sector", x.sector));
  appendPart(r.details, x.city);
  appendPart(r.details, phone::display(x.phone, phone::editionRegion()));
  return r;
}

void DeskModel::runSearch(std::optional<std::pair<SearchIndex::Kind, Id>> keep) {
  results_.clear();
  more_ = false;
  if (query_.empty()) {
    loadRecent();
  } else if (session_.indexReady()) {
    searched_ = true;
    ++searches_;
    // Namesakes who attend today come first (the edition's day, in its time zone).
    auto found = session_.registry().search(query_, Registry::kDeskResults, today());
    more_ = found.more;
    results_.reserve(found.hits.size());
    for (const auto& hit : found.hits) {
      DeskResult r;
      r.kind = hit.kind;
      r.id = hit.id;
      results_.push_back(std::move(r));
    }
  }
  if (keep)
    for (std::size_t i = 0; i < results_.size(); ++i)
      if (results_[i].kind == keep->first && results_[i].id == keep->second) selected_ = static_cast<int>(i);
  selected_ = std::clamp(selected_, 0, std::max(0, static_cast<int>(results_.size()) - 1));
  syncPane();
}

const DeskResult& DeskModel::row(int index) {
  DeskResult& r = results_.at(static_cast<std::size_t>(index));
  if (r.described) return r;
  Store& store = session_.store();
  std::optional<DeskResult> described;
  if (r.kind == SearchIndex::Kind::Person) {
    if (auto p = store.person(r.id)) described = describe(*p, store.badgeOfPerson(r.id));
  } else if (auto x = store.exhibitor(r.id)) {
    described = describe(*x);
  }
  if (described) {
    r = std::move(*described);
  } else {  // deleted from another station since the index last heard of it
    r.name = tr("table.deleted");
    r.described = true;
  }
  return r;
}

void DeskModel::loadRecent() {
  searched_ = true;
  Store& store = session_.store();
  // The last registered, newest first: asked of the database (an index walk), not all the ids of a
  // million people read on the UI thread each time the search is cleared.
  PeopleQuery newest;
  newest.ascending = false;
  newest.limit = kRecent;
  for (Id id : store.orderedPersonIds(newest))
    if (auto p = store.person(id)) results_.push_back(describe(*p, store.badgeOfPerson(id)));
}

void DeskModel::moveSelection(int delta) {
  if (results_.empty()) return;
  selected_ = std::clamp(selected_ + delta, 0, static_cast<int>(results_.size()) - 1);
  pinned_ = false;
  syncPane();
}

void DeskModel::select(int index) {
  if (index >= 0 && index < static_cast<int>(results_.size())) selected_ = index;
  pinned_ = false;
  syncPane();
}

bool DeskModel::openSelected() {
  if (selected_ < 0 || selected_ >= static_cast<int>(results_.size())) return false;
  const DeskResult& r = results_[static_cast<std::size_t>(selected_)];
  if (r.kind == SearchIndex::Kind::Person)
    openPerson(r.id);
  else
    openExhibitor(r.id);
  pinned_ = false;  // it is the highlighted result
  return true;
}

// --- the open record -------------------------------------------------------------------------------

void DeskModel::openPerson(Id id) {
  pinned_ = !highlights(SearchIndex::Kind::Person, id);
  Store& store = session_.store();
  exhibitor_.reset();
  staff_.clear();
  person_ = store.person(id);
  badge_.reset();
  person_exhibitor_.clear();
  print_log_.clear();
  face_.reset();
  if (!person_) return;
  badge_ = store.badgeOfPerson(id);
  if (person_->exhibitor_id)
    if (auto x = store.exhibitor(*person_->exhibitor_id))
      person_exhibitor_ = x->name_fr.empty() ? x->name_ar : x->name_fr;
  print_log_ = store.printLog(id, 20);
  loadFace();
}

void DeskModel::openExhibitor(Id id) {
  pinned_ = !highlights(SearchIndex::Kind::Exhibitor, id);
  Store& store = session_.store();
  person_.reset();
  badge_.reset();
  face_.reset();
  print_log_.clear();
  exhibitor_ = store.exhibitor(id);
  staff_.clear();
  booth_.clear();
  if (!exhibitor_) return;
  for (Id p : store.peopleMatching({"", id, false}))
    if (auto person = store.person(p)) staff_.push_back(*person);
  booth_ = store.boothOfExhibitor(id).value_or("");
}

void DeskModel::closeRecord() {
  person_.reset();
  exhibitor_.reset();
  badge_.reset();
  face_.reset();
  staff_.clear();
  print_log_.clear();
}

void DeskModel::reloadOpen() {
  const bool pinned = pinned_;
  if (person_) {
    // The face is rendered again only if what it shows changed (faceKey).
    Id id = person_->id;
    openPerson(id);
  } else if (exhibitor_) {
    openExhibitor(exhibitor_->id);
  }
  pinned_ = pinned;
}

void DeskModel::loadFace() {
  face_.reset();
  face_version_ = 0;
  can_mint_ = false;
  if (!person_) return;
  Store& store = session_.store();
  auto key = BadgeService::keyBeside(store.location());
  can_mint_ = key.has_value();
  if (!key) return;
  // face() issues a badge to someone who has none yet: inside a transaction that is rolled back, so
  // opening a person writes nothing. The badge is issued for real when it is printed.
  try {
    store.write([&] {
      BadgeService svc(store, std::move(key), {station_, operator_});
      face_ = svc.face(person_->id);
      auto b = store.badgeOfPerson(person_->id);
      face_version_ = b ? b->version : 0;
      throw Rollback{};
    });
  } catch (const Rollback&) {
  } catch (const std::exception& e) {
    face_.reset();
    setMessage(e.what(), true);
  }
}

std::string DeskModel::faceKey() const {
  if (!face_ || !person_) return "";
  // Everything the face shows, so an edited name renders again and nothing else does.
  // A person without a badge yet is previewed with a serial that is thrown away: it is not part of the
  // key, or every reload would render a new one.
  const BadgeFace& f = *face_;
  const std::string serial = badge_ ? f.serial : "new";
  return std::to_string(person_->id) + "/" + serial + "/" + std::to_string(face_version_) + "/" + template_name + "/" +
         f.name_latin + "/" + f.name_ar + "/" + f.organization + "/" + f.position + "/" + f.category_fr + "/" + f.days +
         "/" + f.booth;
}

// --- walk-in and edit ------------------------------------------------------------------------------

namespace {

// "tazi" -> "Tazi": a name typed in small letters gets its capitals (one key less per word); anything
// typed with a capital is kept as typed ("McDonald", "El Idrissi").
std::string capitalised(const std::string& typed) {
  if (std::any_of(typed.begin(), typed.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) return typed;
  std::string out = typed;
  bool start = true;
  for (char& c : out) {
    if (start && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    start = c == ' ' || c == '-' || c == '\'';
  }
  return out;
}

}  // namespace

std::string DeskModel::startWalkIn() {
  Person p;
  p.category = "forum";
  p.country = phone::editionRegion();
  // What was typed in the search is most likely who is standing at the desk.
  const std::string q = text::normalizeForStorage(query_);
  if (q.find('@') != std::string::npos) {
    p.email = q;
  } else if (!q.empty() && std::count_if(q.begin(), q.end(), [](char c) { return c >= '0' && c <= '9'; }) >= 6) {
    p.phone = q;
  } else if (hasArabic(q)) {
    p.name_ar = q;
  } else if (!q.empty()) {
    // Last name first, as the search is typed ("ghazali a").
    auto space = q.find(' ');
    p.last_name = capitalised(q.substr(0, space));
    if (space != std::string::npos) p.first_name = capitalised(q.substr(space + 1));
  }
  // A walk-in comes for the days of the edition that remain, today included.
  if (auto ed = session_.store().edition(); ed && dates::isIsoDate(ed->starts_on) && dates::isIsoDate(ed->ends_on))
    p.days = dates::remaining(ed->starts_on, ed->ends_on, today());
  form.edit(p);
  form_open_ = true;
  return p.first_name.empty() && p.name_ar.empty() ? "first_name" : "organization";
}

void DeskModel::editOpenPerson() {
  if (!person_) return;
  form.edit(*person_);
  form_open_ = true;
}

bool DeskModel::saveForm(bool despite_duplicates) {
  const bool created = form.draft.id == 0;
  auto id = form.save(despite_duplicates);
  if (!id) return false;
  form_open_ = false;
  openPerson(*id);
  setMessage(tr(created ? "desk.registered" : "form.saved", {names::sentence(form.draft)}), false);
  return true;
}

void DeskModel::cancelForm() {
  form_open_ = false;
  syncPane();
}

void DeskModel::openDuplicate(const Duplicate& d) {
  form_open_ = false;
  if (d.kind == SearchIndex::Kind::Person)
    openPerson(d.id);
  else
    openExhibitor(d.id);
}

// --- badge -----------------------------------------------------------------------------------------

PrintSettings DeskModel::printSettings() {
  if (!printer_.loaded()) printer_.refresh();
  return printer_.settings;
}

void DeskModel::printerChosen() {
  printer_.poll();
  if (printer_.ready() && offer_printer_) {
    offer_printer_ = false;
    setMessage(tr("desk.print.printer_ready"), false);
  }
}

bool DeskModel::printerReady() {
  // No printer for this station and no default one: say so and offer the choice, here and now.
  printer_.refresh();
  if (!printer_.ready()) {
    offer_printer_ = true;
    setMessage(tr("desk.print.no_printer"), true);
    return false;
  }
  offer_printer_ = false;
  setMessage("", false);
  return true;
}

DeskModel::PrintStart DeskModel::print(bool again) {
  if (!person_) return PrintStart::NoPerson;
  if (print_task_.running()) return PrintStart::Busy;
  if (badge_ && badge_->status == BadgeStatus::Revoked) {
    setMessage(tr("badge.error.revoked", {badge_->serial}), true);
    return PrintStart::Revoked;
  }
  if (!again && badge_ && badge_->printed_count > 0) return PrintStart::NeedsConfirmation;
  if (!printerReady()) return PrintStart::NoPrinter;
  const std::string location = session_.store().location(), tmpl = template_name, station = station_, who = operator_;
  const PrintSettings settings = printSettings();
  const Id id = person_->id;
  printing_person_ = id;
  print_task_.start([=](BackgroundTask::Context& ctx) {
    auto store = openAsSignedIn(location);
    BadgeService svc(*store, BadgeService::keyBeside(location), {station, who});
    BadgeRenderer renderer(loadTemplate(tmpl));
    PrintOutcome r = printBatch(
        *store, svc, {id}, renderer, settings, again,
        [&](const std::string& stage, std::size_t done, std::size_t total) {
          ctx.setStage("badge.progress." + stage);
          ctx.fraction = static_cast<double>(done) / static_cast<double>(std::max<std::size_t>(1, total));
        },
        &ctx.cancel);
    std::string printer = r.printer.empty() ? tr("print.default_printer") : r.printer;
    return tr("print.sent", {trn("badge.count", static_cast<long long>(r.badges)), printer, std::to_string(r.job)});
  });
  return PrintStart::Started;
}

DeskModel::PrintStart DeskModel::printAgenda() {
  if (!person_) return PrintStart::NoPerson;
  if (print_task_.running()) return PrintStart::Busy;
  if (!printerReady()) return PrintStart::NoPrinter;
  const std::string location = session_.store().location(), lang = i18n::language();
  const PrintSettings settings = printSettings();
  const Id id = person_->id;
  print_task_.start([=](BackgroundTask::Context& ctx) {
    ctx.setStage("desk.agenda.progress");
    auto store = openAsSignedIn(location);
    b2b::AgendaOptions options;
    options.lang = lang;
    options.paper = settings.paper.find("a6") != std::string::npos ? "a6" : "a4";
    ScratchDir scratch("moussem-agenda", "agenda.error.write");
    const std::filesystem::path pdf = scratch.path() / "agenda.pdf";
    const b2b::AgendaData agenda = b2b::writePersonAgenda(*store, id, pdf, options);
    ctx.fraction = 0.5;
    const std::string paper = options.paper == "a6" ? mediaForPage(105, 148) : mediaForPage(210, 297);
    const int job = printPdf(settings.printer, pdf, i18n::lookupIn("en", "agenda.title"), paper);
    const std::string printer = settings.printer.empty() ? tr("print.default_printer") : settings.printer;
    return tr("desk.agenda.sent",
              {names::sentence(agenda.person), std::to_string(agenda.meetings.size()), printer, std::to_string(job)});
  });
  return PrintStart::Started;
}

bool DeskModel::reprint(const std::string& reason) {
  if (!person_) return false;
  try {
    Store& store = session_.store();
    BadgeService svc(store, BadgeService::keyBeside(store.location()), {station_, operator_});
    Badge b = svc.reprint(person_->id, text::normalizeForStorage(reason));
    session_.reindexPerson(person_->id);
    openPerson(person_->id);
    setMessage(tr("desk.badge.reprinted", {b.serial, std::to_string(b.version)}), false);
    return true;
  } catch (const std::exception& e) {
    setMessage(e.what(), true);
    return false;
  }
}

bool DeskModel::revoke(const std::string& reason) {
  if (!person_) return false;
  try {
    Store& store = session_.store();
    BadgeService svc(store, BadgeService::keyBeside(store.location()), {station_, operator_});
    Badge b = svc.revoke(person_->id, text::normalizeForStorage(reason));
    session_.reindexPerson(person_->id);
    openPerson(person_->id);
    setMessage(tr("desk.badge.revoked", {b.serial}), false);
    return true;
  } catch (const std::exception& e) {
    setMessage(e.what(), true);
    return false;
  }
}

}  // namespace moussem::ui
