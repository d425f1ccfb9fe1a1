#include <catch2/catch.hpp>

#include "core/codes.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "gate_fixture.hpp"

using namespace moussem;
using moussem::test::GateFixture;

namespace {
gate::Station station() {
  return {"gate-a", "samir"};
}
const char* kMonday = "2026-02-09T10:00:00+01:00";
}  // namespace

TEST_CASE("a valid badge is accepted, logged before the verdict returns, with the person's summary") {
  GateFixture f;
  const std::string p = f.payload(f.speaker);
  gate::ScanPipeline g(*f.store, station());
  auto v = g.scan(p, f.profile("exhibition"), Direction::In, f.at(kMonday));
  CHECK(v.accepted);
  CHECK(v.reason == ScanReason::Ok);
  REQUIRE(v.person);
  CHECK(v.person->name == "Youssef Alaoui");
  CHECK(v.person->name_ar == "يوسف العلوي");
  CHECK(v.person->category == "speaker");
  CHECK(v.person->organization == "Coopérative Tafilalt");
  REQUIRE(v.serial);
  CHECK(v.version == 1);
  auto log = f.store->recentScans("exhibition", 5);
  REQUIRE(log.size() == 1);
  CHECK(log[0].verdict == ScanVerdict::Accepted);
  CHECK(log[0].reason == ScanReason::Ok);
  CHECK(log[0].station == "gate-a");
  CHECK(log[0].operator_name == "samir");
  CHECK(log[0].at == kMonday);
  CHECK(log[0].payload_digest.size() == 64);
  CHECK(log[0].person_id == f.speaker);
  CHECK(g.insideNow("exhibition") == 1);
}

TEST_CASE("bad payloads are rejected with their reason code and every one is logged") {
  GateFixture f;
  const std::string good = f.payload(f.official);
  gate::ScanPipeline g(*f.store, station());
  const auto gateProfile = f.profile("exhibition");
  auto reason = [&](const std::string& text) { return g.scan(text, gateProfile, Direction::In, f.at(kMonday)).reason; };

  CHECK(reason("") == ScanReason::Malformed);
  CHECK(reason("garbage") == ScanReason::Malformed);
  CHECK(reason(std::string(10 * 1024, 'A')) == ScanReason::Malformed);
  CHECK(reason(good.substr(0, good.size() / 2)) == ScanReason::Malformed);  // a burst cut off
  // The same payload typed through an AZERTY mapping: digits become & é " ' ..., A and Q swap.
  std::string azerty = good;
  for (char& c : azerty) {
    if (c == '1')
      c = '&';
    else if (c == 'A')
      c = 'Q';
    else if (c == 'Q')
      c = 'A';
    else if (c == '.')
      c = ';';
  }
  CHECK(reason(azerty) == ScanReason::Malformed);
  std::string forged = good;
  std::size_t i = good.rfind('.') + 10;
  forged[i] = forged[i] == 'A' ? 'B' : 'A';
  CHECK(reason(forged) == ScanReason::Forged);
  std::string category = good;  // the signed claims changed: VIP instead of OFFICIAL
  category.replace(category.find(".OFFICIAL."), 10, ".VIP.");
  CHECK(reason(category) == ScanReason::Forged);

  // Another edition's badge: its own uid and key.
  GateFixture other;
  CHECK(reason(other.payload(other.official)) == ScanReason::WrongEvent);
  // Our key, but a serial this edition never issued.
  BadgeClaims claims;
  claims.edition = f.store->edition()->uid;
  claims.serial = "ABCDEFGH";
  claims.category = "vip";
  CHECK(reason(signPayload(claims, f.key().secret_key)) == ScanReason::UnknownBadge);

  CHECK(f.scans() == 9);
  CHECK(f.store->countScans("exhibition", ScanVerdict::Rejected, "2026-02-09", "") == 9);
  CHECK(g.scan(good, gateProfile, Direction::In, f.at(kMonday)).accepted);
}

