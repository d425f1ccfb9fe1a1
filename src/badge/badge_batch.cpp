#include "badge/badge_batch.hpp"

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/scratch_dir.hpp"

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

void renderFaces(BadgeRenderer& renderer, const std::vector<BadgeFace>& faces, const std::filesystem::path& out,
                 const BatchProgress& progress, const std::atomic<bool>* cancel) {
  renderer.renderPdf(out, faces, [&](std::size_t done, std::size_t total) {
    if (progress) progress("render", done, total);
  }, cancel);
  if (cancel && cancel->load()) throw Error(ErrorKind::Refused, tr("badge.batch.cancelled"));
}

}  // namespace

std::size_t renderBatch(Store& store, BadgeService& service, const std::vector<Id>& people, BadgeRenderer& renderer,
                        const std::filesystem::path& out, const BatchProgress& progress,
                        const std::atomic<bool>* cancel) {
  if (people.empty()) throw Error(ErrorKind::NotFound, tr("cli.error.nobody"));
  std::size_t n = 0;
  store.write([&] {
    auto faces = prepare(service, people, progress, cancel);
    renderFaces(renderer, faces, out, progress, cancel);
    n = faces.size();
  });
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
  const std::string paper =
      settings.paper.empty() ? mediaForPage(renderer.badgeTemplate().sheet_w, renderer.badgeTemplate().sheet_h)
                             : settings.paper;
  // One transaction: badges issued for the batch and the print log are written only if the printer took
  // the job; a refused job leaves the database as it was.
  store.write([&] {
    auto faces = prepare(service, people, progress, cancel);
    const auto pdf = dir / "badges.pdf";
    renderFaces(renderer, faces, pdf, progress, cancel);
    if (progress) progress("print", 0, 1);
    const std::string title = faces.size() == 1 ? "Badge " + faces.front().serial
                                                : "Badges (" + std::to_string(faces.size()) + ")";
    outcome.job = printPdf(settings.printer, pdf, title, paper);
    for (Id p : people) service.recordPrint(p);
    outcome.badges = faces.size();
    if (progress) progress("print", 1, 1);
  });
  return outcome;
}

}  // namespace moussem
