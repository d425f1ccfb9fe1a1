#include <cairo.h>
#include <sodium.h>
#include <zbar.h>

#include <catch2/catch.hpp>
#include <fstream>

#include "badge/badge_render.hpp"
#include "badge/payload.hpp"
#include "core/error.hpp"
#include "test_support.hpp"

using namespace moussem;
using moussem::test::TempDir;

namespace {

std::string samplePayload() {
  REQUIRE(sodium_init() >= 0);
  std::array<unsigned char, 32> pk{};
  std::array<unsigned char, 64> sk{};
  crypto_sign_keypair(pk.data(), sk.data());
  BadgeClaims c;
  c.edition = "K7Q2XP";
  c.serial = "AB12CD34";
  c.version = 1;
  c.category = "exhibitor";
  c.days = 0x7F;
  return signPayload(c, sk);
}

BadgeFace sampleFace() {
  BadgeFace f;
  f.edition_fr = "Semaine Nationale de l'Artisanat — 9e édition";
  f.edition_ar = "الأسبوع الوطني للصناعة التقليدية — الدورة التاسعة";
  f.name_latin = "Fatima Zahra El Amrani";
  f.name_ar = "فاطمة الزهراء العمراني";
  f.organization = "Coopérative féminine Tifawin";
  f.category_fr = "Exposant";
  f.category_ar = "عارض";
  f.category_color = "#8D5524";
  f.booth = "Stand B-12";
  f.days = "9–15 février 2026";
  f.serial = "AB12CD34";
  f.payload = samplePayload();
  return f;
}

// Decodes every QR code in a PNG with libzbar; returns the texts found.
std::vector<std::string> decodePng(const std::filesystem::path& png) {
  cairo_surface_t* s = cairo_image_surface_create_from_png(png.c_str());
  REQUIRE(cairo_surface_status(s) == CAIRO_STATUS_SUCCESS);
  int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
  int stride = cairo_image_surface_get_stride(s);
  const unsigned char* data = cairo_image_surface_get_data(s);
  std::vector<unsigned char> grey(static_cast<std::size_t>(w * h));
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      const unsigned char* px = data + y * stride + x * 4;
      grey[static_cast<std::size_t>(y * w + x)] = static_cast<unsigned char>((px[0] + px[1] + px[2]) / 3);
    }
  cairo_surface_destroy(s);
  zbar::zbar_image_scanner_t* scanner = zbar::zbar_image_scanner_create();
  zbar::zbar_image_scanner_set_config(scanner, zbar::ZBAR_NONE, zbar::ZBAR_CFG_ENABLE, 0);
  zbar::zbar_image_scanner_set_config(scanner, zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_ENABLE, 1);
  zbar::zbar_image_t* image = zbar::zbar_image_create();
  zbar::zbar_image_set_format(image, zbar_fourcc('Y', '8', '0', '0'));
  zbar::zbar_image_set_size(image, static_cast<unsigned>(w), static_cast<unsigned>(h));
  zbar::zbar_image_set_data(image, grey.data(), grey.size(), nullptr);
  zbar::zbar_scan_image(scanner, image);
  std::vector<std::string> out;
  for (const zbar::zbar_symbol_t* sym = zbar::zbar_image_first_symbol(image); sym; sym = zbar::zbar_symbol_next(sym))
    out.emplace_back(zbar::zbar_symbol_get_data(sym), zbar::zbar_symbol_get_data_length(sym));
  zbar::zbar_image_destroy(image);
  zbar::zbar_image_scanner_destroy(scanner);
  return out;
}

std::vector<ElementPlacement> layoutOf(const std::string& tmpl, const BadgeFace& face) {
  BadgeRenderer r(loadTemplate(tmpl));
  cairo_surface_t* s = cairo_recording_surface_create(CAIRO_CONTENT_COLOR, nullptr);
  cairo_t* cr = cairo_create(s);
  auto placed = r.draw(cr, face);
  cairo_destroy(cr);
  cairo_surface_destroy(s);
  return placed;
}

std::string pdfInfo(const std::filesystem::path& pdf) {
  TempDir dir;
  auto out = dir / "info.txt";
  std::string cmd = "pdfinfo '" + pdf.string() + "' > '" + out.string() + "' 2>&1";
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::ifstream in(out);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

}  // namespace

TEST_CASE("the shipped templates are a6, cr80 and a4x4, and all load") {
  auto names = templateNames();
  for (const char* n : {"a6", "cr80", "a4x4"}) {
    CHECK(std::find(names.begin(), names.end(), n) != names.end());
    CHECK_NOTHROW(loadTemplate(n));
  }
  CHECK(loadTemplate("cr80").page_w == Approx(85.6));
  CHECK(loadTemplate("a4x4").slots.size() == 4);
}

