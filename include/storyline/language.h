// Language identification (CLD2) for a text, including mixed-language texts.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace storyline {

// BCP-47 codes of the languages that make up at least min_share of the text, largest
// share first; empty when the text is too short or unknown. A text mixing scripts
// (Chinese with an English translation) yields both.
std::vector<std::string> detect_languages(std::string_view utf8_text, double min_share = 0.2);

}  // namespace storyline
