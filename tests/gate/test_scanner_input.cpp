#include <catch2/catch.hpp>
#include <cctype>

#include "gate/scanner_input.hpp"

using namespace moussem::gate;

namespace {
// A US-configured scanner typing text: physical keys (as on a US keyboard), ms apart, then Enter.
void scan(ScannerDecoder& d, const std::string& text, double& t, double gap = 0.010, int terminator = keys::Enter) {
  for (char c : text) {
    auto k = usKeyFor(c);
    REQUIRE(k);
    k->time = t;
    d.press(*k);
    t += gap;
  }
  if (terminator) d.press({terminator, false, false, t});
  t += gap;
}
const std::string kPayload =
    "MSM1.K7QW2B.ABCDEFGH.1.OFFICIAL.*.*."
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
}  // namespace

TEST_CASE("US key positions and Shift give the scanner's characters") {
  CHECK(usCharacter('M', true) == 'M');
  CHECK(usCharacter('M', false) == 'm');
  CHECK(usCharacter('M', false, true) == 'M');  // Caps Lock
  CHECK(usCharacter('1', false) == '1');
  CHECK(usCharacter('8', true) == '*');
  CHECK(usCharacter(keys::Period, false) == '.');
  CHECK(usCharacter(keys::Enter, false) == '\0');
  for (char c : kPayload) CHECK(usCharacter(usKeyFor(c)->key, usKeyFor(c)->shift) == c);
}

TEST_CASE("a burst from the physical keys gives the payload, whatever the layout made of the characters") {
  // On AZERTY the same keys type ",S,&;K7AZ2B..." as characters: the decoder never looks at them.
  ScannerDecoder d;
  double t = 100.0;
  scan(d, kPayload, t);
  auto got = d.takePayloads();
  REQUIRE(got.size() == 1);
  CHECK(got[0] == kPayload);
  CHECK(d.bursts() == 1);
  CHECK_FALSE(d.pending());
  // Tab as terminator, and a whole burst delivered by one poll (no gap at all).
  scan(d, kPayload, t, 0.0, keys::Tab);
  CHECK(d.takePayloads() == std::vector<std::string>{kPayload});
}

TEST_CASE("a person typing is not a burst, a cut-off burst is handed over when the keys stop") {
  ScannerDecoder d;
  double t = 5.0;
  scan(d, "BENNANI", t, 0.180);  // a person: 180 ms between keys, then Enter
  CHECK(d.takePayloads().empty());
  CHECK(d.humanRuns() == 7);
  CHECK(d.bursts() == 0);

  scan(d, kPayload.substr(0, 40), t, 0.010, 0);  // no terminator: the scanner was pulled away
  CHECK(d.pending());
  d.poll(t + 0.005);
  CHECK(d.pending());
  d.poll(t + 0.5);
  CHECK_FALSE(d.pending());
  CHECK(d.takePayloads() == std::vector<std::string>{kPayload.substr(0, 40)});

  scan(d, "AB", t, 0.010);  // too short to be a badge: a person after all
  CHECK(d.takePayloads().empty());
  // Shift keys alone change nothing; 10 kB of keys are capped, not a crash.
  d.press({keys::LeftShift, false, false, t});
  CHECK_FALSE(d.pending());
  scan(d, std::string(10000, 'A'), t, 0.001);
  auto big = d.takePayloads();
  REQUIRE(big.size() == 1);
  CHECK(big[0].size() == 4096);
}

TEST_CASE("a burst typed with Caps Lock on comes out as the badge: the badge alphabet has no lower case") {
  ScannerDecoder d;
  double t = 1.0;
  // Caps Lock on: the scanner's Shift+letter types a lower-case letter; digits and '.' are untouched.
  for (char c : kPayload) {
    auto k = usKeyFor(c);
    REQUIRE(k);
    k->caps_lock = true;
    k->time = t;
    t += 0.010;
    CHECK(usCharacter(k->key, k->shift, true) == (std::isalpha(static_cast<unsigned char>(c)) ? std::tolower(c) : c));
    d.press(*k);
  }
  d.press({keys::Enter, false, true, t});
  CHECK(d.takePayloads() == std::vector<std::string>{kPayload});
  CHECK(d.capsLock());
  d.press({keys::Enter, false, false, t + 1});
  CHECK_FALSE(d.capsLock());
}