TEST_CASE("a reprinted badge makes the old one superseded, a revoked badge is revoked") {
  GateFixture f;
  const std::string v1 = f.payload(f.official);
  f.badges().reprint(f.official, "typo in the name");
  const std::string v2 = f.payload(f.official);
  const std::string other = f.payload(f.speaker);
  f.badges().revoke(f.speaker, "lost");
  gate::ScanPipeline g(*f.store, station());
  const auto p = f.profile("exhibition");
  CHECK(g.scan(v1, p, Direction::In, f.at(kMonday)).reason == ScanReason::Superseded);
  CHECK(g.scan(v2, p, Direction::In, f.at(kMonday)).reason == ScanReason::Ok);
  auto revoked = g.scan(other, p, Direction::In, f.at(kMonday));
  CHECK(revoked.reason == ScanReason::Revoked);
  CHECK(revoked.revocation_reason == "lost");  // the steward can say why
  REQUIRE(revoked.person);                     // the steward sees whose badge it is
  CHECK(revoked.person->name == "Youssef Alaoui");
}

TEST_CASE("a revoke made by another station after the gate loaded is seen at the next scan") {
  GateFixture f;
  const std::string p = f.payload(f.visitor);
  gate::ScanPipeline g(*f.store, station());
  const auto profile = f.profile("exhibition");
  CHECK(g.scan(p, profile, Direction::In, f.at("2026-02-11T10:00")).accepted);
  const long long before = f.store->dataVersion();
  {
    auto desk = openStore(f.db.string());  // a second connection, as another process would
    BadgeService(*desk, BadgeService::keyBeside(f.db.string()), {"desk-2", "hind"}).revoke(f.visitor, "stolen");
  }
  f.awaitOtherStation(before);
  CHECK(g.scan(p, profile, Direction::In, f.at("2026-02-11T10:05")).reason == ScanReason::Revoked);
  // And a badge issued by the same connection after the load is found too.
  Id late = f.addPerson("Omar", "Tazi", "عمر التازي", "press", {});
  CHECK(g.scan(f.payload(late), profile, Direction::In, f.at("2026-02-11T10:06")).accepted);
}

TEST_CASE("profile rules: zone, category, day and hours each have their reason") {
  GateFixture f;
  gate::ScanPipeline g(*f.store, station());
  const auto forum = f.profile("forum");
  const auto vip = f.profile("vip-lounge");
  const auto hall = f.profile("exhibition");

  // category_denied: an exhibitor at the forum and in the VIP lounge; an official is welcome in the lounge.
  CHECK(g.scan(f.payload(f.exhibitor), forum, Direction::In, f.at(kMonday)).reason == ScanReason::CategoryDenied);
  CHECK(g.scan(f.payload(f.exhibitor), vip, Direction::In, f.at(kMonday)).reason == ScanReason::CategoryDenied);
  CHECK(g.scan(f.payload(f.official), vip, Direction::In, f.at(kMonday)).reason == ScanReason::Ok);

  // not_valid_today: the forum runs the first two days; the speaker's badge is for 9 and 10 February;
  // nobody enters outside the edition.
  CHECK(g.scan(f.payload(f.official), forum, Direction::In, f.at("2026-02-12T10:00")).reason ==
        ScanReason::NotValidToday);
  CHECK(g.scan(f.payload(f.speaker), hall, Direction::In, f.at("2026-02-11T10:00")).reason ==
        ScanReason::NotValidToday);
  CHECK(g.scan(f.payload(f.speaker), hall, Direction::In, f.at("2026-02-10T10:00")).reason == ScanReason::Ok);
  CHECK(g.scan(f.payload(f.official), hall, Direction::In, f.at("2026-02-16T10:00")).reason ==
        ScanReason::NotValidToday);
  CHECK(g.scan(f.payload(f.official), hall, Direction::In, f.at("2026-02-08T10:00")).reason ==
        ScanReason::NotValidToday);

  // outside_hours: an evening gate open 18:00-22:00, to the minute.
  GateProfile evening;
  evening.name = "gala";
  evening.zone = "exhibition";
  evening.hours_from = "18:00";
  evening.hours_to = "22:00";
  evening = f.add(evening);
  CHECK(g.scan(f.payload(f.official), evening, Direction::In, f.at("2026-02-09T17:59")).reason ==
        ScanReason::OutsideHours);
  CHECK(g.scan(f.payload(f.official), evening, Direction::In, f.at("2026-02-09T22:00")).reason ==
        ScanReason::OutsideHours);
  CHECK(g.scan(f.payload(f.official), evening, Direction::In, f.at("2026-02-09T18:00")).reason == ScanReason::Ok);

  // zone_denied: a badge whose signed claims name only the exhibition zone (bit 0), at the forum.
  auto badge = f.badges().ensureBadge(f.official);
  BadgeClaims c = f.badges().claims(*f.store->person(f.official), badge);
  c.zones = 0x1u;
  const std::string hallOnly = signPayload(c, f.key().secret_key);
  CHECK(g.scan(hallOnly, forum, Direction::In, f.at(kMonday)).reason == ScanReason::ZoneDenied);
  CHECK(g.scan(hallOnly, hall, Direction::In, f.at("2026-02-10T09:00")).reason == ScanReason::Ok);
}

