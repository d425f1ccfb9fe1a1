#include "ui/screens/participants_model.hpp"

#include <algorithm>

#include "core/codes.hpp"
#include "core/i18n.hpp"
#include "core/person_names.hpp"
#include "core/phone.hpp"
#include "core/text_fold.hpp"
#include "ui/signed_in.hpp"

namespace moussem::ui {

namespace {
constexpr std::size_t kWindow = 256;  // rows read at a time: those on show and a margin around them

PersonOrder orderOf(int column) {
  switch (column) {
    case ParticipantsModel::Name:
      return PersonOrder::Name;
    case ParticipantsModel::NameAr:
      return PersonOrder::NameAr;
    case ParticipantsModel::Organization:
      return PersonOrder::Organization;
    case ParticipantsModel::Category:
      return PersonOrder::Category;
    case ParticipantsModel::Country:
      return PersonOrder::Country;
    case ParticipantsModel::Email:
      return PersonOrder::Email;
    case ParticipantsModel::Phone:
      return PersonOrder::Phone;
    case ParticipantsModel::Days:
      return PersonOrder::Days;
    case ParticipantsModel::Exhibitor:
      return PersonOrder::Exhibitor;
    case ParticipantsModel::Badge:
      return PersonOrder::Badge;
    default:
      return PersonOrder::Registration;
  }
}
}  // namespace

ParticipantsModel::ParticipantsModel(DeskSession& session) : RecordListModel(session) {}

void ParticipantsModel::poll() {
  session_.poll();
  if (auto outcome = task_.poll()) finished(*outcome);
  if (!task_.running() && loaded_revision_ != session_.revision()) load();
}

void ParticipantsModel::wait() {
  for (;;) {
    task_.wait();
    auto outcome = task_.poll();
    if (!outcome) return;
    finished(*outcome);  // may start the worker again (the filters changed meanwhile)
  }
}

void ParticipantsModel::load() {
  startLoad();
  query();
}

void ParticipantsModel::filtersChanged() {
  query();
}

void ParticipantsModel::sortBy(int column, bool ascending) {
  ++sorts_;
  if (orderOf(column) == order_ && ascending == ascending_) return;  // the order already read
  order_ = orderOf(column);
  ascending_ = ascending;
  query();
}

void ParticipantsModel::query() {
  if (task_.running()) {  // read again with what is asked now once the worker is back
    again_ = true;
    return;
  }
  again_ = false;
  PeopleQuery q;
  q.category = category;
  if (exhibitor != kAnyExhibitor) q.exhibitor = exhibitor;
  q.day = day;
  q.order = order_;
  q.ascending = ascending_;
  if (order_ == PersonOrder::Category) {
    for (auto code : codes::categories()) q.category_order.emplace_back(code);
    std::sort(q.category_order.begin(), q.category_order.end(), [](const std::string& a, const std::string& b) {
      return text::sortKey(i18n::label("category", a), i18n::language()) <
             text::sortKey(i18n::label("category", b), i18n::language());
    });
  }
  // The text narrows the database's answer to the index's hits (the index lives on this thread).
  std::shared_ptr<std::vector<Id>> hits;
  if (!text.empty()) hits = std::make_shared<std::vector<Id>>(textHits(SearchIndex::Kind::Person));
  auto out = std::make_shared<Loaded>();
  pending_ = out;
  auto connection = connection_;
  const std::string location = session_.store().location();
  task_.start([out, connection, location, q, hits](BackgroundTask::Context&) {
    if (!*connection) *connection = openAsSignedIn(location);
    Store& store = **connection;
    out->ids = store.orderedPersonIds(q);
    if (hits) std::erase_if(out->ids, [&](Id id) { return !std::binary_search(hits->begin(), hits->end(), id); });
    out->total = static_cast<std::size_t>(std::max<long long>(0, store.overview().people));
    return std::string();
  });
}

void ParticipantsModel::finished(const BackgroundTask::Outcome& outcome) {
  if (again_) {
    query();
    return;
  }
  if (!outcome.ok) {
    message_ = outcome.message;
    connection_->reset();  // e.g. the server dropped: a fresh connection next time
    return;
  }
  ids_ = std::move(pending_->ids);
  total_ = pending_->total;
  for (Window& w : windows_) w.rows.clear();
  // The selected person is gone (deleted elsewhere): the form closes.
  if (selected_ && !session_.store().person(selected_)) closeEditor();
}

ParticipantsModel::Window* ParticipantsModel::windowOf(std::size_t index) const {
  if (index >= ids_.size()) return nullptr;
  // Two windows: the top of the table (the clipper measures its first row every frame) and the rows
  // on show further down, so neither evicts the other.
  Window& w = index < kWindow ? windows_[0] : windows_[1];
  if (index >= w.start && index < w.start + w.rows.size()) return &w;
  w.start = index < kWindow ? 0 : index - kWindow / 4;
  const std::size_t end = std::min(ids_.size(), w.start + kWindow);
  const std::vector<Id> wanted(ids_.begin() + static_cast<std::ptrdiff_t>(w.start),
                               ids_.begin() + static_cast<std::ptrdiff_t>(end));
  std::vector<PersonRow> found = session_.store().personRows(wanted);
  rows_read_ += found.size();
  // Aligned with the ids: a person deleted since the ids were read keeps an empty row.
  w.rows.assign(wanted.size(), PersonRow{});
  std::size_t f = 0;
  for (std::size_t i = 0; i < wanted.size() && f < found.size(); ++i)
    if (found[f].person.id == wanted[i]) w.rows[i] = std::move(found[f++]);
  w.phones.assign(w.rows.size(), std::nullopt);
  return &w;
}

std::string ParticipantsModel::cell(std::size_t index, int column) const {
  Window* w = windowOf(index);
  if (!w) return {};
  const PersonRow* r = &w->rows[index - w->start];
  if (r->person.id == 0) return {};
  const Person& p = r->person;
  switch (column) {
    case Name:
      return p.first_name.empty() && p.last_name.empty() ? std::string() : names::list(p);  // Arabic: its own column
    case NameAr:
      return p.name_ar;
    case Organization:
      return p.organization;
    case Category:
      return i18n::label("category", p.category);
    case Country:
      return p.country;
    case Email:
      return p.email;
    case Phone: {
      // As people read them (national form for the edition's country), formatted the first time the
      // row is drawn: libphonenumber is too slow to run on every frame or for every row read.
      auto& shown = w->phones[index - w->start];
      if (!shown) shown = phone::display(p.phone, phone::editionRegion());
      return *shown;
    }
    case Days: {
      std::string out;
      for (const auto& d : p.days) out += (out.empty() ? "" : " ") + (d.size() >= 10 ? d.substr(8, 2) : d);
      return out;
    }
    case Exhibitor:
      return r->exhibitor;
    case Badge:
      return r->badge_serial;
    default:
      return {};
  }
}

std::optional<Person> ParticipantsModel::read(Id id) const {
  return session_.store().person(id);
}

Person ParticipantsModel::fresh() const {
  Person p;
  p.category = category.empty() ? "forum" : category;
  if (exhibitor > 0) p.exhibitor_id = exhibitor;
  return p;
}

void ParticipantsModel::erase(Id id) {
  session_.deletePerson(id);
}

}  // namespace moussem::ui
