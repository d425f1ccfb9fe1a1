// The Debian package, as an event's IT installs it: built by CPack from this build's programs (what
// `tools/package` does from a release build), extracted with dpkg-deb into a scratch root, and both
// installed programs run from there with a fresh HOME, far from the source tree. Debian's own tools
// judge what it installs: desktop-file-validate (the launcher), appstreamcli (the metainfo), man (the
// manual pages), dpkg-deb (the control fields).
#include <cairo.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/version.hpp"
#include "test_support.hpp"

using namespace moussem;
using namespace moussem::test;
namespace fs = std::filesystem;

namespace {

std::string field(const fs::path& deb, const std::string& name) {
  auto r = runCommand("dpkg-deb", {"--field", deb.string(), name});
  REQUIRE(r.exit_code == 0);
  std::string v = r.out;
  while (!v.empty() && (v.back() == '\n' || v.back() == ' ')) v.pop_back();
  return v;
}

std::pair<int, int> pngSize(const fs::path& png) {
  cairo_surface_t* s = cairo_image_surface_create_from_png(png.c_str());
  std::pair<int, int> size{-1, -1};
  if (cairo_surface_status(s) == CAIRO_STATUS_SUCCESS)
    size = {cairo_image_surface_get_width(s), cairo_image_surface_get_height(s)};
  cairo_surface_destroy(s);
  return size;
}

}  // namespace

