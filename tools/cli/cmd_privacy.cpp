// Personal data (Law 09-08, issue 9): `export-person ID [--out FILE.json|FILE.pdf]` (right of access:
// everything held about one person, stamped with who exported it and when) and `anonymize [--yes]`
// (after the event: personal data replaced by tokens, every figure kept; without --yes it only says
// what it would do and exits 1).
#include <iostream>
#include <memory>

#include "cli_context.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "privacy/anonymize.hpp"
#include "privacy/person_export.hpp"

namespace moussem::cli {

namespace {
struct ExportPersonOptions {
  Id person = 0;
  std::string out;
};
struct AnonymizeOptions {
  bool yes = false;
  bool before_end = false;
};

// Who is exporting or anonymising: the signed-in user (--user), else the owner of the file.
std::string actingUser(const Context& ctx) {
  return ctx.actor().user;
}

nlohmann::json summaryJson(const privacy::AnonymizeSummary& s) {
  return {{"people", s.people},
          {"exhibitors", s.exhibitors},
          {"operators", s.operators},
          {"notes", s.notes},
          {"audit_rows", s.audit_rows},
          {"anonymised_at", s.anonymised_at},
          {"anonymised_by", s.anonymised_by},
          {"edition_over", s.edition_over},
          {"scrubbed", s.scrubbed}};
}
}  // namespace

void registerPrivacy(CLI::App& app, Context& ctx) {
  auto eo = std::make_shared<ExportPersonOptions>();
  auto* ex = app.add_subcommand("export-person", tr("cli.help.export-person.about"));
  ex->add_option("ID", eo->person, tr("cli.help.export-person.id"))->required();
  ex->add_option("--out", eo->out, tr("cli.help.export-person.out"));
  ex->callback([&ctx, eo] {
    ctx.action = [&ctx, eo] {
      const std::string format = eo->out.empty() ? "json" : privacy::exportFormatOf(eo->out);
      if (format.empty()) throw Error(ErrorKind::Usage, tr("privacy.error.extension", {eo->out}));
      auto store = ctx.open();
      const privacy::PersonRecord record = privacy::gatherPerson(*store, eo->person);
      const privacy::ExportStamp stamp{actingUser(ctx), privacy::nowUtc()};
      if (eo->out.empty()) {
        std::cout << privacy::personJson(record, stamp).dump(2) << '\n';
        return;
      }
      if (format == "pdf")
        privacy::writePersonPdf(record, stamp, eo->out);
      else
        privacy::writePersonJson(record, stamp, eo->out);
      ctx.print({{"out", eo->out},
                 {"format", format},
                 {"person", eo->person},
                 {"exported_by", stamp.exported_by},
                 {"exported_at", stamp.exported_at}},
                tr("privacy.export.written", {std::to_string(eo->person), eo->out}));
    };
  });

  auto ao = std::make_shared<AnonymizeOptions>();
  auto* an = app.add_subcommand("anonymize", tr("cli.help.anonymize.about"));
  an->add_flag("--yes", ao->yes, tr("cli.help.anonymize.yes"));
  an->add_flag("--before-end", ao->before_end, tr("cli.help.anonymize.before-end"));
  an->callback([&ctx, ao] {
    ctx.action = [&ctx, ao] {
      auto store = ctx.open();
      ctx.require(Permission::Anonymize);
      const std::string now = privacy::nowUtc();
      if (!ao->yes) {
        const auto plan = privacy::planAnonymization(*store, now.substr(0, 10));
        std::string text = tr("privacy.anonymize.plan", {std::to_string(plan.people), std::to_string(plan.exhibitors),
                                                         std::to_string(plan.operators)});
        text += "\n" + tr("privacy.anonymize.kept");
        if (!plan.anonymised_at.empty()) text += "\n" + tr("privacy.anonymize.already", {plan.anonymised_at});
        if (!plan.edition_over) text += "\n" + tr("privacy.anonymize.not_over_hint");
        auto j = summaryJson(plan);
        j["done"] = false;
        ctx.print(j, text);
        throw Error(ErrorKind::Refused, tr("privacy.anonymize.confirm"));
      }
      const auto done = privacy::anonymize(*store, actingUser(ctx), now, ao->before_end);
      auto j = summaryJson(done);
      j["done"] = true;
      std::string text = tr("privacy.anonymize.done", {std::to_string(done.people), std::to_string(done.exhibitors),
                                                       std::to_string(done.operators), std::to_string(done.notes)});
      if (done.audit_rows > 0) text += "\n" + tr("privacy.anonymize.audit_redacted", {std::to_string(done.audit_rows)});
      if (!done.scrubbed) text += "\n" + tr("privacy.anonymize.not_scrubbed", {done.scrub_error});
      ctx.print(j, text);
    };
  });
}

}  // namespace moussem::cli