TEST_CASE("a rendered PNG badge decodes with zbar to exactly its payload, on every template") {
  TempDir dir;
  BadgeFace face = sampleFace();
  for (const char* t : {"a6", "cr80"}) {
    INFO("template " << t);
    BadgeRenderer r(loadTemplate(t));
    auto png = dir / (std::string(t) + ".png");
    r.renderPng(png, face, 300);
    auto decoded = decodePng(png);
    REQUIRE(decoded.size() == 1);
    CHECK(decoded[0] == face.payload);
  }
}

TEST_CASE("a PNG badge prints at its real size: 300 dpi recorded, pixel size of the page at 300 dpi") {
  TempDir dir;
  BadgeRenderer r(loadTemplate("a6"));
  const BadgeFace face = sampleFace();  // one signature: each sampleFace() signs with a new key
  auto png = dir / "a6.png";
  r.renderPng(png, face, 300);
  std::ifstream in(png, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto be32 = [&](std::size_t at) {
    return (std::uint32_t(std::uint8_t(bytes[at])) << 24) | (std::uint32_t(std::uint8_t(bytes[at + 1])) << 16) |
           (std::uint32_t(std::uint8_t(bytes[at + 2])) << 8) | std::uint32_t(std::uint8_t(bytes[at + 3]));
  };
  REQUIRE(bytes.compare(1, 3, "PNG") == 0);
  CHECK(be32(16) == 1240);  // 105 mm at 300 dpi
  CHECK(be32(20) == 1748);  // 148 mm
  auto phys = bytes.find("pHYs");
  REQUIRE(phys != std::string::npos);
  CHECK(be32(phys + 4) == 11811);  // pixels per metre = 300 dpi
  CHECK(be32(phys + 8) == 11811);
  CHECK(bytes[phys + 12] == 1);  // unit: metre
  // The surface is reused: another badge in between leaves nothing behind on the next one.
  BadgeFace other = face;
  other.payload = sampleFace().payload;
  other.name_latin = "Someone With A Much Longer Name Than The First";
  other.category_color = "#000000";
  r.renderPng(dir / "other.png", other, 300);
  auto again = dir / "again.png";
  r.renderPng(again, face, 300);
  std::ifstream in2(again, std::ios::binary);
  std::string bytes2((std::istreambuf_iterator<char>(in2)), std::istreambuf_iterator<char>());
  CHECK(bytes == bytes2);
}

TEST_CASE("QR modules are at least 0.5 mm with a 4-module quiet zone") {
  for (const char* t : {"a6", "cr80", "a4x4"}) {
    for (const auto& p : layoutOf(t, sampleFace()))
      if (p.kind == "qr") {
        INFO("template " << t);
        CHECK(p.qr_module_mm >= 0.5);
        CHECK(p.ink.w <= p.box.w + 1e-6);
      }
  }
}

TEST_CASE("long, Arabic-only, Latin-only and mixed names stay inside their boxes") {
  std::vector<std::pair<std::string, std::string>> corpus{
      {std::string(200, 'W'), ""},
      {"", "عبد الرحمن بن محمد بن عبد الله الإدريسي الحسني الفاسي المراكشي التطواني الرباطي السلاوي"},
      {"Mohamed", "محمد"},
      {"Jean-Baptiste Émile de La Rochefoucauld-Montmorency d'Aubigné-Saint-Exupéry", "جان باتيست"},
      {"Ahmed  ben Ali ‏محمد‎ (Coopérative Tifawin)", "أَحْمَد بن عَلِيّ ـــ التازي"},
      {"Zoë Ñúñez-Çelik Øresund Łukasz", ""},
  };
  for (const char* t : {"a6", "cr80", "a4x4"}) {
    for (const auto& [latin, arabic] : corpus) {
      BadgeFace f = sampleFace();
      f.name_latin = latin;
      f.name_ar = arabic;
      f.organization = latin + " " + latin;
      auto placed = layoutOf(t, f);
      for (const auto& p : placed) {
        if (p.kind != "text") continue;
        INFO(t << " " << p.field << " '" << latin << "' size " << p.size_used);
        CHECK(p.ink.x >= p.box.x - 0.2);
        CHECK(p.ink.y >= p.box.y - 0.5);
        CHECK(p.ink.x + p.ink.w <= p.box.x + p.box.w + 0.2);
        CHECK(p.ink.y + p.ink.h <= p.box.y + p.box.h + 0.5);
      }
    }
  }
}

TEST_CASE("a long name shrinks before it is ever cut") {
  BadgeFace f = sampleFace();
  f.name_latin = "Jean-Baptiste de La Rochefoucauld";
  auto placed = layoutOf("a6", f);
  auto name = std::find_if(placed.begin(), placed.end(), [](auto& p) { return p.field == "name_latin"; });
  REQUIRE(name != placed.end());
  CHECK(name->size_used < 24);
  CHECK_FALSE(name->ellipsized);
  f.name_latin = std::string(200, 'W');
  placed = layoutOf("a6", f);
  name = std::find_if(placed.begin(), placed.end(), [](auto& p) { return p.field == "name_latin"; });
  CHECK(name->ellipsized);
}

TEST_CASE("a batch PDF has one page per badge (A6) or per four badges (A4 sheet), with the right size") {
  TempDir dir;
  std::vector<BadgeFace> faces(10, sampleFace());
  BadgeRenderer a6(loadTemplate("a6"));
  std::size_t calls = 0;
  a6.renderPdf(dir / "a6.pdf", faces, [&](std::size_t done, std::size_t total) {
    ++calls;
    CHECK(done <= total);
  });
  CHECK(calls == 10);
  auto info = pdfInfo(dir / "a6.pdf");
  CHECK(info.find("Pages:           10") != std::string::npos);
  CHECK(info.find("297.638 x 419.528 pts") != std::string::npos);

  BadgeRenderer sheet(loadTemplate("a4x4"));
  sheet.renderPdf(dir / "a4.pdf", faces);
  info = pdfInfo(dir / "a4.pdf");
  CHECK(info.find("Pages:           3") != std::string::npos);
  CHECK(info.find("595.276 x 841.89 pts") != std::string::npos);

  BadgeRenderer card(loadTemplate("cr80"));
  card.renderPdf(dir / "cr80.pdf", faces);
  CHECK(pdfInfo(dir / "cr80.pdf").find("242.646 x 153.071 pts") != std::string::npos);
}

TEST_CASE("the PDF embeds its fonts") {
  TempDir dir;
  BadgeRenderer r(loadTemplate("a6"));
  r.renderPdf(dir / "b.pdf", {sampleFace()});
  auto cmd = "pdffonts '" + (dir / "b.pdf").string() + "' > '" + (dir / "fonts.txt").string() + "'";
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::ifstream in(dir / "fonts.txt");
  std::string fonts((std::istreambuf_iterator<char>(in)), {});
  CHECK(fonts.find("DejaVuSans") != std::string::npos);
  CHECK(fonts.find("NotoSansArabic") != std::string::npos);
  CHECK(fonts.find(" no ") == std::string::npos);  // every font embedded ("emb" column says yes)
}

TEST_CASE("a cancelled batch leaves no file") {
  TempDir dir;
  std::atomic<bool> cancel{true};
  BadgeRenderer r(loadTemplate("a6"));
  CHECK_THROWS_AS(r.renderPdf(dir / "x.pdf", std::vector<BadgeFace>(5, sampleFace()), {}, &cancel), Error);
  CHECK(std::filesystem::is_empty(dir.path()));
}

TEST_CASE("writing into a folder that does not exist fails clearly and leaves nothing") {
  BadgeRenderer r(loadTemplate("a6"));
  CHECK_THROWS_AS(r.renderPdf("/nonexistent-folder/x.pdf", {sampleFace()}), Error);
  CHECK_THROWS_AS(r.renderPng("/nonexistent-folder/x.png", sampleFace()), Error);
}

TEST_CASE("a broken template is refused with the file and field at fault") {
  auto message = [](const std::string& json) {
    try {
      parseTemplate(json, "mine.json");
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  CHECK(message("{").find("mine.json") != std::string::npos);
  CHECK(message(R"({"page_mm":[105,148],"elements":[]})").find("qr") != std::string::npos);
  CHECK(message(R"({"page_mm":[105,148],"elements":[{"kind":"qr","box":[0,0,200,40]}]})").find("elements[0].box") !=
        std::string::npos);
  CHECK(
      message(
          R"({"page_mm":[105,148],"elements":[{"kind":"qr","box":[0,0,40,40]},{"kind":"text","field":"password","box":[0,0,10,10]}]})")
          .find("elements[1].field") != std::string::npos);
  CHECK(
      message(
          R"({"page_mm":[105,148],"elements":[{"kind":"qr","box":[0,0,40,40]},{"kind":"text","field":"name_ar","box":[0,0,10,10],"color":"red"}]})")
          .find("color") != std::string::npos);
  CHECK_THROWS_AS(loadTemplate("no-such-template"), Error);
}

TEST_CASE("a QR area too small for 0.5 mm modules is refused, not printed unreadable") {
  BadgeRenderer r(parseTemplate(R"({"page_mm":[105,148],"elements":[{"kind":"qr","box":[0,0,15,15]}]})", "tiny"));
  TempDir dir;
  CHECK_THROWS_AS(r.renderPng(dir / "t.png", sampleFace()), Error);
  CHECK(std::filesystem::is_empty(dir.path()));
}
