// storyline summarize / timeline: extractive summaries of article sets read as JSONL.
#include "commands.h"

namespace storyline::cli {

std::vector<Command> add_summary_commands(CLI::App& /*app*/) { return {}; }

}  // namespace storyline::cli
