// Subcommand groups of the storyline CLI. Each tools/cmd_*.cc adds its subcommands to the
// app and returns, for each, the function main() runs when that subcommand was parsed.
// The options a subcommand binds live as long as the returned functions (captured state).
#ifndef STORYLINE_TOOLS_COMMANDS_H_
#define STORYLINE_TOOLS_COMMANDS_H_

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "storyline/store.h"

namespace storyline::cli {

constexpr int kExitOk = 0;
constexpr int kExitSomeFailed = 1;
constexpr int kExitUsage = 2;

struct Command {
  CLI::App* sub;
  std::function<int()> run;
};

// Opens the store, or says on stderr in one line why not and returns null. A reader is
// told how to create a store that does not exist (reading never creates one).
std::unique_ptr<Store> open_store(const std::string& db, bool read_only);

// summarize, timeline (tools/cmd_summarize.cc).
std::vector<Command> add_summary_commands(CLI::App& app);
// cluster, stories, story, digest (tools/cmd_stories.cc).
std::vector<Command> add_story_commands(CLI::App& app);

}  // namespace storyline::cli

#endif  // STORYLINE_TOOLS_COMMANDS_H_
