#include "ui/screens/exhibitors_model.hpp"

#include <algorithm>
#include <cstdio>

#include "core/i18n.hpp"

namespace moussem::ui {

namespace {
std::string area(double m2) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", m2);
  return buf;
}
}  // namespace

ExhibitorsModel::ExhibitorsModel(DeskSession& session) : RecordListModel(session) {}

void ExhibitorsModel::poll() {
  session_.poll();
  if (loaded_revision_ != session_.revision()) load();
}

void ExhibitorsModel::load() {
  Store& store = session_.store();
  startLoad();
  text_.clear();
  phones_.clear();
  ids_.clear();
  area_.clear();
  store.forEachExhibitor([&](const Exhibitor& x, const std::string& booth, const std::string& status) {
    const std::string boothCell = booth.empty() ? std::string() : booth + " · " + status;
    text_.add({x.name_fr, x.name_ar, x.kind, x.sector, x.region, x.city, x.program, x.phone, x.email, boothCell, "",
               status.empty() ? std::string_view(kNoBooth) : std::string_view(status)});
    ids_.push_back(x.id);
    area_.push_back(x.booth_area_m2);
  });
  applyFilters();
  if (selected_ && std::find(ids_.begin(), ids_.end(), selected_) == ids_.end()) closeEditor();
  if (editing_) form.loadStaff();
}

void ExhibitorsModel::filtersChanged() {
  applyFilters();
}

void ExhibitorsModel::applyFilters() {
  view_.clear();
  const bool byText = !text.empty();
  const std::vector<Id> matching = byText ? textHits(SearchIndex::Kind::Exhibitor) : std::vector<Id>();
  for (std::uint32_t r = 0; r < ids_.size(); ++r) {
    if (!region.empty() && text_.cell(r, Region) != region) continue;
    if (!sector.empty() && text_.cell(r, Sector) != sector) continue;
    if (!program.empty() && text_.cell(r, Program) != program) continue;
    if (!booth_status.empty() && text_.cell(r, kStatus) != booth_status) continue;
    if (byText && !std::binary_search(matching.begin(), matching.end(), ids_[r])) continue;
    view_.push_back(r);
  }
  applySort();
}

void ExhibitorsModel::sortBy(int column, bool ascending) {
  sort_column_ = column;
  sort_ascending_ = ascending;
  applySort();
}

void ExhibitorsModel::applySort() {
  if (sort_column_ < 0 || sort_column_ >= kColumns) return;
  ++sorts_;
  const auto c = static_cast<std::size_t>(sort_column_);
  if (sort_column_ == Area) {
    sortView(view_, sort_ascending_, [&](std::uint32_t r) { return numberKey(area_[r]); });
  } else if (sort_column_ == Kind || sort_column_ == Sector || sort_column_ == Region || sort_column_ == Program) {
    static const char* families[] = {"", "", "kind", "sector", "region", "", "program"};
    const char* family = families[sort_column_];
    sortView(view_, sort_ascending_,
             [&](std::uint32_t r) { return text::sortKey(i18n::label(family, text_.cell(r, c)), i18n::language()); });
  } else {
    sortView(view_, sort_ascending_, [&](std::uint32_t r) {
      // As the interface language's collator orders names; empty cells last.
      return text_.cell(r, c).empty() ? std::string("\xff\xff\xff\xff")
                                      : text::sortKey(text_.cell(r, c), i18n::language());
    });
  }
}

std::string ExhibitorsModel::cell(std::size_t row, int column) const {
  const std::uint32_t r = view_[row];
  switch (column) {
    case Kind:
      return i18n::label("kind", text_.cell(r, Kind));
    case Sector:
      return i18n::label("sector", text_.cell(r, Sector));
    case Region:
      return i18n::label("region", text_.cell(r, Region));
    case Program:
      return i18n::label("program", text_.cell(r, Program));
    case Area:
      return area(area_[r]);
    case Phone:
      return phones_(r, text_.cell(r, Phone));
    case Booth: {
      const std::string_view status = text_.cell(r, kStatus);
      if (status == kNoBooth) return "";
      const std::string_view b = text_.cell(r, Booth);
      return std::string(b.substr(0, b.find(" · "))) + " · " + codeLabel(familyName<BoothStatus>(), status);
    }
    default:
      return std::string(text_.cell(r, static_cast<std::size_t>(column)));
  }
}

std::optional<Exhibitor> ExhibitorsModel::read(Id id) const {
  return session_.store().exhibitor(id);
}

void ExhibitorsModel::selecting() {
  staff_query_.clear();
  staff_candidates_.clear();
}

Exhibitor ExhibitorsModel::fresh() const {
  Exhibitor x;
  x.region = region;
  x.sector = sector;
  if (!program.empty()) x.program = program;
  x.kind = "cooperative";
  return x;
}

void ExhibitorsModel::erase(Id id) {
  session_.deleteExhibitor(id);
}

void ExhibitorsModel::setStaffQuery(const std::string& query) {
  if (query == staff_query_) return;
  staff_query_ = query;
  staff_candidates_.clear();
  if (query.empty()) return;
  if (!session_.indexReady()) session_.loadIndexNow();
  for (const auto& hit : session_.registry().search(query, 20).hits) {
    if (hit.kind != SearchIndex::Kind::Person) continue;
    auto p = session_.store().person(hit.id);
    if (p && p->exhibitor_id != form.draft.id) staff_candidates_.push_back(*p);
    if (staff_candidates_.size() >= 8) break;
  }
}

}  // namespace moussem::ui
