// The registry service: exhibitors and people as the desk, the table screens and the command line see
// them. Every save normalises and validates (core/registry_rules), writes through the Store, and keeps
// the in-memory search index in step, so search never queries the database per keystroke.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/registry_rules.hpp"
#include "core/search_index.hpp"
#include "store/store.hpp"

namespace moussem {

// A save refused for bad fields: the message lists them; errors() gives each one for inline display.
class ValidationError : public std::runtime_error {
 public:
  explicit ValidationError(std::vector<FieldError> errors);
  const std::vector<FieldError>& errors() const { return errors_; }

 private:
  std::vector<FieldError> errors_;
};

struct Duplicate {
  SearchIndex::Kind kind = SearchIndex::Kind::Person;
  Id id = 0;
  std::string reason;  // "email", "phone" or "name"
  std::string name;    // display name of the existing record
};

class Registry {
 public:
  explicit Registry(Store& store) : store_(store) {}

  // Reads every record once into the search index; progress gets 0..1 (may be empty). serialOf (may be
  // empty) gives the serial a person is found by from the one they have (`bench desk-find` gives one to
  // people who have none, in memory only).
  void loadIndex(const std::function<void(double)>& progress = {},
                 const std::function<std::string(const Person&, const std::string& serial)>& serialOf = {});
  bool indexLoaded() const { return loaded_; }
  // Takes an index built elsewhere (the app loads it on a worker with its own store connection).
  void adoptIndex(SearchIndex index) {
    index_ = std::move(index);
    loaded_ = true;
  }
  // How many results the desk shows for a query: the desk (DeskModel) and `bench desk-find` both
  // search with it, so the keystrokes measured are the desk's own.
  static constexpr std::size_t kDeskResults = 50;
  // Ranked, best first (SearchIndex); today (ISO): people who attend that day first among namesakes.
  SearchIndex::Result search(const std::string& query, std::size_t limit = 50, const std::string& today = {});
  const SearchIndex& index() const { return index_; }
  SearchIndex& index() { return index_; }  // imports add what they committed

  // Insert when id == 0, else update. Throws ValidationError (nothing written) or Error.
  Id saveExhibitor(Exhibitor& exhibitor);
  Id savePerson(Person& person);
  void deleteExhibitor(Id id);
  void deletePerson(Id id);

  // Existing records that look like this one: same e-mail, same phone, or same name (Latin or
  // Arabic) and organisation. The record itself (same id) is never listed.
  std::vector<Duplicate> duplicatesOf(const Person& person);
  std::vector<Duplicate> duplicatesOf(const Exhibitor& exhibitor);

  // For the index: what a record is found by.
  static void indexPerson(SearchIndex& index, const Person& p, const std::string& serial, bool printed);
  static void indexPerson(SearchIndex& index, const Person& p, const std::optional<Badge>& badge);
  static void indexExhibitor(SearchIndex& index, const Exhibitor& x);

  Store& store() { return store_; }

 private:
  void ensureLoaded();
  Store& store_;
  SearchIndex index_;
  bool loaded_ = false;
};

}  // namespace moussem
