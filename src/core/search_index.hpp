// In-memory search-as-you-type over people and exhibitors: any part of a name, organisation or e-mail
// (words of folded text, see text_fold.hpp), phone digits (from the start, national or international,
// or the last digits) and badge serials (from the start). Loaded once, updated on every write; knows
// nothing of the database. Not thread-safe: one owner (the desk, the CLI) at a time.
//
// Layout, for a million people in about 100 MB: a dictionary of distinct letter words with a posting
// list each (record numbers, delta-encoded as varints: records only ever grow), each record's word
// numbers (varints), digit runs packed in 64-bit keys sorted for prefix (and, for phones, suffix)
// ranges, serials packed and sorted the same way. A query word is
// matched against the dictionary by substring; the query word with the fewest postings drives, the
// others are checked on each candidate's own words, and the search stops at the limit.
#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>
#include <string_view>
#include <vector>

#include "core/domain.hpp"

namespace moussem {

class SearchIndex {
 public:
  enum class Kind : std::uint8_t { Person = 0, Exhibitor = 1 };

  struct Entry {
    Kind kind = Kind::Person;
    Id id = 0;
    std::vector<std::string_view> texts;  // names, organisation, e-mail, ... (any script, unfolded)
    std::string_view phone;                // E.164 or empty
    std::string_view serial;               // badge serial or empty
  };

  struct Hit {
    Kind kind;
    Id id;
    bool operator==(const Hit&) const = default;
  };

  struct Result {
    std::vector<Hit> hits;
    bool more = false;  // there are more matches than the limit
  };

  // Adds or replaces the entry of (kind, id).
  void upsert(const Entry& entry);
  void remove(Kind kind, Id id);
  bool contains(Kind kind, Id id) const;
  // Sorts what was added since the last call; searching works without it, only slower.
  void compact();
  // While on, additions are not sorted as they come (a bulk load); compact() when done.
  void setBulkLoad(bool on) { bulk_ = on; }

  Result search(std::string_view query, std::size_t limit = 50) const;

  std::size_t size() const { return alive_count_; }
  std::size_t memoryBytes() const;  // approximate heap held by the index

  // Helpers exposed for tests and the benchmark's floor.
  static std::string haystack(const Entry& entry);  // all fields folded into one line

 private:
  struct TokenMatch;
  std::uint32_t tokenId(std::string_view word);
  void matchWord(std::string_view word, bool phoneLike, TokenMatch& out) const;
  bool recordMatches(std::uint32_t record, const TokenMatch& m) const;
  void addDigits(std::uint32_t record, std::string_view digits, bool phone);
  void sortPending();

  // Records (append-only; a replaced or removed record stays, marked dead).
  std::vector<Id> ids_;
  std::vector<std::uint8_t> kinds_, alive_;
  std::vector<std::uint32_t> token_begin_{0};   // into record_tokens_, size = records + 1
  std::vector<std::uint8_t> record_tokens_;     // each record's word numbers, varints
  std::vector<std::uint32_t> digit_begin_{0};   // into digit_keys_, size = records + 1
  std::vector<std::uint64_t> digit_keys_;    // packed digit runs, low bit 1: a phone number
  std::vector<std::uint32_t> digit_record_;  // record of each digit key
  std::vector<std::uint32_t> by_prefix_, by_suffix_;  // sorted positions into digit_keys_
  std::size_t sorted_prefix_ = 0, sorted_suffix_ = 0; // how many of by_* are sorted (rest: pending)
  std::vector<std::uint64_t> serial_keys_;
  std::vector<std::uint32_t> serial_record_;
  std::vector<std::uint32_t> by_serial_;
  std::size_t sorted_serial_ = 0;
  std::vector<std::uint32_t> person_record_, exhibitor_record_;  // id -> record + 1 (0: none)
  std::size_t alive_count_ = 0;
  bool bulk_ = false;

  // Dictionary of folded letter words.
  std::string word_blob_;
  std::vector<std::uint32_t> word_begin_{0};  // into word_blob_, size = words + 1
  struct Postings {
    // Record numbers, each a varint of the gap to the previous one. A string for its room inside: most
    // words (e-mail names) have a record or two, whose bytes then need no allocation of their own.
    std::string deltas;
    std::uint32_t last = 0;            // the last record added
    std::uint32_t count = 0;
  };
  std::vector<Postings> postings_;
  std::vector<std::uint32_t> word_slots_;  // hash table of word numbers + 1 (tokenId), a power of two long
  std::string_view word(std::uint32_t id) const {
    return std::string_view(word_blob_).substr(word_begin_[id], word_begin_[id + 1] - word_begin_[id]);
  }
};

}  // namespace moussem
