#include "ui/screens/record_forms.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>

#include "core/codes.hpp"
#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text_fold.hpp"
#include "core/time_zone.hpp"

namespace moussem::ui {

namespace {

const std::string* findError(const std::vector<FieldError>& errors, std::string_view field) {
  for (const auto& e : errors)
    if (e.field == field) return &e.message;
  return nullptr;
}

bool isOneOf(std::string_view field, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), field) != names.end();
}

std::string nowIso() {
  return tz::nowLocalIso();
}  // the edition's clock, with its offset

}  // namespace

FieldChoices FieldChoices::load(Store& store) {
  FieldChoices c;
  if (auto ed = store.edition(); ed && dates::isIsoDate(ed->starts_on) && dates::isIsoDate(ed->ends_on))
    c.edition_days = dates::range(ed->starts_on, ed->ends_on);
  store.forEachExhibitor([&](const Exhibitor& x, const std::string&, const std::string&) {
    c.exhibitors.emplace_back(x.id, x.name_fr.empty() ? x.name_ar : x.name_fr);
  });
  const std::string& lang = i18n::language();
  std::sort(c.exhibitors.begin(), c.exhibitors.end(), [&](const auto& a, const auto& b) {
    return text::sortKey(a.second, lang) < text::sortKey(b.second, lang);
  });
  c.categories = store.categories();
  return c;
}

const std::string& FieldChoices::exhibitorName(Id id) const {
  static const std::string none;
  for (const auto& [xid, name] : exhibitors)
    if (xid == id) return name;
  return none;
}

namespace {
// Each kind's rules and store, by overload: the template below is written once for both.
std::vector<FieldError> prepare(Person& p) {
  return preparePerson(p);
}
std::vector<FieldError> prepare(Exhibitor& x) {
  return prepareExhibitor(x);
}
Id write(DeskSession& session, Person& p) {
  return session.savePerson(p);
}
Id write(DeskSession& session, Exhibitor& x) {
  return session.saveExhibitor(x);
}
}  // namespace

// --- every kind ------------------------------------------------------------------------------------

template <typename Record>
void RecordForm<Record>::edit(const Record& record) {
  draft = record;
  touched_.clear();
  all_touched_ = dirty_ = false;
  message_.clear();
  duplicates_.clear();
  validate();
  edited();
}

template <typename Record>
void RecordForm<Record>::validate() {
  normalised_ = draft;
  errors_ = prepare(normalised_);
}

template <typename Record>
void RecordForm<Record>::changed(std::string_view field) {
  touched_.emplace(field);
  dirty_ = true;
  message_.clear();
  validate();
  if (bringsDuplicates(field)) {
    duplicates_ = session_.duplicatesOf(duplicateProbe());
    ++duplicate_checks_;
  }
}

template <typename Record>
const std::string* RecordForm<Record>::error(std::string_view field) const {
  const std::string* e = findError(errors_, field);
  if (!e || all_touched_ || touched(field)) return e;
  return nullptr;
}

template <typename Record>
std::optional<Id> RecordForm<Record>::save(bool despite_duplicates) {
  touchAll();
  validate();
  if (!errors_.empty()) {
    message_ = tr("form.fix_errors");
    return std::nullopt;
  }
  if (draft.id == 0 && !despite_duplicates) {
    duplicates_ = session_.duplicatesOf(draft);
    if (!duplicates_.empty()) {
      message_ = tr("form.duplicates_first");
      return std::nullopt;
    }
  }
  Record r = draft;
  try {
    Id id = write(session_, r);
    draft = r;
    dirty_ = false;
    message_ = tr("form.saved");
    validate();
    return id;
  } catch (const ValidationError& e) {
    errors_ = e.errors();
    message_ = tr("form.fix_errors");
  } catch (const std::exception& e) {
    message_ = e.what();
  }
  return std::nullopt;
}

template class RecordForm<Person>;
template class RecordForm<Exhibitor>;

// --- person ----------------------------------------------------------------------------------------

void PersonForm::edited() {
  if (draft.id == 0) duplicates_ = session_.duplicatesOf(draft);
}

void PersonForm::validate() {
  RecordForm::validate();
  if (normalised_.exhibitor_id && !session_.store().exhibitor(*normalised_.exhibitor_id))
    errors_.push_back({"exhibitor", tr("registry.error.no_exhibitor", {std::to_string(*normalised_.exhibitor_id)})});
}

bool PersonForm::bringsDuplicates(std::string_view field) const {
  return isOneOf(field, {"first_name", "last_name", "name_ar", "organization", "email", "phone"});
}

const Person& PersonForm::duplicateProbe() const {
  return normalised_.id == 0 ? draft : normalised_;
}

bool PersonForm::touched(std::string_view field) const {
  // The name rule is reported on last_name but is about all three names.
  return RecordForm::touched(field) ||
         (field == "last_name" && (RecordForm::touched("first_name") || RecordForm::touched("name_ar")));
}

void PersonForm::setConsent(bool on) {
  draft.consent = on;
  if (on && draft.consent_at.empty()) draft.consent_at = nowIso();
  if (!on) draft.consent_at.clear();
  changed("consent");
}

// --- exhibitor -------------------------------------------------------------------------------------

bool ExhibitorForm::bringsDuplicates(std::string_view field) const {
  return isOneOf(field, {"name_fr", "email", "phone"});
}

void ExhibitorForm::addCompetitor(Id other) {
  if (other == 0 || other == draft.id) return;
  if (std::find(draft.competitors.begin(), draft.competitors.end(), other) != draft.competitors.end()) return;
  draft.competitors.push_back(other);
  changed("competitors");
}

void ExhibitorForm::removeCompetitor(Id other) {
  auto& c = draft.competitors;
  c.erase(std::remove(c.begin(), c.end(), other), c.end());
  changed("competitors");
}

void ExhibitorForm::loadStaff() {
  staff_.clear();
  if (draft.id == 0) return;
  for (Id id : session_.store().peopleMatching({"", draft.id, false}))
    if (auto p = session_.store().person(id)) staff_.push_back(*p);
}

bool ExhibitorForm::addStaff(Id person) {
  if (draft.id == 0) return false;
  auto p = session_.store().person(person);
  if (!p) return false;
  p->exhibitor_id = draft.id;
  p->category = "exhibitor";
  if (p->organization.empty()) p->organization = draft.name_fr;
  try {
    session_.savePerson(*p);
  } catch (const std::exception& e) {
    message_ = e.what();
    return false;
  }
  loadStaff();
  return true;
}

bool ExhibitorForm::removeStaff(Id person) {
  auto p = session_.store().person(person);
  if (!p) return false;
  p->exhibitor_id.reset();
  try {
    session_.savePerson(*p);
  } catch (const std::exception& e) {
    message_ = e.what();
    return false;
  }
  loadStaff();
  return true;
}

}  // namespace moussem::ui
