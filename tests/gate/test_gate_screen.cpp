#include <catch2/catch.hpp>
#include <cctype>

#include "core/i18n.hpp"
#include "gate_fixture.hpp"
#include "ui/headless.hpp"
#include "ui/screens/desk_screen.hpp"
#include "ui/screens/gate_screen.hpp"
#include "ui/shell.hpp"

using namespace moussem;
using moussem::test::GateFixture;

namespace {
// What a French AZERTY layout makes of the keys a US-configured scanner presses.
std::string azerty(const std::string& us) {
  std::string out;
  for (char c : us) {
    if (c >= '1' && c <= '9') {
      static const char* map[] = {"&", "\xC3\xA9", "\"", "'", "(", "-", "\xC3\xA8", "_", "\xC3\xA7"};
      out += map[c - '1'];
    } else if (c == '0') out += "\xC3\xA0";
    else if (c == 'A') out += 'Q';
    else if (c == 'Q') out += 'A';
    else if (c == 'W') out += 'Z';
    else if (c == 'Z') out += 'W';
    else if (c == 'M') out += '?';
    else if (c == '.') out += ':';
    else if (c == '*') out += '8';
    else out += c;
  }
  return out;
}

// The gate as a kiosk (a gate user's shell: the gate screen alone), keys handed to the shell as the
// app hands them over, on a clock the test moves.
struct Kiosk {
  GateFixture f;
  test::HeadlessUi ui{ImVec2(1280, 800)};
  ui::Shell shell{*f.store, Actor{"steward", Role::Gate, "gate-1"}};
  ui::GateScreen& screen = dynamic_cast<ui::GateScreen&>(*shell.screens().front());
  double now = 100.0;  // the keys' clock (seconds)
  Kiosk() {
    shell.setKeyClock([this] { return now; });
    screen.model().setClock([] { return *gate::parseMoment("2026-02-10T10:00:00+01:00"); });
    screen.onShow();
  }
  void frames(int n) {
    for (int i = 0; i < n; ++i) {
      ui.frame([&] { shell.draw(); });
      now += 0.016;
    }
  }
  void key(gate::KeyPress k) { shell.onPhysicalKey(k); }
  // The scanner: physical US key positions (what GLFW key tokens report), keys 8 ms apart, Enter;
  // and the characters the layout made of them, which must never reach a text field.
  void scanBurst(const std::string& payload, const std::string& layoutChars, bool capsLock = false) {
    for (char c : payload) {
      auto k = gate::usKeyFor(c);
      REQUIRE(k);
      k->caps_lock = capsLock;
      k->time = now;
      now += 0.008;
      key(*k);
    }
    key({gate::keys::Enter, false, capsLock, now});
    ui.typeText(layoutChars.c_str());
  }
  // A person's key: the key, then the character the layout typed.
  void typeKey(char us, const char* typed) {
    auto k = gate::usKeyFor(us);
    REQUIRE(k);
    k->time = now;
    key(*k);
    ui.typeText(typed);
  }
};
}  // namespace

TEST_CASE("a scanner burst typed through an AZERTY mapping shows the right verdict, and nothing lands in the search field") {
  Kiosk k;
  k.frames(2);
  k.screen.focusSearch();
  k.frames(2);
  const std::string payload = k.f.payload(k.f.official);
  const std::string typed = azerty(payload);
  REQUIRE(typed != payload);
  k.scanBurst(payload, typed);
  k.frames(3);
  const auto& v = k.screen.model().lastVerdict();
  REQUIRE(v);
  CHECK(v->accepted);
  CHECK(v->reason == "ok");
  REQUIRE(v->person);
  CHECK(v->person->name == "Karim Bennani");
  CHECK(k.screen.model().search.empty());
  // The field did have the keyboard: a person's key typed now lands there, alone.
  k.screen.focusSearch();
  k.frames(2);
  k.typeKey('x', "x");
  k.frames(10);  // a person's key waits at most the decoder's end gap (0.1 s) before it lands
  CHECK(k.screen.model().search == "x");
  CHECK(k.screen.verdictHeightFraction() >= 1.0f / 3.0f);
  CHECK(k.screen.model().acceptedToday() == 1);
  CHECK(k.screen.model().insideNow() == 1);
  CHECK(k.screen.model().recent().size() == 1);

  // The same badge scanned at the exit, then a forged one: red, with its reason.
  k.screen.model().setDirection("out");
  k.scanBurst(payload, typed);
  k.frames(2);
  CHECK(k.screen.model().lastVerdict()->accepted);
  CHECK(k.screen.model().insideNow() == 0);
  std::string forged = payload;
  forged[forged.size() - 20] = forged[forged.size() - 20] == 'A' ? 'B' : 'A';
  k.scanBurst(forged, azerty(forged));
  k.frames(2);
  CHECK(k.screen.model().lastVerdict()->reason == "forged");
  CHECK(k.f.scans() == 3);
}

