#include <imgui.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>

#include "core/i18n.hpp"
#include "gate_fixture.hpp"
#include "ui/headless.hpp"
#include "ui/screens/desk_screen.hpp"
#include "ui/screens/gate_screen.hpp"
#include "ui/shell.hpp"
#include "ui/text_display.hpp"

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
    } else if (c == '0')
      out += "\xC3\xA0";
    else if (c == 'A')
      out += 'Q';
    else if (c == 'Q')
      out += 'A';
    else if (c == 'W')
      out += 'Z';
    else if (c == 'Z')
      out += 'W';
    else if (c == 'M')
      out += '?';
    else if (c == '.')
      out += ':';
    else if (c == '*')
      out += '8';
    else
      out += c;
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

TEST_CASE(
    "a scanner burst typed through an AZERTY mapping shows the right verdict, and nothing lands in the search field") {
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
  CHECK(v->reason == ScanReason::Ok);
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
  k.screen.model().setDirection(Direction::Out);
  k.scanBurst(payload, typed);
  k.frames(2);
  CHECK(k.screen.model().lastVerdict()->accepted);
  CHECK(k.screen.model().insideNow() == 0);
  std::string forged = payload;
  forged[forged.size() - 20] = forged[forged.size() - 20] == 'A' ? 'B' : 'A';
  k.scanBurst(forged, azerty(forged));
  k.frames(2);
  CHECK(k.screen.model().lastVerdict()->reason == ScanReason::Forged);
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
  CHECK(v->reason == ScanReason::Ok);
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
  CHECK(v->reason == ScanReason::Ok);
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

TEST_CASE("a refusal's reason reads from two metres: at least half the verdict's size, and a revoked badge says why") {
  Kiosk k;
  const std::string payload = k.f.payload(k.f.speaker);
  k.f.badges().revoke(k.f.speaker, "badge perdu, remplacé au guichet 2");
  for (const char* lang : {"fr", "ar", "en"}) {
    INFO(lang);
    i18n::setLanguage(lang);
    k.scanBurst(payload, "");
    k.frames(3);
    const gate::Verdict* v = k.screen.model().verdictOnShow();
    REQUIRE(v);
    CHECK(v->reason == ScanReason::Revoked);
    CHECK(v->revocation_reason == "badge perdu, remplacé au guichet 2");
    CHECK(k.screen.verdictTitleSize() > 40);
    CHECK(k.screen.verdictReasonSize() >= 0.5f * k.screen.verdictTitleSize());
    const auto& shown = k.screen.verdictLines();
    CHECK(std::find(shown.begin(), shown.end(), i18n::label("reason", "revoked")) != shown.end());
    CHECK(std::find(shown.begin(), shown.end(),
                    tr("gate.screen.revoked_because", {"badge perdu, remplacé au guichet 2"})) != shown.end());
  }
  i18n::setLanguage("fr");
}

TEST_CASE("the last scans show every reason whole: the reason column is as wide as its longest reason") {
  Kiosk k;
  k.scanBurst("GARBAGE-NOT-A-BADGE", "");  // "Code illisible ou incomplet", the longest French reason
  k.scanBurst(k.f.payload(k.f.official), "");
  for (const char* lang : {"fr", "ar", "en"}) {
    INFO(lang);
    i18n::setLanguage(lang);
    k.frames(3);
    REQUIRE(k.screen.model().recent().size() == 2);
    const float needed = ImGui::CalcTextSize(ui::display(i18n::label("reason", "malformed")).c_str()).x;
    CHECK(k.screen.lastScansReasonWidth() >= needed);
  }
  i18n::setLanguage("fr");
}

TEST_CASE("a verdict goes back to 'present the badge' after the edition's verdict time, never left stale") {
  Kiosk k;
  double seconds = 1000;
  k.screen.model().setScreenClock([&] { return seconds; });
  k.frames(2);
  CHECK_FALSE(k.screen.model().verdictOnShow());
  CHECK(k.screen.verdictReasonSize() == 0);
  k.scanBurst(k.f.payload(k.f.official), "");
  k.frames(2);
  REQUIRE(k.screen.model().verdictOnShow());
  CHECK(k.screen.model().verdictSeconds() == gate::kDefaultVerdictSeconds);
  // The app is asked to wake before the verdict fades, then draws every frame while it fades.
  CHECK(k.screen.nextFrameIn() <= 5.0);
  CHECK_FALSE(k.screen.busy());
  seconds += 4.7;
  k.frames(1);
  CHECK(k.screen.model().verdictOnShow());
  CHECK(k.screen.busy());
  seconds += 0.4;
  k.frames(1);
  CHECK_FALSE(k.screen.model().verdictOnShow());
  CHECK_FALSE(k.screen.busy());
  CHECK(k.screen.verdictLines() == std::vector<std::string>{tr("gate.screen.waiting")});
  CHECK(k.screen.model().lastVerdict());  // still known, no longer shown

  // The organiser's setting: 2 seconds at every gate; out of range is refused and changes nothing.
  CHECK_FALSE(k.screen.model().setVerdictSeconds(0));
  CHECK(k.screen.model().verdictSeconds() == 5);
  REQUIRE(k.screen.model().setVerdictSeconds(2));
  CHECK(k.f.store->setting(gate::kVerdictSecondsSetting) == "2");
  k.scanBurst(k.f.payload(k.f.official), "");
  k.frames(2);
  CHECK(k.screen.model().verdictOnShow());
  seconds += 2.1;
  k.frames(1);
  CHECK_FALSE(k.screen.model().verdictOnShow());
  // Another gate screen opening a profile reads it.
  ui::GateModel other(*k.f.store);
  other.load();
  CHECK(other.verdictSeconds() == 2);
}

TEST_CASE("accepted today and the last scans follow the edition's day, dates on other days' rows, new scans in order") {
  Kiosk k;
  // Yesterday (the 10th): two entries at the exhibition, never scanned out.
  {
    gate::ScanPipeline g(*k.f.store, {"gate-x", ""});
    const auto hall = k.f.profile("exhibition");
    REQUIRE(
        g.scan(k.f.payload(k.f.official), hall, Direction::In, GateFixture::at("2026-02-10T10:00:00+01:00")).accepted);
    REQUIRE(
        g.scan(k.f.payload(k.f.exhibitor), hall, Direction::In, GateFixture::at("2026-02-10T11:00:00+01:00")).accepted);
    // A rehearsal played ahead: logged for the 12th, not among the last scans of the 11th.
    REQUIRE(
        g.scan(k.f.payload(k.f.official), hall, Direction::In, GateFixture::at("2026-02-12T08:00:00+01:00")).accepted);
  }
  std::string now = "2026-02-11T09:00:00+01:00";
  k.screen.model().setClock([&] { return GateFixture::at(now.c_str()); });
  k.screen.model().load();
  k.frames(2);
  auto& m = k.screen.model();
  CHECK(m.today() == "2026-02-11");
  CHECK(m.acceptedToday() == 0);
  CHECK(m.insideNow() == 0);  // presence resets at midnight (the default profile's policy)
  REQUIRE(m.recent().size() == 2);
  CHECK(m.recent()[0].at == "2026-02-10T11:00:00+01:00");
  CHECK(m.recent()[1].at == "2026-02-10T10:00:00+01:00");

  // Today's first scan: on top, counted; yesterday's rows still below it.
  k.scanBurst(k.f.payload(k.f.official), "");
  k.frames(2);
  CHECK(m.acceptedToday() == 1);
  CHECK(m.insideNow() == 1);
  REQUIRE(m.recent().size() == 3);
  CHECK(m.recent()[0].at == now);
  for (std::size_t i = 1; i < m.recent().size(); ++i) CHECK(m.recent()[i - 1].at >= m.recent()[i].at);
  // The list agrees with the counter: its accepted rows of today are the ones counted.
  long long undated = 0;
  for (const auto& r : m.recent()) undated += r.accepted && r.at.substr(0, 10) == m.today() ? 1 : 0;
  CHECK(undated == m.acceptedToday());
  // Read back from the log: the same.
  m.load();
  CHECK(m.acceptedToday() == 1);
  REQUIRE(m.recent().size() == 3);
  CHECK(m.recent()[0].at == now);

  // Midnight at the venue: the counters start again by themselves (the screen wakes for it).
  CHECK(k.screen.nextFrameIn() <= 15 * 3600.0 + 60);
  now = "2026-02-12T00:01:00+01:00";
  k.frames(1);
  CHECK(m.today() == "2026-02-12");
  CHECK(m.acceptedToday() == 0);
  CHECK(m.insideNow() == 0);
}

TEST_CASE("the gate's messages follow a live language switch: no French left on the Arabic gate") {
  Kiosk k;
  k.frames(2);
  k.screen.model().search = "Personne-Inconnue-Zzz";
  k.screen.model().runSearch();
  CHECK(k.screen.model().message() == "Aucune personne trouvée");
  i18n::setLanguage("ar");
  k.frames(2);
  CHECK(k.screen.model().message() == tr("gate.screen.no_match"));
  CHECK(k.screen.model().message() != "Aucune personne trouvée");
  i18n::setLanguage("fr");
}
