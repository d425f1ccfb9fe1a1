#include "ui/screens/import_model.hpp"

#include <filesystem>

#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/live_files.hpp"
#include "core/paths.hpp"
#include "io/csv.hpp"
#include "io/export.hpp"
#include "ui/signed_in.hpp"

namespace moussem::ui {

namespace {

std::string defaultFolder() {
  const char* home = std::getenv("HOME");
  return home && *home ? home : std::filesystem::temp_directory_path().string();
}

}  // namespace

std::string describeRowError(const io::RowError& e) {
  if (e.column.empty()) return tr("import.row_error", {std::to_string(e.line), e.message});
  return tr("import.row_error.column", {std::to_string(e.line), e.column, e.message});
}

ImportModel::ImportModel(DeskSession& session) : session_(session) {
  export_path = (std::filesystem::path(defaultFolder()) / "participants.xlsx").string();
}

bool ImportModel::startPreview() {
  if (task_.running()) return false;
  message_.clear();
  preview_.reset();
  report_.reset();
  job_ = Job::Preview;
  const std::string location = session_.store().location(), file = path;
  const io::Entity what = entity;
  return task_.start([this, location, file, what](BackgroundTask::Context& ctx) {
    ImportPreview p;
    p.file = file;
    try {
      ctx.setStage("import.stage.read");
      const std::string bytes = live_files::readUserFile(file);
      csv::Table table = csv::parse(bytes);
      p.separator = table.separator;
      p.bom = table.had_bom;
      p.total_rows = table.rows.size() - 1;
      p.headers = table.rows.front().fields;
      for (const auto& h : p.headers) p.mapped.push_back(io::canonicalColumn(what, h).value_or(""));
      for (std::size_t r = 1; r < table.rows.size() && p.rows.size() < kPreviewRows; ++r)
        p.rows.push_back(table.rows[r].fields);
      // The dry run: every row checked as the import would, on this worker's own connection; nothing written.
      ctx.setStage("import.stage.check");
      auto store = openAsSignedIn(location);
      Registry registry(*store);
      io::ImportOptions o;
      o.dry_run = true;
      o.progress = [&](double f) { ctx.fraction = f; };
      o.cancelled = [&] { return ctx.cancel.load(); };
      p.check = io::importText(registry, what, bytes, file, o);
    } catch (const csv::CsvError& e) {
      p.error = file + (e.line() ? ":" + std::to_string(e.line()) : "") + ": " + e.what();
    } catch (const std::exception& e) {
      p.error = e.what();
    }
    std::lock_guard lock(mutex_);
    pending_preview_ = std::move(p);
    return std::string();
  });
}

bool ImportModel::startImport() {
  if (task_.running() || path.empty()) return false;
  message_.clear();
  report_.reset();
  job_ = Job::Import;
  const std::string location = session_.store().location(), file = path;
  const io::Entity what = entity;
  const bool skip = skip_invalid;
  return task_.start([this, location, file, what, skip](BackgroundTask::Context& ctx) {
    ctx.setStage("import.stage.import");
    auto store = openAsSignedIn(location);
    Registry registry(*store);
    io::ImportOptions o;
    o.skip_invalid = skip;
    o.progress = [&](double f) { ctx.fraction = f; };
    o.cancelled = [&] { return ctx.cancel.load(); };
    io::ImportReport report = io::importFile(registry, what, file, o);
    std::string summary;
    if (report.written)
      summary = tr("import.done", {std::to_string(report.created), std::to_string(report.updated),
                                   std::to_string(report.unchanged), std::to_string(report.skipped)});
    else if (!report.errors.empty())
      summary = tr("import.refused", {std::to_string(report.errors.size())});
    else
      summary = tr("import.nothing", {std::to_string(report.unchanged)});
    std::lock_guard lock(mutex_);
    pending_report_ = std::move(report);
    return summary;
  });
}

bool ImportModel::startExport() {
  if (task_.running() || export_path.empty()) return false;
  message_.clear();
  job_ = Job::Export;
  const std::string location = session_.store().location(), file = export_path;
  const io::Entity what = export_entity;
  const char sep = export_separator;
  return task_.start([location, file, what, sep](BackgroundTask::Context& ctx) {
    ctx.setStage("export.stage");
    auto store = openAsSignedIn(location);
    io::ExportOptions o;
    o.separator = sep;
    o.progress = [&](double f) { ctx.fraction = f; };
    std::size_t n = io::exportFile(*store, what, file, o);
    return tr("export.written", {std::to_string(n), paths::forDisplay(file)});
  });
}

void ImportModel::poll() {
  auto outcome = task_.poll();
  if (!outcome) return;
  std::lock_guard lock(mutex_);
  message_ = outcome->message;
  message_error_ = !outcome->ok;
  if (job_ == Job::Preview) {
    preview_ = std::move(pending_preview_);
    pending_preview_.reset();
    if (preview_ && !preview_->error.empty()) {
      message_ = preview_->error;
      message_error_ = true;
    }
  } else if (job_ == Job::Import) {
    report_ = std::move(pending_report_);
    pending_report_.reset();
    if (report_ && !report_->written && !report_->errors.empty()) message_error_ = true;
    if (report_ && report_->written) {
      session_.reloadIndex();  // the new rows become searchable; the tables reload on the revision
      session_.changed();
    }
  }
  job_ = Job::None;
}

void ImportModel::wait() {
  task_.wait();
  poll();
}

}  // namespace moussem::ui
