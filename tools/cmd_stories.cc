// storyline cluster / stories / story / digest: events and story threads.
#include "commands.h"

namespace storyline::cli {

std::vector<Command> add_story_commands(CLI::App& /*app*/) { return {}; }

}  // namespace storyline::cli
