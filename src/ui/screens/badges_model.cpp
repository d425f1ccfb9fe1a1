#include "ui/screens/badges_model.hpp"

#include "badge/badge_batch.hpp"
#include "badge/badge_service.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/paths.hpp"
#include "core/station.hpp"
#include "ui/signed_in.hpp"

namespace moussem::ui {

namespace {
struct Rollback {};  // thrown inside a transaction to leave the database exactly as it was
}  // namespace

BadgesModel::BadgesModel(Store& store)
    : store_(store), station_(stationName()), operator_(systemUserName()), printer_(store) {
  const char* home = std::getenv("HOME");
  pdf_path =
      (std::filesystem::path(home && *home ? home : std::filesystem::temp_directory_path().string()) / "badges.pdf")
          .string();
}

void BadgesModel::refresh() {
  categories_ = store_.categories();
  exhibitors_.clear();
  store_.forEachExhibitor([&](const Exhibitor& e, const std::string&, const std::string&) {
    exhibitors_.emplace_back(e.id, e.name_fr.empty() ? e.name_ar : e.name_fr);
  });
  printer_.refresh();
  log_ = store_.printLog(0, 50);
  loaded_ = true;
  selectionChanged();
}

void BadgesModel::selectionChanged() {
  auto ids = recount();
  loadPreview(ids.empty() ? 0 : ids.front());
}

std::vector<Id> BadgesModel::recount() {
  auto ids = store_.peopleMatching(filter);
  count_ = ids.size();
  // Already printed = the batch minus its never-printed part: two queries, not one per person.
  PeopleFilter neverPrinted = filter;
  neverPrinted.not_printed = true;
  already_printed_ = filter.not_printed ? 0 : count_ - store_.peopleMatching(neverPrinted).size();
  return ids;
}

void BadgesModel::loadPreview(Id first) {
  preview_.reset();
  if (first == 0) return;
  // face() issues a badge for someone who has none: built inside a transaction that is rolled back, so
  // looking at a batch writes nothing.
  try {
    store_.write([&] {
      BadgeService svc(store_, BadgeService::keyBeside(store_.location()), {station_, operator_});
      preview_ = svc.face(first);
      auto b = store_.badgeOfPerson(first);
      preview_serial_ = b ? b->serial : "";
      preview_version_ = b ? b->version : 0;
      throw Rollback{};
    });
  } catch (const Rollback&) {
  } catch (const std::exception& e) {
    preview_.reset();
    message_ = e.what();
    message_error_ = true;
  }
}

std::string BadgesModel::previewKey() const {
  if (!preview_) return "";
  return preview_->serial + "/" + std::to_string(preview_version_) + "/" + template_name;
}

bool BadgesModel::startRender() {
  if (count_ == 0) return false;
  message_.clear();
  const std::string location = store_.location(), out = pdf_path, tmpl = template_name, station = station_,
                    who = operator_;
  const PeopleFilter f = filter;
  return task_.start([=](BackgroundTask::Context& ctx) {
    auto store = openAsSignedIn(location);
    BadgeService svc(*store, BadgeService::keyBeside(location), {station, who});
    BadgeRenderer renderer(loadTemplate(tmpl));
    auto ids = store->peopleMatching(f);
    std::size_t n = renderBatch(
        *store, svc, ids, renderer, out,
        [&](const std::string& stage, std::size_t done, std::size_t total) {
          ctx.setStage("badge.progress." + stage);
          ctx.fraction = static_cast<double>(done) / static_cast<double>(total);
        },
        &ctx.cancel);
    return trn("badge.rendered", static_cast<long long>(n)) + " → " + paths::forDisplay(out);
  });
}

BadgesModel::PrintStart BadgesModel::startPrint(bool again) {
  if (task_.running()) return PrintStart::Busy;
  if (count_ == 0) return PrintStart::Empty;
  if (!again && already_printed_ > 0) return PrintStart::NeedsConfirmation;
  message_.clear();
  const std::string location = store_.location(), tmpl = template_name, station = station_, who = operator_;
  const PeopleFilter f = filter;
  const PrintSettings s = printer_.settings;
  task_.start([=](BackgroundTask::Context& ctx) {
    auto store = openAsSignedIn(location);
    BadgeService svc(*store, BadgeService::keyBeside(location), {station, who});
    BadgeRenderer renderer(loadTemplate(tmpl));
    auto ids = store->peopleMatching(f);
    PrintOutcome r = printBatch(
        *store, svc, ids, renderer, s, again,
        [&](const std::string& stage, std::size_t done, std::size_t total) {
          ctx.setStage("badge.progress." + stage);
          ctx.fraction = static_cast<double>(done) / static_cast<double>(total);
        },
        &ctx.cancel);
    std::string printer = r.printer.empty() ? tr("print.default_printer") : r.printer;
    return tr("print.sent", {trn("badge.count", static_cast<long long>(r.badges)), printer, std::to_string(r.job)});
  });
  return PrintStart::Started;
}

void BadgesModel::poll() {
  if (auto outcome = task_.poll()) {
    message_ = outcome->message;
    message_error_ = !outcome->ok;
    log_ = store_.printLog(0, 50);
    recount();
  }
}

}  // namespace moussem::ui
