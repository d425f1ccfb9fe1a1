// In-memory search-as-you-type over people and exhibitors: any part of a name, organisation or e-mail
// (words of folded text, see text_fold.hpp), phone digits (from the start, national or international,
// or the last digits) and badge serials (from the start). Loaded once, updated on every write; knows
// nothing of the database. Not thread-safe: one owner (the desk, the CLI) at a time.
//
// Results come ranked, best first, so that the person at the desk is the first result after a few
// keys (docs/desk.md, "Finding someone"; measured by `moussem-cli bench desk-find`):
//   1. a badge serial typed or scanned, or its beginning (four characters or more) when it mixes letters
//      and digits (letters alone or digits alone are as likely a name or a phone: such hits come last);
//   2. phone digits: the whole number, then the end of numbers (the last digits people read out) before
//      their beginning, or the beginning first when what is typed starts like a number (0, +);
//   3. words: a person whose names (last, first, Arabic) each query word begins; then a record whose
//      own names the words begin (an exhibitor); then records where every word begins some word
//      (organisation, e-mail...); then words found inside words;
//   4. among people matched by their names: the words in the order "last name, then first name"
//      ("ghazali a"), then "first, then last" ("a ghazali"), then any order;
//   5. more query words equal to whole words; then people who attend today; then people whose badge
//      is not printed yet; then people before exhibitors; then the order of registration.
// Only the first candidates are ranked when a very short query matches a large part of a million
// records (kRankedCandidates): the results are still all matches, the best ones among those first.
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
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/domain.hpp"

namespace moussem {

class SearchIndex {
 public:
  enum class Kind : std::uint8_t { Person = 0, Exhibitor = 1 };
  // What a text of a record is, for the ranking: a person's last and first (Latin) names, a record's
  // other own names (a person's name in Arabic script, an exhibitor's names), anything else.
  enum class Field : std::uint8_t { LastName = 0, FirstName = 1, Name = 2, Other = 3 };

  struct Text {
    Field field = Field::Other;
    std::string_view text;  // any script, unfolded
  };

  struct Entry {
    Kind kind = Kind::Person;
    Id id = 0;
    std::vector<Text> texts;             // names, organisation, e-mail, ...
    std::string_view phone;              // E.164 or empty
    std::string_view serial;             // badge serial or empty
    std::vector<std::string_view> days;  // attendance days, ISO (a person)
    bool printed = false;                // their badge has been printed at least once
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
  // A person's badge was printed (or a new version is waiting to be): changes only their rank.
  void setPrinted(Id person, bool printed);
  // Sorts what was added since the last call; searching works without it, only slower.
  void compact();
  // While on, additions are not sorted as they come (a bulk load); compact() when done.
  void setBulkLoad(bool on) { bulk_ = on; }

  // today (ISO date, may be empty): people who attend that day rank above their namesakes.
  Result search(std::string_view query, std::size_t limit = 50, std::string_view today = {}) const;

  // Attendance days are kept as a mask over 32 days from this one (the edition's first day); days
  // outside play no part in the ranking. Without it, the first day indexed is used.
  void setFirstDay(std::string_view iso);

  // The number of candidates ranked before a query stops looking for better ones (when the caller asked
  // for fewer results than that): a one-letter query on a million people stays within a few ms.
  static constexpr std::size_t kRankedCandidates = 2048;

  std::size_t size() const { return alive_count_; }
  std::size_t dictionarySize() const { return postings_.size(); }  // distinct letter words
  std::size_t memoryBytes() const;                                 // approximate heap held by the index

  // Helpers exposed for tests and the benchmark's floor.
  static std::string haystack(const Entry& entry);  // all fields folded into one line

 private:
  struct TokenMatch;
  std::uint32_t tokenId(std::string_view word);
  void matchWord(std::string_view word, bool phoneLike, TokenMatch& out) const;
  // Whether the record matches every query word and, if it does, its rank key (higher: better).
  bool scoreWords(std::uint32_t record, const std::vector<TokenMatch>& matches, std::uint64_t& key) const;
  int digitsMatch(std::uint32_t record, const TokenMatch& m, bool startFirst) const;
  std::uint64_t tieBreak(std::uint32_t record, std::uint32_t todayBit) const;
  void addDigits(std::uint32_t record, std::string_view digits, bool phone);
  void sortPending();

  // Records (append-only; a replaced or removed record stays, marked dead).
  std::vector<Id> ids_;
  std::vector<std::uint8_t> kinds_, alive_, printed_;
  std::vector<std::uint32_t> days_;                    // attendance: bit d = first_day_ + d
  long long first_day_ = -1;                           // day number (dates::toDayNumber), -1: not set yet
  std::vector<std::uint32_t> token_begin_{0};          // into record_tokens_, size = records + 1
  std::vector<std::uint8_t> record_tokens_;            // each record's (word number << 2 | Field), varints
  std::vector<std::uint32_t> digit_begin_{0};          // into digit_keys_, size = records + 1
  std::vector<std::uint64_t> digit_keys_;              // packed digit runs, low bit 1: a phone number
  std::vector<std::uint32_t> digit_record_;            // record of each digit key
  std::vector<std::uint32_t> by_prefix_, by_suffix_;   // sorted positions into digit_keys_
  std::size_t sorted_prefix_ = 0, sorted_suffix_ = 0;  // how many of by_* are sorted (rest: pending)
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
    std::uint32_t last = 0;  // the last record added
    std::uint32_t count = 0;
  };
  std::vector<Postings> postings_;
  std::vector<std::uint32_t> word_slots_;  // hash table of word numbers + 1 (tokenId), a power of two long
  std::string_view word(std::uint32_t id) const {
    return std::string_view(word_blob_).substr(word_begin_[id], word_begin_[id + 1] - word_begin_[id]);
  }
};

}  // namespace moussem