TEST_CASE("a person typing in the search field still types, and can admit someone manually") {
  Kiosk k;
  k.frames(2);
  k.screen.focusSearch();
  k.frames(2);
  // Slow keys (a person): held a few frames, then let through to the field.
  k.typeKey('B', "B");
  k.frames(12);
  k.typeKey('e', "e");
  k.frames(10);
  CHECK(k.screen.model().search == "Be");
  k.screen.model().search = "Bennani";
  k.screen.model().runSearch();
  REQUIRE(k.screen.model().matches().size() == 1);
  CHECK_FALSE(k.screen.model().admit(k.f.official));  // a reason is required
  k.screen.model().manualReason = "badge left at the hotel";
  CHECK(k.screen.model().admit(k.f.official));
  k.frames(2);
  CHECK(k.screen.model().lastVerdict()->manual);
  CHECK(k.f.store->recentScans("", 1)[0].manual);
}

TEST_CASE("the gate screen draws in French, Arabic and English, and its profile editor saves and refuses") {
  Kiosk k;
  const std::string payload = k.f.payload(k.f.speaker);
  for (const char* lang : {"ar", "en", "fr"}) {
    i18n::setLanguage(lang);
    k.scanBurst(payload, payload);
    k.frames(3);
    CHECK(k.screen.model().lastVerdict());
  }
  GateProfile g;
  g.name = "gala";
  g.zone = "vip";
  g.hours_from = "18:00";
  g.hours_to = "09:00";
  CHECK_FALSE(k.screen.model().saveProfile(g));
  CHECK_FALSE(k.screen.model().message().empty());
  g.hours_to = "23:00";
  CHECK(k.screen.model().saveProfile(g));
  CHECK(k.screen.model().profile()->name == "gala");
  CHECK(k.f.store->gateProfiles().size() == 4);
  k.frames(2);
}

TEST_CASE("the gate shows its default profiles by their translated names, and both names in the last scans") {
  Kiosk k;
  k.frames(2);
  const GateProfile* p = k.screen.model().profile();
  REQUIRE(p);
  // A default profile: a catalog label in every language; a profile the organisers named: its name.
  for (const char* lang : {"fr", "ar", "en"}) {
    INFO(lang);
    CHECK(i18n::label("gate_profile", "exhibition", lang) != "exhibition");
    CHECK(i18n::label("gate_profile", "forum", lang) != "forum");
    CHECK(i18n::label("gate_profile", "vip-lounge", lang) != "vip-lounge");
  }
  CHECK(i18n::label("gate_profile", "gala du soir") == "gala du soir");
  // Karim Bennani has an Arabic name: the last scans show it beside the Latin one, as the verdict does.
  k.scanBurst(k.f.payload(k.f.official), "");
  k.frames(3);
  REQUIRE_FALSE(k.screen.model().recent().empty());
  CHECK(k.screen.model().recent().front().name == "Karim Bennani");
  CHECK(k.screen.model().recent().front().name_ar == "كريم بناني");
  // Read back from the log (another profile chosen and back): the Arabic name is still there.
  k.screen.model().load();
  k.frames(2);
  bool found = false;
  for (const auto& r : k.screen.model().recent()) found = found || r.name_ar == "كريم بناني";
  CHECK(found);
  // Drawn in Arabic with its sections open: no ID used twice.
  i18n::setLanguage("ar");
  k.screen.focusSearch();  // opens the manual section
  k.frames(3);
  CHECK(test::takeIdClashes().empty());
  i18n::setLanguage("fr");
}

