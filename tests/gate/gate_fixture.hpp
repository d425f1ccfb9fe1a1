// A small edition for gate tests: 9-15 February 2026, people of several categories with badges, and
// helpers to scan at a given moment.
#pragma once
#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "badge/badge_service.hpp"
#include "badge/new_edition.hpp"
#include "core/paths.hpp"
#include "gate/gate_profiles.hpp"
#include "gate/scan_pipeline.hpp"
#include "test_support.hpp"

namespace moussem::test {

struct GateFixture {
  TempDir dir;
  std::filesystem::path db = dbPath(dir, "e.db");  // a file, or a fresh server database (pg/ tests)
  std::unique_ptr<Store> store;
  Id speaker = 0, exhibitor = 0, official = 0, visitor = 0;
  std::vector<GateProfile> profiles;

  GateFixture() {
    Edition e;
    e.name_fr = "Semaine Nationale de l'Artisanat";
    e.name_ar = "الأسبوع الوطني للصناعة التقليدية";
    e.starts_on = "2026-02-09";
    e.ends_on = "2026-02-15";
    store = createEditionDatabase(db, e);
    speaker = addPerson("Youssef", "Alaoui", "يوسف العلوي", "speaker", {"2026-02-09", "2026-02-10"});
    exhibitor = addPerson("Fatima", "Zahra", "فاطمة الزهراء", "exhibitor", {});
    official = addPerson("Karim", "Bennani", "كريم بناني", "official", {});
    visitor = addPerson("Nadia", "Idrissi", "نادية الإدريسي", "buyer", {"2026-02-11"});
    profiles = gate::ensureDefaultGateProfiles(*store);
  }
  Id addPerson(const char* first, const char* last, const char* ar, const char* category,
               std::vector<std::string> days) {
    Person p;
    p.first_name = first;
    p.last_name = last;
    p.name_ar = ar;
    p.organization = "Coopérative Tafilalt";
    p.category = category;
    p.days = std::move(days);
    return store->insertPerson(p);
  }
  BadgeService badges() { return BadgeService(*store, BadgeService::keyBeside(db.string()), {"desk-1", "amina"}); }
  std::string payload(Id person) { return badges().payload(person); }
  SigningKey key() { return readKeyFile(paths::keyFileFor(db)); }
  GateProfile profile(const std::string& name) {
    auto p = gate::findProfile(store->gateProfiles(), name);
    REQUIRE(p);
    return *p;
  }
  GateProfile add(GateProfile g) {
    gate::validateGateProfile(g, *store->edition(), store->zones(), store->categories());
    store->insertGateProfile(g);
    return g;
  }
  static gate::Moment at(const char* iso) {
    auto m = gate::parseMoment(iso);
    REQUIRE(m);
    return *m;
  }
  long long scans() { return store->overview().scans; }
  // Another station's commit reaches this connection within milliseconds on a server (a notification),
  // at once on a SQLite file: wait for it (at most 5 s) so the next scan is the one that must see it.
  void awaitOtherStation(long long before, Store* on = nullptr) {
    Store& s = on ? *on : *store;
    for (int i = 0; i < 500 && s.dataVersion() == before; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
};

}  // namespace moussem::test
