// Event terms: what of an article the event clusterer compares (pure, thread-safe).
//
// A document becomes weighted term hashes. English (and other space-separated scripts):
// lower-cased words, stop words dropped, plural/tense endings stripped. Chinese and
// Japanese runs: segmented with CC-CEDICT and mapped to the English terms of each word,
// so a Chinese article and an English one about the same event share terms; without a
// dictionary, CJK character bigrams. Numbers stay as written ("410,000" → "410000").
//
// Weights: the title counts title_weight times a body line; the body's lines count less
// the further down they are (news puts the event's specifics first). Capitalised words
// that do not start a sentence, and numbers, are also kept as `names`: the anchors that
// link events into stories and keep two same-kind events apart.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "storyline/cedict.h"

namespace storyline {

struct TermOptions {
  double title_weight = 2.0;
  double position_decay = 0.3;  // line k of the body weighs 1 / (1 + decay * k)
  // Numbers and dates count this many words: they are written the same in every language
  // and tell two events of the same kind apart (23 pirates, not 26).
  double anchor_weight = 5.0;
  // Reading stops at the first line that starts after this many terms (0: read it all):
  // an event's specifics are in the first paragraphs, and the tail of a long article
  // mostly adds background that other events share. Counted in terms, not bytes, so
  // it means the same in every script.
  int max_body_terms = 0;
};

struct WeightedTerm {
  std::uint64_t hash = 0;
  float weight = 0;  // raw, summed over occurrences (not yet tf-idf)
};

struct DocumentTerms {
  // Unique, in order of first occurrence (title first): deterministic, but not sorted.
  // The clusterer keeps only a document's strongest terms and sorts just those.
  std::vector<WeightedTerm> terms;
  std::vector<std::uint64_t> names;  // sorted, unique: capitalised words and numbers
  std::vector<int> month_days;       // days the text names, month * 100 + day ("May 13" → 513)
};

DocumentTerms document_terms(std::string_view title, std::string_view text, const ChineseDictionary* dictionary,
                             const TermOptions& options = {});

// The hash of one English term as document_terms writes it ("strikes" and "strike" agree).
std::uint64_t term_hash(std::string_view word);

}  // namespace storyline