TEST_CASE("re-entry policies across directions and days") {
  GateFixture f;
  gate::ScanPipeline g(*f.store, station());
  const std::string p = f.payload(f.official);
  auto make = [&](const char* name, const char* zone, const char* policy, const char* presence = "daily") {
    GateProfile x;
    x.name = name;
    x.zone = zone;
    x.reentry = parseCode<ReentryPolicy>(policy, "test");
    x.presence_reset = parseCode<PresenceReset>(presence, "test");
    return f.add(x);
  };

  SECTION("always: in, in again, out, in") {
    auto a = make("b2b-always", "b2b", "always");
    CHECK(g.scan(p, a, Direction::In, f.at("2026-02-09T09:00")).accepted);
    CHECK(g.scan(p, a, Direction::In, f.at("2026-02-09T09:01")).accepted);
    CHECK(g.scan(p, a, Direction::Out, f.at("2026-02-09T10:00")).accepted);
    CHECK(g.scan(p, a, Direction::In, f.at("2026-02-09T11:00")).accepted);
  }
  SECTION("antipassback, presence never reset: no second entry while inside; out then in again, any day") {
    auto a = make("b2b-apb", "b2b", "antipassback", "never");
    CHECK(g.scan(p, a, Direction::In, f.at("2026-02-09T09:00")).accepted);
    CHECK(g.insideNow("b2b") == 1);
    CHECK(g.scan(p, a, Direction::In, f.at("2026-02-09T09:01")).reason == ScanReason::AlreadyInside);
    CHECK(g.scan(p, a, Direction::Out, f.at("2026-02-09T10:00")).accepted);
    CHECK(g.insideNow("b2b") == 0);
    CHECK(g.scan(p, a, Direction::In, f.at("2026-02-09T11:00")).accepted);
    // Still inside the next morning (never scanned out): refused until an exit is scanned.
    CHECK(g.scan(p, a, Direction::In, f.at("2026-02-10T09:00")).reason == ScanReason::AlreadyInside);
    // An exit is accepted even when not inside, and does not make the count negative.
    CHECK(g.scan(p, a, Direction::Out, f.at("2026-02-10T09:05")).accepted);
    CHECK(g.scan(p, a, Direction::Out, f.at("2026-02-10T09:06")).accepted);
    CHECK(g.insideNow("b2b") == 0);
  }
  SECTION("antipassback, presence reset every night: yesterday's missing exit keeps nobody out today") {
    auto a = make("b2b-apb-daily", "b2b", "antipassback");
    CHECK(g.scan(p, a, Direction::In, f.at("2026-02-09T09:00")).accepted);
    CHECK(g.insideNow("b2b", "2026-02-09") == 1);
    CHECK(g.scan(p, a, Direction::In, f.at("2026-02-09T18:00")).reason == ScanReason::AlreadyInside);
    // Never scanned out. The next morning the zone starts empty and the entry is accepted...
    CHECK(g.insideNow("b2b", "2026-02-10") == 0);
    CHECK(g.scan(p, a, Direction::In, f.at("2026-02-10T09:00")).accepted);
    CHECK(g.insideNow("b2b", "2026-02-10") == 1);
    CHECK(g.insideNow("b2b", "2026-02-09") == 0);
    // ...and anti-passback holds again within the day, from this gate and from a fresh one.
    CHECK(g.scan(p, a, Direction::In, f.at("2026-02-10T09:30")).reason == ScanReason::AlreadyInside);
    gate::ScanPipeline again(*f.store, station());
    CHECK(again.insideNow("b2b", "2026-02-10") == 1);
    CHECK(again.scan(p, a, Direction::In, f.at("2026-02-10T09:40")).reason == ScanReason::AlreadyInside);
    CHECK(again.scan(p, a, Direction::Out, f.at("2026-02-10T12:00")).accepted);
    CHECK(again.insideNow("b2b", "2026-02-10") == 0);
    CHECK(again.insideNow("b2b") == 0);
  }
  SECTION("once-per-day: one entry per day whatever the exits; the next day opens again") {
    auto a = make("b2b-once", "b2b", "once-per-day");
    CHECK(g.scan(p, a, Direction::In, f.at("2026-02-09T09:00")).accepted);
    CHECK(g.scan(p, a, Direction::Out, f.at("2026-02-09T10:00")).accepted);
    CHECK(g.scan(p, a, Direction::In, f.at("2026-02-09T11:00")).reason == ScanReason::AlreadyUsedToday);
    CHECK(g.scan(p, a, Direction::In, f.at("2026-02-10T09:00")).accepted);
    CHECK(g.scan(p, a, Direction::In, f.at("2026-02-10T09:30")).reason == ScanReason::AlreadyUsedToday);
  }
  SECTION("presence survives a restart of the gate (it is in the database)") {
    auto a = make("b2b-apb", "b2b", "antipassback", "never");
    CHECK(g.scan(p, a, Direction::In, f.at("2026-02-09T09:00")).accepted);
    gate::ScanPipeline again(*f.store, station());
    CHECK(again.insideNow("b2b") == 1);
    CHECK(again.scan(p, a, Direction::In, f.at("2026-02-09T09:30")).reason == ScanReason::AlreadyInside);
  }
  SECTION("exits are not bound by days, hours or categories") {
    auto forum = f.profile("forum");
    CHECK(g.scan(f.payload(f.exhibitor), forum, Direction::Out, f.at("2026-02-14T23:00")).accepted);
  }
}

