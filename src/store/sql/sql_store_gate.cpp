// The entry gate on either database: gate profiles, presence and the scan log as it is read back.
// What a scan writes (recordScan), the badge states a gate follows (forEachBadgeState), the name search
// and the change counter differ per database and stay with each backend.
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "store/sql/sql_rows.hpp"
#include "store/sql/sql_store.hpp"

namespace moussem {

namespace {
std::vector<ScanRecord> scans(sql::Query st) {
  std::vector<ScanRecord> out;
  while (st.step()) out.push_back(sql_rows::readScan(st.row()));
  return out;
}
}  // namespace

Id SqlStore::insertGateProfile(GateProfile& g) {
  writeOne([&] {
    auto st = db().query(
        "INSERT INTO gate_profile (name, zone, direction, categories, days, hours_from, hours_to, reentry, "
        "presence_reset) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING id");
    st.with(g.name, g.zone, g.direction, sql_rows::joinList(g.categories), sql_rows::joinList(g.days), g.hours_from,
            g.hours_to, g.reentry, g.presence_reset);
    st.step();
    g.id = st.integer(0);
  });
  return g.id;
}

std::vector<GateProfile> SqlStore::gateProfiles() {
  auto st = db().query(
      "SELECT id, name, zone, direction, categories, days, hours_from, hours_to, reentry, presence_reset "
      "FROM gate_profile ORDER BY name" +
      inByteOrder());
  std::vector<GateProfile> out;
  while (st.step()) {
    GateProfile g;
    g.id = st.integer(0);
    g.name = st.text(1);
    g.zone = st.text(2);
    g.direction = sql_rows::readCode<Direction>(st.text(3), "gate_profile", "direction", g.id);
    g.categories = sql_rows::splitList(st.text(4));
    g.days = sql_rows::splitList(st.text(5));
    g.hours_from = st.text(6);
    g.hours_to = st.text(7);
    g.reentry = sql_rows::readCode<ReentryPolicy>(st.text(8), "gate_profile", "reentry", g.id);
    g.presence_reset = sql_rows::readCode<PresenceReset>(st.text(9), "gate_profile", "presence_reset", g.id);
    out.push_back(std::move(g));
  }
  return out;
}

void SqlStore::updateGateProfile(const GateProfile& g) {
  writeOne([&] {
    db().query(
            "UPDATE gate_profile SET name=$1, zone=$2, direction=$3, categories=$4, days=$5, hours_from=$6, "
            "hours_to=$7, reentry=$8, presence_reset=$9 WHERE id=$10")
        .with(g.name, g.zone, g.direction, sql_rows::joinList(g.categories), sql_rows::joinList(g.days), g.hours_from,
              g.hours_to, g.reentry, g.presence_reset, g.id)
        .run();
    if (db().changes() != 1) throw Error(ErrorKind::NotFound, tr("gate.error.no_profile", {g.name}));
  });
}

std::vector<Presence> SqlStore::presences() {
  auto st = db().query("SELECT person_id, zone, inside, last_at, last_day FROM presence");
  std::vector<Presence> out;
  while (st.step()) out.push_back({st.integer(0), st.text(1), st.integer(2) != 0, st.text(3), st.text(4)});
  return out;
}

std::vector<ScanRecord> SqlStore::recentScans(const std::string& gate, int limit) {
  return scans(db().query(std::string(sql_rows::kScanSelect) + "WHERE ($1 = '' OR gate = $1) ORDER BY id DESC LIMIT $2")
                   .with(gate, limit));
}

std::vector<ScanRecord> SqlStore::acceptedScansOn(Id person, const std::string& zone, const std::string& day) {
  return scans(db().query(std::string(sql_rows::kScanSelect) +
                          "WHERE person_id = $1 AND zone = $2 AND verdict = 'accepted' AND substr(at, 1, 10) = $3 "
                          "ORDER BY at" +
                          inByteOrder() + ", id")
                   .with(person, zone, day));
}

std::vector<ScanRecord> SqlStore::scansUpTo(const std::string& gate, const std::string& until, int limit) {
  return scans(db().query(std::string(sql_rows::kScanSelect) +
                          "WHERE ($1 = '' OR gate = $1) AND substr(at, 1, 19) <= $2 ORDER BY at DESC, id DESC LIMIT $3")
                   .with(gate, until.substr(0, 19), limit));
}

long long SqlStore::countScans(const std::string& gate, ScanVerdict verdict, const std::string& since,
                               const std::string& until) {
  auto st = db().query(
      "SELECT count(*) FROM scan WHERE ($1 = '' OR gate = $1) AND verdict = $2 AND at >= $3 "
      "AND ($4 = '' OR substr(at, 1, 19) <= $4)");
  st.with(gate, verdict, since, until.substr(0, 19));
  return st.step() ? st.integer(0) : 0;
}

}  // namespace moussem
