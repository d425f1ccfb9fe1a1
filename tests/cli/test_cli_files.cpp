// The files the real moussem-cli writes, and the faults around them (issue 31): no writer follows a link
// planted at its temporary's name; every file with personal data is created 0600; CSV exports neutralise
// formulas while the database keeps the value; every refused action is in the audit trail; a key file
// others can read is warned about; a full disk, a read-only database and an out-of-range number in a
// venue file each get one clear sentence naming the file.
#include <sys/mount.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "test_support.hpp"

using moussem::test::run;
using moussem::test::runCommand;
using moussem::test::TempDir;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

struct Demo {
  TempDir dir;
  std::string db = (dir / "demo.db").string();
  Demo() {
    auto r = run("moussem-cli", {"--db", db, "demo", "--exhibitors", "6", "--participants", "20"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
  moussem::test::RunResult cli(std::vector<std::string> args, const std::string& in = "",
                               const std::vector<std::string>& env = {}) const {
    args.insert(args.begin(), {"--db", db});
    return run("moussem-cli", args, in, env);
  }
};

std::string readText(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

fs::perms modeOf(const fs::path& p) {
  return fs::status(p).permissions() & fs::perms::all;
}
constexpr fs::perms kPrivate = fs::perms::owner_read | fs::perms::owner_write;

// A small file system of its own for a test (root only): full, or read-only, without touching the machine's.
class Tmpfs {
 public:
  Tmpfs(const fs::path& at, const std::string& size) : at_(at) {
    fs::create_directories(at_);
    mounted_ = ::mount("tmpfs", at_.c_str(), "tmpfs", 0, ("size=" + size + ",mode=0755").c_str()) == 0;
  }
  ~Tmpfs() {
    if (mounted_) ::umount2(at_.c_str(), MNT_DETACH);
  }
  bool mounted() const { return mounted_; }
  bool makeReadOnly() { return ::mount(nullptr, at_.c_str(), nullptr, MS_REMOUNT | MS_RDONLY, nullptr) == 0; }
  void fill() {  // every free byte taken
    std::ofstream f(at_ / "filler", std::ios::binary);
    std::string block(1 << 16, 'x');
    while (f.write(block.data(), static_cast<std::streamsize>(block.size()))) {
    }
  }

 private:
  fs::path at_;
  bool mounted_ = false;
};

bool root() {
  if (::geteuid() == 0) return true;
  WARN("not root: this test needs to mount a file system of its own");
  return false;
}

std::size_t lineCount(const std::string& s) {
  return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
}

// moussem-cli --db db COMMAND... refused with one sentence that names the database and says words.
void refusedInOneSentence(const std::string& db, std::vector<std::string> command, const std::string& words) {
  command.insert(command.begin(), {"--db", db, "--lang", "en"});
  auto r = run("moussem-cli", command);
  INFO(command[4] << ": " << r.err);
  CHECK(r.exit_code == 1);
  CHECK(lineCount(r.err) == 1);
  CHECK(r.err.find(db) != std::string::npos);
  CHECK(r.err.find(words) != std::string::npos);
}

}  // namespace

TEST_CASE("no writer follows a link planted at its temporary's name, and every file it writes is private") {
  Demo d;
  const auto victim = d.dir / "victim.txt";
  std::ofstream(victim) << "keep me\n";
  const std::vector<std::pair<std::string, std::vector<std::string>>> writers = {
      {"t2.pdf", {"badge", "render", "--person", "1", "--out"}},
      {"t2.png", {"badge", "render", "--person", "1", "--out"}},
      {"r.pdf", {"report", "--out"}},
      {"r.xlsx", {"report", "--out"}},
      {"p.csv", {"export", "participants"}},
      {"p.xlsx", {"export", "participants"}},
      {"s.csv", {"export", "scans"}},
      {"plan.pdf", {"venue", "plan", "--out"}},
      {"directory.csv", {"booth", "directory", "--out"}},
      {"venue.json", {"venue", "export"}},
      {"person.json", {"export-person", "1", "--out"}},
      {"person.pdf", {"export-person", "1", "--out"}},
  };
  for (const auto& [name, command] : writers) {
    const auto out = d.dir / name;
    INFO(name);
    // The names a temporary had before: a link to the victim at each.
    for (const char* suffix : {".partial", ".part"}) fs::create_symlink(victim, out.string() + suffix);
    auto args = command;
    args.push_back(out.string());
    auto r = d.cli(args);
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(readText(victim) == "keep me\n");
    CHECK(fs::is_regular_file(fs::symlink_status(out)));
    CHECK(modeOf(out) == kPrivate);
  }
  // The links are left alone, and nothing else is left behind.
  std::size_t stray = 0;
  for (const auto& e : fs::directory_iterator(d.dir.path()))
    if (e.path().extension() == ".partial" && !fs::is_symlink(e.symlink_status())) ++stray;
  CHECK(stray == 0);
}

TEST_CASE("a CSV export neutralises cells a spreadsheet would run as formulas, and the database keeps them") {
  Demo d;
  const auto csv = d.dir / "in.csv";
  std::ofstream(csv) << "external_id;first_name;last_name;organization;position;category;phone\n"
                        "X1;Nadia;Idrissi;\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\";@SUM(A1);buyer;+212612345678\n"
                        "X2;Omar;Tazi;-2+3;+cmd;press;0612345678\n";
  auto imported = d.cli({"import", "participants", csv.string()});
  INFO(imported.err);
  REQUIRE(imported.exit_code == 0);
  const auto out = d.dir / "out.csv";
  REQUIRE(d.cli({"export", "participants", out.string(), "--separator", ","}).exit_code == 0);
  // Read back by Python's csv module.
  auto parsed =
      runCommand("/usr/bin/python3", {"-c",
                                      "import csv,json,sys; print(json.dumps(list(csv.reader(open(sys.argv[1], "
                                      "encoding='utf-8-sig')))))",
                                      out.string()});
  REQUIRE(parsed.exit_code == 0);
  const auto rows = json::parse(parsed.out);
  const auto& header = rows[0];
  auto column = [&](const std::string& name) {
    for (std::size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return i;
    FAIL("no column " << name);
    return std::size_t{0};
  };
  auto row = [&](const std::string& id) {
    for (const auto& r : rows)
      if (r[column("external_id")] == id) return r;
    FAIL("no row " << id);
    return json();
  };
  CHECK(row("X1")[column("organization")] == "'=HYPERLINK(\"http://x\",\"y\")");
  CHECK(row("X1")[column("position")] == "'@SUM(A1)");
  CHECK(row("X1")[column("phone")] == "+212612345678");  // a number: left as it is
  CHECK(row("X2")[column("organization")] == "'-2+3");
  CHECK(row("X2")[column("position")] == "'+cmd");
  // The database holds what was typed.
  auto listed = json::parse(d.cli({"--json", "list", "participants", "--search", "Idrissi"}).out);
  bool found = false;
  for (const auto& p : listed)
    if (p["organization"] == "=HYPERLINK(\"http://x\",\"y\")") found = true;
  CHECK(found);
}

TEST_CASE("every refused action is in the audit trail: who, what, why") {
  TempDir dir;
  const std::string db = (dir / "e.db").string();
  auto cli = [&](std::vector<std::string> args, const std::string& in = "", const std::vector<std::string>& env = {}) {
    args.insert(args.begin(), {"--db", db, "--lang", "en"});
    return run("moussem-cli", args, in, env);
  };
  REQUIRE(cli({"init", "--admin", "directrice", "--pin-stdin"}, "48291375\n").exit_code == 0);
  REQUIRE(cli({"user", "add", "omar", "--role", "gate", "--pin-stdin"}, "482913\n").exit_code == 0);
  const std::vector<std::string> gate = {"MOUSSEM_PIN=482913"};
  const std::vector<std::vector<std::string>> refused = {
      {"--user", "omar", "export", "participants", (dir / "p.csv").string()},
      {"--user", "omar", "backup", (dir / "b.db").string()},
      {"--user", "omar", "audit", "verify"},
      {"--user", "omar", "user", "add", "mallory", "--role", "admin", "--pin-stdin"},
      {"--user", "omar", "badge", "render", "--all", "--out", (dir / "all.pdf").string()},
      {"--user", "omar", "gate", "add", "back-door", "--zone", "exhibition"},
  };
  for (const auto& args : refused) {
    auto r = cli(args, "123456\n", gate);
    INFO(args[2] << ": " << r.err);
    CHECK(r.exit_code == 1);
  }
  auto rows = json::parse(cli({"--json", "audit", "list", "--action", "refused", "--limit", "100"}).out);
  CHECK(rows.size() == refused.size());
  std::set<std::string> commands;
  for (const auto& row : rows) {
    CHECK(row["user"] == "omar");
    CHECK(row["role"] == "gate");
    const auto after = json::parse(row["after"].get<std::string>());
    CHECK(after["why"].get<std::string>().find("omar") != std::string::npos);
    CHECK_FALSE(row["entity_id"].get<std::string>().empty());  // the permission refused
    commands.insert(after.value("command", ""));
  }
  for (const char* c : {"export", "backup", "audit verify", "user add", "badge render", "gate add"}) {
    INFO(c);
    CHECK(commands.count(c) == 1);
  }
  CHECK(cli({"audit", "verify"}).exit_code == 0);
}

TEST_CASE("a signing key that other users can read is warned about") {
  Demo d;
  const auto key = fs::path(d.db).replace_extension(".key");
  CHECK(modeOf(key) == kPrivate);
  CHECK(d.cli({"--lang", "en", "info"}).err.find("Warning") == std::string::npos);
  fs::permissions(key, fs::perms::group_read | fs::perms::others_read, fs::perm_options::add);
  auto r = d.cli({"--lang", "en", "info"});
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("Warning") != std::string::npos);
  CHECK(r.err.find(key.string()) != std::string::npos);
  CHECK(r.err.find("chmod 600") != std::string::npos);
}

TEST_CASE("a full disk: every command, info included, says so in one sentence naming the file") {
  if (!root()) return;
  TempDir dir;
  Tmpfs disk(dir / "stick", "3m");
  REQUIRE(disk.mounted());
  const std::string db = (dir / "stick" / "e.db").string();
  REQUIRE(run("moussem-cli", {"--db", db, "demo", "--exhibitors", "3", "--participants", "10"}).exit_code == 0);
  disk.fill();
  refusedInOneSentence(db, {"info"}, "is full");
  refusedInOneSentence(db, {"list", "participants"}, "is full");
}

TEST_CASE("a read-only database is refused before any row is read, in one sentence naming it") {
  if (!root()) return;
  Demo d;
  // Rows of a file to import: a read-only database must not answer each with an error.
  const auto csv = d.dir / "people.csv";
  {
    std::ofstream f(csv);
    f << "first_name;last_name;category\n";
    for (int i = 0; i < 2000; ++i) f << "Nadia;Idrissi" << i << ";buyer\n";
  }
  SECTION("the file itself read-only (its owner is another user)") {
    // A folder of its own that "nobody" owns, the database in it readable but not writable by them.
    const auto folder = d.dir / "ro";
    fs::create_directories(folder);
    const std::string db = (folder / "e.db").string();
    fs::copy_file(d.db, db);
    fs::permissions(d.dir.path(), fs::perms::others_exec, fs::perm_options::add);
    REQUIRE(runCommand("chown", {"-R", "nobody", folder.string()}).exit_code == 0);
    fs::permissions(db, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read,
                    fs::perm_options::replace);
    fs::permissions(csv, fs::perms::others_read, fs::perm_options::add);
    auto r = runCommand("runuser", {"-u", "nobody", "--", (moussem::test::binDir() / "moussem-cli").string(), "--db",
                                    db, "--lang", "en", "import", "participants", csv.string()});
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(lineCount(r.err) == 1);
    CHECK(r.err.find(db) != std::string::npos);
    CHECK(r.err.find("read-only") != std::string::npos);
    CHECK(r.err.find("--skip-invalid") == std::string::npos);
  }
  SECTION("the disk read-only") {
    Tmpfs stick(d.dir / "stick", "8m");
    REQUIRE(stick.mounted());
    const std::string db = (d.dir / "stick" / "e.db").string();
    fs::copy_file(d.db, db);
    fs::copy_file(fs::path(d.db).replace_extension(".key"), fs::path(db).replace_extension(".key"));
    REQUIRE(stick.makeReadOnly());
    refusedInOneSentence(db, {"info"}, "read-only");
    refusedInOneSentence(db, {"import", "participants", csv.string()}, "read-only");
  }
}

TEST_CASE("a venue number too large for any double is named with its file, line and field") {
  Demo d;
  const auto venue = d.dir / "venue.json";
  REQUIRE(d.cli({"venue", "export", venue.string()}).exit_code == 0);
  std::string text = readText(venue);
  const auto width = text.find("\"width\":");
  REQUIRE(width != std::string::npos);
  const auto value = text.find_first_of("0123456789", width);
  const auto end = text.find_first_not_of("0123456789.", value);
  text.replace(value, end - value, "1e999999");
  const auto bad = d.dir / "bad.json";
  std::ofstream(bad) << text;
  const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(value), '\n');
  auto r = d.cli({"--lang", "en", "venue", "import", bad.string()});
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(lineCount(r.err) == 1);
  CHECK(r.err.find(bad.string()) != std::string::npos);
  CHECK(r.err.find("line " + std::to_string(line)) != std::string::npos);
  CHECK(r.err.find("\"width\"") != std::string::npos);
  CHECK(r.err.find("1e999999") != std::string::npos);
  CHECK(r.err.find("json.exception") == std::string::npos);
}
