// `badge payload|render|reprint|revoke` and `keys export-public`.
#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include "badge/badge_render.hpp"
#include "badge/badge_service.hpp"
#include "cli_context.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"

namespace moussem::cli {

namespace {

struct BadgeOptions {
  long long person = 0;
  bool all = false;
  std::string category, out, tmpl = "a6", reason, file;
};

Operator whoIsHere() {
  char host[256] = {};
  ::gethostname(host, sizeof host - 1);
  const char* user = std::getenv("USER");
  return {host, user ? user : ""};
}

BadgeService serviceFor(Store& store, const Context& ctx) {
  return BadgeService(store, BadgeService::keyBeside(ctx.databasePath()), whoIsHere());
}

std::string extensionOf(const std::string& path) {
  auto dot = path.rfind('.');
  std::string ext = dot == std::string::npos ? "" : path.substr(dot + 1);
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

nlohmann::json badgeJson(Id person, const Badge& b) {
  return {{"person", person}, {"serial", b.serial}, {"version", b.version}, {"status", b.status}};
}

}  // namespace

void registerBadge(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<BadgeOptions>();
  auto* badge = app.add_subcommand("badge", "Badges: payload, render, reprint, revoke");
  badge->require_subcommand(1);

  auto* payload = badge->add_subcommand("payload", "Print the current QR payload of a person's badge");
  payload->add_option("--person", o->person, "Person id")->required();
  payload->callback([&ctx, o] {
    ctx.action = [&ctx, o] {
      auto store = ctx.open();
      auto svc = serviceFor(*store, ctx);
      std::string text = svc.payload(o->person);
      auto j = badgeJson(o->person, *store->badgeOfPerson(o->person));
      j["payload"] = text;
      ctx.print(j, text);
    };
  });

  auto* render = badge->add_subcommand("render", "Render badges to one PDF (or one badge to PNG, 300 dpi)");
  auto* byPerson = render->add_option("--person", o->person, "One person");
  auto* all = render->add_flag("--all", o->all, "Everyone");
  auto* byCategory = render->add_option("--category", o->category, "Everyone of a category");
  byPerson->excludes(all, byCategory);
  all->excludes(byCategory);
  render->add_option("--out", o->out, "FILE.pdf or FILE.png")->required();
  render->add_option("--template", o->tmpl, "a6 (default), cr80, a4x4, or a template .json file");
  render->callback([&ctx, o, byPerson, all, byCategory] {
    if (byPerson->count() + all->count() + byCategory->count() == 0)
      throw CLI::ValidationError("badge render", "one of --person, --all or --category is required");
    ctx.action = [&ctx, o] {
      const std::string ext = extensionOf(o->out);
      if (ext != "pdf" && ext != "png") throw Error(ErrorKind::Usage, tr("cli.error.render_ext", {o->out}));
      auto store = ctx.open();
      auto svc = serviceFor(*store, ctx);
      std::vector<Id> ids = o->person ? std::vector<Id>{o->person} : store->personIds(o->category);
      if (ids.empty()) throw Error(ErrorKind::NotFound, tr("cli.error.nobody"));
      if (ext == "png" && ids.size() != 1) throw Error(ErrorKind::Usage, tr("cli.error.png_one"));
      BadgeRenderer renderer(loadTemplate(o->tmpl));
      std::vector<BadgeFace> faces;
      faces.reserve(ids.size());
      store->write([&] {  // badges issued for the batch are kept only if the whole batch renders
        for (std::size_t i = 0; i < ids.size(); ++i) {
          faces.push_back(svc.face(ids[i]));
          ctx.progress(tr("badge.progress.prepare"), static_cast<double>(i + 1) / static_cast<double>(ids.size()));
        }
        if (ext == "png") renderer.renderPng(o->out, faces.front(), 300);
        else
          renderer.renderPdf(o->out, faces, [&](std::size_t done, std::size_t total) {
            ctx.progress(tr("badge.progress.render"), static_cast<double>(done) / static_cast<double>(total));
          });
      });
      ctx.print({{"out", o->out}, {"badges", faces.size()}, {"template", renderer.badgeTemplate().name}},
                trn("badge.rendered", static_cast<long long>(faces.size())) + " → " + o->out);
    };
  });

  for (const char* action : {"reprint", "revoke"}) {
    const bool isReprint = std::string(action) == "reprint";
    auto* sub = badge->add_subcommand(action, isReprint ? "New version of a badge; the old one stops working"
                                                        : "Revoke a badge: it stops working at every gate");
    sub->add_option("--person", o->person, "Person id")->required();
    sub->add_option("--reason", o->reason, "Why (kept in the badge's log)")->required();
    sub->callback([&ctx, o, isReprint] {
      ctx.action = [&ctx, o, isReprint] {
        auto store = ctx.open();
        auto svc = serviceFor(*store, ctx);
        Badge b = isReprint ? svc.reprint(o->person, o->reason) : svc.revoke(o->person, o->reason);
        ctx.print(badgeJson(o->person, b), tr(isReprint ? "badge.reprinted" : "badge.revoked",
                                              {b.serial, std::to_string(b.version)}));
      };
    });
  }

  auto* keys = app.add_subcommand("keys", "Signing keys");
  keys->require_subcommand(1);
  auto* exportPublic = keys->add_subcommand("export-public", "Write the edition's public key for gate stations");
  exportPublic->add_option("file", o->file, "Output file")->required();
  exportPublic->callback([&ctx, o] {
    ctx.action = [&ctx, o] {
      auto store = ctx.open();
      auto ed = store->edition();
      if (!ed) throw Error(ErrorKind::Corrupt, tr("badge.error.no_edition"));
      std::ofstream out(o->file, std::ios::trunc);
      out << "moussem-public-key 1\nedition " << ed->uid << "\npublic " << ed->public_key << "\n";
      out.close();
      if (!out) throw Error(ErrorKind::Io, tr("render.error.write", {o->file, "I/O"}));
      ctx.print({{"file", o->file}, {"edition", ed->uid}, {"public_key", ed->public_key}},
                tr("keys.exported", {o->file}));
    };
  });
}

}  // namespace moussem::cli
