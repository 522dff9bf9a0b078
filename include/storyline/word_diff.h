// How much one version of a text differs from another, in words: the size of the
// shortest edit script of word insertions and deletions (Myers' O(ND) diff), the diff
// size of an `update` link between copies.
//
// Words are the tokens copies are compared on: runs of letters and digits, case folded,
// each CJK character alone; punctuation and spacing are not words, so re-encoding or
// reflowing a text costs nothing. Time is O((N+M)·D) for texts of N and M words at edit
// distance D, and D is searched only up to max_edits: past it the figures are the
// multiset difference (words whose counts differ), a lower bound, and `exact` is false.
#pragma once

#include <cstddef>
#include <string_view>

namespace storyline {

struct WordDiff {
  std::size_t removed = 0;  // words of `before` not in the common subsequence
  std::size_t added = 0;    // words of `after` not in it
  bool exact = true;        // false: lower bounds, the edit distance exceeded max_edits
};

WordDiff word_diff(std::string_view before, std::string_view after, std::size_t max_edits = 4000);

}  // namespace storyline
