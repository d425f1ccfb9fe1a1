// `bench desk-find` (PRODUCT.md, Performance): how many keys a desk operator presses before the person
// standing at the desk is the first of the desk's results, for people sampled from an edition. The
// search is the desk's own call (Registry::search with Registry::kDeskResults and the day the person
// comes), so the figure is the ranking's, measured and not guessed. Nothing is written: people without
// a badge get a serial in the in-memory index only, as BadgeService would mint it.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <random>

#include "badge/new_edition.hpp"
#include "bench_support.hpp"
#include "booth/demo_venue.hpp"
#include "cli_context.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/phone.hpp"
#include "core/signing_key.hpp"
#include "io/registry.hpp"
#include "store/demo/demo_data.hpp"

namespace moussem::cli {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

nlohmann::json figures(std::vector<int> keys, std::size_t missed, const char* how) {
  if (keys.empty()) return {{"people", 0}, {"how", how}};
  std::sort(keys.begin(), keys.end());
  auto at = [&](double p) {
    return keys[std::min(keys.size() - 1, static_cast<std::size_t>(p * static_cast<double>(keys.size())))];
  };
  double sum = 0;
  for (int k : keys) sum += k;
  return {{"people", keys.size()},
          {"median", at(0.5)},
          {"p90", at(0.9)},
          {"max", keys.back()},
          {"mean", sum / static_cast<double>(keys.size())},
          {"first_within_3", std::count_if(keys.begin(), keys.end(), [](int k) { return k <= 3; })},
          {"never_first", missed},
          {"how", how}};
}

}  // namespace

