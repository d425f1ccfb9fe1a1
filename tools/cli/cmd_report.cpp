// `report --out FILE.pdf|FILE.xlsx`: the organisers' report from the edition's figures.
#include <memory>

#include "cli_context.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "report/report.hpp"

namespace moussem::cli {

void registerReport(CLI::App& app, Context& ctx) {
  auto* sub = app.add_subcommand("report", "The organisers' report: PDF (charts, FR and AR) or XLSX workbook");
  auto out = std::make_shared<std::string>();
  sub->add_option("--out", *out, "FILE.pdf or FILE.xlsx")->required();
  sub->callback([&ctx, out] {
    ctx.action = [&ctx, out] {
      const std::string ext = std::filesystem::path(*out).extension().string();
      if (ext != ".pdf" && ext != ".xlsx") throw Error(ErrorKind::Usage, tr("report.error.extension", {*out}));
      auto store = ctx.open();
      const Edition edition = store->edition().value_or(Edition{});
      report::FiguresBuilder builder;
      builder.update(*store);
      const report::EventFigures& f = builder.figures();
      auto progress = [&ctx](double x) { ctx.progress("report", x); };
      if (ext == ".pdf") report::writePdf(f, edition, *out, progress);
      else report::writeXlsx(f, edition, *out, progress);
      nlohmann::json j{{"out", *out},       {"people", f.people},     {"entries", f.entries},
                       {"visitors", f.visitors}, {"exits", f.exits}, {"badges_printed", f.badges_printed},
                       {"days", f.days.size()}};
      ctx.print(j, tr("report.written", {*out}));
    };
  });
}

}  // namespace moussem::cli
