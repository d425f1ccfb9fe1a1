// The guarded store: every role walked through every kind of change and read, on both backends.
// Allowed: done, with an audit row (who, role, station, before, after). Refused: Error(Refused), and
// neither the data nor the audit trail changed. Contact details never reach a role that may not see them.
#include <catch2/catch.hpp>
#include <functional>
#include <nlohmann/json.hpp>

#include "../gate/gate_fixture.hpp"
#include "core/error.hpp"
#include "io/export.hpp"
#include "store/guarded_store.hpp"

using namespace moussem;
using moussem::test::GateFixture;
using P = Permission;

namespace {

struct Op {
  const char* what;
  Permission needs;
  bool changes;  // writes data (and so an audit row)
  std::function<void(Store&, GateFixture&)> run;
};

std::unique_ptr<GuardedStore> as(GateFixture& f, Role role, const std::string& user = "someone") {
  return std::make_unique<GuardedStore>(openStore(f.db.string()), Actor{user, role, "station-7"});
}

long long people(Store& s) {
  return static_cast<long long>(s.personIds().size());
}

std::vector<Op> operations() {
  return {
      {"register a person", P::EditPeople, true,
       [](Store& s, GateFixture&) {
         Person p;
         p.first_name = "Salma";
         p.last_name = "Tazi";
         p.category = "forum";
         s.insertPerson(p);
       }},
      {"edit a person", P::EditPeople, true,
       [](Store& s, GateFixture& f) {
         Person p = *f.store->person(f.visitor);
         p.organization = "Coopérative Argan";
         s.updatePerson(p);
       }},
      {"delete a person", P::EditPeople, true, [](Store& s, GateFixture& f) { s.deletePerson(f.official); }},
      {"reprint a badge", P::IssueBadges, true,
       [](Store& s, GateFixture& f) {
         f.badges().ensureBadge(f.speaker);  // issued before, by the fixture's own connection
         BadgeService(s, BadgeService::keyBeside(f.db.string()), {"station-7", "someone"}).reprint(f.speaker, "perdu");
       }},
      {"find a person by e-mail", P::ReadContacts, false,
       [](Store& s, GateFixture&) { s.peopleWithEmail("nadia@example.ma"); }},
      {"add a gate profile", P::ManageGates, true,
       [](Store& s, GateFixture&) {
         GateProfile g;
         g.name = "vip-2";
         g.zone = "vip";
         s.insertGateProfile(g);
       }},
      {"add a hall", P::ManageBooths, true,
       [](Store& s, GateFixture&) {
         Hall h;
         h.code = "H9";
         h.name = "Hall 9";
         h.width = 20;
         h.height = 10;
         s.insertHall(h);
       }},
      {"record a scan", P::Scan, false,
       [](Store& s, GateFixture&) {
         ScanRecord r;
         r.uid = "scan-guarded-1";
         r.gate = "exhibition";
         r.zone = "exhibition";
         r.direction = Direction::In;
         r.at = "2026-02-10T10:00:00+01:00";
         r.verdict = ScanVerdict::Rejected;
         r.reason = ScanReason::Malformed;
         s.recordScan(r, nullptr, ReentryPolicy::Always);
       }},
      {"read report figures", P::ViewReports, false,
       [](Store& s, GateFixture&) { s.forEachPassage(0, [](const PassageFact&) {}); }},
      {"list users", P::ManageUsers, false, [](Store& s, GateFixture&) { s.users(); }},
      {"read the audit trail", P::ViewAudit, false, [](Store& s, GateFixture&) { s.auditRows({}, 10); }},
      {"change the edition", P::ManageEdition, true,
       [](Store& s, GateFixture&) {
         Edition e = *s.edition();
         e.venue = "Parc OLM Souissi";
         s.saveEdition(e);
       }},
      {"export participants", P::ExportPersonal, false,
       [](Store& s, GateFixture& f) { io::exportFile(s, io::Entity::Participants, f.dir / "people.csv"); }},
  };
}

}  // namespace

TEST_CASE("every role through every kind of change: allowed and audited, or refused, audited and nothing changed") {
  for (Role role : allValues<Role>()) {
    for (const Op& op : operations()) {
      GateFixture f;
      auto admin = as(f, Role::Admin, "root");
      const auto auditBefore = admin->auditChain().size();
      const auto peopleBefore = people(*admin);
      auto store = as(f, role, "user-" + std::string(codeOf(role)));
      INFO(codeOf(role) << " tries to " << op.what);
      if (allows(role, op.needs)) {
        CHECK_NOTHROW(op.run(*store, f));
        if (op.changes) {
          auto rows = admin->auditRows({}, 1);
          REQUIRE(admin->auditChain().size() > auditBefore);
          CHECK(rows.front().user_name == "user-" + std::string(codeOf(role)));
          CHECK(rows.front().role == codeOf(role));
          CHECK(rows.front().station == "station-7");
        }
      } else {
        try {
          op.run(*store, f);
          FAIL("not refused");
        } catch (const Error& e) {
          CHECK(e.kind() == ErrorKind::Refused);
        }
        // Nothing changed but the trail, which records the refusal: who, what, why.
        REQUIRE(admin->auditChain().size() == auditBefore + 1);
        const auto row = admin->auditRows({}, 1).front();
        CHECK(row.action == "refused");
        CHECK(row.user_name == "user-" + std::string(codeOf(role)));
        CHECK(row.role == codeOf(role));
        CHECK(row.entity_id == permissionCode(op.needs));
        CHECK(row.after.find("\"why\"") != std::string::npos);
        CHECK(row.after.find("\"operation\"") != std::string::npos);
        CHECK(people(*admin) == peopleBefore);
        CHECK(admin->edition()->venue != "Parc OLM Souissi");
        CHECK_FALSE(std::filesystem::exists(f.dir / "people.csv"));
      }
    }
  }
}

