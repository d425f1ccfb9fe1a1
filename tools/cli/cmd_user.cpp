// `user add|list|disable|enable|set-pin|set-role`: the people who sign in, their roles and PINs. Only an
// administrator may run them (GuardedStore refuses the others). A new PIN is asked twice at a terminal,
// or read from the first line of stdin with --pin-stdin (scripts); it is never an argument, so it never
// shows in the process list or the shell history.
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "cli_context.hpp"
#include "core/domain_json.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "store/users.hpp"

namespace moussem::cli {

namespace {

std::string newPin(const std::string& name, bool fromStdin) {
  std::string pin = readNewSecret(tr("user.prompt.new_pin", {name}), fromStdin, tr("user.error.pin_stdin"));
  users::checkPin(pin);
  return pin;
}

std::string line(const User& u) {
  std::string s = u.name + "  " + codeLabel(u.role);
  if (u.disabled)
    s += "  · " + tr("user.state.disabled");
  else if (!u.locked_until.empty())
    s += "  · " + tr("user.state.locked", {u.locked_until});
  return s;
}

}  // namespace

void registerUser(CLI::App& app, Context& ctx) {
  auto* user = app.add_subcommand("user", tr("cli.help.user.about"));
  user->require_subcommand(1);
  static std::string name, role;
  static bool pinStdin = false;

  auto* add = user->add_subcommand("add", tr("cli.help.user.add.about"));
  add->add_option("name", name, tr("cli.help.user.name"))->required();
  add->add_option("--role", role, tr("cli.help.user.role"))->required();
  add->add_flag("--pin-stdin", pinStdin, tr("cli.help.user.pin-stdin"));
  add->callback([&ctx] {
    ctx.action = [&ctx] {
      const Role r = roleOf(role);
      users::checkName(name);
      auto store = ctx.open();
      ctx.require(Permission::ManageUsers);
      const std::string pin = newPin(name, pinStdin);
      User u = users::addUser(*store, ctx.actor(), name, r, pin);
      ctx.print(nlohmann::json(u), tr("user.added", {u.name, codeLabel(u.role)}));
    };
  });

  auto* list = user->add_subcommand("list", tr("cli.help.user.list.about"));
  list->callback([&ctx] {
    ctx.action = [&ctx] {
      auto store = ctx.open();
      nlohmann::json arr = nlohmann::json::array();
      std::string text;
      for (const auto& u : store->users()) {
        arr.push_back(u);
        text += line(u) + "\n";
      }
      if (arr.empty()) text = tr("user.none");
      ctx.print(arr, text);
    };
  });

  for (bool disable : {true, false}) {
    auto* cmd = user->add_subcommand(disable ? "disable" : "enable",
                                     disable ? tr("cli.help.user.disable.about") : tr("cli.help.user.enable.about"));
    cmd->add_option("name", name, tr("cli.help.user.name"))->required();
    cmd->callback([&ctx, disable] {
      ctx.action = [&ctx, disable] {
        auto store = ctx.open();
        users::setDisabled(*store, ctx.actor(), name, disable);
        ctx.print({{"name", name}, {"disabled", disable}}, tr(disable ? "user.disabled" : "user.enabled", {name}));
      };
    });
  }

  auto* setPin = user->add_subcommand("set-pin", tr("cli.help.user.set-pin.about"));
  setPin->add_option("name", name, tr("cli.help.user.name"))->required();
  setPin->add_flag("--pin-stdin", pinStdin, tr("cli.help.user.pin-stdin"));
  setPin->callback([&ctx] {
    ctx.action = [&ctx] {
      auto store = ctx.open();
      ctx.require(Permission::ManageUsers);
      const std::string pin = newPin(name, pinStdin);
      users::setPin(*store, ctx.actor(), name, pin);
      ctx.print({{"name", name}, {"pin_set", true}}, tr("user.pin_set", {name}));
    };
  });

  auto* setRole = user->add_subcommand("set-role", tr("cli.help.user.set-role.about"));
  setRole->add_option("name", name, tr("cli.help.user.name"))->required();
  setRole->add_option("--role", role, tr("cli.help.user.role"))->required();
  setRole->callback([&ctx] {
    ctx.action = [&ctx] {
      const Role r = roleOf(role);
      auto store = ctx.open();
      users::setRole(*store, ctx.actor(), name, r);
      ctx.print({{"name", name}, {"role", role}}, tr("user.role_set", {name, codeLabel(r)}));
    };
  });
}

}  // namespace moussem::cli
