// `report --out FILE.pdf|FILE.xlsx|FOLDER [--format pdf|xlsx|csv]`: the organisers' report from the
// edition's figures; csv writes one file per table into the folder.
#include <memory>

#include "cli_context.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "report/report.hpp"
#include "store/audit_anchor.hpp"

namespace moussem::cli {

namespace {
struct ReportOptions {
  std::string out, format, separator = ";";
};
}  // namespace

void registerReport(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand("report", tr("cli.help.report.about"));
  auto o = std::make_shared<ReportOptions>();
  sub->add_option("--out", o->out, tr("cli.help.report.out"))->required();
  sub->add_option("--format", o->format, tr("cli.help.report.format"))->check(CLI::IsMember({"pdf", "xlsx", "csv"}));
  sub->add_option("--separator", o->separator, tr("cli.help.report.separator"))
      ->check(CLI::IsMember({";", ",", "tab"}));
  sub->callback([&ctx, o] {
    ctx.action = [&ctx, o] {
      const std::string implied = report::formatOf(o->out);
      const std::string format = o->format.empty() ? implied : o->format;
      if (format.empty()) {
        const bool csv = std::filesystem::path(o->out).extension() == ".csv";
        throw Error(ErrorKind::Usage, tr(csv ? "report.error.csv_folder" : "report.error.extension", {o->out}));
      }
      if (format != "csv" && implied != format) throw Error(ErrorKind::Usage, tr("report.error.extension", {o->out}));
      const std::string ext = std::filesystem::path(o->out).extension().string();
      if (format == "csv" && (ext == ".csv" || ext == ".pdf" || ext == ".xlsx"))
        throw Error(ErrorKind::Usage, tr("report.error.csv_folder", {o->out}));
      auto store = ctx.open();
      const Edition edition = store->edition().value_or(Edition{});
      report::FiguresBuilder builder;
      builder.update(*store);
      const report::EventFigures& f = builder.figures();
      auto progress = [&ctx](double x) { ctx.progress("report", x); };
      nlohmann::json j{{"out", o->out},
                       {"format", format},
                       {"people", f.people},
                       {"entries", f.entries},
                       {"visitors", f.visitors},
                       {"exits", f.exits},
                       {"badges_printed", f.badges_printed},
                       {"days", f.days.size()}};
      const std::string anchor = anchorText(currentAuditAnchor(*store));
      j["anchor"] = anchor;
      if (format == "pdf") {
        report::writePdf(f, edition, o->out, progress, anchor);
      } else if (format == "xlsx") {
        report::writeXlsx(f, edition, o->out, progress, anchor);
      } else {
        auto files =
            report::writeCsvTables(f, o->out, o->separator == "tab" ? '\t' : o->separator[0], progress, anchor);
        nlohmann::json names = nlohmann::json::array();
        for (const auto& file : files) names.push_back(file.filename().string());
        j["files"] = names;
      }
      ctx.print(j, tr("report.written", {o->out}));
    };
  });
}

}  // namespace moussem::cli
