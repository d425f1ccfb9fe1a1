// What the registration screens share: one Registry, whose in-memory search index is built once on a
// worker (its own store connection) and then kept in step with every save made through here, and a
// revision number that moves on every change so the desk and the tables reload only when something
// changed (never per frame). Knows no ImGui.
#pragma once
#include <cstdint>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

#include "io/registry.hpp"
#include "store/store.hpp"
#include "ui/background_task.hpp"

namespace moussem::ui {

class DeskSession {
 public:
  explicit DeskSession(Store& store) : store_(store), registry_(store) {}
  DeskSession(const DeskSession&) = delete;
  DeskSession& operator=(const DeskSession&) = delete;

  Store& store() { return store_; }
  Registry& registry() { return registry_; }

  // The search index: loaded on a worker (startIndexLoad), or at once (loadIndexNow: tests, small data).
  void startIndexLoad();
  void loadIndexNow();
  bool indexReady() const { return registry_.indexLoaded(); }
  bool indexLoading() const { return task_.running(); }
  double indexProgress() const { return task_.fraction(); }
  const std::string& indexError() const { return index_error_; }
  void waitForIndex();  // tests: blocks until the worker is done, then adopts its index
  // Once per frame by any registration screen: adopts an index the worker has finished.
  void poll();

  // Moves whenever a record changed through the session, an import wrote, or the index was (re)loaded.
  std::uint64_t revision() const { return revision_; }
  void changed() { ++revision_; }

  // Saves and deletes through the registry (validation, index in step). Throw ValidationError / Error.
  Id savePerson(Person& person);
  Id saveExhibitor(Exhibitor& exhibitor);
  void deletePerson(Id id);
  void deleteExhibitor(Id id);
  // A person's badge changed (issued, reprinted): the serial they are found by follows.
  void reindexPerson(Id id);
  // Existing records that look like this one; empty while the index is still loading.
  std::vector<Duplicate> duplicatesOf(const Person& person);
  std::vector<Duplicate> duplicatesOf(const Exhibitor& exhibitor);
  // After an import or any bulk write by another connection: the index is rebuilt on a worker.
  void reloadIndex();

 private:
  void startWorker();
  void adopt();
  void remember(SearchIndex::Kind kind, Id id);

  Store& store_;
  Registry registry_;
  std::uint64_t revision_ = 1;
  std::string index_error_;
  bool reload_again_ = false;
  // Records saved while the worker was reading: indexed again once its index is adopted.
  std::vector<std::pair<SearchIndex::Kind, Id>> pending_;
  std::mutex built_mutex_;
  std::optional<SearchIndex> built_;
  BackgroundTask task_;  // last: joined first on destruction, before what it writes to
};

}  // namespace moussem::ui
