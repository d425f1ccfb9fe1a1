#include "badge/badge_batch.hpp"

#include <cctype>

#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/scratch_dir.hpp"
#include "core/test_pause.hpp"

namespace moussem {

namespace {

std::vector<BadgeFace> prepare(BadgeService& service, const std::vector<Id>& people, const BatchProgress& progress,
                               const std::atomic<bool>* cancel) {
  std::vector<BadgeFace> faces;
  faces.reserve(people.size());
  for (std::size_t i = 0; i < people.size(); ++i) {
    if (cancel && cancel->load()) throw Error(ErrorKind::Refused, tr("badge.batch.cancelled"));
    faces.push_back(service.face(people[i]));
    if (progress) progress("prepare", i + 1, people.size());
  }
  return faces;
}

void renderFaces(BadgeRenderer& renderer, const std::vector<BadgeFace>& faces, PartialFile& out,
                 const BatchProgress& progress, const std::atomic<bool>* cancel) {
  renderer.renderPdf(
      out, faces,
      [&](std::size_t done, std::size_t total) {
        if (progress) progress("render", done, total);
      },
      cancel);
  if (cancel && cancel->load()) throw Error(ErrorKind::Refused, tr("badge.batch.cancelled"));
}

}  // namespace

std::size_t renderBatch(Store& store, BadgeService& service, const std::vector<Id>& people, BadgeRenderer& renderer,
                        const std::filesystem::path& out, const BatchProgress& progress,
                        const std::atomic<bool>* cancel) {
  if (people.empty()) throw Error(ErrorKind::NotFound, tr("cli.error.nobody"));
  std::string ext = out.extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const bool png = ext == ".png";
  if (png && people.size() != 1) throw Error(ErrorKind::Usage, tr("cli.error.png_one"));
  // Drawn inside the transaction that issues the badges, published only once it has committed: a crash
  // or a failure before the commit leaves no file; one after it leaves the badges issued, and the same
  // command writes the file again.
  PartialFile file(out, "render.error.write");
  std::size_t n = 0;
  store.write([&] {
    auto faces = prepare(service, people, progress, cancel);
    if (png) {
      renderer.renderPng(file, faces.front(), kPngDpi);
      if (progress) progress("render", 1, 1);
    } else {
      renderFaces(renderer, faces, file, progress, cancel);
    }
    n = faces.size();
    testPausePoint("badge-render-before-commit");
  });
  testPausePoint("badge-render-after-commit");
  try {
    file.publish();
  } catch (const Error& e) {
    throw Error(e.kind(), tr("badge.batch.issued_not_written", {e.what()}));
  }
  return n;
}

std::size_t countAlreadyPrinted(BadgeService& service, const std::vector<Id>& people) {
  std::size_t n = 0;
  for (Id p : people)
    if (service.printedBefore(p)) ++n;
  return n;
}

PrintOutcome printBatch(Store& store, BadgeService& service, const std::vector<Id>& people, BadgeRenderer& renderer,
                        const PrintSettings& settings, bool again, const BatchProgress& progress,
                        const std::atomic<bool>* cancel) {
  if (people.empty()) throw Error(ErrorKind::NotFound, tr("cli.error.nobody"));
  if (!again)
    if (std::size_t n = countAlreadyPrinted(service, people))
      throw Error(ErrorKind::Refused, trn("print.error.already_printed", static_cast<long long>(n)));

  const ScratchDir scratch("moussem-print", "render.error.write");
  const std::filesystem::path& dir = scratch.path();

  PrintOutcome outcome;
  outcome.printer = settings.printer;
  const std::string paper = settings.paper.empty()
                                ? mediaForPage(renderer.badgeTemplate().sheet_w, renderer.badgeTemplate().sheet_h)
                                : settings.paper;
  // The badges are issued first, in their own transaction; the job goes to the printer only once it has
  // committed (a printed badge is always one the gates know), and the print log is written once the
  // printer has taken the job. A refused job leaves the badges issued and nothing logged: printing again
  // sends the same badges.
  std::vector<BadgeFace> faces;
  store.write([&] {
    faces = prepare(service, people, progress, cancel);
    testPausePoint("badge-print-before-commit");
  });
  PartialFile pdf(dir / "badges.pdf", "render.error.write");
  renderFaces(renderer, faces, pdf, progress, cancel);
  pdf.publish();
  if (progress) progress("print", 0, 1);
  const std::string title =
      faces.size() == 1 ? "Badge " + faces.front().serial : "Badges (" + std::to_string(faces.size()) + ")";
  outcome.job = printPdf(settings.printer, pdf.out(), title, paper);
  store.write([&] {
    for (Id p : people) service.recordPrint(p);
  });
  outcome.badges = faces.size();
  if (progress) progress("print", 1, 1);
  return outcome;
}

int printTestPage(BadgeRenderer& renderer, const PrintSettings& settings, const std::string& station) {
  const BadgeTemplate& t = renderer.badgeTemplate();
  const std::string paper = settings.paper.empty() ? mediaForPage(t.sheet_w, t.sheet_h) : settings.paper;
  BadgeFace face;
  face.edition_fr = i18n::lookupIn("fr", "print.test.title");
  face.edition_ar = i18n::lookupIn("ar", "print.test.title");
  face.edition_en = i18n::lookupIn("en", "print.test.title");
  face.name_latin = i18n::lookupIn("fr", "print.test.name");
  face.name_ar = i18n::lookupIn("ar", "print.test.name");
  face.organization = station;
  face.position = (settings.printer.empty() ? tr("print.default_printer") : settings.printer) + " · " + paper;
  face.category_fr = i18n::lookupIn("fr", "print.test.category");
  face.category_ar = i18n::lookupIn("ar", "print.test.category");
  face.category_en = i18n::lookupIn("en", "print.test.category");
  face.days = dates::utcNowIso().substr(0, 10);
  face.serial = "TEST";
  face.payload = "MOUSSEM TEST PAGE";  // not a signed payload: every gate refuses it (malformed)
  const ScratchDir scratch("moussem-print", "render.error.write");
  PartialFile pdf(scratch.path() / "test-page.pdf", "render.error.write");
  renderer.renderPdf(pdf, {face});
  pdf.publish();
  return printPdf(settings.printer, pdf.out(), i18n::lookupIn("en", "print.test.title"), paper);
}

}  // namespace moussem