TEST_CASE("every reason code of PRODUCT.md has a label in French, Arabic and English") {
  for (auto code : codeList<ScanReason>())
    for (const char* lang : {"fr", "ar", "en"}) {
      INFO(code << " in " << lang);
      CHECK(!i18n::lookupIn(lang, "code.reason." + std::string(code)).empty());
    }
}

TEST_CASE("a manual admission is logged as manual with the steward's reason") {
  GateFixture f;
  gate::ScanPipeline g(*f.store, station());
  const auto a = f.profile("exhibition");
  CHECK_THROWS_AS(g.admitManually(f.visitor, a, Direction::In, f.at(kMonday), "  "), Error);
  CHECK_THROWS_AS(g.admitManually(9999, a, Direction::In, f.at(kMonday), "badge forgotten"), Error);
  CHECK(f.scans() == 0);
  auto v = g.admitManually(f.visitor, a, Direction::In, f.at(kMonday), "badge forgotten at the hotel");
  CHECK(v.accepted);
  CHECK(v.manual);
  auto log = f.store->recentScans("", 1);
  REQUIRE(log.size() == 1);
  CHECK(log[0].manual);
  CHECK(log[0].note == "badge forgotten at the hotel");
  CHECK(log[0].person_id == f.visitor);
  CHECK(g.insideNow("exhibition") == 1);
}

TEST_CASE("the gate needs only the public key: no key file beside the database") {
  GateFixture f;
  const std::string p = f.payload(f.official);
  std::filesystem::remove(paths::keyFileFor(f.db));
  gate::ScanPipeline g(*f.store, station());
  CHECK(g.scan(p, f.profile("exhibition"), Direction::In, f.at(kMonday)).accepted);
}
