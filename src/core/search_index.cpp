// SearchIndex: see the header for the layout. Everything here is about keeping a keystroke's work
// proportional to the results asked for, not to the million records behind them.
#include "core/search_index.hpp"

#include <algorithm>
#include <array>

#include "core/dates.hpp"
#include "core/text_fold.hpp"

namespace moussem {

namespace {

constexpr int kMaxDigits = 15;  // nibbles 15..1 of a digit key; nibble 0 holds flags
constexpr std::uint64_t kPhoneFlag = 1;
constexpr int kMaxSerial = 12;  // base-37 characters in a serial key

std::uint64_t packDigits(std::string_view digits) {
  std::uint64_t key = 0;
  int n = 0;
  for (char c : digits) {
    if (n == kMaxDigits) break;
    key |= static_cast<std::uint64_t>(c - '0' + 1) << (4 * (kMaxDigits - n));
    ++n;
  }
  return key;
}

// The same digits in reverse order, for "ends with" ranges.
std::uint64_t reverseKey(std::uint64_t key) {
  std::array<char, kMaxDigits> d{};
  int n = 0;
  for (int i = 0; i < kMaxDigits; ++i) {
    auto nib = static_cast<int>((key >> (4 * (kMaxDigits - i))) & 0xF);
    if (nib == 0) break;
    d[static_cast<std::size_t>(n++)] = static_cast<char>('0' + nib - 1);
  }
  std::string r(d.begin(), d.begin() + n);
  std::reverse(r.begin(), r.end());
  return packDigits(r);
}

struct Range {
  std::uint64_t lo = 1, hi = 0;  // empty
  bool has(std::uint64_t k) const { return k >= lo && k <= hi; }
};

Range digitPrefixRange(std::string_view q) {
  if (q.empty()) return {};
  if (q.size() > static_cast<std::size_t>(kMaxDigits)) q = q.substr(0, kMaxDigits);
  std::uint64_t lo = packDigits(q);
  const int shift = 4 * (kMaxDigits - static_cast<int>(q.size()) + 1);
  std::uint64_t hi = lo | ((std::uint64_t{1} << shift) - 1);
  return {lo, hi};
}

int serialChar(char c) {
  if (c >= '0' && c <= '9') return c - '0' + 1;
  if (c >= 'a' && c <= 'z') return c - 'a' + 11;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 11;
  return -1;
}

std::uint64_t pow37(int n) {
  std::uint64_t p = 1;
  for (int i = 0; i < n; ++i) p *= 37;
  return p;
}

// nullopt-like: returns false if the text cannot be a serial.
bool packSerial(std::string_view s, std::uint64_t& key) {
  if (s.empty() || s.size() > static_cast<std::size_t>(kMaxSerial)) return false;
  key = 0;
  for (std::size_t i = 0; i < static_cast<std::size_t>(kMaxSerial); ++i) {
    int v = 0;
    if (i < s.size()) {
      v = serialChar(s[i]);
      if (v < 0) return false;
    }
    key = key * 37 + static_cast<std::uint64_t>(v);
  }
  return true;
}

template <class Key>
std::pair<std::size_t, std::size_t> sortedRange(const std::vector<std::uint32_t>& order, std::size_t sorted,
                                                const Range& r, Key key) {
  auto first = order.begin(), last = order.begin() + static_cast<std::ptrdiff_t>(sorted);
  auto lo = std::partition_point(first, last, [&](std::uint32_t p) { return key(p) < r.lo; });
  auto hi = std::partition_point(lo, last, [&](std::uint32_t p) { return key(p) <= r.hi; });
  return {static_cast<std::size_t>(lo - first), static_cast<std::size_t>(hi - first)};
}

template <typename Bytes>  // std::vector<std::uint8_t> or std::string
void putVarint(Bytes& out, std::uint32_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<typename Bytes::value_type>(v | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<typename Bytes::value_type>(v));
}

// Reads one varint at `at` and moves past it.
std::uint32_t getVarint(const std::uint8_t* data, std::size_t& at) {
  std::uint32_t v = 0;
  int shift = 0;
  for (;;) {
    const std::uint8_t b = data[at++];
    v |= static_cast<std::uint32_t>(b & 0x7F) << shift;
    if (!(b & 0x80)) return v;
    shift += 7;
  }
}

bool isDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Rank keys: compared as numbers, higher first (see the header for the order).
constexpr std::uint64_t kSerialHit = std::uint64_t{1} << 63;
constexpr int kClassShift = 60;  // 3 bits: how the words or digits matched
constexpr int kOrderShift = 58;  // 2 bits: the order of a person's names in the query
constexpr int kExactShift = 54;  // 4 bits: query words equal to whole words
constexpr std::uint64_t kToday = std::uint64_t{1} << 53, kNotPrinted = std::uint64_t{1} << 52,
                        kIsPerson = std::uint64_t{1} << 51;
// Postings walked before a query with enough ranked candidates stops looking for better ones.
constexpr std::size_t kWalkBudget = 8192;

// How a query word matched a dictionary word (TokenMatch::word_set).
constexpr std::uint8_t kInside = 1, kStart = 2, kWhole = 3;

}  // namespace

// What one query word matches: dictionary words (letters) or digit-key ranges (digits).
struct SearchIndex::TokenMatch {
  bool digits = false;
  std::vector<std::uint32_t> words;    // matching dictionary words: whole words, then beginnings, then insides
  std::vector<std::uint8_t> word_set;  // per dictionary word: 0, kInside, kStart or kWhole
  std::vector<Range> prefixes;         // digit keys starting with one of these
  std::vector<std::uint64_t> exact;    // digit keys equal to one of these (the whole number typed)
  Range suffix;                        // phone keys ending with the query digits
  std::size_t cost = 0;                // postings to walk if this word drives
};

std::uint32_t SearchIndex::tokenId(std::string_view w) {
  // Open addressing over the dictionary itself: a slot holds a word number + 1 (0: empty), the words
  // stay in word_blob_ only. A million distinct words (e-mail names are mostly unique) cost 8 MB here,
  // where a map of strings cost over 60.
  const std::size_t hash = std::hash<std::string_view>{}(w);
  if (!word_slots_.empty()) {
    const std::size_t mask = word_slots_.size() - 1;
    for (std::size_t i = hash & mask; word_slots_[i] != 0; i = (i + 1) & mask)
      if (word(word_slots_[i] - 1) == w) return word_slots_[i] - 1;
  }
  const auto id = static_cast<std::uint32_t>(postings_.size());
  word_blob_.append(w);
  word_begin_.push_back(static_cast<std::uint32_t>(word_blob_.size()));
  postings_.emplace_back();
  if ((postings_.size()) * 2 > word_slots_.size()) {  // at most half full: probes stay short
    std::vector<std::uint32_t> slots(std::max<std::size_t>(1024, word_slots_.size() * 2), 0);
    const std::size_t mask = slots.size() - 1;
    for (std::uint32_t k = 0; k < postings_.size(); ++k) {
      std::size_t i = std::hash<std::string_view>{}(word(k)) & mask;
      while (slots[i] != 0) i = (i + 1) & mask;
      slots[i] = k + 1;
    }
    word_slots_.swap(slots);
  } else {
    const std::size_t mask = word_slots_.size() - 1;
    std::size_t i = hash & mask;
    while (word_slots_[i] != 0) i = (i + 1) & mask;
    word_slots_[i] = id + 1;
  }
  return id;
}

void SearchIndex::addDigits(std::uint32_t record, std::string_view digits, bool phone) {
  const auto pos = static_cast<std::uint32_t>(digit_keys_.size());
  digit_keys_.push_back(packDigits(digits) | (phone ? kPhoneFlag : 0));
  digit_record_.push_back(record);
  by_prefix_.push_back(pos);
  if (phone) by_suffix_.push_back(pos);
}

void SearchIndex::setFirstDay(std::string_view iso) {
  if (dates::isIsoDate(iso)) first_day_ = dates::toDayNumber(iso);
}

void SearchIndex::upsert(const Entry& e) {
  remove(e.kind, e.id);
  const auto record = static_cast<std::uint32_t>(ids_.size());
  ids_.push_back(e.id);
  kinds_.push_back(static_cast<std::uint8_t>(e.kind));
  alive_.push_back(1);
  printed_.push_back(e.printed ? 1 : 0);
  std::uint32_t days = 0;
  for (std::string_view d : e.days) {
    if (!dates::isIsoDate(d)) continue;
    const long long n = dates::toDayNumber(d);
    if (first_day_ < 0) first_day_ = n;
    if (n >= first_day_ && n - first_day_ < 32) days |= std::uint32_t{1} << (n - first_day_);
  }
  days_.push_back(days);
  ++alive_count_;

  std::vector<std::uint32_t> mine, mineByField;  // this record's words, each once; (word, field) pairs
  for (const Text& t : e.texts) {
    const std::string folded = text::foldForSearch(t.text);
    for (std::string_view w : text::searchTokens(folded)) {
      if (isDigits(w)) {
        addDigits(record, w, false);
        continue;
      }
      const std::uint32_t id = tokenId(w);
      const std::uint32_t tagged = id << 2 | static_cast<std::uint32_t>(t.field);
      if (std::find(mineByField.begin(), mineByField.end(), tagged) == mineByField.end()) {
        mineByField.push_back(tagged);
        putVarint(record_tokens_, tagged);
      }
      if (std::find(mine.begin(), mine.end(), id) != mine.end()) continue;
      mine.push_back(id);
      Postings& p = postings_[id];
      putVarint(p.deltas, record - p.last);  // the first one is the record itself (last = 0)
      p.last = record;
      ++p.count;
    }
  }
  token_begin_.push_back(static_cast<std::uint32_t>(record_tokens_.size()));

  if (!e.phone.empty()) {
    std::string digits;
    for (char c : e.phone)
      if (c >= '0' && c <= '9') digits += c;
    // Moroccan numbers are found by their national digits (what people say: 6 12 34 56 78).
    if (digits.rfind("212", 0) == 0 && digits.size() == 12) digits.erase(0, 3);
    if (!digits.empty()) addDigits(record, digits, true);
  }
  digit_begin_.push_back(static_cast<std::uint32_t>(digit_keys_.size()));

  std::uint64_t key = 0;
  if (!e.serial.empty() && packSerial(e.serial, key)) {
    by_serial_.push_back(static_cast<std::uint32_t>(serial_keys_.size()));
    serial_keys_.push_back(key);
    serial_record_.push_back(record);
  }

  auto& map = e.kind == Kind::Person ? person_record_ : exhibitor_record_;
  const auto slot = static_cast<std::size_t>(e.id);
  if (e.id >= 0) {
    if (map.size() <= slot) map.resize(std::max(slot + 1, map.size() * 3 / 2 + 16), 0);
    map[slot] = record + 1;
  }
  if (!bulk_ && (by_prefix_.size() - sorted_prefix_ > 4096 || by_suffix_.size() - sorted_suffix_ > 4096 ||
                 by_serial_.size() - sorted_serial_ > 4096))
    sortPending();
}

void SearchIndex::remove(Kind kind, Id id) {
  auto& map = kind == Kind::Person ? person_record_ : exhibitor_record_;
  if (id < 0 || static_cast<std::size_t>(id) >= map.size() || map[static_cast<std::size_t>(id)] == 0) return;
  const std::uint32_t record = map[static_cast<std::size_t>(id)] - 1;
  map[static_cast<std::size_t>(id)] = 0;
  if (alive_[record]) {
    alive_[record] = 0;
    --alive_count_;
  }
}

bool SearchIndex::contains(Kind kind, Id id) const {
  const auto& map = kind == Kind::Person ? person_record_ : exhibitor_record_;
  return id >= 0 && static_cast<std::size_t>(id) < map.size() && map[static_cast<std::size_t>(id)] != 0;
}

void SearchIndex::setPrinted(Id person, bool printed) {
  if (!contains(Kind::Person, person)) return;
  printed_[person_record_[static_cast<std::size_t>(person)] - 1] = printed ? 1 : 0;
}

void SearchIndex::sortPending() {
  auto prefixKey = [this](std::uint32_t p) { return digit_keys_[p] & ~std::uint64_t{0xF}; };
  if (sorted_prefix_ < by_prefix_.size()) {
    auto mid = by_prefix_.begin() + static_cast<std::ptrdiff_t>(sorted_prefix_);
    std::sort(mid, by_prefix_.end(), [&](auto a, auto b) { return prefixKey(a) < prefixKey(b); });
    std::inplace_merge(by_prefix_.begin(), mid, by_prefix_.end(),
                       [&](auto a, auto b) { return prefixKey(a) < prefixKey(b); });
    sorted_prefix_ = by_prefix_.size();
  }
  if (sorted_suffix_ < by_suffix_.size()) {
    // Reversed keys computed once per pending entry, then merged into the sorted part.
    auto mid = by_suffix_.begin() + static_cast<std::ptrdiff_t>(sorted_suffix_);
    std::vector<std::pair<std::uint64_t, std::uint32_t>> pending;
    pending.reserve(by_suffix_.size() - sorted_suffix_);
    for (auto it = mid; it != by_suffix_.end(); ++it) pending.emplace_back(reverseKey(digit_keys_[*it]), *it);
    std::sort(pending.begin(), pending.end());
    for (std::size_t i = 0; i < pending.size(); ++i) mid[static_cast<std::ptrdiff_t>(i)] = pending[i].second;
    auto suffixKey = [this](std::uint32_t p) { return reverseKey(digit_keys_[p]); };
    if (sorted_suffix_ > 0)
      std::inplace_merge(by_suffix_.begin(), mid, by_suffix_.end(),
                         [&](auto a, auto b) { return suffixKey(a) < suffixKey(b); });
    sorted_suffix_ = by_suffix_.size();
  }
  if (sorted_serial_ < by_serial_.size()) {
    auto key = [this](std::uint32_t p) { return serial_keys_[p]; };
    auto mid = by_serial_.begin() + static_cast<std::ptrdiff_t>(sorted_serial_);
    std::sort(mid, by_serial_.end(), [&](auto a, auto b) { return key(a) < key(b); });
    std::inplace_merge(by_serial_.begin(), mid, by_serial_.end(), [&](auto a, auto b) { return key(a) < key(b); });
    sorted_serial_ = by_serial_.size();
  }
}

void SearchIndex::compact() {
  sortPending();
  // Growth leaves up to half of each array unused; a loaded index gives it back.
  for (auto* v : {&token_begin_, &digit_begin_, &digit_record_, &by_prefix_, &by_suffix_, &serial_record_, &by_serial_,
                  &person_record_, &exhibitor_record_, &word_begin_})
    v->shrink_to_fit();
  for (auto* v : {&kinds_, &alive_, &printed_, &record_tokens_}) v->shrink_to_fit();
  days_.shrink_to_fit();
  for (auto* v : {&digit_keys_, &serial_keys_}) v->shrink_to_fit();
  ids_.shrink_to_fit();
  for (auto& p : postings_) p.deltas.shrink_to_fit();
}

void SearchIndex::matchWord(std::string_view w, bool phoneLike, TokenMatch& m) const {
  auto prefixKey = [this](std::uint32_t p) { return digit_keys_[p] & ~std::uint64_t{0xF}; };
  if (isDigits(w)) {
    m.digits = true;
    m.prefixes.push_back(digitPrefixRange(w));
    m.exact.push_back(packDigits(w));
    if (phoneLike) {
      // What people type for a Moroccan number, reduced to the national digits that are indexed.
      std::string_view n = w;
      if (n.rfind("00", 0) == 0) n.remove_prefix(2);
      if (n.rfind("212", 0) == 0) n.remove_prefix(3);
      if (n.rfind("0", 0) == 0) n.remove_prefix(1);
      if (!n.empty() && n != w) {
        m.prefixes.push_back(digitPrefixRange(n));
        m.exact.push_back(packDigits(n));
      }
    }
    m.suffix = digitPrefixRange(std::string(w.rbegin(), w.rend()));
    for (const Range& r : m.prefixes) {
      auto [a, b] = sortedRange(by_prefix_, sorted_prefix_, r, prefixKey);
      m.cost += b - a;
    }
    auto [a, b] = sortedRange(by_suffix_, sorted_suffix_, m.suffix,
                              [this](std::uint32_t p) { return reverseKey(digit_keys_[p]); });
    m.cost += b - a + (by_prefix_.size() - sorted_prefix_) + (by_suffix_.size() - sorted_suffix_);
    return;
  }
  const auto words = static_cast<std::uint32_t>(postings_.size());
  m.word_set.assign(words, 0);
  std::vector<std::uint32_t> infix;
  for (std::uint32_t id = 0; id < words; ++id) {
    const std::string_view candidate = word(id);
    const std::size_t at = candidate.find(w);
    if (at == std::string_view::npos) continue;
    m.word_set[id] = at != 0 ? kInside : candidate.size() == w.size() ? kWhole : kStart;
    (at == 0 ? m.words : infix).push_back(id);
    m.cost += postings_[id].count;
  }
  // Whole-word matches first, then words that start with the query, then the rest.
  std::stable_partition(m.words.begin(), m.words.end(), [&](std::uint32_t id) { return m.word_set[id] == kWhole; });
  m.words.insert(m.words.end(), infix.begin(), infix.end());
}

// 0: no digit run of the record matches; 3: one equals the digits typed; 2: a phone number ends with
// them (or begins with them, when startFirst); 1: the other end, or digits inside a text.
int SearchIndex::digitsMatch(std::uint32_t record, const TokenMatch& m, bool startFirst) const {
  int best = 0;
  for (std::uint32_t i = digit_begin_[record]; i < digit_begin_[record + 1]; ++i) {
    const std::uint64_t key = digit_keys_[i] & ~std::uint64_t{0xF};
    const bool phone = digit_keys_[i] & kPhoneFlag;
    if (std::find(m.exact.begin(), m.exact.end(), key) != m.exact.end()) return 3;
    for (const Range& r : m.prefixes)
      if (r.has(key)) best = std::max(best, phone && startFirst ? 2 : 1);
    if (phone && m.suffix.has(reverseKey(key))) best = std::max(best, startFirst ? 1 : 2);
  }
  return best;
}

std::uint64_t SearchIndex::tieBreak(std::uint32_t record, std::uint32_t todayBit) const {
  std::uint64_t key = 0xFFFFFFFFu - record;  // earlier registrations first among equals
  if (kinds_[record] == static_cast<std::uint8_t>(Kind::Person)) {
    key |= kIsPerson;
    if (days_[record] & todayBit) key |= kToday;
    if (!printed_[record]) key |= kNotPrinted;
  }
  return key;
}

bool SearchIndex::scoreWords(std::uint32_t record, const std::vector<TokenMatch>& matches, std::uint64_t& key) const {
  constexpr std::size_t kLast = 0, kFirst = 1, kName = 2, kOther = 3;
  const std::size_t n = matches.size();
  // level[i][field]: how query word i matched in that field of the record.
  std::array<std::array<std::uint8_t, 4>, 16> level{};
  const std::size_t end = token_begin_[record + 1];
  for (std::size_t at = token_begin_[record]; at < end;) {
    const std::uint32_t tagged = getVarint(record_tokens_.data(), at);
    const std::uint32_t id = tagged >> 2, field = tagged & 3;
    for (std::size_t i = 0; i < n; ++i)
      if (!matches[i].digits) level[i][field] = std::max(level[i][field], matches[i].word_set[id]);
  }
  for (std::size_t i = 0; i < n; ++i)
    if (matches[i].digits && digitsMatch(record, matches[i], false) > 0) level[i][kOther] = kStart;

  const bool person = kinds_[record] == static_cast<std::uint8_t>(Kind::Person);
  bool names = person, own = !person, begins = true;
  int exact = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const auto& l = level[i];
    const std::uint8_t best = std::max({l[kLast], l[kFirst], l[kName], l[kOther]});
    if (best == 0) return false;
    if (best < kStart) begins = false;
    if (best == kWhole) ++exact;
    if (l[kLast] < kStart && l[kFirst] < kStart && l[kName] < kStart) names = false;
    if (l[kName] < kStart) own = false;
  }
  const int cls = names ? 4 : own ? 3 : begins ? 2 : 1;
  int order = 0;
  if (names) {
    auto in = [&](std::size_t i, std::size_t field) { return level[i][field] >= kStart; };
    // The longest run of words from the start that fit one field, and from the end the other.
    auto fits = [&](std::size_t head, std::size_t tail) {
      std::size_t p = 0;
      while (p < n && in(p, head)) ++p;
      std::size_t s = n;
      while (s > 0 && in(s - 1, tail)) --s;
      return p >= 1 && std::max<std::size_t>(s, 1) <= p;
    };
    bool allName = true;
    for (std::size_t i = 0; i < n; ++i) allName = allName && in(i, kName);
    order = allName || fits(kLast, kFirst) ? 3 : fits(kFirst, kLast) ? 2 : 1;
  }
  key = static_cast<std::uint64_t>(cls) << kClassShift | static_cast<std::uint64_t>(order) << kOrderShift |
        static_cast<std::uint64_t>(std::min(exact, 15)) << kExactShift;
  return true;
}

