#include <catch2/catch.hpp>

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
    "MSM1.K7QW2B.ABCDEFGH.1.OFFICIAL.*.*.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
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

TEST_CASE("a person typing is not a burst; a cut-off burst is handed over when the keys stop") {
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