TEST_CASE("an update is audited with the record before and after, the chain verifies") {
  GateFixture f;
  auto desk = as(f, Role::Desk, "amina");
  Person p = *desk->person(f.visitor);
  const std::string old = p.organization;
  p.organization = "Coopérative Argan";
  p.phone = "+212612345678";
  desk->updatePerson(p);
  desk->deletePerson(f.official);

  auto admin = as(f, Role::Admin);
  auto rows = admin->auditRows({"", "person.", "", "", "", "", 0}, 10);
  REQUIRE(rows.size() >= 2);
  CHECK(rows[0].action == "person.delete");
  CHECK(rows[0].entity_id == std::to_string(f.official));
  CHECK(nlohmann::json::parse(rows[0].before)["last_name"] == "Bennani");
  CHECK(rows[0].after.empty());
  CHECK(rows[1].action == "person.update");
  CHECK(nlohmann::json::parse(rows[1].before)["organization"] == old);
  CHECK(nlohmann::json::parse(rows[1].after)["organization"] == "Coopérative Argan");
  CHECK(nlohmann::json::parse(rows[1].after)["phone"] == "+212612345678");
  CHECK(rows[1].user_name == "amina");
  CHECK(verifyAuditChain(admin->auditChain()).empty());

  // Filters: by user, by record.
  CHECK(admin->auditRows({"amina", "", "", "", "", "", 0}, 100).size() == 2);
  CHECK(admin->auditRows({"", "", "person", std::to_string(f.visitor), "", "", 0}, 100).size() == 1);
}

TEST_CASE("an audit row cannot be written in someone else's name") {
  GateFixture f;
  auto desk = as(f, Role::Desk, "amina");
  AuditRow forged;
  forged.user_name = "director";
  forged.role = "admin";
  forged.action = "note";
  desk->appendAudit(forged);
  auto row = as(f, Role::Admin)->auditRows({}, 1).front();
  CHECK(row.user_name == "amina");
  CHECK(row.role == "desk");
}

TEST_CASE("a gate sees names, category and organisation, never phones or e-mails") {
  GateFixture f;
  Person p = *f.store->person(f.visitor);
  p.phone = "+212612345678";
  p.email = "nadia@example.ma";
  f.store->updatePerson(p);

  auto gate = as(f, Role::Gate);
  auto seen = gate->person(f.visitor);
  REQUIRE(seen);
  CHECK(seen->first_name == "Nadia");
  CHECK(seen->name_ar == "نادية الإدريسي");
  CHECK(seen->category == "buyer");
  CHECK(seen->organization == "Coopérative Tafilalt");
  CHECK(seen->phone.empty());
  CHECK(seen->email.empty());
  gate->forEachPerson([](const Person& q, const std::string&) {
    CHECK(q.phone.empty());
    CHECK(q.email.empty());
  });
  for (const auto& q : gate->findPeopleByName("Nadia", 10)) CHECK(q.phone.empty());

  auto desk = as(f, Role::Desk);
  CHECK(desk->person(f.visitor)->phone == "+212612345678");
}

TEST_CASE("a bulk change is one audit row with the ids it created, an update inside gets its own") {
  GateFixture f;
  auto org = as(f, Role::Organizer, "hassan");
  const auto before = org->personIds().size();
  AuditRow summary;
  summary.action = "import.participants";
  summary.entity = "file";
  summary.entity_id = "forum.csv";
  org->writeBulk(summary, [&] {
    for (int i = 0; i < 5; ++i) {
      Person p;
      p.first_name = "Invité";
      p.last_name = std::to_string(i);
      p.category = "forum";
      org->insertPerson(p);
    }
    Person v = *org->person(f.visitor);
    v.position = "Directrice";
    org->updatePerson(v);
  });
  CHECK(org->personIds().size() == before + 5);
  auto admin = as(f, Role::Admin);
  auto rows = admin->auditRows({"hassan", "", "", "", "", "", 0}, 10);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].action == "import.participants");
  auto created = nlohmann::json::parse(rows[0].after)["created"]["person"];
  CHECK(created["count"] == 5);
  CHECK(created["ids"].size() == 1);  // one range
  CHECK(rows[1].action == "person.update");
  CHECK(verifyAuditChain(admin->auditChain()).empty());

  // Refused inside a bulk change: nothing of it stays, not even its summary; only the refusal is
  // recorded, once the change has been rolled back.
  auto desk = as(f, Role::Desk);
  const auto rowsBefore = admin->auditChain().size();
  CHECK_THROWS_AS(desk->writeBulk(summary,
                                  [&] {
                                    Person p;
                                    p.first_name = "X";
                                    p.category = "forum";
                                    desk->insertPerson(p);
                                    GateProfile g;
                                    g.name = "sneaky";
                                    g.zone = "vip";
                                    desk->insertGateProfile(g);
                                  }),
                  Error);
  REQUIRE(admin->auditChain().size() == rowsBefore + 1);
  CHECK(admin->auditRows({}, 1).front().action == "refused");
  CHECK(admin->auditRows({}, 1).front().entity_id == "manage_gates");
  CHECK(admin->personIds().size() == before + 5);
}
