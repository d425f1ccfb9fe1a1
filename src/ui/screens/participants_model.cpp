#include "ui/screens/participants_model.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "core/codes.hpp"
#include "core/i18n.hpp"
#include "core/person_names.hpp"

namespace moussem::ui {

namespace {
constexpr std::size_t kTextLimit = 1'000'000;

std::uint8_t categoryIndex(const std::string& code) {
  auto cats = codes::categories();
  for (std::size_t i = 0; i < cats.size(); ++i)
    if (cats[i] == code) return static_cast<std::uint8_t>(i);
  return 255;
}
}  // namespace

ParticipantsModel::ParticipantsModel(DeskSession& session) : form(session), session_(session) {}

void ParticipantsModel::poll() {
  session_.poll();
  if (loaded_revision_ != session_.revision()) load();
}

void ParticipantsModel::load() {
  Store& store = session_.store();
  loaded_revision_ = session_.revision();
  ++loads_;
  choices_ = FieldChoices::load(store);
  std::unordered_map<Id, std::string> exhibitorNames;
  for (const auto& [id, name] : choices_.exhibitors) exhibitorNames.emplace(id, name);
  std::unordered_map<std::string, int> dayIndex;
  for (std::size_t i = 0; i < choices_.edition_days.size() && i < 64; ++i) dayIndex.emplace(choices_.edition_days[i], static_cast<int>(i));

  text_.clear();
  phones_.clear();
  ids_.clear();
  category_.clear();
  exhibitor_.clear();
  days_.clear();
  const auto expected = static_cast<std::size_t>(std::max<long long>(0, store.overview().people));
  text_.reserve(expected);
  ids_.reserve(expected);
  store.forEachPerson([&](const Person& p, const std::string& serial) {
    const std::string name = p.first_name.empty() && p.last_name.empty() ? "" : names::list(p);  // Arabic: its own column
    std::uint64_t bits = 0;
    std::string dayList;
    for (const auto& d : p.days) {
      if (auto it = dayIndex.find(d); it != dayIndex.end()) bits |= std::uint64_t{1} << it->second;
      dayList += (dayList.empty() ? "" : " ") + d.substr(8, 2);
    }
    const std::string* ex = nullptr;
    if (p.exhibitor_id)
      if (auto it = exhibitorNames.find(*p.exhibitor_id); it != exhibitorNames.end()) ex = &it->second;
    text_.add({name, p.name_ar, p.organization, p.category, p.country, p.email, p.phone, dayList,
               ex ? std::string_view(*ex) : std::string_view(), serial});
    ids_.push_back(p.id);
    category_.push_back(categoryIndex(p.category));
    exhibitor_.push_back(p.exhibitor_id.value_or(0));
    days_.push_back(bits);
  });
  applyFilters();
  // The selected person is gone (deleted elsewhere): the form closes.
  if (selected_ && std::find(ids_.begin(), ids_.end(), selected_) == ids_.end()) {
    selected_ = 0;
    editing_ = false;
  }
}

void ParticipantsModel::filtersChanged() { applyFilters(); }

void ParticipantsModel::applyFilters() {
  view_.clear();
  const std::uint8_t cat = category.empty() ? 254 : categoryIndex(category);
  std::uint64_t dayBit = 0;
  if (!day.empty())
    for (std::size_t i = 0; i < choices_.edition_days.size() && i < 64; ++i)
      if (choices_.edition_days[i] == day) dayBit = std::uint64_t{1} << i;
  std::unordered_set<Id> matching;
  const bool byText = !text.empty();
  if (byText) {
    if (!session_.indexReady()) session_.loadIndexNow();
    for (const auto& hit : session_.registry().search(text, kTextLimit).hits)
      if (hit.kind == SearchIndex::Kind::Person) matching.insert(hit.id);
  }
  for (std::uint32_t r = 0; r < ids_.size(); ++r) {
    if (cat != 254 && category_[r] != cat) continue;
    if (exhibitor != kAnyExhibitor && exhibitor_[r] != exhibitor) continue;
    if (!day.empty() && !(days_[r] & dayBit)) continue;
    if (byText && !matching.count(ids_[r])) continue;
    view_.push_back(r);
  }
  applySort();
}

void ParticipantsModel::sortBy(int column, bool ascending) {
  sort_column_ = column;
  sort_ascending_ = ascending;
  applySort();
}

void ParticipantsModel::applySort() {
  if (sort_column_ < 0 || sort_column_ >= kColumns) return;
  ++sorts_;
  const auto c = static_cast<std::size_t>(sort_column_);
  if (sort_column_ == Category) {
    sortView(view_, sort_ascending_, [&](std::uint32_t r) {
      return text::sortKey(i18n::label("category", text_.cell(r, c)), i18n::language());
    });
  } else if (sort_column_ == Days) {
    sortView(view_, sort_ascending_, [&](std::uint32_t r) { return numberKey(static_cast<double>(__builtin_popcountll(days_[r]))); });
  } else {
    sortView(view_, sort_ascending_, [&](std::uint32_t r) {
      // As the interface language's collator orders names; empty cells last.
      return text_.cell(r, c).empty() ? std::string("\xff\xff\xff\xff")
                                      : text::sortKey(text_.cell(r, c), i18n::language());
    });
  }
}

std::string ParticipantsModel::cell(std::size_t row, int column) const {
  const std::uint32_t r = view_[row];
  const std::string_view v = text_.cell(r, static_cast<std::size_t>(column));
  if (column == Category) return i18n::label("category", v);
  if (column == Phone) return phones_(r, v);
  return std::string(v);
}

void ParticipantsModel::select(Id id) {
  selected_ = id;
  editing_ = false;
  message_.clear();
  if (auto p = session_.store().person(id)) {
    form.edit(*p);
    editing_ = true;
  } else {
    selected_ = 0;
  }
}

void ParticipantsModel::startNew() {
  Person p;
  p.category = category.empty() ? "forum" : category;
  if (exhibitor > 0) p.exhibitor_id = exhibitor;
  selected_ = 0;
  form.edit(p);
  editing_ = true;
  message_.clear();
}

std::optional<Id> ParticipantsModel::save(bool despite_duplicates) {
  auto id = form.save(despite_duplicates);
  if (id) {
    selected_ = *id;
    editing_ = true;
  }
  return id;
}

bool ParticipantsModel::remove(Id id) {
  try {
    session_.deletePerson(id);
  } catch (const std::exception& e) {
    message_ = e.what();
    return false;
  }
  if (selected_ == id) {
    selected_ = 0;
    editing_ = false;
  }
  message_ = tr("table.deleted");
  return true;
}

}  // namespace moussem::ui
