// `audit verify`: walks the audit trail's hash chain and names every edited, deleted or reordered row.
#include <iostream>

#include "cli_context.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "store/audit_chain.hpp"
#include "store/postgres/pg_db.hpp"

namespace moussem::cli {

void registerAudit(CLI::App& app, Context& ctx) {
  auto* audit = app.add_subcommand("audit", tr("cli.help.audit.about"));
  audit->require_subcommand(1);
  auto* verify = audit->add_subcommand("verify", tr("cli.help.audit.verify.about"));
  verify->callback([&ctx] {
    ctx.action = [&ctx] {
      ctx.require(Permission::ViewAudit);
      // A SQLite file is read as it is on disk (read-only, past any trigger); a server through the store.
      const auto rows = pg::isPostgresUrl(ctx.databasePath()) ? ctx.open()->auditChain() : readAuditLog(ctx.databasePath());
      const auto problems = verifyAuditChain(rows);
      nlohmann::json list = nlohmann::json::array();
      std::string text;
      for (const auto& p : problems) {
        std::string kind, line;
        switch (p.kind) {
          case AuditProblem::Kind::Edited:
            kind = "edited";
            line = tr("audit.verify.edited", {std::to_string(p.id)});
            break;
          case AuditProblem::Kind::Deleted:
            kind = "deleted";
            line = p.other > p.id ? tr("audit.verify.deleted_range", {std::to_string(p.id), std::to_string(p.other)})
                                  : tr("audit.verify.deleted", {std::to_string(p.id)});
            break;
          case AuditProblem::Kind::Reordered:
            kind = "reordered";
            line = tr("audit.verify.reordered", {std::to_string(p.id), std::to_string(p.other)});
            break;
        }
        nlohmann::json j{{"row", p.id}, {"problem", kind}};
        if (p.other) j[p.kind == AuditProblem::Kind::Deleted ? "last" : "belongs_at"] = p.other;
        list.push_back(j);
        text += line + "\n";
      }
      if (problems.empty()) {
        ctx.print({{"rows", rows.size()}, {"ok", true}, {"problems", list}},
                  tr("audit.verify.ok", {std::to_string(rows.size())}));
        return;
      }
      if (ctx.json) std::cout << nlohmann::json{{"rows", rows.size()}, {"ok", false}, {"problems", list}}.dump() << "\n";
      else std::cout << text;
      throw Error(ErrorKind::Corrupt, tr("audit.verify.broken", {std::to_string(problems.size())}));
    };
  });

  static AuditFilter filter;
  static int limit = 50;
  auto* list = audit->add_subcommand("list", tr("cli.help.audit.list.about"));
  list->add_option("--by", filter.user_name, tr("cli.help.audit.list.by"));
  list->add_option("--action", filter.action, tr("cli.help.audit.list.action"));
  list->add_option("--entity", filter.entity, tr("cli.help.audit.list.entity"));
  list->add_option("--id", filter.entity_id, tr("cli.help.audit.list.id"));
  list->add_option("--from", filter.from, tr("cli.help.audit.list.from"));
  list->add_option("--to", filter.to, tr("cli.help.audit.list.to"));
  list->add_option("--limit", limit, tr("cli.help.audit.list.limit"))->check(CLI::Range(1, 100000));
  list->callback([&ctx] {
    ctx.action = [&ctx] {
      auto store = ctx.open();
      nlohmann::json arr = nlohmann::json::array();
      std::string text;
      for (const auto& r : store->auditRows(filter, limit)) {
        arr.push_back({{"id", r.id}, {"at", r.at}, {"user", r.user_name}, {"role", r.role}, {"station", r.station},
                       {"action", r.action}, {"entity", r.entity}, {"entity_id", r.entity_id},
                       {"before", r.before}, {"after", r.after}, {"redacted_at", r.redacted_at}});
        text += std::to_string(r.id) + "  " + r.at + "  " + r.user_name + " (" + r.role + ", " + r.station + ")  " +
                r.action + "  " + r.entity + (r.entity_id.empty() ? "" : " " + r.entity_id) + "\n";
      }
      if (arr.empty()) text = tr("audit.list.none");
      ctx.print(arr, text);
    };
  });
}

}  // namespace moussem::cli