TEST_CASE("a badge read with Caps Lock on is the same badge, and the steward is told Caps Lock is on") {
  Kiosk k;
  k.frames(2);
  CHECK_FALSE(k.screen.showsCapsLock());
  // With Caps Lock on, the scanner's Shift+letter types lower case: the same badge all the same.
  const std::string payload = k.f.payload(k.f.official);
  std::string lowered = payload;
  for (char& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  k.scanBurst(payload, lowered, true);
  k.frames(3);
  const auto& v = k.screen.model().lastVerdict();
  REQUIRE(v);
  CHECK(v->reason == "ok");
  CHECK(v->accepted);
  CHECK(k.screen.showsCapsLock());
  CHECK(k.f.scans() == 1);
}

TEST_CASE("a slow frame in the middle of a burst changes nothing: the keys are judged on their own times") {
  Kiosk k;
  k.frames(2);
  k.screen.focusSearch();
  k.frames(2);
  const std::string payload = k.f.payload(k.f.speaker);
  // The scanner sends a key every 10 ms; the app is busy with a 150 ms frame after the first 30 keys,
  // which then wait in the window system's queue and arrive all at once, each with its own time.
  double sent = k.now;
  for (std::size_t i = 0; i < payload.size(); ++i) {
    if (i == 30) {
      k.frames(1);
      k.now += 0.150;
    }
    auto key = gate::usKeyFor(payload[i]);
    REQUIRE(key);
    key->time = sent;
    key->arrival = k.now;
    sent += 0.010;
    k.key(*key);
  }
  k.key({gate::keys::Enter, false, false, sent, k.now});
  k.frames(3);
  const auto& v = k.screen.model().lastVerdict();
  REQUIRE(v);
  CHECK(v->reason == "ok");
  CHECK(k.f.scans() == 1);
  CHECK(k.screen.model().search.empty());
}

TEST_CASE("a badge scanned at the desk brings up its holder, and the desk search field gets none of its characters") {
  GateFixture f;
  const std::string payload = f.payload(f.official);  // the badge exists before the desk opens
  test::HeadlessUi ui{ImVec2(1280, 800)};
  ui::Shell shell{*f.store};
  shell.select("desk");
  double now = 50.0;
  shell.setKeyClock([&] { return now; });
  auto* desk = dynamic_cast<ui::DeskScreen*>(&const_cast<ui::Screen&>(shell.current()));
  REQUIRE(desk);
  auto frames = [&](int n) {
    for (int i = 0; i < n; ++i) {
      ui.frame([&] { shell.draw(); });
      now += 0.016;
    }
  };
  frames(3);
  for (char c : payload) {
    auto key = gate::usKeyFor(c);
    REQUIRE(key);
    key->time = now;
    now += 0.008;
    shell.onPhysicalKey(*key);
  }
  shell.onPhysicalKey({gate::keys::Enter, false, false, now});
  ui.typeText(payload.c_str());
  frames(3);
  // The search index loads on a worker: the result shows once it is there.
  for (int i = 0; i < 500 && desk->model().results().empty(); ++i) {
    frames(1);
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  const auto serial = f.store->badgeOfPerson(f.official)->serial;
  CHECK(desk->model().query() == serial);
  CHECK(desk->searchText() == serial);  // the field shows the serial, not the characters typed
  REQUIRE_FALSE(desk->model().results().empty());
  CHECK(desk->model().results().front().id == f.official);
  CHECK(f.scans() == 0);  // the desk finds; only a gate logs scans
}
