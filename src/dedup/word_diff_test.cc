#include "storyline/word_diff.h"

#include <gtest/gtest.h>

#include <string>

namespace storyline {
namespace {

TEST(WordDiff, IdenticalTextsDifferByNothingWhateverTheSpacingAndCase) {
  const WordDiff d = word_diff("The minister said, on Friday: \"no\".", "the   minister said on friday no");
  EXPECT_EQ(d.removed, 0u);
  EXPECT_EQ(d.added, 0u);
  EXPECT_TRUE(d.exact);
}

TEST(WordDiff, CountsReplacedInsertedAndDeletedWords) {
  // "three" -> "four" is one removal and one addition; "late" inserted; "again" deleted.
  const WordDiff d = word_diff("Police arrested three men on Monday and again", "Police arrested four men late on Monday and");
  EXPECT_EQ(d.removed, 2u);
  EXPECT_EQ(d.added, 2u);
  EXPECT_TRUE(d.exact);
}

TEST(WordDiff, AnUpdateAppendingAParagraph) {
  std::string before;
  for (int i = 0; i < 300; ++i) before += "word" + std::to_string(i) + " ";
  const std::string after = before + "Updated at 5 pm with a statement from the ministry.";
  const WordDiff d = word_diff(before, after);
  EXPECT_EQ(d.removed, 0u);
  EXPECT_EQ(d.added, 10u);
}

TEST(WordDiff, ChineseCountsCharacters) {
  const WordDiff d = word_diff("美国总统拜登周四表示", "美国总统拜登周五表示");
  EXPECT_EQ(d.removed, 1u);
  EXPECT_EQ(d.added, 1u);
}

TEST(WordDiff, PastTheEditBudgetGivesTheMultisetLowerBound) {
  // Reversing 50 distinct words needs 98 edits; with a budget of 10 the answer is the
  // multiset difference, 0 (same words), flagged as not exact.
  std::string fwd, rev;
  for (int i = 0; i < 50; ++i) fwd += "w" + std::to_string(i) + " ";
  for (int i = 49; i >= 0; --i) rev += "w" + std::to_string(i) + " ";
  const WordDiff exact = word_diff(fwd, rev);
  EXPECT_TRUE(exact.exact);
  EXPECT_EQ(exact.removed, 49u);
  EXPECT_EQ(exact.added, 49u);
  const WordDiff bounded = word_diff(fwd, rev, 10);
  EXPECT_FALSE(bounded.exact);
  EXPECT_EQ(bounded.removed, 0u);
  EXPECT_EQ(bounded.added, 0u);
}

TEST(WordDiff, EmptySides) {
  EXPECT_EQ(word_diff("", "one two three").added, 3u);
  EXPECT_EQ(word_diff("one two three", "").removed, 3u);
}

}  // namespace
}  // namespace storyline
