#include "ui/screens/record_list_model.hpp"

#include <algorithm>

#include "core/i18n.hpp"

namespace moussem::ui {

template <typename Form>
void RecordListModel<Form>::startLoad() {
  loaded_revision_ = session_.revision();
  ++loads_;
  choices_ = FieldChoices::load(session_.store());
}

template <typename Form>
std::vector<Id> RecordListModel<Form>::textHits(SearchIndex::Kind kind) const {
  if (!session_.indexReady()) session_.loadIndexNow();
  std::vector<Id> ids;
  for (const auto& hit : session_.registry().search(text, 1'000'000).hits)
    if (hit.kind == kind) ids.push_back(hit.id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

template <typename Form>
void RecordListModel<Form>::closeEditor() {
  selected_ = 0;
  editing_ = false;
}

template <typename Form>
void RecordListModel<Form>::select(Id id) {
  selected_ = id;
  editing_ = false;
  message_.clear();
  selecting();
  if (auto record = read(id)) {
    form.edit(*record);
    editing_ = true;
  } else {
    selected_ = 0;
  }
}

template <typename Form>
void RecordListModel<Form>::startNew() {
  selected_ = 0;
  form.edit(fresh());
  editing_ = true;
  message_.clear();
}

template <typename Form>
std::optional<Id> RecordListModel<Form>::save(bool despite_duplicates) {
  auto id = form.save(despite_duplicates);
  if (id) {
    selected_ = *id;
    editing_ = true;
    saved();
  }
  return id;
}

template <typename Form>
bool RecordListModel<Form>::remove(Id id) {
  try {
    erase(id);
  } catch (const std::exception& e) {
    message_ = e.what();
    return false;
  }
  if (selected_ == id) closeEditor();
  message_ = tr("table.deleted");
  return true;
}

template class RecordListModel<PersonForm>;
template class RecordListModel<ExhibitorForm>;

}  // namespace moussem::ui
