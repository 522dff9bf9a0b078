// The tokens copies are compared on. Internal header.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace storyline::dedup {

// Appends one hash per token: runs of letters/digits, lower-cased (ASCII), and each CJK
// character alone (Chinese and Japanese are written without spaces). Punctuation, case
// and spacing never make two texts differ.
void append_token_hashes(std::string_view utf8, std::vector<std::uint64_t>& out);

}  // namespace storyline::dedup