SearchIndex::Result SearchIndex::search(std::string_view query, std::size_t limit, std::string_view today) const {
  Result result;
  if (limit == 0) return result;
  const std::string folded = text::foldForSearch(query);
  if (folded.empty()) return result;

  std::uint32_t todayBit = 0;
  if (first_day_ >= 0 && dates::isIsoDate(today)) {
    const long long d = dates::toDayNumber(today) - first_day_;
    if (d >= 0 && d < 32) todayBit = std::uint32_t{1} << d;
  }

  // Every match is a candidate with its rank key; the walk stops early only once it holds more than
  // the limit and enough candidates have been ranked.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> candidates;
  std::vector<std::uint64_t> seen((ids_.size() + 63) / 64, 0);
  std::size_t walked = 0;
  auto firstVisit = [&](std::uint32_t record) {
    std::uint64_t& word = seen[record / 64];
    const std::uint64_t bit = std::uint64_t{1} << (record % 64);
    if (word & bit) return false;
    word |= bit;
    return true;
  };
  auto enough = [&] {
    return candidates.size() > limit && (candidates.size() >= kRankedCandidates || walked >= kWalkBudget);
  };
  std::vector<std::uint32_t> weak;  // serial beginnings that may as well be a name or a number
  auto finish = [&] {
    for (std::uint32_t record : weak)
      if (firstVisit(record))
        candidates.emplace_back(std::uint64_t{1} << kClassShift | tieBreak(record, todayBit), record);
    const std::size_t n = std::min(limit, candidates.size());
    auto better = [](const auto& a, const auto& b) { return a.first > b.first; };
    std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(n), candidates.end(),
                      better);
    result.hits.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint32_t record = candidates[i].second;
      result.hits.push_back({static_cast<Kind>(kinds_[record]), ids_[record]});
    }
    result.more = candidates.size() > limit;
    return result;
  };

  // A serial typed or scanned in full comes first, and so does its beginning when it mixes letters and
  // digits. A beginning of letters only ("benn") or digits only ("6123") is as likely a name or the end
  // of a phone number: with a million badges some serial begins with almost any four characters, so
  // those hits come after the names and numbers that match (`weak`, added at the end).
  std::string compactText;
  for (char c : folded)
    if (c != ' ') compactText += c;
  std::uint64_t key = 0;
  if (compactText.size() >= 4 && packSerial(compactText, key)) {
    const bool hasDigit = compactText.find_first_of("0123456789") != std::string::npos;
    const bool hasLetter = compactText.find_first_not_of("0123456789") != std::string::npos;
    const std::uint64_t span = pow37(kMaxSerial - static_cast<int>(compactText.size()));
    const Range r{key, key + span - 1};
    auto serialKey = [this](std::uint32_t p) { return serial_keys_[p]; };
    auto offer = [&](std::uint32_t p) {
      const std::uint32_t record = serial_record_[p];
      if (!alive_[record]) return;
      if (serial_keys_[p] == key || (hasDigit && hasLetter)) {
        if (firstVisit(record)) candidates.emplace_back(kSerialHit | tieBreak(record, todayBit), record);
      } else {
        weak.push_back(record);
      }
    };
    auto [a, b] = sortedRange(by_serial_, sorted_serial_, r, serialKey);
    for (std::size_t i = a; i < b; ++i) offer(by_serial_[i]);
    for (std::size_t i = sorted_serial_; i < by_serial_.size(); ++i)
      if (r.has(serial_keys_[by_serial_[i]])) offer(by_serial_[i]);
  }

  // A phone number typed with spaces or dashes is one number, not several words.
  std::vector<std::string> words;
  bool phoneLike = !query.empty();
  std::string phoneDigits;
  for (char c : query) {
    if (c >= '0' && c <= '9')
      phoneDigits += c;
    else if (!(c == ' ' || c == '+' || c == '-' || c == '.' || c == '(' || c == ')'))
      phoneLike = false;
  }
  if (phoneLike && phoneDigits.size() >= 3) {
    words.push_back(phoneDigits);
  } else {
    phoneLike = false;
    for (std::string_view w : text::searchTokens(folded))
      if (std::find(words.begin(), words.end(), w) == words.end()) words.emplace_back(w);
  }
  if (words.size() > 16) words.resize(16);
  if (words.empty()) return finish();
  // Typed from its beginning (0..., +...), a number is looked for by its beginning first.
  const std::size_t firstChar = query.find_first_not_of(' ');
  const bool startFirst = firstChar != std::string_view::npos && (query[firstChar] == '0' || query[firstChar] == '+');

  std::vector<TokenMatch> matches(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) {
    matchWord(words[i], phoneLike, matches[i]);
    if (matches[i].cost == 0) return finish();
  }
  std::size_t driver = 0;
  for (std::size_t i = 1; i < matches.size(); ++i)
    if (matches[i].cost < matches[driver].cost) driver = i;

  // Visits a candidate; false when the walk may stop.
  auto consider = [&](std::uint32_t record) {
    ++walked;
    if (!alive_[record] || !firstVisit(record)) return !enough();
    std::uint64_t rank = 0;
    if (phoneLike) {
      rank = static_cast<std::uint64_t>(digitsMatch(record, matches[0], startFirst)) << kClassShift;
    } else if (!scoreWords(record, matches, rank)) {
      return !enough();
    }
    candidates.emplace_back(rank | tieBreak(record, todayBit), record);
    return !enough();
  };

  const TokenMatch& d = matches[driver];
  if (!d.digits) {
    bool inside = false;
    for (std::uint32_t id : d.words) {
      // Past the beginnings, the driver only matches inside words: every record found from here on
      // ranks below those whose every word begins a word. With more than enough of those, stop.
      if (!inside && d.word_set[id] == kInside) {
        inside = true;
        const auto good = std::count_if(candidates.begin(), candidates.end(), [](const auto& c) {
          return (c.first & kSerialHit) || (c.first >> kClassShift & 7) >= 2;
        });
        if (static_cast<std::size_t>(good) > limit) return finish();
      }
      const Postings& p = postings_[id];
      std::uint32_t record = 0;
      for (std::size_t at = 0; at < p.deltas.size();) {
        record += getVarint(reinterpret_cast<const std::uint8_t*>(p.deltas.data()), at);
        if (!consider(record)) return finish();
      }
    }
    return finish();
  }
  auto prefixKey = [this](std::uint32_t p) { return digit_keys_[p] & ~std::uint64_t{0xF}; };
  auto walkPrefixes = [&] {
    for (const Range& r : d.prefixes) {
      auto [a, b] = sortedRange(by_prefix_, sorted_prefix_, r, prefixKey);
      for (std::size_t i = a; i < b; ++i)
        if (!consider(digit_record_[by_prefix_[i]])) return false;
      for (std::size_t i = sorted_prefix_; i < by_prefix_.size(); ++i)
        if (r.has(prefixKey(by_prefix_[i])) && !consider(digit_record_[by_prefix_[i]])) return false;
    }
    return true;
  };
  auto walkSuffix = [&] {
    auto suffixKey = [this](std::uint32_t p) { return reverseKey(digit_keys_[p]); };
    auto [a, b] = sortedRange(by_suffix_, sorted_suffix_, d.suffix, suffixKey);
    for (std::size_t i = a; i < b; ++i)
      if (!consider(digit_record_[by_suffix_[i]])) return false;
    for (std::size_t i = sorted_suffix_; i < by_suffix_.size(); ++i)
      if (d.suffix.has(suffixKey(by_suffix_[i])) && !consider(digit_record_[by_suffix_[i]])) return false;
    return true;
  };
  // The end looked for first is walked first: the walk may stop before the other.
  if (startFirst || !phoneLike) {
    if (walkPrefixes()) walkSuffix();
  } else if (walkSuffix()) {
    walkPrefixes();
  }
  return finish();
}

std::size_t SearchIndex::memoryBytes() const {
  auto bytes = [](const auto& v) { return v.capacity() * sizeof(v[0]); };
  std::size_t n = bytes(ids_) + bytes(kinds_) + bytes(alive_) + bytes(token_begin_) + bytes(record_tokens_) +
                  bytes(digit_begin_) + bytes(digit_keys_) + bytes(digit_record_) + bytes(by_prefix_) +
                  bytes(by_suffix_) + bytes(serial_keys_) + bytes(serial_record_) + bytes(by_serial_) +
                  bytes(person_record_) + bytes(exhibitor_record_) + word_blob_.capacity() + bytes(word_begin_) +
                  bytes(printed_) + bytes(days_);
  for (const auto& p : postings_) n += sizeof(p) + (p.deltas.capacity() > 15 ? p.deltas.capacity() : 0);
  n += bytes(word_slots_);
  return n;
}

std::string SearchIndex::haystack(const Entry& e) {
  std::string out;
  for (const Text& t : e.texts) {
    out += text::foldForSearch(t.text);
    out += ' ';
  }
  for (char c : e.phone)
    if (c >= '0' && c <= '9') out += c;
  out += ' ';
  out += text::foldForSearch(e.serial);
  return out;
}

}  // namespace moussem