nlohmann::json benchDeskFind(long long n, int sample, const Context& ctx) {
  // The edition: the database given with --db, else the demo edition (the same as `demo` makes, in a
  // scratch folder), or with --n the cached demo edition of n participants.
  BenchScratch scratch("desk-");
  std::unique_ptr<Store> store;
  std::string edition = "demo";
  double buildSeconds = 0;
  if (!ctx.db.empty()) {
    store = openStore(ctx.databasePath(), OpenMode::Existing);
    edition = ctx.databasePath();
  } else if (n > 0) {
    store = openStore(cachedDemoEdition(n, ctx, &buildSeconds).string(), OpenMode::Existing);
    edition = "demo, " + std::to_string(n) + " participants";
  } else {
    auto t0 = Clock::now();
    store = createEditionDatabase(scratch.dir / "demo.db", demoEdition());
    booth::fillDemoEdition(*store, DemoOptions{});
    buildSeconds = std::chrono::duration<double>(Clock::now() - t0).count();
  }

  // The sample, and the index as the desk loads it, with a serial for everyone (a badge issued with the
  // invitation) so that serials collide as they would.
  std::vector<Id> ids = store->personIds();
  std::mt19937_64 rng(7);
  std::shuffle(ids.begin(), ids.end(), rng);
  if (ids.size() > static_cast<std::size_t>(sample)) ids.resize(static_cast<std::size_t>(sample));
  std::sort(ids.begin(), ids.end());
  std::vector<Person> people;
  for (Id id : ids)
    if (auto p = store->person(id)) people.push_back(*p);
  std::vector<std::string> serials(people.size());
  long long minted = 0;
  std::size_t next = 0;
  Registry registry(*store);
  auto t0 = Clock::now();
  registry.loadIndex([&ctx](double f) { ctx.progress(tr("desk.index.loading"), f); },
                     [&](const Person& p, const std::string& serial) {
                       std::string s = serial;
                       if (s.empty()) {
                         s = randomBase32(8);
                         ++minted;
                       }
                       while (next < people.size() && people[next].id < p.id) ++next;
                       if (next < people.size() && people[next].id == p.id) serials[next] = s;
                       return s;
                     });
  const double loadSeconds = std::chrono::duration<double>(Clock::now() - t0).count();

  std::vector<double> searchMs, searchCpu;
  long long searches = 0;
  // The first result for what is typed, on the day the person comes.
  auto top = [&](const std::string& typed, const std::string& day) -> std::optional<SearchIndex::Hit> {
    const double c0 = threadCpuMs();
    auto q0 = Clock::now();
    auto r = registry.search(typed, Registry::kDeskResults, day);
    searchMs.push_back(std::chrono::duration<double, std::milli>(Clock::now() - q0).count());
    searchCpu.push_back(threadCpuMs() - c0);
    ++searches;
    if (r.hits.empty()) return std::nullopt;
    return r.hits.front();
  };
  // Where the person is in the results for what is typed: 0 first, -1 not among them.
  auto rankOf = [&](const Person& p, const std::string& typed, const std::string& day) {
    auto r = registry.search(typed, Registry::kDeskResults, day);
    ++searches;
    for (std::size_t i = 0; i < r.hits.size(); ++i)
      if (r.hits[i].kind == SearchIndex::Kind::Person && r.hits[i].id == p.id) return static_cast<int>(i);
    return -1;
  };
  // Keys of the text typed one at a time until the person is first; 0 if never.
  auto keysTyping = [&](const Person& p, const std::string& text, const std::string& day) {
    const std::size_t len = charCount(text);
    for (std::size_t k = 1; k <= len; ++k) {
      auto hit = top(prefixChars(text, k), day);
      if (hit && hit->kind == SearchIndex::Kind::Person && hit->id == p.id) return static_cast<int>(k);
    }
    return 0;
  };
  // Never first, everything typed (namesakes): the keys typed, then Down to them (or past the list).
  auto keysWithArrows = [&](const Person& p, const std::string& text, const std::string& day) {
    const int at = rankOf(p, text, day);
    return static_cast<int>(charCount(text)) + (at < 0 ? static_cast<int>(Registry::kDeskResults) : at);
  };
  // The fewest keys for "beginning of one name, space, beginning of the other" (or the first alone).
  auto keysAbbreviated = [&](const Person& p, const std::string& a, const std::string& b, const std::string& day,
                             int most) {
    const int la = static_cast<int>(charCount(a)), lb = static_cast<int>(charCount(b));
    for (int total = 1; total <= most; ++total)
      for (int i = std::min(total, la); i >= 1; --i) {
        const int j = total == i ? 0 : total - i - 1;  // the space is a key too
        if (j < 0 || j > lb || (total != i && j == 0)) continue;
        const std::string typed = prefixChars(a, static_cast<std::size_t>(i)) +
                                  (j > 0 ? " " + prefixChars(b, static_cast<std::size_t>(j)) : "");
        auto hit = top(typed, day);
        if (hit && hit->kind == SearchIndex::Kind::Person && hit->id == p.id) return total;
      }
    return 0;
  };

  std::vector<int> throughName, lastFirst, eitherOrder, phoneEnd, phoneStart, serial;
  std::size_t missThrough = 0, missLastFirst = 0, missEither = 0, missPhoneEnd = 0, missPhoneStart = 0, missSerial = 0;
  std::size_t withoutPhone = 0, todayKnown = 0;
  for (std::size_t i = 0; i < people.size(); ++i) {
    const Person& p = people[i];
    ctx.progress(tr("bench.desk_find.progress"), static_cast<double>(i) / static_cast<double>(people.size()));
    // They come on one of their days (the ranking knows who attends today).
    std::string day;
    if (!p.days.empty()) {
      day = p.days[rng() % p.days.size()];
      ++todayKnown;
    }
    const std::string last = p.last_name.empty() ? p.name_ar : p.last_name, first = p.first_name;
    const std::string full = first.empty() ? last : last + " " + first;
    // Never first even with everything typed: the whole text, then the Down keys (counted in the
    // figures, and apart as never_first).
    int through = keysTyping(p, full, day);
    const int fallback = through ? through : keysWithArrows(p, full, day);
    if (through == 0) ++missThrough;
    throughName.push_back(fallback);
    int lf = keysAbbreviated(p, last, first, day, fallback);
    if (lf == 0) {
      lf = fallback;
      if (through == 0) ++missLastFirst;
    }
    lastFirst.push_back(lf);
    int either = lf;
    if (!first.empty()) {
      const int fl = keysAbbreviated(p, first, last, day, lf - 1);
      if (fl > 0 && fl < either) either = fl;
    }
    if (through == 0 && either == fallback) ++missEither;
    eitherOrder.push_back(either);

    const std::string e164(phone::e164Of(p.phone));
    std::string digits;
    for (char c : e164)
      if (c >= '0' && c <= '9') digits += c;
    if (digits.rfind("212", 0) == 0 && digits.size() == 12) digits = "0" + digits.substr(3);  // as said in Morocco
    if (digits.empty()) {
      ++withoutPhone;
    } else {
      int end = 0;
      for (std::size_t k = 1; k <= digits.size() && !end; ++k) {
        auto hit = top(digits.substr(digits.size() - k), day);
        if (hit && hit->kind == SearchIndex::Kind::Person && hit->id == p.id) end = static_cast<int>(k);
      }
      if (!end) {
        ++missPhoneEnd;
        end = keysWithArrows(p, digits, day);
      }
      phoneEnd.push_back(end);
      int start = keysTyping(p, digits, day);
      if (!start) {
        ++missPhoneStart;
        start = keysWithArrows(p, digits, day);
      }
      phoneStart.push_back(start);
    }
    int s = keysTyping(p, serials[i], day);
    if (!s) {
      ++missSerial;
      s = keysWithArrows(p, serials[i], day);
    }
    serial.push_back(s);
  }
  ctx.progress(tr("bench.desk_find.progress"), 1.0);
  std::sort(searchMs.begin(), searchMs.end());
  std::sort(searchCpu.begin(), searchCpu.end());
  auto pctOf = [](const std::vector<double>& v, double p) {
    return v.empty() ? 0.0 : v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
  };
  auto pct = [&](double p) { return pctOf(searchMs, p); };
  const nlohmann::json byName =
      figures(eitherOrder, missEither,
              "fewest keys typing the beginning of the last name and, after a space, of the first "
              "(or the first name then the last: \"a ghazali\"), the person first in the results");
  return {
      {"scenario", "desk-find"},
      {"edition", edition},
      {"people_in_edition", store->overview().people},
      {"edition_build_seconds", buildSeconds},
      {"index_load_seconds", loadSeconds},
      {"serials_minted_in_memory", minted},
      {"sampled", people.size()},
      {"sampled_with_a_day", todayKnown},
      {"sampled_without_phone", withoutPhone},
      {"results_shown", Registry::kDeskResults},
      {"by_name", byName},
      {"by_name_last_then_first",
       figures(lastFirst, missLastFirst,
               "fewest keys typing the beginning of the last name and, after a space, of the first")},
      {"by_name_typed_through",
       figures(throughName, missThrough,
               "keys typing the last name, a space and the first name letter by letter until the person "
               "is first, without abbreviating")},
      {"by_phone_last_digits",
       figures(phoneEnd, missPhoneEnd, "the last digits of the phone, as few as bring the person first")},
      {"by_phone_from_start", figures(phoneStart, missPhoneStart, "the number typed from its beginning (0...)")},
      {"by_serial", figures(serial, missSerial,
                            "the badge serial typed from its beginning (a scanned badge or invitation QR: one scan)")},
      {"target_median_by_name", n >= 1000000 ? 4 : 3},
      {"searches", searches},
      {"search_ms_p50", pct(0.5)},
      {"search_ms_p99", pct(0.99)},
      {"search_ms_max", searchMs.empty() ? 0.0 : searchMs.back()},
      {"search_cpu_ms_p50", pctOf(searchCpu, 0.5)},
      {"search_cpu_ms_p99", pctOf(searchCpu, 0.99)},
      {"note",
       "each person comes on one of their attendance days (the ranking's 'today'); 'never_first' counts "
       "people who are not first even with everything typed (namesakes): they count in the figures with "
       "everything typed plus the Down keys to reach them (or 50 more when not among the results)"}};
}

}  // namespace moussem::cli
