// Lenient reading of a model's answer, shared by the digest and its tests.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "storyline/status.h"

namespace storyline::llm {

// The first JSON object in a model's answer. Models wrap JSON in ``` fences, put
// reasoning (<think>…</think>) or a sentence before or after it, and leave trailing
// commas; all of that is skipped or repaired. Fails when no object can be read.
Result<nlohmann::json> find_json_object(std::string_view answer);

// TEXT cut to at most MAX_BYTES on a UTF-8 boundary, preferably at the end of a sentence
// or a word, with "…" when cut. Bytes, not characters: they track tokens more evenly
// across scripts (a CJK character is three bytes and about one token).
std::string truncate_utf8(std::string_view text, std::size_t max_bytes);

}  // namespace storyline::llm