TEST_CASE(
    "gaps are judged on the keys' own times, pauses on their arrival: queued keys arriving at once stay one burst") {
  ScannerDecoder d;
  // Keys sent 10 ms apart; the first 20 arrive as sent, the rest wait 200 ms in the queue (a slow
  // frame) and arrive together.
  double sent = 10.0, arrival = 10.0;
  for (std::size_t i = 0; i < kPayload.size(); ++i) {
    if (i == 20) {
      d.poll(sent);  // the app polls right after the first keys: nothing to resolve yet
      CHECK(d.pending());
      arrival += 0.200;
    }
    auto k = usKeyFor(kPayload[i]);
    k->time = sent;
    k->arrival = i < 20 ? sent : arrival;
    sent += 0.010;
    d.press(*k);
  }
  d.press({keys::Enter, false, false, sent, arrival});
  CHECK(d.takePayloads() == std::vector<std::string>{kPayload});
  CHECK(d.bursts() == 1);
  CHECK(d.humanRuns() == 0);
  // A real pause between keys (their own times 300 ms apart) still ends a run, however they arrive.
  for (char c : std::string("ABCDEFGHIJ")) {
    auto k = usKeyFor(c);
    k->time = sent;
    k->arrival = arrival;
    sent += 0.300;
    d.press(*k);
  }
  d.poll(arrival + 1.0);
  CHECK(d.takePayloads().empty());
  CHECK(d.humanRuns() == 10);
}

TEST_CASE(
    "one hiccup of a busy machine in the middle of a burst keeps it whole, and a fast typist is never taken for a "
    "scanner") {
  ScannerDecoder d;
  double t = 20.0;
  for (std::size_t i = 0; i < kPayload.size(); ++i) {
    auto k = usKeyFor(kPayload[i]);
    k->time = t;
    t += i == 3 || i == 60 ? 0.070 : 0.010;  // twice 70 ms: the sender was descheduled
    d.press(*k);
  }
  d.press({keys::Enter, false, false, t});
  CHECK(d.takePayloads() == std::vector<std::string>{kPayload});
  CHECK(d.humanRuns() == 0);
  // A person typing a name fast (60-90 ms between keys, some pairs at 40 ms), then Enter: a person.
  const double gaps[] = {0.060, 0.090, 0.040, 0.075, 0.040, 0.085, 0.060, 0.070, 0.040};
  const std::string name = "BENJELLOUN";
  t += 1.0;
  for (std::size_t i = 0; i < name.size(); ++i) {
    auto k = usKeyFor(name[i]);
    k->time = t;
    if (i < 9) t += gaps[i];
    d.press(*k);
  }
  d.press({keys::Enter, false, false, t + 0.1});
  CHECK(d.takePayloads().empty());
  CHECK(d.bursts() == 1);
  CHECK(d.humanRuns() == 1);
}

TEST_CASE(
    "a scan stalled for a few hundred ms by a starved machine stays one badge, while a person's keys still go after "
    "100 ms") {
  ScannerDecoder d;
  double t = 40.0;
  for (std::size_t i = 0; i < kPayload.size(); ++i) {
    auto k = usKeyFor(kPayload[i]);
    k->time = t;
    k->arrival = t;
    t += i == 20 || i == 70 ? 0.300 : 0.010;  // twice 300 ms: the X server or the app had no CPU
    d.press(*k);
    if (i == 20) {
      d.poll(t - 0.01);  // the app draws a frame during the stall: the burst is held, not cut
      CHECK(d.pending());
    }
  }
  d.press({keys::Enter, false, false, t});
  CHECK(d.takePayloads() == std::vector<std::string>{kPayload});
  CHECK(d.humanRuns() == 0);
  // A person's three keys: released 100 ms after the last one, as before.
  t += 1.0;
  for (char c : std::string("ABC")) {
    auto k = usKeyFor(c);
    k->time = t;
    d.press(*k);
    t += 0.150;
  }
  d.poll(t - 0.150 + 0.12);
  CHECK_FALSE(d.pending());
  CHECK(d.takePayloads().empty());
  CHECK(d.humanRuns() == 3);  // 150 ms apart: each key let through on its own, 100 ms after it
}
