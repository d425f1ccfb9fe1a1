// `audit verify [--anchor FILE]`: walks the audit trail's hash chain and names every edited, deleted or
// reordered row; checks the trail against its anchors (the insert-only anchor table, and the signed
// anchor of a backup's checksum file or a report: store/audit_anchor.hpp); refuses an empty trail of an
// edition that has data.
#include <sodium.h>

#include <algorithm>
#include <array>
#include <iostream>
#include <map>
#include <set>

#include "cli_context.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/live_files.hpp"
#include "core/paths.hpp"
#include "core/signing_key.hpp"
#include "store/audit_anchor.hpp"
#include "store/audit_chain.hpp"
#include "store/postgres/pg_db.hpp"

namespace moussem::cli {

namespace {

struct Finding {
  std::string code, line;
  nlohmann::json detail = nlohmann::json::object();
};

// An edition with people, exhibitors, badges, booths or users has had changes: its trail cannot be empty.
bool hasData(Store& store) {
  const Overview o = store.overview();
  return o.people + o.exhibitors + o.badges + o.booths + o.halls > 0 || !store.users().empty();
}

std::string shortHash(const std::string& h) {
  return h.substr(0, 12);
}

// The insert-only anchor table against the trail: every anchored row still there with its hash, and
// every row anchored (a row inserted past Moussem has none).
void checkAnchorTable(Store& store, const std::vector<AuditRow>& rows, std::vector<Finding>& out) {
  std::vector<AuditHead> anchors;
  try {
    anchors = store.auditAnchors();
  } catch (const Error& e) {
    out.push_back({"anchors_unavailable", tr("audit.verify.anchors_unavailable", {e.what()})});
    return;
  }
  std::map<std::int64_t, const AuditRow*> byId;
  for (const auto& r : rows) byId[r.id] = &r;
  std::set<std::int64_t> anchored;
  for (const auto& a : anchors) {
    anchored.insert(a.id);
    auto it = byId.find(a.id);
    if (it == byId.end())
      out.push_back({"anchor_missing", tr("audit.verify.anchor_missing", {std::to_string(a.id)}), {{"row", a.id}}});
    else if (it->second->hash != a.hash)
      out.push_back({"anchor_mismatch", tr("audit.verify.anchor_mismatch", {std::to_string(a.id)}), {{"row", a.id}}});
  }
  for (const auto& r : rows)
    if (!anchored.count(r.id))
      out.push_back({"unanchored", tr("audit.verify.unanchored", {std::to_string(r.id)}), {{"row", r.id}}});
}

// An anchor file (a backup's checksum file, a report, any file with an anchor line).
void checkAnchorFile(Store& store, const Context& ctx, const std::string& file, const std::vector<AuditRow>& rows,
                     std::vector<Finding>& out, std::vector<std::string>& notes, nlohmann::json& checked) {
  const auto anchors = findAuditAnchors(live_files::readUserFile(file));  // never the open database itself
  if (anchors.empty()) throw Error(ErrorKind::Invalid, tr("audit.verify.no_anchor", {file}));
  const auto edition = store.edition();
  // The edition's key: the key file's public half where this station has it, else the database's.
  std::array<unsigned char, 32> publicKey{};
  const auto keyFile = paths::keyFileFor(ctx.databasePath());
  std::error_code ec;
  if (std::filesystem::exists(keyFile, ec)) {
    publicKey = readKeyFile(keyFile).public_key;
  } else if (edition) {
    std::size_t len = 0;
    sodium_base642bin(publicKey.data(), publicKey.size(), edition->public_key.data(), edition->public_key.size(),
                      nullptr, &len, nullptr, sodium_base64_VARIANT_ORIGINAL);
  }
  for (const auto& a : anchors) {
    nlohmann::json j{{"file", file}, {"row", a.id}, {"hash", a.hash}, {"at", a.at}};
    if (!edition || a.edition != edition->uid) {
      out.push_back({"anchor_other_edition", tr("audit.verify.file_other_edition", {file, a.edition}), j});
      continue;
    }
    const auto signature = checkAnchorSignature(a, publicKey);
    j["signed"] = signature == AnchorSignature::Valid;
    if (signature == AnchorSignature::Invalid) {
      out.push_back({"anchor_signature", tr("audit.verify.file_signature", {file}), j});
      continue;
    }
    if (signature == AnchorSignature::Unsigned) notes.push_back(tr("audit.verify.file_unsigned", {file}));
    const bool held = a.id == 0 || std::any_of(rows.begin(), rows.end(),
                                               [&](const AuditRow& r) { return r.id == a.id && r.hash == a.hash; });
    if (!held) {
      out.push_back(
          {"anchor_lost", tr("audit.verify.file_lost", {file, std::to_string(a.id), shortHash(a.hash), a.at}), j});
      continue;
    }
    notes.push_back(tr("audit.verify.file_ok", {file, std::to_string(a.id), a.at}));
    checked.push_back(j);
  }
}

}  // namespace

void registerAudit(CLI::App& app, Context& ctx) {
  auto* audit = app.add_subcommand("audit", tr("cli.help.audit.about"));
  audit->require_subcommand(1);
  auto* verify = audit->add_subcommand("verify", tr("cli.help.audit.verify.about"));
  auto anchorFile = std::make_shared<std::string>();
  verify->add_option("--anchor", *anchorFile, tr("cli.help.audit.verify.anchor"));
  verify->callback([&ctx, anchorFile] {
    ctx.action = [&ctx, anchorFile] {
      ctx.require(Permission::ViewAudit);
      auto store = ctx.open();
      // A SQLite file is read as it is on disk (read-only, past any trigger); a server through the store.
      const auto rows = pg::isPostgresUrl(ctx.databasePath()) ? store->auditChain() : readAuditLog(ctx.databasePath());
      std::vector<Finding> findings;
      for (const auto& p : verifyAuditChain(rows)) {
        Finding f;
        f.detail["row"] = p.id;
        switch (p.kind) {
          case AuditProblem::Kind::Edited:
            f.code = "edited";
            f.line = tr("audit.verify.edited", {std::to_string(p.id)});
            break;
          case AuditProblem::Kind::Deleted:
            f.code = "deleted";
            f.line = p.other > p.id ? tr("audit.verify.deleted_range", {std::to_string(p.id), std::to_string(p.other)})
                                    : tr("audit.verify.deleted", {std::to_string(p.id)});
            break;
          case AuditProblem::Kind::Reordered:
            f.code = "reordered";
            f.line = tr("audit.verify.reordered", {std::to_string(p.id), std::to_string(p.other)});
            break;
        }
        if (p.other) f.detail[p.kind == AuditProblem::Kind::Deleted ? "last" : "belongs_at"] = p.other;
        findings.push_back(std::move(f));
      }
      if (rows.empty() && hasData(*store)) findings.push_back({"empty", tr("audit.verify.empty")});
      checkAnchorTable(*store, rows, findings);
      std::vector<std::string> notes;
      nlohmann::json checked = nlohmann::json::array();
      if (!anchorFile->empty()) checkAnchorFile(*store, ctx, *anchorFile, rows, findings, notes, checked);

      nlohmann::json list = nlohmann::json::array();
      std::string text;
      for (const auto& f : findings) {
        nlohmann::json j = f.detail;
        j["problem"] = f.code;
        list.push_back(j);
        text += f.line + "\n";
      }
      nlohmann::json result{{"rows", rows.size()}, {"ok", findings.empty()}, {"problems", list}};
      if (!anchorFile->empty()) result["anchors"] = checked;
      std::string noteText;
      for (const auto& n : notes) noteText += n + "\n";
      if (findings.empty()) {
        ctx.print(result, noteText + tr("audit.verify.ok", {std::to_string(rows.size())}));
        return;
      }
      if (ctx.json)
        std::cout << result.dump() << "\n";
      else
        std::cout << noteText << text;
      throw Error(ErrorKind::Corrupt, tr("audit.verify.broken", {std::to_string(findings.size())}));
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
        arr.push_back({{"id", r.id},
                       {"at", r.at},
                       {"user", r.user_name},
                       {"role", r.role},
                       {"station", r.station},
                       {"action", r.action},
                       {"entity", r.entity},
                       {"entity_id", r.entity_id},
                       {"before", r.before},
                       {"after", r.after},
                       {"redacted_at", r.redacted_at}});
        text += std::to_string(r.id) + "  " + r.at + "  " + r.user_name + " (" + r.role + ", " + r.station + ")  " +
                r.action + "  " + r.entity + (r.entity_id.empty() ? "" : " " + r.entity_id) + "\n";
      }
      if (arr.empty()) text = tr("audit.list.none");
      ctx.print(arr, text);
    };
  });
}

}  // namespace moussem::cli