TEST_CASE("the Debian package installs both programs, which run from a scratch root with a fresh HOME") {
  TempDir work;
  // CPack on this build tree (gzip rather than xz: the suite's binaries are large and the test is about
  // what the package holds, not how hard it is squeezed).
  auto pack = runCommand("cpack", {"--config", std::string(MOUSSEM_BUILD_DIR) + "/CPackConfig.cmake", "-B",
                                   (work / "out").string(), "-D", "CPACK_DEBIAN_COMPRESSION_TYPE=gzip"});
  INFO(pack.out << pack.err);
  REQUIRE(pack.exit_code == 0);
  fs::path deb;
  for (const auto& e : fs::directory_iterator(work / "out"))
    if (e.path().extension() == ".deb") deb = e.path();
  REQUIRE_FALSE(deb.empty());
  CHECK(deb.filename().string().rfind("moussem_" + std::string(appVersion()) + "_", 0) == 0);

  // Control fields: the project's version; Depends from dpkg-shlibdeps plus fonts and time zones.
  CHECK(field(deb, "Package") == "moussem");
  CHECK(field(deb, "Version") == appVersion());
  const std::string description = field(deb, "Description");  // a synopsis, then a longer text below it
  const auto firstBreak = description.find('\n');
  REQUIRE(firstBreak != std::string::npos);
  CHECK(description.substr(firstBreak + 2, firstBreak).find(description.substr(0, firstBreak)) == std::string::npos);
  const std::string depends = field(deb, "Depends");
  for (const char* needed : {"fonts-dejavu-core", "fonts-noto-core", "tzdata", "libc6", "libpq5", "libsodium23",
                             "libglfw3", "libpangocairo-1.0-0", "libqrencode4", "libcups2", "libxss1"})
    CHECK(depends.find(needed) != std::string::npos);
  // No maintainer scripts: nothing to run at install or removal.
  auto control = runCommand("dpkg-deb", {"--info", deb.string()});
  for (const char* script : {"preinst", "postinst", "prerm", "postrm"})
    CHECK(control.out.find(script) == std::string::npos);

  // Everything under /usr, owned by root.
  auto listing = runCommand("dpkg-deb", {"--contents", deb.string()});
  REQUIRE(listing.exit_code == 0);
  std::istringstream lines(listing.out);
  for (std::string line; std::getline(lines, line);) {
    INFO(line);
    CHECK(line.find("root/root") != std::string::npos);
    CHECK(line.find(" ./usr/") != std::string::npos);
    CHECK(line.find("/usr/local") == std::string::npos);
  }

  const fs::path root = work / "root";
  REQUIRE(runCommand("dpkg-deb", {"-x", deb.string(), root.string()}).exit_code == 0);
  const fs::path bin = root / "usr" / "bin";
  REQUIRE(fs::exists(bin / "moussem"));
  REQUIRE(fs::exists(bin / "moussem-cli"));

  // A fresh HOME, a working folder of its own, nothing inherited that points at this build.
  const fs::path home = work / "home";
  fs::create_directories(home);
  const char* asan = std::getenv("ASAN_OPTIONS");
  const std::vector<std::string> env{"HOME=" + home.string(),
                                     "XDG_DATA_HOME=",
                                     "XDG_CONFIG_HOME=",
                                     "XDG_CACHE_HOME=",
                                     "MOUSSEM_DB=",
                                     "MOUSSEM_STATION=",
                                     "PATH=" + bin.string() + ":/usr/bin:/bin",
                                     std::string("ASAN_OPTIONS=") + (asan ? asan : "") + ":detect_leaks=0"};
  auto cli = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"-C", home.string(), (bin / "moussem-cli").string(), "--lang", "en"});
    return runCommand("env", args, env);
  };
  auto version = cli({"--version"});
  CHECK(version.exit_code == 0);
  CHECK(version.out == "moussem-cli " + std::string(appVersion()) + "\n");
  auto init = cli({"init", "--edition-name", "Salon", "--from", "2026-02-09", "--to", "2026-02-15"});
  INFO(init.err);
  REQUIRE(init.exit_code == 0);
  CHECK(fs::exists(home / ".local" / "share" / "moussem" / "moussem.db"));  // the XDG data folder of the fresh HOME
  const std::string demo = (home / "demo.db").string();
  REQUIRE(cli({"--db", demo, "demo", "--exhibitors", "3", "--participants", "6"}).exit_code == 0);
  auto badge = cli({"--db", demo, "badge", "render", "--person", "1", "--out", (home / "badge.pdf").string()});
  INFO(badge.err);
  CHECK(badge.exit_code == 0);
  CHECK(fs::file_size(home / "badge.pdf") > 1000);  // fonts found through the package's Depends
  CHECK(cli({"station", "show"}).exit_code == 0);
  // The app from the package: the demo edition in the fresh HOME, rendered in Arabic (the fonts).
  auto app = runCommand("xvfb-run",
                        {"-a", "-s", "-screen 0 1024x700x24", "env", "-C", home.string(), (bin / "moussem").string(),
                         "--demo", "--lang", "ar", "--size", "800x600", "--screenshot", (home / "app.png").string()},
                        env);
  INFO(app.err);
  CHECK(app.exit_code == 0);
  CHECK(pngSize(home / "app.png") == std::pair{800, 600});
  auto appVersionLine = runCommand((bin / "moussem").string(), {"--version"}, env);
  CHECK(appVersionLine.out == "moussem " + std::string(appVersion()) + "\n");

  // The launcher and the metainfo, where the XDG specs say, as Debian's validators see them.
  const fs::path share = root / "usr" / "share";
  fs::path desktop, metainfo;
  for (const auto& e : fs::directory_iterator(share / "applications")) desktop = e.path();
  for (const auto& e : fs::directory_iterator(share / "metainfo")) metainfo = e.path();
  REQUIRE(desktop.extension() == ".desktop");
  auto valid = runCommand("desktop-file-validate", {desktop.string()});
  INFO(valid.out << valid.err);
  CHECK(valid.exit_code == 0);
  CHECK(valid.out.empty());  // not even a hint
  auto as = runCommand("appstreamcli", {"validate", "--no-net", "--pedantic", metainfo.string()});
  INFO(as.out << as.err);
  CHECK(as.exit_code == 0);
  CHECK(metainfo.filename().string() == desktop.stem().string() + ".metainfo.xml");
  CHECK(as.out.find("screenshot") == std::string::npos);  // a screenshot, and nothing said of it

  // The icon: the SVG and every PNG size of the hicolor theme, each of its size.
  CHECK(fs::exists(share / "icons" / "hicolor" / "scalable" / "apps" / "moussem.svg"));
  for (int size : {16, 22, 24, 32, 48, 64, 128, 256, 512}) {
    const auto png =
        share / "icons" / "hicolor" / (std::to_string(size) + "x" + std::to_string(size)) / "apps" / "moussem.png";
    INFO(png);
    CHECK(pngSize(png) == std::pair{size, size});
  }

  // Manual pages: no warning from man, and the options the programs print are in them.
  for (const char* page : {"moussem", "moussem-cli"}) {
    const auto file = share / "man" / "man1" / (std::string(page) + ".1.gz");
    REQUIRE(fs::exists(file));
    auto man = runCommand("man", {"--warnings", "-l", file.string()},
                          {"MANWIDTH=80", "LC_ALL=C.UTF-8", "MANPAGER=cat", "PAGER=cat"});
    INFO(page << ": " << man.err);
    CHECK(man.exit_code == 0);
    CHECK(man.err.empty());
    CHECK(man.out.find(std::string(appVersion())) != std::string::npos);
    if (std::string(page) == "moussem") {
      CHECK(man.out.find("--kiosk") != std::string::npos);
    } else {
      CHECK(man.out.find("station enrol") != std::string::npos);
      CHECK(man.out.find("--password-stdin") != std::string::npos);
      CHECK(man.out.find("db upgrade") != std::string::npos);
    }
  }
  // The kiosk's session script, executable; the documents Debian asks for.
  const auto kiosk = root / "usr" / "libexec" / "moussem" / "moussem-kiosk";
  REQUIRE(fs::exists(kiosk));
  CHECK((fs::status(kiosk).permissions() & fs::perms::owner_exec) != fs::perms::none);
  for (const char* doc : {"copyright", "changelog.gz", "install.md"})
    CHECK(fs::exists(share / "doc" / "moussem" / doc));
}
