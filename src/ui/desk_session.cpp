#include "ui/desk_session.hpp"

#include <malloc.h>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "ui/signed_in.hpp"

namespace moussem::ui {

void DeskSession::startIndexLoad() {
  if (registry_.indexLoaded() || task_.running()) return;
  startWorker();
}

void DeskSession::startWorker() {
  index_error_.clear();
  const std::string location = store_.location();
  task_.start([this, location](BackgroundTask::Context& ctx) {
    ctx.setStage("desk.index.loading");
    auto store = openAsSignedIn(location);
    Registry reader(*store);
    reader.loadIndex([&](double f) {
      if (ctx.cancel) throw Error(ErrorKind::Refused, tr("io.import.cancelled"));
      ctx.fraction = f;
    });
    std::lock_guard lock(built_mutex_);
    built_ = std::move(reader.index());
    return std::string();
  });
}

void DeskSession::loadIndexNow() {
  if (task_.running()) {
    waitForIndex();
    return;
  }
  registry_.loadIndex();
  pending_.clear();
  changed();
}

void DeskSession::waitForIndex() {
  do {
    task_.wait();
    poll();
  } while (task_.running());
}

void DeskSession::poll() {
  if (auto outcome = task_.poll()) {
    if (!outcome->ok)
      index_error_ = outcome->message;
    else
      adopt();
  }
}

void DeskSession::adopt() {
  std::optional<SearchIndex> built;
  {
    std::lock_guard lock(built_mutex_);
    built.swap(built_);
  }
  if (!built) return;
  registry_.adoptIndex(std::move(*built));
  for (const auto& [kind, id] : pending_) {
    if (kind == SearchIndex::Kind::Person) {
      if (auto p = store_.person(id)) {
        auto badge = store_.badgeOfPerson(id);
        Registry::indexPerson(registry_.index(), *p, badge);
      } else {
        registry_.index().remove(kind, id);
      }
    } else if (auto x = store_.exhibitor(id)) {
      Registry::indexExhibitor(registry_.index(), *x);
    } else {
      registry_.index().remove(kind, id);
    }
  }
  pending_.clear();
  // The worker's heap held the index while it grew (each array's earlier, smaller copies): what it
  // freed goes back to the system now rather than stay in the process for the day.
  malloc_trim(0);
  changed();
  if (reload_again_) {
    reload_again_ = false;
    startWorker();
  }
}

void DeskSession::remember(SearchIndex::Kind kind, Id id) {
  // A worker is reading (or has read) the records: what changes now may be missing from its index.
  bool building = task_.running();
  if (!building) {
    std::lock_guard lock(built_mutex_);
    building = built_.has_value();
  }
  if (building) pending_.emplace_back(kind, id);
}

Id DeskSession::savePerson(Person& person) {
  Id id = registry_.savePerson(person);
  remember(SearchIndex::Kind::Person, id);
  changed();
  return id;
}

Id DeskSession::saveExhibitor(Exhibitor& exhibitor) {
  Id id = registry_.saveExhibitor(exhibitor);
  remember(SearchIndex::Kind::Exhibitor, id);
  changed();
  return id;
}

void DeskSession::deletePerson(Id id) {
  registry_.deletePerson(id);
  remember(SearchIndex::Kind::Person, id);
  changed();
}

void DeskSession::deleteExhibitor(Id id) {
  registry_.deleteExhibitor(id);
  remember(SearchIndex::Kind::Exhibitor, id);
  changed();
}

void DeskSession::reindexPerson(Id id) {
  remember(SearchIndex::Kind::Person, id);
  if (registry_.indexLoaded()) {
    if (auto p = store_.person(id)) {
      auto badge = store_.badgeOfPerson(id);
      Registry::indexPerson(registry_.index(), *p, badge);
    }
  }
  changed();
}

std::vector<Duplicate> DeskSession::duplicatesOf(const Person& person) {
  if (!registry_.indexLoaded()) return {};
  return registry_.duplicatesOf(person);
}

std::vector<Duplicate> DeskSession::duplicatesOf(const Exhibitor& exhibitor) {
  if (!registry_.indexLoaded()) return {};
  return registry_.duplicatesOf(exhibitor);
}

void DeskSession::reloadIndex() {
  // The old index keeps answering until the new one is ready: results never flicker empty. A load
  // already under way may have read past the new rows: another one follows it.
  if (task_.running())
    reload_again_ = true;
  else
    startWorker();
}

}  // namespace moussem::ui
