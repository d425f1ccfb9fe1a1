#include "ui/screens/dashboard_model.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/paths.hpp"
#include "report/report.hpp"
#include "store/audit_anchor.hpp"
#include "ui/signed_in.hpp"

namespace moussem::ui {

namespace fs = std::filesystem;

namespace {
// "~/x" → $HOME/x: the field shows the home folder as people write it.
std::string expandHome(const std::string& path) {
  const char* home = std::getenv("HOME");
  if (home && *home && (path == "~" || path.rfind("~/", 0) == 0)) return std::string(home) + path.substr(1);
  return path;
}
}  // namespace

DashboardModel::DashboardModel(Store& store) : location_(store.location()) {
  const char* home = std::getenv("HOME");
  export_path = home && *home ? "~/" + tr("dashboard.export.default_name")
                              : (fs::temp_directory_path() / tr("dashboard.export.default_name")).string();
}

void DashboardModel::tick(double now) {
  if (auto outcome = exportTask_.poll()) {
    exportFailed_ = !outcome->ok;
    exportMessage_ = outcome->message;
    if (outcome->ok) lastExport_ = pendingExport_;
  }
  if (auto outcome = task_.poll()) {
    if (outcome->ok) {
      figures_ = builder_->figures();  // the worker is done with it
      lastMs_ = std::stod(outcome->message);
      loaded_ = true;
      error_.clear();
    } else {
      error_ = outcome->message;  // e.g. the database is gone: said on screen, retried next period
      connection_->reset();
    }
    due_ = now + period_;
  }
  if (task_.running() || now < due_) return;
  // Every person is re-read every 5 minutes (a category changed, someone was deleted); new
  // registrations are read at every refresh.
  const bool people = now - lastPeopleRead_ >= 300.0;
  if (people) lastPeopleRead_ = now;
  auto builder = builder_;
  auto connection = connection_;
  const std::string location = location_;
  due_ = now + period_;
  task_.start([builder, connection, location, people](BackgroundTask::Context&) {
    const auto t0 = std::chrono::steady_clock::now();
    if (!*connection) *connection = openAsSignedIn(location);
    builder->update(**connection, people);
    return std::to_string(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  });
}

std::string DashboardModel::exportTarget(Format format) const {
  std::string base = expandHome(export_path);
  while (base.size() > 1 && base.back() == '/') base.pop_back();
  fs::path p(base);
  std::string ext = p.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".pdf" || ext == ".xlsx" || ext == ".csv") p.replace_extension();
  if (format == Format::Pdf)
    p += ".pdf";
  else if (format == Format::Xlsx)
    p += ".xlsx";
  return p.string();
}

bool DashboardModel::startExport(Format format) {
  if (exportTask_.running()) return false;
  exportMessage_.clear();
  exportFailed_ = false;
  auto refuse = [this](const std::string& message) {
    exportMessage_ = message;
    exportFailed_ = true;
    return false;
  };
  std::string trimmed = export_path;
  while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '/')) trimmed.pop_back();
  if (trimmed.empty()) return refuse(tr("dashboard.export.no_path"));
  const std::string target = exportTarget(format);
  // Said at once, in the user's language, before any work: a folder that is missing or read-only.
  const fs::path parent = fs::path(target).has_parent_path() ? fs::path(target).parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(parent, ec)) return refuse(tr("io.error.no_folder", {paths::forDisplay(parent.string())}));
  if (::access(parent.c_str(), W_OK) != 0)
    return refuse(tr("report.error.unwritable", {paths::forDisplay(parent.string())}));
  if (format == Format::Csv && fs::exists(target, ec) && !fs::is_directory(target, ec))
    return refuse(tr("report.error.csv_folder", {paths::forDisplay(target)}));

  // The figures on screen when they are there (the report says what the dashboard says); else built
  // on the worker from its own connection.
  auto figures = loaded_ ? std::make_shared<report::EventFigures>(figures_) : nullptr;
  const std::string location = location_;
  pendingExport_ = target;
  return exportTask_.start([figures, location, target, format](BackgroundTask::Context& ctx) {
    ctx.setStage("dashboard.export.stage");
    auto store = openAsSignedIn(location);
    const Edition edition = store->edition().value_or(Edition{});
    report::FiguresBuilder builder;
    const report::EventFigures* f = figures.get();
    if (!f) {
      builder.update(*store);
      f = &builder.figures();
    }
    ctx.fraction = 0.1;
    auto progress = [&ctx](double x) { ctx.fraction = 0.1 + 0.9 * x; };
    const std::string anchor = anchorText(currentAuditAnchor(*store));
    if (format == Format::Pdf)
      report::writePdf(*f, edition, target, progress, anchor);
    else if (format == Format::Xlsx)
      report::writeXlsx(*f, edition, target, progress, anchor);
    else
      report::writeCsvTables(*f, target, ';', progress, anchor);
    return tr("report.written", {paths::forDisplay(target)});
  });
}

}  // namespace moussem::ui
