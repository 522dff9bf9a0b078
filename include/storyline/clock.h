// The current time as the pipeline writes it: UTC, ISO 8601, whole seconds.
#pragma once

#include <string>

namespace storyline {

std::string now_iso8601();  // "2031-03-03T09:00:00Z"

}  // namespace storyline
