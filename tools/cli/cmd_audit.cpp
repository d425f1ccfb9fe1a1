// `audit verify`: walks the audit trail's hash chain and names every edited, deleted or reordered row.
#include <iostream>

#include "cli_context.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "store/audit_chain.hpp"

namespace moussem::cli {

void registerAudit(CLI::App& app, Context& ctx) {
  auto* audit = app.add_subcommand("audit", "The audit trail");
  audit->require_subcommand(1);
  auto* verify = audit->add_subcommand("verify", "Check the hash chain; name every edited, deleted or reordered row");
  verify->callback([&ctx] {
    ctx.action = [&ctx] {
      const auto rows = readAuditLog(ctx.databasePath());
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
}

}  // namespace moussem::cli
