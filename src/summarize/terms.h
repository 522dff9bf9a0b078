// Words as the summarizers compare them: lowercased, lightly stemmed, stop words marked.
// Internal to src/summarize.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace storyline::summary_terms {

struct Term {
  std::string stem;   // "floods" -> "flood", "killed" -> "kill"; a CJK character as it is
  bool stop = false;  // English function word (the, of, said, ...)
};

// Letters and digits runs (ASCII case-folded; "U.S." -> "us"; "10,000" -> "10000"), and
// each CJK character as a term of its own (Chinese and Japanese have no spaces).
std::vector<Term> terms_of(std::string_view text);

// Crude suffix stripping; enough to match "floods"/"flooded"/"flooding" within a set.
std::string light_stem(std::string word);

bool is_stop_word(std::string_view lower_word);

}  // namespace storyline::summary_terms
