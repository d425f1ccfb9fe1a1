#include <catch2/catch.hpp>

#include "badge/badge_service.hpp"
#include "badge/new_edition.hpp"
#include "core/error.hpp"
#include "core/paths.hpp"
#include "test_support.hpp"

using namespace moussem;
using moussem::test::TempDir;

namespace {
struct Fixture {
  TempDir dir;
  std::filesystem::path db = moussem::test::dbPath(dir, "e.db");
  std::unique_ptr<Store> store;
  Id person = 0;
  Fixture() {
    Edition e;
    e.name_fr = "Semaine Nationale de l'Artisanat";
    e.name_ar = "الأسبوع الوطني للصناعة التقليدية";
    e.starts_on = "2026-02-09";
    e.ends_on = "2026-02-15";
    store = createEditionDatabase(db, e);
    Person p;
    p.first_name = "Youssef";
    p.last_name = "Alaoui";
    p.name_ar = "يوسف العلوي";
    p.category = "speaker";
    p.days = {"2026-02-09", "2026-02-10"};
    person = store->insertPerson(p);
  }
  BadgeService service() { return BadgeService(*store, BadgeService::keyBeside(db.string()), {"desk-1", "amina"}); }
  std::array<unsigned char, 32> publicKey() { return readKeyFile(paths::keyFileFor(db)).public_key; }
};
}  // namespace

TEST_CASE("a person's first badge is issued once, with a serial, version 1 and a log entry") {
  Fixture f;
  auto svc = f.service();
  Badge a = svc.ensureBadge(f.person);
  Badge b = svc.ensureBadge(f.person);
  CHECK(a.serial == b.serial);
  CHECK(a.serial.size() == 8);
  CHECK(a.version == 1);
  auto events = f.store->badgeEvents(a.id);
  REQUIRE(events.size() == 1);
  CHECK(events[0].action == BadgeAction::Issue);
  CHECK(events[0].station == "desk-1");
  CHECK(events[0].operator_name == "amina");
}

TEST_CASE("the payload verifies with the edition's public key and carries the person's days") {
  Fixture f;
  auto svc = f.service();
  std::string p = svc.payload(f.person);
  auto r = verifyPayload(p, f.store->edition()->uid, f.publicKey());
  REQUIRE(r.verdict == PayloadVerdict::Ok);
  CHECK(r.claims.category == "speaker");
  CHECK(r.claims.days == 0x3u);  // 9 and 10 February: days 0 and 1
  CHECK(r.claims.serial == f.store->badgeOfPerson(f.person)->serial);
}

TEST_CASE("a reprint bumps the version, logs the reason, and the old payload is older than the badge") {
  Fixture f;
  auto svc = f.service();
  std::string old = svc.payload(f.person);
  Badge b = svc.reprint(f.person, "typo in the name");
  CHECK(b.version == 2);
  std::string now = svc.payload(f.person);
  CHECK(now != old);
  auto oldClaims = verifyPayload(old, f.store->edition()->uid, f.publicKey()).claims;
  CHECK(oldClaims.version < f.store->badgeOfPerson(f.person)->version);  // what the gate calls superseded
  auto events = f.store->badgeEvents(b.id);
  REQUIRE(events.size() == 2);
  CHECK(events[1].action == BadgeAction::Reprint);
  CHECK(events[1].reason == "typo in the name");
  CHECK_THROWS_AS(svc.reprint(f.person, ""), Error);
  CHECK(f.store->badgeOfPerson(f.person)->version == 2);
}

TEST_CASE("a revoked badge mints no payload until it is reprinted") {
  Fixture f;
  auto svc = f.service();
  svc.payload(f.person);
  svc.revoke(f.person, "lost");
  CHECK(f.store->badgeOfPerson(f.person)->status == BadgeStatus::Revoked);
  CHECK_THROWS_AS(svc.payload(f.person), Error);
  svc.reprint(f.person, "replacement");
  CHECK(f.store->badgeOfPerson(f.person)->status == BadgeStatus::Active);
  CHECK_NOTHROW(svc.payload(f.person));
}

TEST_CASE("a station without the signing key can read badges but never mint one") {
  Fixture f;
  BadgeService gate(*f.store, std::nullopt);
  try {
    gate.payload(f.person);
    FAIL("minted without a key");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::Refused);
  }
  CHECK_THROWS_AS(gate.reprint(f.person, "x"), Error);
}

TEST_CASE("a key file of another edition is refused") {
  Fixture f;
  TempDir other;
  Edition e;
  e.name_fr = "Timizar";
  e.starts_on = "2026-07-10";
  e.ends_on = "2026-07-14";
  createEditionDatabase(other / "t.db", e).reset();
  CHECK_THROWS_AS(BadgeService(*f.store, readKeyFile(other / "t.key")), Error);
}

TEST_CASE("the face shows names, category labels and colour, and booth for exhibitor staff") {
  Fixture f;
  Exhibitor x;
  x.name_fr = "Coopérative Tifawin";
  x.kind = "cooperative";
  x.sector = "carpet";
  x.region = "draa-tafilalet";
  f.store->insertExhibitor(x);
  Hall h;
  h.code = "B";
  h.name = "Hall B";
  h.width = 50;
  h.height = 30;
  f.store->insertHall(h);
  Booth booth;
  booth.code = "B-12";
  booth.hall = "B";
  booth.exhibitor_id = x.id;
  booth.status = BoothStatus::Assigned;
  f.store->insertBooth(booth);
  Person staff;
  staff.first_name = "Aicha";
  staff.last_name = "Ouhammou";
  staff.name_ar = "عائشة أوحمو";
  staff.category = "exhibitor";
  staff.exhibitor_id = x.id;
  f.store->insertPerson(staff);

  auto svc = f.service();
  BadgeFace face = svc.face(staff.id);
  CHECK(face.name_latin == "Aicha Ouhammou");
  CHECK(face.name_ar == "عائشة أوحمو");
  CHECK(face.category_fr == "Exposant");
  CHECK(face.category_ar == "عارض");
  CHECK(face.category_color == "#8D5524");
  CHECK(face.booth == "Stand B-12");
  CHECK(face.days == "9 – 15 février 2026");
  CHECK_FALSE(face.payload.empty());
}

TEST_CASE("badge days read naturally in French") {
  Edition e;
  e.starts_on = "2026-02-09";
  e.ends_on = "2026-02-15";
  CHECK(describeDays({}, e) == "9 – 15 février 2026");
  CHECK(describeDays({"2026-02-09"}, e) == "9 février 2026");
  CHECK(describeDays({"2026-02-09", "2026-02-10"}, e) == "9 et 10 février 2026");
  CHECK(describeDays({"2026-02-12", "2026-02-09", "2026-02-10"}, e) == "9, 10 et 12 février 2026");
  CHECK(describeDays({"2026-01-30", "2026-01-31", "2026-02-01"}, e) == "30 janvier – 1 février 2026");
}
