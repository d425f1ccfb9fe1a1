// Registry service: validation, writes and the search index kept in step. See the header.
#include "io/registry.hpp"

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <algorithm>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/person_names.hpp"
#include "core/phone.hpp"
#include "core/text_fold.hpp"

namespace moussem {

namespace {
std::string joinErrors(const std::vector<FieldError>& errors) {
  std::string out;
  for (const auto& e : errors) {
    if (!out.empty()) out += "\n";
    out += e.field + " : " + e.message;
  }
  return out;
}

std::string personKey(const Person& p) {
  return text::nameKey(p.first_name + " " + p.last_name);
}
}  // namespace

ValidationError::ValidationError(std::vector<FieldError> errors)
    : std::runtime_error(joinErrors(errors)), errors_(std::move(errors)) {}

void Registry::indexPerson(SearchIndex& index, const Person& p, const std::string& serial, bool printed) {
  using F = SearchIndex::Field;
  SearchIndex::Entry e;
  e.kind = SearchIndex::Kind::Person;
  e.id = p.id;
  e.texts = {{F::LastName, p.last_name},
             {F::FirstName, p.first_name},
             {F::Name, p.name_ar},
             {F::Other, p.organization},
             {F::Other, p.email}};
  e.phone = phone::e164Of(p.phone);
  e.serial = serial;
  e.days.assign(p.days.begin(), p.days.end());
  e.printed = printed;
  index.upsert(e);
}

void Registry::indexPerson(SearchIndex& index, const Person& p, const std::optional<Badge>& badge) {
  indexPerson(index, p, badge ? badge->serial : "", badge && badge->printed_count > 0);
}

void Registry::indexExhibitor(SearchIndex& index, const Exhibitor& x) {
  using F = SearchIndex::Field;
  SearchIndex::Entry e;
  e.kind = SearchIndex::Kind::Exhibitor;
  e.id = x.id;
  e.texts = {{F::Name, x.name_fr}, {F::Name, x.name_ar}, {F::Other, x.contact_name},
             {F::Other, x.city},   {F::Other, x.email},  {F::Other, x.registration_no}};
  e.phone = phone::e164Of(x.phone);
  index.upsert(e);
}

void Registry::loadIndex(const std::function<void(double)>& progress,
                         const std::function<std::string(const Person&, const std::string&)>& serialOf) {
  index_ = SearchIndex();
  if (auto ed = store_.edition()) index_.setFirstDay(ed->starts_on);
  index_.setBulkLoad(true);
  store_.forEachExhibitor(
      [&](const Exhibitor& x, const std::string&, const std::string&) { indexExhibitor(index_, x); });
  const long long total = std::max<long long>(1, store_.overview().people);
  long long done = 0;
  store_.forEachPerson([&](const Person& p, const std::string& serial) {
    indexPerson(index_, p, serialOf ? serialOf(p, serial) : serial, false);
    if (progress && ++done % 20000 == 0) progress(static_cast<double>(done) / static_cast<double>(total));
  });
  // Badges printed already: their people rank after namesakes still waiting for one.
  store_.forEachPrint(0, [&](Id, Id person) { index_.setPrinted(person, true); });
  index_.setBulkLoad(false);
  index_.compact();
#ifdef __GLIBC__
  // Loading a million rows leaves the heap full of freed row strings; hand those pages back so the
  // resident size is what the index holds.
  malloc_trim(0);
#endif
  loaded_ = true;
  if (progress) progress(1.0);
}

void Registry::ensureLoaded() {
  if (!loaded_) loadIndex();
}

SearchIndex::Result Registry::search(const std::string& query, std::size_t limit, const std::string& today) {
  ensureLoaded();
  return index_.search(query, limit, today);
}

Id Registry::saveExhibitor(Exhibitor& x) {
  auto errors = prepareExhibitor(x);
  if (!errors.empty()) throw ValidationError(std::move(errors));
  if (x.id == 0)
    store_.insertExhibitor(x);
  else
    store_.updateExhibitor(x);
  if (loaded_) indexExhibitor(index_, x);
  return x.id;
}

Id Registry::savePerson(Person& p) {
  auto errors = preparePerson(p);
  if (p.exhibitor_id && !store_.exhibitor(*p.exhibitor_id))
    errors.push_back({"exhibitor", tr("registry.error.no_exhibitor", {std::to_string(*p.exhibitor_id)})});
  if (!errors.empty()) throw ValidationError(std::move(errors));
  if (p.id == 0)
    store_.insertPerson(p);
  else
    store_.updatePerson(p);
  if (loaded_) {
    auto badge = store_.badgeOfPerson(p.id);
    indexPerson(index_, p, badge);
  }
  return p.id;
}

void Registry::deleteExhibitor(Id id) {
  store_.deleteExhibitor(id);
  index_.remove(SearchIndex::Kind::Exhibitor, id);
}

void Registry::deletePerson(Id id) {
  store_.deletePerson(id);
  index_.remove(SearchIndex::Kind::Person, id);
}

std::vector<Duplicate> Registry::duplicatesOf(const Person& draft) {
  std::vector<Duplicate> out;
  auto add = [&](Id id, const char* reason) {
    if (id == draft.id) return;
    for (const auto& d : out)
      if (d.id == id) return;
    auto p = store_.person(id);
    if (p) out.push_back({SearchIndex::Kind::Person, id, reason, names::sentence(*p)});
  };
  const std::string email = text::normalizeEmail(draft.email);
  if (text::isValidEmail(email))
    for (Id id : store_.peopleWithEmail(email)) add(id, "email");
  // The same number however it was written: both sides parsed (stored numbers are in canonical form).
  if (!draft.phone.empty())
    if (auto parsed = phone::parse(draft.phone, draft.country).number)
      for (Id id : store_.peopleWithPhone(parsed->stored)) add(id, "phone");
  // Same name and organisation: candidates from the index by name words, then compared exactly.
  const std::string latin = personKey(draft), arabic = text::nameKey(draft.name_ar),
                    org = text::nameKey(draft.organization);
  for (const std::string* key : {&latin, &arabic}) {
    if (key->empty() || key->find(' ') == std::string::npos) continue;  // one word is not a name
    ensureLoaded();
    auto hits = index_.search(*key, 200);
    for (const auto& h : hits.hits) {
      if (h.kind != SearchIndex::Kind::Person || h.id == draft.id) continue;
      auto p = store_.person(h.id);
      if (!p || text::nameKey(p->organization) != org) continue;
      const std::string theirs = key == &latin ? personKey(*p) : text::nameKey(p->name_ar);
      if (theirs == *key) add(h.id, "name");
    }
  }
  return out;
}

std::vector<Duplicate> Registry::duplicatesOf(const Exhibitor& draft) {
  std::vector<Duplicate> out;
  auto add = [&](Id id, const char* reason) {
    if (id == draft.id) return;
    for (const auto& d : out)
      if (d.id == id) return;
    auto x = store_.exhibitor(id);
    if (x) out.push_back({SearchIndex::Kind::Exhibitor, id, reason, x->name_fr});
  };
  const std::string email = text::normalizeEmail(draft.email);
  if (text::isValidEmail(email))
    for (Id id : store_.exhibitorsWithEmail(email)) add(id, "email");
  if (!draft.phone.empty())
    if (auto parsed = phone::parse(draft.phone, phone::editionRegion()).number)
      for (Id id : store_.exhibitorsWithPhone(parsed->stored)) add(id, "phone");
  const std::string key = text::nameKey(draft.name_fr);
  if (!key.empty()) {
    ensureLoaded();
    for (const auto& h : index_.search(key, 200).hits) {
      if (h.kind != SearchIndex::Kind::Exhibitor || h.id == draft.id) continue;
      auto x = store_.exhibitor(h.id);
      if (x && text::nameKey(x->name_fr) == key) add(h.id, "name");
    }
  }
  return out;
}

}  // namespace moussem
